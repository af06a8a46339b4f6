/**
 * The Mattermost HTTP client. `fetch` is injected (the extension passes node-fetch; tests use it against the
 * sandbox). Every authenticated URL is built from the ACCOUNT's normalized origin — never from a setting —
 * and re-checked to be inside it; no redirect is ever followed; bodies are capped; a 429 is waited out once
 * within a bound; 401 becomes SessionExpiredError (session) or TokenRevokedError (PAT).
 */
import {
  InvalidCredentialsError, InvalidResponseError, InvalidUrlError, MattermostError, MfaRequiredError, RateLimitedError,
  SessionExpiredError, TokenRevokedError, type AppErrorFields,
} from './errors';
import { HttpRequest, HttpResponse, retryAfterSeconds, Transport, type TransportOptions } from './http';
import { normalizeServerUrl, parseWebhookUrl, sameOrigin, urlOnOrigin } from './origin';
import { addSecret, redactUrl } from './redact';
import type {
  Account, BodyText, CallOptions, Channel, MattermostUser, Post, PostCreateBody, Team, TokenKind,
} from './types';

export type ClientOptions = TransportOptions;

export interface LoginParams {
  serverUrl: string;
  loginId: string;
  password: string;
  /** The MFA code, sent as a string (the login body is a string map). */
  mfaToken?: string;
}

export interface LoginResult {
  account: Account;
  user: MattermostUser;
}

export interface CreatePostResult {
  post: Post;
  /** `${origin}/${teamName}/pl/${postId}` when the team name was given. */
  permalink?: string;
}

export interface WebhookResult {
  status: number;
  /** The body the server answered (Mattermost: `ok`). */
  body: string;
}

const MFA_MISSING = 'mfa.validate_token.authenticate.app_error';
const MFA_BAD = 'api.user.check_user_mfa.bad_code.app_error';

export class MattermostClient {
  private readonly http: Transport;

  constructor(opts: ClientOptions) {
    this.http = new Transport(opts);
  }

  /** Log in with login id + password (+ MFA code). Throws MfaRequiredError when a code is needed or wrong. */
  async login(p: LoginParams, opts?: CallOptions): Promise<LoginResult> {
    const origin = normalizeServerUrl(p.serverUrl).origin;
    // The password is masked in anything logged or thrown during this call.
    const forget = addSecret(p.password);
    try {
      const body: Record<string, string> = { login_id: String(p.loginId), password: String(p.password) };
      if (p.mfaToken !== undefined && p.mfaToken !== '') body.token = String(p.mfaToken).trim();
      const res = await this.http.send(this.request('POST', origin, '/api/v4/users/login', undefined, JSON.stringify(body)), opts);
      if (res.status !== 200 && res.status !== 201) {
        const f = this.fields(res, 'POST', origin, '/api/v4/users/login');
        if (f.id === MFA_MISSING) throw new MfaRequiredError(f, body.token !== undefined);
        if (f.id === MFA_BAD) throw new MfaRequiredError(f, true);
        if (res.status === 401 && f.id?.startsWith('api.user.login.invalid_credentials')) throw new InvalidCredentialsError(f);
        throw this.error(res, f);
      }
      const token = res.headers.get('token');
      if (!token || token.trim() === '') throw new InvalidResponseError('The server accepted the login but sent no Token header.', res.status);
      addSecret(token.trim());
      const user = this.json<MattermostUser>(res);
      const account: Account = { origin, token: token.trim(), tokenKind: 'session', user };
      this.http.log('info', `[auth] logged in to ${origin} as ${user.username}`);
      return { account, user };
    } finally {
      forget();
    }
  }

  /** Checks a personal access token with GET /api/v4/users/me and returns the account for it. */
  async verifyToken(serverUrl: string, token: string, opts?: CallOptions): Promise<LoginResult> {
    const origin = normalizeServerUrl(serverUrl).origin;
    const t = token.trim();
    addSecret(t);
    const account: Account = { origin, token: t, tokenKind: 'pat' };
    const user = await this.me(account, opts);
    return { account: { ...account, user }, user };
  }

