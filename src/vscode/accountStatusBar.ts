import * as vscode from 'vscode';
import { PayloadKinds } from './payloadKinds';
import { CredentialStore } from './secrets';

/**
 * `$(account) user @ host`, or "Not logged in"; clicking it runs Switch Account. Shown while a
 * payload file is active, or whenever an account is stored — not for every JSON file.
 * Opening or switching editors only reads `shownAccount()` (globalState): SecretStorage is read
 * when the accounts change (here or in another window), never because a file was opened.
 */
export class AccountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mattermostPayloads.account', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: CredentialStore, private readonly kinds: PayloadKinds) {
    this.item.name = 'Mattermost Account';
    this.item.command = 'mattermostPayloads.switchAccount';
    this.subscriptions = [
      store.onDidChange(() => void this.refresh()),
      kinds.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    ];
    this.render();
  }

  /** What the item says now (for tests). */
  get text(): string { return this.item.text; }

  /** After a change to the stored accounts: reads them (SecretStorage) and shows the result. */
  private async refresh(): Promise<void> {
    await this.store.current().catch(() => undefined);
    this.render();
  }

  private render(): void {
    const current = this.store.shownAccount();
    const doc = vscode.window.activeTextEditor?.document;
    const onPayload = !!doc && !!this.kinds.kindOf(doc);
    if (current) {
      this.item.text = `$(account) ${current.username} @ ${hostOf(current.origin)}`;
      this.item.tooltip = `Mattermost: @${current.username} on ${current.origin}. Click to switch account.`;
    } else {
      this.item.text = '$(account) Not logged in';
      this.item.tooltip = 'Mattermost: not logged in. Click to log in or switch account.';
    }
    if (current || onPayload) this.item.show(); else this.item.hide();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); this.item.dispose(); }
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
