import * as vscode from 'vscode';
import { PayloadKinds } from './payloadKinds';
import { CredentialStore } from './secrets';

/**
 * `$(account) user @ host`, or "Not logged in"; clicking it runs Switch Account. Shown while a
 * payload file is active, or whenever an account is stored — not for every JSON file.
 */
export class AccountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mattermostPayloads.account', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: CredentialStore, private readonly kinds: PayloadKinds) {
    this.item.name = 'Mattermost Account';
    this.item.command = 'mattermostPayloads.switchAccount';
    this.subscriptions = [
      store.onDidChange(() => void this.update()),
      kinds.onDidChange(() => void this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
    ];
    void this.update();
  }

  async update(): Promise<void> {
    const current = await this.store.current().catch(() => undefined);
    const doc = vscode.window.activeTextEditor?.document;
    const onPayload = !!doc && !!this.kinds.kindOf(doc);
    if (current) {
      this.item.text = `$(account) ${current.username} @ ${new URL(current.origin).host}`;
      this.item.tooltip = `Mattermost: @${current.username} on ${current.origin}. Click to switch account.`;
    } else {
      this.item.text = '$(account) Not logged in';
      this.item.tooltip = 'Mattermost: not logged in. Click to log in or switch account.';
    }
    if (current || onPayload) this.item.show(); else this.item.hide();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); this.item.dispose(); }
}
