import * as vscode from 'vscode';
import { Kind, KINDS } from '../core/payload/problem';
import { PayloadKinds } from './payloadKinds';

const KIND_LABELS: Record<Kind, string> = {
  incoming: 'Incoming webhook',
  command: 'Slash-command response',
  outgoing: 'Outgoing-webhook response',
  dialog: 'Interactive dialog',
  post: 'REST post',
};

/** Shows the detected kind of the active payload file; clicking it changes the kind. */
export class KindStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mattermostPayloads.kind', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly kinds: PayloadKinds) {
    this.item.name = 'Mattermost Payload Kind';
    this.item.command = 'mattermostPayloads.selectKind';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      kinds.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeTextDocument(e => { if (e.document === vscode.window.activeTextEditor?.document) this.update(); }),
    );
    this.update();
  }

  /** What the item shows now (text + tooltip), or undefined when hidden. */
  private shown: string | undefined;

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const detected = doc && this.kinds.kindOf(doc);
    if (!detected) {
      if (this.shown !== undefined) this.item.hide(); // hide() too sends a message each time
      this.shown = undefined;
      return;
    }
    const text = `$(json) ${KIND_LABELS[detected.kind]}`;
    const tooltip = `Mattermost payload kind: ${detected.kind} (${detected.by === 'choice' ? 'chosen by you' : `detected by ${detected.by}`}). Click to change.`;
    // each assignment sends the item to the workbench again: after every keystroke, only when something changed
    if (this.shown === text + tooltip) return;
    this.shown = text + tooltip;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}

/** The command behind the status bar item: pick a kind for the active file, or go back to detection. */
export async function selectKind(kinds: PayloadKinds, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) { void vscode.window.showInformationMessage('Open a JSON payload file first.'); return; }
  type Item = vscode.QuickPickItem & { payloadKind?: Kind };
  const items: Item[] = [
    ...KINDS.map(k => ({ label: KIND_LABELS[k], description: k, payloadKind: k })),
    { label: 'Detect automatically', description: 'from the file name, $schema or the fileAssociations setting' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Mattermost payload kind of this file' });
  if (picked) await kinds.choose(target, picked.payloadKind);
}
