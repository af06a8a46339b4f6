import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { Problem } from '../core/payload/problem';
import type { PreviewJob } from '../previewJob';
import { PayloadDiagnostics, type ProfileProvider } from './diagnostics';
import { documentLength, textSlices } from './documentText';
import { Logger } from './logger';
import { PayloadKinds } from './payloadKinds';
import { PreviewRenderer } from './previewRenderer';

const PREVIEW_VIEW_TYPE = 'mattermostPayloads.preview';
const OPEN_PREVIEW_COMMAND = 'mattermostPayloads.openPreviewToSide';
/** Test and diagnostic support only (hidden from the palette): the HTML the panel was last given. */
const CURRENT_HTML_COMMAND = 'mattermostPayloads.preview.currentHtml';
/** True while the active text editor holds a payload file: drives the editor title button. */
const IS_PAYLOAD_CONTEXT = 'mattermostPayloads.isPayload';
const LOAD_REMOTE_IMAGES = 'mattermostPayloads.preview.loadRemoteImages';
/**
 * The one command the webview may run (a `command:` link on a button or menu with an integration;
 * its only argument is the control's JSON path). It forwards the click, with the shown document,
 * to CLICK_COMMAND, which sends it (src/vscode/commands/invoke.ts).
 */
const ACTION_COMMAND = 'mattermostPayloads.preview.action';
const CLICK_COMMAND = 'mattermostPayloads.clickPreviewAction';
/** A dialog's Submit or Cancel (argument `{dialog: 'submit' | 'cancel'}`) goes here with the shown document (commands/dialogs.ts). */
const DIALOG_COMMAND = 'mattermostPayloads.dialogAction';
/** Internal: commands/dialogs.ts hands over a dialog's answer (`error`, field `errors`) to show with it. */
const DIALOG_ERRORS_COMMAND = 'mattermostPayloads.preview.dialogErrors';
const DEBOUNCE_MS = 200;
/** Payload texts longer than this go to the preview worker in slices. */
const SLICE_OVER_CHARS = 200_000;

export interface PreviewDeps {
  kinds: PayloadKinds;
  diagnostics: PayloadDiagnostics;
  logger: Logger;
  /** The target-server profile per document: whether its clients show Mattermost Blocks. */
  profiles?: ProfileProvider;
}

