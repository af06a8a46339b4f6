import * as vscode from 'vscode';
import { definitionsIn } from '../core/invoke/definitions';
import { networkSetting } from './config';
import { PayloadKinds } from './payloadKinds';

/** "Send to ‹webhook›", "Send via API" and "Preview" above a payload file's first line. */
export class PayloadCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly kinds: PayloadKinds, private readonly commands: { preview?: string }) {
    this.subscriptions = [
      this.changed,
      kinds.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('mattermostPayloads')) this.refresh(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    ];
  }

  /** The default webhook per document: VS Code asks for the lenses again after every edit, the setting rarely changes. */
  private webhooks = new WeakMap<vscode.TextDocument, { hook: string | undefined }>();

  private refresh(): void {
    this.webhooks = new WeakMap();
    this.changed.fire();
  }

  dispose(): void { for (const d of this.subscriptions) d.dispose(); }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const detected = this.kinds.kindOf(doc);
    if (!detected) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    if (detected.kind === 'incoming') {
      let known = this.webhooks.get(doc);
      if (!known) this.webhooks.set(doc, (known = { hook: networkSetting('defaultWebhook', doc.uri) }));
      const hook = known.hook;
      lenses.push(new vscode.CodeLens(top, { title: hook ? `$(send) Send to ${hook}` : '$(send) Send to webhook…', command: 'mattermostPayloads.sendToWebhook', arguments: [doc.uri] }));
    }
    if (detected.kind !== 'dialog') {
      lenses.push(new vscode.CodeLens(top, { title: '$(cloud-upload) Send via API', command: 'mattermostPayloads.sendViaApi', arguments: [doc.uri] }));
    }
    if (this.commands.preview) {
      lenses.push(new vscode.CodeLens(top, { title: '$(open-preview) Preview', command: this.commands.preview, arguments: [doc.uri] }));
    }
    return lenses;
  }
}

/**
 * "▶ Invoke /trigger" / "▶ Trigger outgoing 'word'" above each entry of mattermostPayloads.integrations in
 * `.vscode/settings.json` and `*.code-workspace` files; they run the invoke commands with the entry's name.
 * Only in a trusted workspace (the commands send requests).
 */
export class DefinitionCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  static readonly selector: vscode.DocumentSelector = [{ pattern: '**/.vscode/settings.json' }, { pattern: '**/*.code-workspace' }];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire())];

  dispose(): void { for (const d of this.subscriptions) d.dispose(); }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted) return [];
    return definitionsIn(doc.getText(), doc.uri.path.endsWith('.code-workspace')).map(d => {
      const at = doc.positionAt(d.offset);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: d.title,
        command: d.type === 'command' ? 'mattermostPayloads.invokeSlashCommand' : 'mattermostPayloads.triggerOutgoingWebhook',
        arguments: [{ name: d.name }],
      });
    });
  }
}
