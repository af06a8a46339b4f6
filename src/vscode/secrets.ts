import * as vscode from 'vscode';
import { Account, MattermostUser, TokenKind } from '../core/mattermost/types';
import { normalizeServerUrl } from '../core/mattermost/origin';
import { addSecret, redactUrl } from '../core/mattermost/redact';

/** What the UI may show about an account: never the token. */
export interface AccountSummary { origin: string; username: string; userId: string; tokenKind: TokenKind }
export interface WebhookSummary { name: string; redactedUrl: string }

/** A SecretStorage call failed. Nothing is ever written anywhere else instead. */
export class SecretStorageFailure extends Error {
  constructor(action: string, cause: unknown) {
    super(`VS Code's secret storage could not ${action} (${cause instanceof Error ? cause.message : String(cause)}). Nothing was saved anywhere else.`);
    this.name = 'SecretStorageFailure';
  }
}

const PREFIX = 'mattermostPayloads.';
const ACCOUNT_INDEX = `${PREFIX}accounts`;
const WEBHOOK_INDEX = `${PREFIX}webhooks`;
const accountKey = (origin: string) => `${PREFIX}account:${origin}`;
const webhookKey = (name: string) => `${PREFIX}webhook:${name}`;
const CURRENT = `${PREFIX}currentAccount`;
/** An integration's token (issue 14): under the endpoint's exact origin and the definition's name. */
const integrationKey = (endpoint: string, name: string) => `${PREFIX}integrationToken:${new URL(endpoint).origin}:${name}`;
/** Not a secret: origin and username of the current account, so the status bar never reads SecretStorage. */
const SHOWN = `${PREFIX}shownAccount`;

/** The port the command adapters get (Services.store): accounts and webhook URLs, nothing else. */
export type Credentials = Pick<CredentialStore,
  'accounts' | 'account' | 'saveAccount' | 'removeAccount' | 'current' | 'setCurrent'
  | 'webhooks' | 'webhookUrl' | 'saveWebhook' | 'renameWebhook' | 'removeWebhook'
  | 'integrationToken' | 'saveIntegrationToken'>;

/** What the account status bar shows. */
export interface ShownAccount { origin: string; username: string }

