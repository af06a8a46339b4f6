import * as vscode from 'vscode';
import { CredentialStore } from './secrets';

/** `$(account) user @ host`, or "Not logged in"; clicking it runs Switch Account. */
export class AccountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mattermostPayloads.account', vscode.StatusBarAlignment.Right, 99);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: CredentialStore) {
    this.item.name = 'Mattermost Account';
    this.item.command = 'mattermostPayloads.switchAccount';
    this.subscription = store.onDidChange(() => void this.update());
    void this.update();
  }

  async update(): Promise<void> {
    const current = await this.store.current().catch(() => undefined);
    if (current) {
      this.item.text = `$(account) ${current.username} @ ${new URL(current.origin).host}`;
      this.item.tooltip = `Mattermost: @${current.username} on ${current.origin}. Click to switch account.`;
    } else {
      this.item.text = '$(account) Not logged in';
      this.item.tooltip = 'Mattermost: not logged in. Click to log in or switch account.';
    }
    this.item.show();
  }

  dispose(): void { this.subscription.dispose(); this.item.dispose(); }
}
