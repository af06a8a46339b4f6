import * as vscode from 'vscode';
import { detectKind } from '../core/payload/kinds';
import { Kind } from '../core/payload/problem';
import { lintSettings } from './config';
import { headText } from './documentText';

const OVERRIDES_KEY = 'mattermostPayloads.kindOverrides';
type DetectedBy = 'choice' | 'setting' | '$schema' | 'file name';
export interface DetectedKind { kind: Kind; by: DetectedBy }

/** Which payload kind a document is: a user's choice (status bar), else detection in core. */
export class PayloadKinds implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  /**
   * The last detection per document, for its version: several parts of the extension ask after each edit
   * (status bars, linter, preview), and detection reads 64 KB and the settings each time. Any settings
   * change, a change of workspace folders (the relative path) or of trust makes every answer stale.
   */
  private readonly detected = new WeakMap<vscode.TextDocument, { version: number; generation: number; found: DetectedKind | undefined }>();
  private generation = 0;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    const stale = () => { this.generation++; };
    // Registered first in activate(), so they run before any other listener of these events asks.
    this.disposables = [this.changed, vscode.workspace.onDidChangeConfiguration(stale), vscode.workspace.onDidChangeWorkspaceFolders(stale), vscode.workspace.onDidGrantWorkspaceTrust(stale)];
  }

  kindOf(doc: vscode.TextDocument): DetectedKind | undefined {
    if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return undefined;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
    const chosen = this.overrides()[doc.uri.toString()];
    if (chosen) return { kind: chosen, by: 'choice' };
    const known = this.detected.get(doc);
    if (known && known.version === doc.version && known.generation === this.generation) return known.found && { ...known.found };
    const found = this.detect(doc);
    this.detected.set(doc, { version: doc.version, generation: this.generation, found });
    return found && { ...found };
  }

  async choose(uri: vscode.Uri, kind: Kind | undefined): Promise<void> {
    const all = { ...this.overrides() };
    if (kind) all[uri.toString()] = kind; else delete all[uri.toString()];
    await this.state.update(OVERRIDES_KEY, all);
    this.changed.fire(uri);
  }

  /** Settings changed: every document's kind may have changed. */
  refresh(): void {
    this.generation++;
    this.changed.fire(undefined);
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }

  private detect(doc: vscode.TextDocument): DetectedKind | undefined {
    const relative = vscode.workspace.asRelativePath(doc.uri, false);
    // "$schema" counts only near the top: never copy a 10 MB document on every keystroke.
    const head = headText(doc, 65536);
    let found: ReturnType<typeof detectKind>;
    try {
      found = detectKind(relative, head, lintSettings(doc.uri).associations);
    } catch {
      found = undefined; // a broken setting must never break the editor
    }
    return found ? { kind: found.kind, by: found.by as DetectedBy } : undefined;
  }

  private overrides(): Record<string, Kind> {
    return this.state.get<Record<string, Kind>>(OVERRIDES_KEY) ?? {};
  }
}
