import * as vscode from 'vscode';
import { detectKind } from '../core/payload/kinds';
import { Kind } from '../core/payload/problem';
import { affectsLint, lintSettings } from './config';
import { headText } from './documentText';

const OVERRIDES_KEY = 'mattermostPayloads.kindOverrides';
type DetectedBy = 'choice' | 'setting' | '$schema' | 'file name';
export interface DetectedKind { kind: Kind; by: DetectedBy }

/** "$schema" counts only in the first this many characters: never copy a 10 MB document on every keystroke. */
const HEAD_CHARS = 65536;

/**
 * Which payload kind a document is: a user's choice (status bar), else detection in core.
 * Remembered per document version (the linter, the status bar, the preview's context key and the code lens
 * all ask after each edit: reading the head, the relative path and the settings each time cost ≈ 1–3 ms per
 * edit at 1 MB on the extension host); an edit that leaves the first HEAD_CHARS characters as they were keeps
 * the answer. Forgotten when a kind is chosen, the settings, the workspace folders or trust change.
 */
export class PayloadKinds implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  private known = new WeakMap<vscode.TextDocument, { version: number; languageId: string; detected: DetectedKind | undefined }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    this.subscriptions = [
      this.changed,
      // registered before the other listeners (this is made first), so nobody reads a stale answer
      vscode.workspace.onDidChangeConfiguration(e => { if (affectsLint(e)) this.forget(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.forget()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.forget()),
      vscode.workspace.onDidChangeTextDocument(e => {
        const k = this.known.get(e.document);
        if (k && k.version === e.document.version - 1 && e.contentChanges.length > 0 && e.contentChanges.every(c => c.rangeOffset >= HEAD_CHARS)) k.version = e.document.version;
      }),
    ];
  }

  kindOf(doc: vscode.TextDocument): DetectedKind | undefined {
    const k = this.known.get(doc);
    if (k && k.version === doc.version && k.languageId === doc.languageId) return k.detected;
    const detected = this.detect(doc);
    this.known.set(doc, { version: doc.version, languageId: doc.languageId, detected });
    return detected;
  }

  private detect(doc: vscode.TextDocument): DetectedKind | undefined {
    if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return undefined;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
    const chosen = this.overrides()[doc.uri.toString()];
    if (chosen) return { kind: chosen, by: 'choice' };
    const relative = vscode.workspace.asRelativePath(doc.uri, false);
    const head = headText(doc, HEAD_CHARS);
    let found: ReturnType<typeof detectKind>;
    try {
      found = detectKind(relative, head, lintSettings(doc.uri).associations);
    } catch {
      found = undefined; // a broken setting must never break the editor
    }
    return found ? { kind: found.kind, by: found.by as DetectedBy } : undefined;
  }

  async choose(uri: vscode.Uri, kind: Kind | undefined): Promise<void> {
    const all = { ...this.overrides() };
    if (kind) all[uri.toString()] = kind; else delete all[uri.toString()];
    await this.state.update(OVERRIDES_KEY, all);
    this.forget();
    this.changed.fire(uri);
  }

  /** Settings changed: every document's kind may have changed. */
  refresh(): void {
    this.forget();
    this.changed.fire(undefined);
  }

  dispose(): void { for (const d of this.subscriptions) d.dispose(); }

  private forget(): void { this.known = new WeakMap(); }

  private overrides(): Record<string, Kind> {
    return this.state.get<Record<string, Kind>>(OVERRIDES_KEY) ?? {};
  }
}