/**
 * The "Open Preview to the Side" webview: one panel that shows the payload of the active editor as
 * Mattermost renders it. Thin: every byte of HTML comes from core (`renderPreviewDocument`, on what
 * fits: src/core/previewFit.ts), rendered in a worker thread (dist/previewWorker.js) so a big payload
 * never blocks the extension host; this class only decides *when* to render and *which* document.
 *
 * - Follows the active editor, but keeps the last payload when focus moves to a non-payload
 *   editor, to the preview itself, or to a panel.
 * - Re-renders on the linter's `onDidLint` for the shown document (findings are current), on text
 *   changes (debounced; covers files the linter skips), on kind changes, and when the remote-image
 *   setting or the workspace trust changes.
 * - One render at a time: requests while one runs are coalesced into one render of the newest
 *   state when it ends; a result is shown unless something newer was shown meanwhile.
 * - No script runs in the webview (`enableScripts: false`); resources only from `media/`. Its only
 *   way back is a `command:` link to ACTION_COMMAND (buttons and menus with an integration, a
 *   dialog's Submit and Cancel).
 */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document shown; tracked by URI so a close/reopen (e.g. a language change) keeps following it. */
  private uri: vscode.Uri | undefined;
  /** Problems of the last lint of `uri`, shown while a newer lint is still pending. */
  private problems: readonly Problem[] = [];
  private html: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private contextTimer: NodeJS.Timeout | undefined;
  /** The last value sent for the payload context key (sent again only when it changes). */
  private contextValue: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderer: PreviewRenderer;
  /** Numbers each render request; `shown` is the request whose HTML the panel holds. */
  private requested = 0;
  private shown = 0;
  /** A render is running in the worker; `again`: render the newest state when it ends. */
  private rendering = false;
  private again = false;
  /** Per dialog document (URI string): the integration's answer to its last submission. */
  private readonly dialogErrors = new Map<string, { error?: string; fields?: Record<string, string> }>();

  static register(context: vscode.ExtensionContext, deps: PreviewDeps): vscode.Disposable {
    const preview = new PreviewPanel(context.extensionUri, deps, context.asAbsolutePath('dist/previewWorker.js'));
    preview.disposables.push(
      vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
      vscode.commands.registerCommand(ACTION_COMMAND, (arg?: unknown) => preview.click(arg)),
      vscode.commands.registerCommand(DIALOG_ERRORS_COMMAND, (uri?: unknown, errors?: unknown) => preview.setDialogErrors(uri, errors)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        // No state to restore (no script, so no setState): show the active payload again.
        deserializeWebviewPanel: (panel: vscode.WebviewPanel) => new Promise<void>(resolve => { preview.adopt(panel, vscode.window.activeTextEditor?.document); resolve(); }),
      }),
    );
    // Test support only: other extensions must not be able to read the rendered payload.
    if (context.extensionMode === vscode.ExtensionMode.Test) {
      preview.disposables.push(vscode.commands.registerCommand(CURRENT_HTML_COMMAND, () => preview.html));
    }
    return preview;
  }

  private constructor(private readonly extensionUri: vscode.Uri, private readonly deps: PreviewDeps, workerScript: string) {
    this.renderer = new PreviewRenderer(workerScript);
    this.disposables.push({ dispose: () => this.renderer.dispose() },
      vscode.window.onDidChangeActiveTextEditor(e => this.onActiveEditor(e)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length === 0) return;
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleContext();
        if (this.isShown(e.document.uri)) this.schedule();
      }),
      vscode.workspace.onDidOpenTextDocument(d => { if (this.isShown(d.uri)) this.schedule(); }),
      vscode.workspace.onDidCloseTextDocument(d => this.dialogErrors.delete(d.uri.toString())),
      deps.diagnostics.onDidLint(uri => { if (this.isShown(uri)) this.renderNow(); }),
      deps.kinds.onDidChange(() => {
        // A kind was chosen or a setting changed: the active editor may now be a payload, the shown one may not.
        this.updateContext();
        if (!this.onActiveEditor(vscode.window.activeTextEditor)) this.renderNow();
      }),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(LOAD_REMOTE_IMAGES)) this.renderNow(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.renderNow()),
    );
    this.updateContext();
  }

  /** The command: open (or reveal) the panel beside the editor, showing `uri` or the active editor. */
  async open(uri?: vscode.Uri): Promise<void> {
    const doc = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      if (!doc || !this.isShown(doc.uri)) this.show(doc); // the same file is already up to date
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE, 'Mattermost Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableFindWidget: true },
    );
    this.adopt(panel, doc);
  }

  /** A button or menu clicked in the webview: the shown document, its kind and the control's path go to CLICK_COMMAND. */
  private click(arg: unknown): Thenable<unknown> | undefined {
    const uri = this.uri;
    const doc = uri && vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    const kind = doc && this.deps.kinds.kindOf(doc)?.kind;
    if (!doc || !kind) return undefined;
    if (kind === 'dialog') {
      const action = arg && typeof arg === 'object' ? (arg as { dialog?: unknown }).dialog : undefined;
      return action === 'submit' || action === 'cancel' ? vscode.commands.executeCommand(DIALOG_COMMAND, { uri: doc.uri.toString(), action }) : undefined;
    }
    const path = arg && typeof arg === 'object' ? (arg as { path?: unknown }).path : undefined;
    return vscode.commands.executeCommand(CLICK_COMMAND, { uri: doc.uri.toString(), kind, path });
  }

  /** A dialog's last answer (undefined: none), shown under its fields; re-renders when that dialog is shown. */
  private setDialogErrors(uri: unknown, errors: unknown): void {
    if (typeof uri !== 'string') return;
    if (errors && typeof errors === 'object') this.dialogErrors.set(uri, errors);
    else this.dialogErrors.delete(uri);
    if (this.uri?.toString() === uri) this.renderNow();
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.contextTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, doc: vscode.TextDocument | undefined): void {
    this.panel = panel;
    panel.webview.options = {
      enableScripts: false,
      enableCommandUris: [ACTION_COMMAND],
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      clearTimeout(this.timer);
      this.panel = undefined;
      this.uri = undefined;
      this.html = undefined;
    }, undefined, this.disposables);
    this.show(doc);
  }

  /** Shows `doc`: rendered if it is a payload, otherwise a message saying what the preview needs. */
  private show(doc: vscode.TextDocument | undefined): void {
    if (!doc || !this.isShown(doc.uri)) this.problems = [];
    this.uri = doc?.uri;
    this.renderNow();
  }

  /** Follows a payload editor; keeps the last payload when focus goes to the preview, a panel or a non-payload editor. */
  private onActiveEditor(editor: vscode.TextEditor | undefined): boolean {
    this.updateContext();
    if (!this.panel || !editor || this.isShown(editor.document.uri) || !this.deps.kinds.kindOf(editor.document)) return false;
    this.show(editor.document);
    return true;
  }

  private isShown(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.renderNow(), DEBOUNCE_MS);
  }

  private renderNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const panel = this.panel;
    if (!panel) return;
    if (this.rendering) { this.again = true; return; } // one at a time: the newest state follows
    const uri = this.uri;
    if (!uri) {
      this.setMessage('Mattermost Preview', 'No payload file is open',
        'Open a Mattermost payload file (for example <code>hello.incoming.json</code>) and the preview follows it.');
      return;
    }
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!doc) return; // closed: keep showing what it last was
    const detected = this.deps.kinds.kindOf(doc);
    const name = fileName(doc.uri);
    const title = `Preview: ${name}`;
    if (!detected) {
      this.setMessage(title, `${name} is not a Mattermost payload file`,
        'The preview shows incoming-webhook, slash-command, outgoing-webhook, dialog and REST post payloads. ' +
        'Name the file <code>*.incoming.json</code>, <code>*.command.json</code>, <code>*.outgoing.json</code>, <code>*.dialog.json</code> or <code>*.post.json</code>, ' +
        'add a <code>$schema</code>, map it in the setting <code>mattermostPayloads.fileAssociations</code>, or run <b>Mattermost: Change Payload Kind</b>.');
      return;
    }
    // The linter's problems for this version; while a lint is pending, the previous ones.
    const current = this.deps.diagnostics.problemsFor(doc);
    if (current) this.problems = current;
    const t0 = Date.now();
    const version = doc.version;
    const findings = this.problems.length;
    // A big text goes to the worker in slices: building it at once would block this thread for long.
    const sliced = documentLength(doc) > SLICE_OVER_CHARS;
    this.render(panel, title, {
      preview: {
        text: sliced ? '' : doc.getText(),
        kind: detected.kind,
        problems: this.problems,
        profile: this.deps.profiles?.profileFor(doc.uri),
        loadRemoteImages: loadRemoteImages(doc.uri),
        now: new Date(),
        nonce: nonce(),
        cspSource: panel.webview.cspSource,
        styleUri: this.styleUri(panel).toString(),
        title,
        actionCommand: ACTION_COMMAND,
        dialogErrors: detected.kind === 'dialog' ? this.dialogErrors.get(uri.toString()) : undefined,
      },
    }, (html, note) => this.deps.logger.trace('preview', () => `${vscode.workspace.asRelativePath(doc.uri)} as ${detected.kind} v${version}: ${findings} finding(s), ${html.length} chars in ${Date.now() - t0} ms${note ? ' (part of it: too big to show whole)' : ''}`),
    sliced ? { slices: textSlices(doc), stale: () => doc.isClosed || doc.version !== version } : undefined);
  }

  private setMessage(title: string, heading: string, detailHtml: string): void {
    if (!this.panel) return;
    this.render(this.panel, title, {
      message: { title, heading, detailHtml, nonce: nonce(), cspSource: this.panel.webview.cspSource, styleUri: this.styleUri(this.panel).toString() },
    });
  }

  /** Renders off this thread; shows the result unless the panel closed or something newer was shown. */
  private render(panel: vscode.WebviewPanel, title: string, job: PreviewJob, done?: (html: string, note?: string) => void,
    text?: { slices: () => string | undefined; stale: () => boolean }): void {
    const id = ++this.requested;
    this.rendering = true;
    this.renderer.render(job, text?.slices, text?.stale).then(result => {
      if (!result) { this.again = true; return; } // the text changed while it was handed over: render the newest
      const { html, note } = result;
      if (this.panel !== panel || id < this.shown) return;
      this.shown = id;
      this.setHtml(title, html);
      done?.(html, note);
    }, (e: unknown) => {
      if (this.panel === panel) this.deps.logger.error('preview', `rendering failed: ${e instanceof Error ? e.message : String(e)}`);
    }).finally(() => {
      this.rendering = false;
      if (this.again) {
        this.again = false;
        this.renderNow();
      }
    });
  }

  private setHtml(title: string, html: string): void {
    if (!this.panel) return;
    this.panel.title = title;
    // Always the whole document: the custom colours live in its <style> block.
    this.panel.webview.html = html;
    this.html = html;
  }

  private styleUri(panel: vscode.WebviewPanel): vscode.Uri {
    return panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css'));
  }

  /** A `$schema` typed into the active editor can make it a payload (or stop it being one). */
  private scheduleContext(): void {
    clearTimeout(this.contextTimer);
    this.contextTimer = setTimeout(() => this.updateContext(), DEBOUNCE_MS);
  }

  private updateContext(): void {
    clearTimeout(this.contextTimer);
    const editor = vscode.window.activeTextEditor;
    // No text editor (the preview or a panel has focus): leave the key as the last editor set it.
    if (!editor) return;
    const isPayload = this.deps.kinds.kindOf(editor.document) !== undefined;
    // only a change is sent: a setContext per edit cost the extension host ≈ 3–5 ms at 1 MB (inspector profile, issue 12)
    if (isPayload === this.contextValue) return;
    this.contextValue = isPayload;
    void vscode.commands.executeCommand('setContext', IS_PAYLOAD_CONTEXT, isPayload);
  }
}

/**
 * The remote-image setting. It decides whether third parties learn that the preview was opened,
 * so a workspace (or folder) value counts only in a trusted workspace; in Restricted Mode only the
 * user's own value does.
 */
function loadRemoteImages(scope: vscode.Uri | undefined): boolean {
  const config = vscode.workspace.getConfiguration(undefined, scope);
  if (vscode.workspace.isTrusted) return config.get<boolean>(LOAD_REMOTE_IMAGES, false) === true;
  const values = config.inspect<boolean>(LOAD_REMOTE_IMAGES);
  return (values?.globalValue ?? values?.defaultValue) === true;
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
