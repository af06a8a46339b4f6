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

  constructor(private readonly state: vscode.Memento) {}

  kindOf(doc: vscode.TextDocument): DetectedKind | undefined {
    if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return undefined;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
    const chosen = this.overrides()[doc.uri.toString()];
    if (chosen) return { kind: chosen, by: 'choice' };
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

  async choose(uri: vscode.Uri, kind: Kind | undefined): Promise<void> {
    const all = { ...this.overrides() };
    if (kind) all[uri.toString()] = kind; else delete all[uri.toString()];
    await this.state.update(OVERRIDES_KEY, all);
    this.changed.fire(uri);
  }

  /** Settings changed: every document's kind may have changed. */
  refresh(): void { this.changed.fire(undefined); }

  dispose(): void { this.changed.dispose(); }

  private overrides(): Record<string, Kind> {
    return this.state.get<Record<string, Kind>>(OVERRIDES_KEY) ?? {};
  }
}
