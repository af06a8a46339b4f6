import * as vscode from 'vscode';
import { withSessionRetry } from '../../core/mattermost/client';
import { MfaRequiredError } from '../../core/mattermost/errors';
import { MFA_RETRIES, mfaCodeProblem, serverFor, serverUrlProblem } from '../../core/mattermost/account';
import { normalizeServerUrl } from '../../core/mattermost/origin';
import { Account, MattermostUser } from '../../core/mattermost/types';
import type { AccountSummary } from '../secrets';
import type { Services } from '../services';
import { client, reportError } from './report';

type Method = vscode.QuickPickItem & { method: 'password' | 'pat' };

/**
 * Log In: server URL, then login id + password (+ MFA code when the server asks), or a personal
 * access token checked with /users/me. The password is never stored; the token goes to
 * SecretStorage under the server's normalized origin.
 */
export async function login(s: Services, serverHint?: string): Promise<AccountSummary | undefined> {
  if (!s.trust.ensure('Logging in to Mattermost')) return undefined;
  const p = s.prompts.current;
  const server = await p.input({
    title: 'Mattermost: Log In (1/3)', prompt: 'Server URL', placeHolder: 'https://mattermost.example.com',
    value: serverHint ?? s.settings.network().server ?? (await s.store.current())?.origin ?? '',
    validateInput: serverUrlProblem,
  });
  if (!server) return undefined;
  const origin = normalizeServerUrl(server).origin;
  const method = await p.pick<Method>([
    { label: 'Password', description: 'login ID and password, plus an MFA code if your account uses one', method: 'password' },
    { label: 'Personal access token', description: 'from Profile → Security → Personal Access Tokens', method: 'pat' },
  ], { title: 'Mattermost: Log In (2/3)', placeHolder: `How do you log in to ${origin}?` });
  if (!method) return undefined;
  try {
    const result = method.method === 'pat' ? await withPat(s, origin) : await withPassword(s, origin);
    if (!result) return undefined;
    await s.store.saveAccount({ ...result.account, user: result.user });
    s.logger.info('account', `logged in to ${origin} as @${result.user.username} (${result.account.tokenKind === 'pat' ? 'personal access token' : 'session'})`);
    s.profiles.fetchAfterLogin(origin); // the target-server profile (issue 11), in the background
    void p.info(`Logged in to ${origin} as @${result.user.username}.`);
    return { origin, username: result.user.username, userId: result.user.id, tokenKind: result.account.tokenKind };
  } catch (e) {
    reportError(s, 'account', e, `Could not log in to ${origin}. `);
    return undefined;
  }
}

async function withPat(s: Services, origin: string): Promise<{ account: Account; user: MattermostUser } | undefined> {
  const token = await s.prompts.current.input({ title: 'Mattermost: Log In (3/3)', prompt: `Personal access token for ${origin}`, password: true });
  if (!token) return undefined;
  return client(s).verifyToken(origin, token.trim());
}

async function withPassword(s: Services, origin: string): Promise<{ account: Account; user: MattermostUser } | undefined> {
  const p = s.prompts.current;
  const loginId = await p.input({ title: 'Mattermost: Log In (3/3)', prompt: `Email or username on ${origin}` });
  if (!loginId) return undefined;
  const password = await p.input({ title: 'Mattermost: Log In (3/3)', prompt: `Password for ${loginId}`, password: true });
  if (!password) return undefined;
  const api = client(s);
  let mfaToken: string | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.login({ serverUrl: origin, loginId, password, mfaToken });
    } catch (e) {
      if (!(e instanceof MfaRequiredError) || attempt >= MFA_RETRIES) throw e;
      mfaToken = await p.input({
        title: 'Mattermost: Log In — MFA', password: true,
        prompt: e.badCode ? 'That code was not accepted. Enter the current MFA code.' : 'Enter the MFA code from your authenticator app.',
        validateInput: mfaCodeProblem,
      });
      if (!mfaToken) return undefined;
      mfaToken = mfaToken.trim();
    }
  }
}