/**
 * Accounts and webhook URLs, all in SecretStorage. A token is stored under the exact normalized
 * origin it was issued for and only ever returned for that origin. Listens to onDidChange so a
 * logout in another window is seen here.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly globalState: vscode.Memento) {
    this.subscription = secrets.onDidChange(e => { if (e.key.startsWith(PREFIX)) this.changed.fire(); });
  }

  dispose(): void { this.subscription.dispose(); this.changed.dispose(); }

  // ---- accounts
  async accounts(): Promise<AccountSummary[]> {
    return this.readIndex<AccountSummary>(ACCOUNT_INDEX);
  }

  /** The stored account for exactly this server (after normalization), or undefined. */
  async account(serverUrl: string): Promise<Account | undefined> {
    const origin = normalizeServerUrl(serverUrl).origin;
    const raw = await this.get(accountKey(origin));
    if (!raw) return undefined;
    try {
      const stored = JSON.parse(raw) as { token: string; tokenKind: TokenKind; user: MattermostUser };
      addSecret(stored.token);
      return { origin, token: stored.token, tokenKind: stored.tokenKind, user: stored.user };
    } catch {
      return undefined;
    }
  }

  async saveAccount(account: Account & { user: MattermostUser }): Promise<void> {
    const value = JSON.stringify({ token: account.token, tokenKind: account.tokenKind, user: { id: account.user.id, username: account.user.username } });
    await this.store(accountKey(account.origin), value, 'save the login');
    const index = (await this.accounts()).filter(a => a.origin !== account.origin);
    index.push({ origin: account.origin, username: account.user.username, userId: account.user.id, tokenKind: account.tokenKind });
    await this.store(ACCOUNT_INDEX, JSON.stringify(index), 'save the list of logins');
    await this.globalState.update(CURRENT, account.origin);
    await this.current();
  }

  async removeAccount(origin: string): Promise<void> {
    await this.delete(accountKey(origin), 'delete the login');
    const index = (await this.accounts()).filter(a => a.origin !== origin);
    await this.store(ACCOUNT_INDEX, JSON.stringify(index), 'save the list of logins');
    if (this.globalState.get(CURRENT) === origin) await this.globalState.update(CURRENT, index[0]?.origin);
    await this.current();
  }

  /**
   * The account the user last logged in to or switched to, if it is still stored. Reads
   * SecretStorage, and brings `shownAccount()` up to date (firing onDidChange when it was stale).
   */
  async current(): Promise<AccountSummary | undefined> {
    const all = await this.accounts();
    const origin = this.globalState.get<string>(CURRENT);
    const found = all.find(a => a.origin === origin) ?? all[0];
    if (await this.remember(found)) this.changed.fire();
    return found;
  }

  async setCurrent(origin: string): Promise<void> {
    await this.globalState.update(CURRENT, origin);
    await this.current();
    this.changed.fire();
  }

  /**
   * The current account as last seen (origin and username, kept in globalState): read without
   * touching SecretStorage, so opening a payload file never makes the OS keyring ask for anything.
   */
  shownAccount(): ShownAccount | undefined {
    const v = this.globalState.get<ShownAccount>(SHOWN);
    return v && typeof v.origin === 'string' && typeof v.username === 'string' ? v : undefined;
  }

  /** Stores what the status bar shows for the current account `a`; true when it changed. */
  private async remember(a: AccountSummary | undefined): Promise<boolean> {
    const next: ShownAccount | undefined = a ? { origin: a.origin, username: a.username } : undefined;
    const prev = this.shownAccount();
    if (prev?.origin === next?.origin && prev?.username === next?.username) return false;
    await this.globalState.update(SHOWN, next);
    return true;
  }

  // ---- webhooks
  async webhooks(): Promise<WebhookSummary[]> {
    return this.readIndex<WebhookSummary>(WEBHOOK_INDEX);
  }

  async webhookUrl(name: string): Promise<string | undefined> {
    const url = await this.get(webhookKey(name));
    if (url) addSecret(new URL(url).pathname.split('/').pop());
    return url;
  }

  async saveWebhook(name: string, url: string): Promise<void> {
    await this.store(webhookKey(name), url, 'save the webhook URL');
    const index = (await this.webhooks()).filter(w => w.name !== name);
    index.push({ name, redactedUrl: redactUrl(url) });
    index.sort((a, b) => a.name.localeCompare(b.name));
    await this.store(WEBHOOK_INDEX, JSON.stringify(index), 'save the list of webhooks');
  }

  async renameWebhook(from: string, to: string): Promise<void> {
    const url = await this.webhookUrl(from);
    if (!url) return;
    await this.saveWebhook(to, url);
    await this.removeWebhook(from);
  }

  async removeWebhook(name: string): Promise<void> {
    await this.delete(webhookKey(name), 'delete the webhook URL');
    const index = (await this.webhooks()).filter(w => w.name !== name);
    await this.store(WEBHOOK_INDEX, JSON.stringify(index), 'save the list of webhooks');
  }

  // ---- integration tokens (slash commands, outgoing webhooks): only ever returned for the origin they were entered for
  async integrationToken(endpoint: string, name: string): Promise<string | undefined> {
    const token = await this.get(integrationKey(endpoint, name));
    addSecret(token);
    return token;
  }

  async saveIntegrationToken(endpoint: string, name: string, token: string): Promise<void> {
    addSecret(token);
    await this.store(integrationKey(endpoint, name), token, 'save the integration token');
  }

  // ---- SecretStorage, with failures reported and never worked around
  private async readIndex<T>(key: string): Promise<T[]> {
    const raw = await this.get(key);
    if (!raw) return [];
    try { const v: unknown = JSON.parse(raw); return Array.isArray(v) ? v as T[] : []; } catch { return []; }
  }

  private async get(key: string): Promise<string | undefined> {
    try { return await this.secrets.get(key); } catch (e) { throw new SecretStorageFailure('read a stored secret', e); }
  }

  private async store(key: string, value: string, action: string): Promise<void> {
    try { await this.secrets.store(key, value); } catch (e) { throw new SecretStorageFailure(action, e); }
  }

  private async delete(key: string, action: string): Promise<void> {
    try { await this.secrets.delete(key); } catch (e) { throw new SecretStorageFailure(action, e); }
  }
}
