import * as vscode from 'vscode';
import { MattermostClient } from '../core/mattermost/client';
import { adviceFor } from '../core/mattermost/errors';
import { networkSettings } from './config';
import { Logger } from './logger';
import { createClient } from './mattermost';
import { PayloadDiagnostics } from './diagnostics';
import { PayloadKinds } from './payloadKinds';
import { Prompts } from './prompts';
import { CredentialStore, SecretStorageFailure } from './secrets';
import { SendHistory } from './history';

/** What the command adapters share. Built once in activate(). */
export interface Services {
  context: vscode.ExtensionContext;
  logger: Logger;
  store: CredentialStore;
  prompts: Prompts;
  kinds: PayloadKinds;
  diagnostics: PayloadDiagnostics;
  history: SendHistory;
  client(): MattermostClient;
}

export function createServices(context: vscode.ExtensionContext, logger: Logger, kinds: PayloadKinds, diagnostics: PayloadDiagnostics): Services {
  const store = new CredentialStore(context.secrets, context.globalState);
  context.subscriptions.push(store);
  return {
    context, logger, store, kinds, diagnostics,
    prompts: new Prompts(),
    history: new SendHistory(context.workspaceState),
    client: () => createClient(logger, networkSettings().timeoutMs),
  };
}

/**
 * Shows a failure as what to do about it: never a stack trace, never a secret (adviceFor redacts).
 * Returns the one-line text shown, for tests and the send history.
 */
export function reportError(s: Services, area: string, error: unknown, prefix = ''): string {
  if (error instanceof SecretStorageFailure) {
    s.logger.error(area, error.message);
    void s.prompts.current.error(error.message, 'Show Log').then(a => { if (a) s.logger.show(); });
    return error.message;
  }
  const advice = adviceFor(error);
  const text = `${prefix}${advice.summary}: ${advice.detail}`;
  s.logger.error(area, text);
  void s.prompts.current.error(text, 'Show Log').then(a => { if (a) s.logger.show(); });
  return text;
}