/** The account to use for a server: the stored one, or a login there (never another server's token). */
export async function accountFor(s: Services, serverUrl?: string): Promise<Account | undefined> {
  const server = await serverFor(serverUrl, s.settings.network().server, async () => (await s.store.current())?.origin);
  if ('login' in server) {
    const choice = await s.prompts.current.info('You are not logged in to a Mattermost server.', 'Log In');
    return choice ? accountAfterLogin(s, undefined) : undefined;
  }
  if ('invalid' in server) { void s.prompts.current.error(server.invalid); return undefined; }
  const stored = await s.store.account(server.origin);
  if (stored) return stored;
  const choice = await s.prompts.current.info(`You have no login stored for ${server.origin}. Log in there to continue.`, 'Log In');
  return choice ? accountAfterLogin(s, server.origin) : undefined;
}

async function accountAfterLogin(s: Services, server: string | undefined): Promise<Account | undefined> {
  const summary = await login(s, server);
  return summary ? s.store.account(summary.origin) : undefined;
}

/** After a 401 on a session token: log in again to the same server. */
export async function relogin(s: Services, origin: string): Promise<Account | undefined> {
  const choice = await s.prompts.current.warn(`Your Mattermost session on ${origin} has expired. Log in again to resend the request once.`, 'Log In');
  if (!choice) return undefined;
  const summary = await login(s, origin);
  return summary && summary.origin === origin ? s.store.account(origin) : undefined;
}

export async function logout(s: Services): Promise<boolean> {
  if (!s.trust.ensure('Logging out')) return false;
  const summary = await pickAccount(s, 'Log out of which server?');
  if (!summary) return false;
  const account = await s.store.account(summary.origin);
  try {
    if (account && account.tokenKind === 'session') {
      await client(s).logout(account).catch(e => { s.logger.warn('account', `the server did not confirm the logout: ${e instanceof Error ? e.message : String(e)}`); });
    }
    await s.store.removeAccount(summary.origin);
  } catch (e) {
    reportError(s, 'account', e);
    return false;
  }
  s.logger.info('account', `logged out of ${summary.origin}`);
  void s.prompts.current.info(`Logged out of ${summary.origin}${summary.tokenKind === 'pat' ? ' (the access token was forgotten here; revoke it in Mattermost if you no longer need it)' : ''}.`);
  return true;
}

export async function switchAccount(s: Services): Promise<AccountSummary | undefined> {
  if (!s.trust.ensure('Switching Mattermost accounts')) return undefined;
  type Item = vscode.QuickPickItem & { origin?: string };
  const current = await s.store.current();
  const items: Item[] = (await s.store.accounts()).map(a => ({
    label: `@${a.username}`, description: a.origin, detail: a.tokenKind === 'pat' ? 'personal access token' : 'session',
    origin: a.origin, picked: a.origin === current?.origin,
  }));
  items.push({ label: '$(add) Log in to another server…' });
  const picked = await s.prompts.current.pick(items, { title: 'Mattermost: Switch Account', placeHolder: current ? `Now: @${current.username} on ${current.origin}` : 'Not logged in' });
  if (!picked) return undefined;
  if (!picked.origin) return login(s);
  await s.store.setCurrent(picked.origin);
  return (await s.store.accounts()).find(a => a.origin === picked.origin);
}

export async function showCurrentUser(s: Services): Promise<string | undefined> {
  if (!s.trust.ensure('Checking the current Mattermost user')) return undefined;
  const account = await accountFor(s);
  if (!account) return undefined;
  try {
    const me = await withSessionRetry(account, a => client(s).me(a), () => relogin(s, account.origin));
    const text = `Logged in to ${account.origin} as @${me.username}${me.email ? ` (${me.email})` : ''}, with a ${account.tokenKind === 'pat' ? 'personal access token' : 'session token'}.`;
    void s.prompts.current.info(text);
    return text;
  } catch (e) {
    reportError(s, 'account', e);
    return undefined;
  }
}

async function pickAccount(s: Services, placeHolder: string): Promise<AccountSummary | undefined> {
  const all = await s.store.accounts();
  if (all.length === 0) { void s.prompts.current.info('You are not logged in to any Mattermost server.'); return undefined; }
  if (all.length === 1) return all[0];
  type Item = vscode.QuickPickItem & { account: AccountSummary };
  const picked = await s.prompts.current.pick<Item>(all.map(a => ({ label: `@${a.username}`, description: a.origin, account: a })), { placeHolder });
  return picked?.account;
}