  /**
   * POST /api/v4/users/logout for a session token. A 401 means the session is already gone: that counts as
   * logged out. For a PAT nothing is sent (a PAT is revoked in the web UI); the caller deletes the secret.
   */
  async logout(account: Account, opts?: CallOptions): Promise<{ serverConfirmed: boolean }> {
    if (account.tokenKind !== 'session') return { serverConfirmed: false };
    const res = await this.http.send(this.authed(account, 'POST', '/api/v4/users/logout', ''), opts);
    if (res.status === 200) return { serverConfirmed: true };
    if (res.status === 401) return { serverConfirmed: false };
    throw this.error(res, this.fields(res, 'POST', account.origin, '/api/v4/users/logout'));
  }

  async me(account: Account, opts?: CallOptions): Promise<MattermostUser> {
    return this.getJson<MattermostUser>(account, '/api/v4/users/me', opts);
  }

  async myTeams(account: Account, opts?: CallOptions): Promise<Team[]> {
    return this.getJson<Team[]>(account, '/api/v4/users/me/teams', opts);
  }

  async myChannels(account: Account, teamId: string, opts?: CallOptions): Promise<Channel[]> {
    return this.getJson<Channel[]>(account, `/api/v4/users/me/teams/${seg(teamId)}/channels`, opts);
  }

  async channelByName(account: Account, teamName: string, channelName: string, opts?: CallOptions): Promise<Channel> {
    return this.getJson<Channel>(account, `/api/v4/teams/name/${seg(teamName)}/channels/name/${seg(channelName)}`, opts);
  }

