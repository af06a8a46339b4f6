import * as vscode from 'vscode';
import { redact } from './core/mattermost/redact';
import { AccountStatusBar } from './vscode/accountStatusBar';
import { PayloadAssist } from './vscode/assist';
import { PayloadCodeActions, disableRule } from './vscode/codeActions';
import { DefinitionCodeLens, PayloadCodeLens } from './vscode/codeLens';
import { PayloadDiagnostics } from './vscode/diagnostics';
import { Commands, loadCommands } from './vscode/lazy';
import { Logger } from './vscode/logger';
import { PayloadKinds } from './vscode/payloadKinds';
import { PreviewPanel } from './vscode/previewPanel';
import { ProfileStatusBar } from './vscode/profileStatus';
import { ServerProfiles } from './vscode/profiles';
import { SchemaContentProvider } from './vscode/schemaProvider';
import { CredentialStore } from './vscode/secrets';
import { createServices, Services } from './vscode/services';
import { KindStatusBar, selectKind } from './vscode/statusBar';

const JSON_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

/**
 * Only returned in ExtensionMode.Test, so no other extension can reach the prompter or the stores:
 * the services the commands get, plus what tests inspect behind their ports.
 */
export interface TestApi { services: Services & { kinds: PayloadKinds; store: CredentialStore; secrets: vscode.SecretStorage; globalState: vscode.Memento; diagnostics: PayloadDiagnostics } }

/** Thin: create the logger, build services, register adapters. Nothing heavy runs here. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // a lambda, not `redact` itself: reading it would load the core chunk (dist/core.js) at activation
  const logger = new Logger(text => redact(text));
  const kinds = new PayloadKinds(context.workspaceState);
  const profiles = new ServerProfiles(context.globalState, logger);
  const diagnostics = new PayloadDiagnostics(kinds, logger, context.asAbsolutePath('dist/lintWorker.js'), profiles);
  const store = new CredentialStore(context.secrets, context.globalState);
  const s = createServices({ logger, store, kinds, diagnostics, workspaceState: context.workspaceState, profiles });
  profiles.setAccounts(store, origin => loadCommands().refreshServerProfile(s, { origin, quiet: true }));
  const codeLens = new PayloadCodeLens(kinds, { preview: 'mattermostPayloads.openPreviewToSide' });
  const command = <A extends unknown[]>(id: string, run: (...args: A) => unknown) => vscode.commands.registerCommand(`mattermostPayloads.${id}`, run);
  /** A network command: anything unexpected is reported as what to do (with Retry), never as a stack trace. */
  const network = (id: string, run: (c: Commands, arg?: unknown) => Promise<unknown>) => command(id, async (arg?: unknown) => {
    let c: Commands | undefined;
    try {
      c = loadCommands();
      return await run(c, arg);
    } catch (e) {
      if (c) c.reportError(s, id, e, '', () => vscode.commands.executeCommand(`mattermostPayloads.${id}`, arg));
      else { logger.error(id, `could not load the command: ${e instanceof Error ? e.message : String(e)}`); void vscode.window.showErrorMessage('Mattermost Payloads could not load its network commands. See "Mattermost: Show Log".'); }
      return undefined;
    }
  });
  context.subscriptions.push(
    logger, kinds, profiles, diagnostics, store,
    new KindStatusBar(kinds),
    new ProfileStatusBar(profiles, kinds),
    new AccountStatusBar(store, kinds),
    vscode.languages.registerCodeActionsProvider(JSON_DOCUMENTS, new PayloadCodeActions(diagnostics), PayloadCodeActions.metadata),
    codeLens,
    vscode.languages.registerCodeLensProvider(JSON_DOCUMENTS, codeLens),
    ...registerDefinitionLenses(),
    vscode.workspace.registerTextDocumentContentProvider(SchemaContentProvider.scheme, new SchemaContentProvider()),
    ...registerAssist(new PayloadAssist(kinds, profiles, context.asAbsolutePath('dist/annotated-schemas.json'))),
    PreviewPanel.register(context, { kinds, diagnostics, logger, profiles }),
    command('showLog', () => logger.show()),
    command('selectKind', (uri?: vscode.Uri) => selectKind(kinds, uri)),
    command('disableRule', (rule: string, uri?: vscode.Uri) => disableRule(rule, uri)),
    // Network commands live in dist/commands.js, loaded on first use.
    network('login', c => c.login(s)),
    network('logout', c => c.logout(s)),
    network('switchAccount', c => c.switchAccount(s)),
    network('showCurrentUser', c => c.showCurrentUser(s)),
    network('sendToWebhook', (c, uri) => c.sendToWebhook(s, uri instanceof vscode.Uri ? uri : undefined)),
    network('sendViaApi', (c, uri) => c.sendViaApi(s, uri instanceof vscode.Uri ? uri : undefined)),
    network('manageWebhooks', c => c.manageWebhooks(s)),
    network('showHistory', c => c.showHistory(s)),
    network('refreshServerProfile', c => c.refreshServerProfile(s)),
    network('invokeSlashCommand', (c, arg) => c.invokeSlashCommand(s, arg)),
    network('triggerOutgoingWebhook', (c, arg) => c.triggerOutgoingWebhook(s, arg)),
    // not in the palette: the preview forwards a clicked button or menu here (PreviewPanel)
    network('clickPreviewAction', (c, arg) => c.clickPreviewAction(s, arg)),
    // not in the palette: Submit / Cancel of a dialog in the preview (PreviewPanel)
    network('dialogAction', (c, arg) => c.dialogAction(s, arg)),
    network('copyLocalServerUrl', c => c.copyLocalServerUrl(s)),
  );
  // After this turn: the first line logged compiles the redactor's patterns, about half of what activate() costs.
  const activated = setImmediate(() => logger.info('activate', `Mattermost Payloads ${(context.extension.packageJSON as { version: string }).version} activated`));
  context.subscriptions.unshift({ dispose: () => clearImmediate(activated) });
  return context.extensionMode === vscode.ExtensionMode.Test ? { services: { ...s, kinds, store, secrets: context.secrets, globalState: context.globalState, diagnostics } } : undefined;
}

/** Completion (also on `"` and `:`) and hover for payload files, following the server profile. */
function registerAssist(assist: PayloadAssist): vscode.Disposable[] {
  return [vscode.languages.registerCompletionItemProvider(JSON_DOCUMENTS, assist, '"', ':'), vscode.languages.registerHoverProvider(JSON_DOCUMENTS, assist)];
}

/** CodeLens above the named integration definitions (issue 14 item 6). */
function registerDefinitionLenses(): vscode.Disposable[] {
  const lens = new DefinitionCodeLens();
  return [lens, vscode.languages.registerCodeLensProvider(DefinitionCodeLens.selector, lens)];
}

export function deactivate(): void {}
