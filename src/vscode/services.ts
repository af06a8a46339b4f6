import * as vscode from 'vscode';
import { LintResult, SendHistory, StateStore } from '../core/mattermost/send';
import type { BodyText } from '../core/mattermost/types';
import { LintOptions } from '../core/payload/lint';
import { Kind, Problem } from '../core/payload/problem';
import { lintSettings, NetworkSettings, networkSettings } from './config';
import { PayloadDiagnostics } from './diagnostics';
import { readText } from './documentText';
import { Logger } from './logger';
import { PayloadKinds } from './payloadKinds';
import { ServerProfiles } from './profiles';
import { Prompts } from './prompts';
import { Credentials } from './secrets';
import { ensureTrusted } from './trust';

// The small ports the command adapters (src/vscode/commands, bundled apart as dist/commands.js) get
// instead of the whole ExtensionContext. Each is implemented here, in the main bundle.

/** Settings the commands read (network ones only as trust allows; see config.ts). */
interface SettingsPort {
  network(): NetworkSettings;
  /** setting mattermostPayloads.lint.disabledRules for a document. */
  disabledRules(scope: vscode.Uri | undefined): string[];
}

/** Workspace Trust: false (and the user told why, with a way out) when the workspace is not trusted. */
interface TrustPort { ensure(what: string): boolean }

/** A document as the send commands read it: the editor's text, unsaved changes included. */
export interface EditorDocument {
  uri: vscode.Uri;
  version: number;
  /** Its text at `version`; a big one in slices (read one per turn, never joined: see readText). */
  text: BodyText;
  /** Its payload kind (the user's choice, a setting, `$schema` or the file name), if it is a payload. */
  kind: Kind | undefined;
  /** Its path relative to the workspace, as shown and recorded. */
  name: string;
}

/** What the commands need from the editor, besides questions (Prompts). */
interface EditorHost {
  /** The open document with this uri; without one, the active editor's document. */
  document(uri?: vscode.Uri): Promise<EditorDocument | undefined>;
  /** Opens (without showing) a file by its workspace-relative path; undefined when it cannot be read. */
  openWorkspaceFile(relative: string): Promise<EditorDocument | undefined>;
  show(uri: vscode.Uri): Promise<void>;
  /** A Uri for a recorded file name that has no document (the scope its settings are read with). */
  uriOf(file: string): vscode.Uri;
  showProblems(): void;
  openExternal(url: string): void;
  /** Runs a network task behind a cancellable progress notification. */
  withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** The editor's lint results, so a send does not lint again what the editor has just linted. */
interface LintPort {
  /** The latest result for exactly this document version, if the editor has one. */
  latest(doc: EditorDocument): LintResult | undefined;
  /** Lints a text the editor has no result for (in the lint worker when big). Publishes nothing. */
  lint: (text: string, kind: Kind, options?: LintOptions) => Promise<Problem[]>;
}

/** What the command adapters share. Built once in activate(); the lazily loaded commands get it. */
export interface Services {
  logger: Logger;
  /** Accounts and webhook URLs (SecretStorage). */
  store: Credentials;
  prompts: Prompts;
  editor: EditorHost;
  settings: SettingsPort;
  trust: TrustPort;
  lints: LintPort;
  /** Workspace state: targets sent to, the last channel. */
  state: StateStore;
  history: SendHistory;
  /** The target-server profiles (issue 11): which server version and settings a file is linted against. */
  profiles: ServerProfiles;
}

export function createServices(parts: {
  logger: Logger; store: Credentials; kinds: PayloadKinds; diagnostics: PayloadDiagnostics; workspaceState: vscode.Memento; profiles: ServerProfiles;
}): Services {
  const { logger, store, kinds, diagnostics, workspaceState, profiles } = parts;
  const asDocument = async (doc: vscode.TextDocument): Promise<EditorDocument> => ({
    uri: doc.uri, ...await readText(doc), kind: kinds.kindOf(doc)?.kind, name: vscode.workspace.asRelativePath(doc.uri),
  });
  const editor: EditorHost = {
    document: async uri => {
      const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      return doc ? await asDocument(doc) : undefined;
    },
    openWorkspaceFile: async relative => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return undefined;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relative)).then(d => d, () => undefined);
      return doc ? await asDocument(doc) : undefined;
    },
    show: async uri => { await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: true }); },
    uriOf: file => vscode.Uri.file(file),
    showProblems: () => void vscode.commands.executeCommand('workbench.actions.view.problems'),
    openExternal: url => void vscode.env.openExternal(vscode.Uri.parse(url)),
    withProgress: (title, task) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try { return await task(controller.signal); } finally { sub.dispose(); }
    })),
  };
  return {
    logger, store, editor, profiles,
    prompts: new Prompts(),
    settings: { network: () => networkSettings(), disabledRules: scope => lintSettings(scope).disabledRules },
    trust: { ensure: ensureTrusted },
    lints: { latest: doc => diagnostics.latestResult(doc.uri, doc.version), lint: (text, kind, options) => diagnostics.lintText(text, kind, options) },
    state: workspaceState,
    history: new SendHistory(workspaceState),
  };
}