  /**
   * GET /api/v4/config/client?format=old: the server's version and the settings clients see, a map of
   * strings (src/core/server/profile.ts parses it into a profile). Authenticated like every other call,
   * so the server answers with the full client config, not the limited one for anonymous callers.
   */
  async clientConfig(account: Account, opts?: CallOptions): Promise<Record<string, unknown>> {
    const config = await this.getJson<unknown>(account, '/api/v4/config/client?format=old', opts);
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new InvalidResponseError('The server answered GET /api/v4/config/client without a JSON object.', 200);
    }
    return config as Record<string, unknown>;
  }

  /** POST /api/v4/posts. Success is 201 with the post. Never retried except after a 429 (not processed). */
  async createPost(account: Account, body: PostCreateBody, opts?: CallOptions & { teamName?: string }): Promise<CreatePostResult> {
    const res = await this.http.send(this.authed(account, 'POST', '/api/v4/posts', JSON.stringify(body)), opts);
    if (res.status !== 201 && res.status !== 200) throw this.error(res, this.fields(res, 'POST', account.origin, '/api/v4/posts'), account.tokenKind);
    const post = this.json<Post>(res);
    if (typeof post.id !== 'string') throw new InvalidResponseError('The server answered without a post id.', res.status);
    const origin = normalizeServerUrl(account.origin).origin;
    const permalink = opts?.teamName ? `${origin}/${seg(opts.teamName)}/pl/${seg(post.id)}` : undefined;
    this.http.log('info', `[send] created post ${post.id} in channel ${post.channel_id}`);
    return { post, permalink };
  }

  /**
   * Sends the user's exact text to an incoming webhook as application/json (a big text in slices: never joined, encoded
   * one slice per turn). Success is 200 with body `ok`.
   * The webhook URL is a secret: it is registered with the redactor and never followed through a redirect.
   */
  async postWebhook(webhookUrl: string, payloadText: BodyText, opts?: CallOptions): Promise<WebhookResult> {
    const hook = parseWebhookUrl(webhookUrl);
    addSecret(hook.href);
    const req: HttpRequest = {
      method: 'POST',
      url: hook.href,
      origin: hook.origin.origin,
      headers: { 'Content-Type': 'application/json' },
      body: payloadText,
    };
    const res = await this.http.send(req, opts);
    if (res.status < 200 || res.status > 299) throw this.error(res, this.fields(res, 'POST', hook.href, ''));
    if (res.text.trim().toLowerCase() !== 'ok') {
      throw new InvalidResponseError(`The webhook answered ${res.status} but not "ok"; this may not be a Mattermost server.`, res.status);
    }
    this.http.log('info', `[send] webhook ${redactUrl(hook.href)} answered ${res.status} ok`);
    return { status: res.status, body: res.text };
  }

  // ---------------------------------------------------------------------------------------------------

  private async getJson<T>(account: Account, path: string, opts?: CallOptions): Promise<T> {
    const res = await this.http.send(this.authed(account, 'GET', path), opts);
    if (res.status !== 200) throw this.error(res, this.fields(res, 'GET', account.origin, path), account.tokenKind);
    return this.json<T>(res);
  }

  private request(method: 'GET' | 'POST', origin: string, path: string, headers?: Record<string, string>, body?: string): HttpRequest {
    const url = urlOnOrigin(origin, path);
    const h: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest', ...(headers ?? {}) };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    return { method, url, origin, headers: h, body };
  }

  /** Builds an authenticated request from the account's own origin. The token never goes anywhere else. */
  private authed(account: Account, method: 'GET' | 'POST', path: string, body?: string): HttpRequest {
    if (!account || typeof account.token !== 'string' || account.token === '') throw new TypeError('An account with a token is required.');
    addSecret(account.token);
    const origin = normalizeServerUrl(account.origin).origin;
    return this.request(method, origin, path, { Authorization: `Bearer ${account.token}` }, body);
  }

  private json<T>(res: HttpResponse): T {
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new InvalidResponseError(`The server answered ${res.status} but the body is not valid JSON.`, res.status);
    }
  }

  private fields(res: HttpResponse, method: string, origin: string, path: string): AppErrorFields {
    const f: AppErrorFields = { status: res.status, request: `${method} ${redactUrl(`${origin}${path}`)}` };
    const rid = res.headers.get('x-request-id');
    if (rid) f.requestId = rid;
    const text = res.text.trim();
    try {
      const j = JSON.parse(text) as unknown;
      if (typeof j === 'object' && j !== null && !Array.isArray(j)) {
        const o = j as Record<string, unknown>;
        if (typeof o.id === 'string') f.id = o.id;
        if (typeof o.message === 'string') f.serverMessage = o.message;
        if (typeof o.request_id === 'string' && o.request_id !== '') f.requestId = o.request_id;
        if (typeof o.detailed_error === 'string' && o.detailed_error !== '') f.detailedError = o.detailed_error;
        return f;
      }
    } catch {
      /* plain text */
    }
    if (text !== '') {
      const oneLine = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
      f.serverMessage = oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
    }
    return f;
  }

  private error(res: HttpResponse, f: AppErrorFields, tokenKind?: TokenKind): MattermostError {
    if (res.status === 429) return new RateLimitedError(f, retryAfterSeconds(res.headers));
    if (res.status === 401 && tokenKind === 'session') return new SessionExpiredError(f);
    if (res.status === 401 && tokenKind === 'pat') return new TokenRevokedError(f);
    return new MattermostError(f);
  }
}

/** One encoded path segment. "." and ".." (plain or %2E-encoded, which URL parsing treats the same) are refused. */
function seg(s: string): string {
  const v = String(s);
  if (v === '' || /^(\.|%2e){1,2}$/i.test(v)) throw new InvalidUrlError('Not a valid team, channel or id name.');
  return encodeURIComponent(v);
}

/**
 * Runs `call` with the account; if it fails with SessionExpiredError, asks `relogin` for a fresh account and
 * runs `call` exactly once more. The new account must be for the same origin (else the call is not resent).
 * Errors from the second attempt propagate unchanged — there is never a third.
 */
export async function withSessionRetry<T>(
  account: Account,
  call: (account: Account) => Promise<T>,
  relogin: (expired: SessionExpiredError) => Promise<Account | undefined>,
): Promise<T> {
  try {
    return await call(account);
  } catch (e) {
    if (!(e instanceof SessionExpiredError) || account.tokenKind !== 'session') throw e;
    const fresh = await relogin(e);
    if (!fresh) throw e;
    if (!sameOrigin(fresh.origin, account.origin)) throw e;
    return call(fresh);
  }
}
