import * as vscode from 'vscode';
import { lint } from '../core/payload/lint';
import { Logger } from './logger';
import { PayloadDiagnostics } from './diagnostics';
import { PayloadKinds } from './payloadKinds';
import { ServerProfiles } from './profiles';
import { Prompts } from './prompts';
import { CredentialStore } from './secrets';
import { SendHistory } from './history';

/** What the command adapters share. Built once in activate(); the lazily loaded commands get it. */
export interface Services {
  context: vscode.ExtensionContext;
  logger: Logger;
  store: CredentialStore;
  prompts: Prompts;
  kinds: PayloadKinds;
  diagnostics: PayloadDiagnostics;
  history: SendHistory;
  /** The target-server profiles (issue 11): which server version and settings a file is linted against. */
  profiles: ServerProfiles;
  /** The linter of the main bundle (the commands bundle does not carry its own). */
  lint: typeof lint;
}

export function createServices(context: vscode.ExtensionContext, logger: Logger, kinds: PayloadKinds, diagnostics: PayloadDiagnostics, profiles: ServerProfiles): Services {
  const store = new CredentialStore(context.secrets, context.globalState);
  context.subscriptions.push(store);
  return { context, logger, store, kinds, diagnostics, profiles, lint, prompts: new Prompts(), history: new SendHistory(context.workspaceState) };
}
