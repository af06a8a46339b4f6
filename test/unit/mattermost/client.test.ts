import * as assert from 'node:assert/strict';
import {
  BodyTooLargeError, CancelledError, InvalidCredentialsError, InvalidUrlError, InvalidResponseError, MattermostError, MfaRequiredError,
  NetworkError, RateLimitedError, RedirectError, SessionExpiredError, TimeoutError, TokenRevokedError, adviceFor,
} from '../../../src/core/mattermost/errors';
import { withSessionRetry, type MattermostClient } from '../../../src/core/mattermost/client';
import { clearSecrets } from '../../../src/core/mattermost/redact';
import type { Account } from '../../../src/core/mattermost/types';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { SEED } from '../../../src/sandbox/state';
import { logSink, makeClient, rejects } from './helpers';

describe('client against the sandbox', function () {
  this.timeout(10000);
  let sb: Sandbox;
  let client: MattermostClient;
  let pat: Account;

  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); clearSecrets(); });
  beforeEach(() => {
    sb.reset();
    client = makeClient();
    pat = { origin: sb.url, token: SEED.pat, tokenKind: 'pat' };
  });

  describe('login', () => {
    it('by password: session token from the Token header, all values sent as strings, no cookie kept', async () => {
      const { account, user } = await client.login({ serverUrl: `${sb.url}/`, loginId: 'sandbox', password: 'sandbox-password' });
      assert.equal(account.origin, sb.url);
      assert.equal(account.tokenKind, 'session');
      assert.match(account.token, /^[a-z0-9]{26}$/);
      assert.equal(user.username, 'sandbox');
      assert.equal(sb.state.sessions.get(account.token)?.userId, SEED.user.id);
      const req = sb.requests[0];
      assert.equal(req.method, 'POST');
      assert.equal(req.path, '/api/v4/users/login');
      assert.deepEqual(JSON.parse(req.body), { login_id: 'sandbox', password: 'sandbox-password' });
      assert.equal(req.headers['content-type'], 'application/json');
      // The session works for the next call, with Bearer and without cookies.
      await client.me(account);
      assert.equal(sb.requests[1].headers.authorization, `Bearer ${account.token}`);
      assert.equal(sb.requests[1].headers.cookie, undefined);
    });

    it('masked wrong password → InvalidCredentialsError', async () => {
      const e = await rejects(client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'nope-nope' }), InvalidCredentialsError);
      assert.equal(e.status, 401);
      assert.equal(e.id, 'api.user.login.invalid_credentials_email_username');
      assert.equal(adviceFor(e).action, 'login');
    });

    it('unknown user is masked the same way', async () => {
      await rejects(client.login({ serverUrl: sb.url, loginId: 'nobody', password: 'x-x-x-x' }), InvalidCredentialsError);
    });

    it('MFA: no code → MfaRequiredError (400), wrong code → badCode (401), right code → session', async () => {
      const p = { serverUrl: sb.url, loginId: 'mfa-user', password: 'sandbox-password' };
      const need = await rejects(client.login(p), MfaRequiredError);
      assert.equal(need.badCode, false);
      assert.equal(need.status, 400);
      assert.equal(need.id, 'mfa.validate_token.authenticate.app_error');
      assert.equal(adviceFor(need).action, 'enter-mfa');
      const bad = await rejects(client.login({ ...p, mfaToken: '654321' }), MfaRequiredError);
      assert.equal(bad.badCode, true);
      assert.equal(bad.status, 401);
      const malformed = await rejects(client.login({ ...p, mfaToken: '12ab' }), MfaRequiredError);
      assert.equal(malformed.badCode, true);
      const ok = await client.login({ ...p, mfaToken: ' 123456 ' });
      assert.equal(ok.user.username, 'mfa-user');
      const sent = JSON.parse(sb.requests[sb.requests.length - 1].body) as Record<string, unknown>;
      assert.equal(sent.token, '123456');
      assert.equal(typeof sent.token, 'string');
    });

    it('MFA with the wrong password is still the masked error (password is checked first)', async () => {
      await rejects(client.login({ serverUrl: sb.url, loginId: 'mfa-user', password: 'wrong-pass', mfaToken: '123456' }), InvalidCredentialsError);
    });

    it('a deactivated account gets its own (unmasked) error', async () => {
      const e = await rejects(client.login({ serverUrl: sb.url, loginId: 'inactive-user', password: 'sandbox-password' }), MattermostError);
      assert.equal(e.id, 'api.user.login.inactive.app_error');
      assert.equal(adviceFor(e).action, 'contact-admin');
    });

    it('a 200 without a Token header is refused', async () => {
      sb.inject({ kind: 'status', status: 200, path: '/api/v4/users/login' });
      await rejects(client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'sandbox-password' }), InvalidResponseError);
    });

    it('by personal access token via GET /users/me', async () => {
      const { account, user } = await client.verifyToken(sb.url, SEED.pat);
      assert.equal(account.tokenKind, 'pat');
      assert.equal(user.id, SEED.user.id);
      assert.equal(sb.requests[0].path, '/api/v4/users/me');
      assert.equal(sb.requests[0].headers.authorization, `Bearer ${SEED.pat}`);
      const e = await rejects(client.verifyToken(sb.url, 'not-a-real-token-000000000'), TokenRevokedError);
      assert.equal(e.status, 401);
    });

    it('logout revokes the session; the next call is SessionExpiredError; a PAT logout sends nothing', async () => {
      const { account } = await client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'sandbox-password' });
      assert.deepEqual(await client.logout(account), { serverConfirmed: true });
      assert.equal(sb.requests[1].path, '/api/v4/users/logout');
      await rejects(client.me(account), SessionExpiredError);
      assert.deepEqual(await client.logout(account), { serverConfirmed: true }); // logout needs no live session
      const before = sb.requests.length;
      assert.deepEqual(await client.logout(pat), { serverConfirmed: false });
      assert.equal(sb.requests.length, before);
    });
  });

  describe('teams, channels, posts', () => {
    it('myTeams, myChannels, channelByName', async () => {
      const teams = await client.myTeams(pat);
      assert.deepEqual(teams.map(t => t.name).sort(), ['sandbox', 'second']);
      const channels = await client.myChannels(pat, SEED.team.id);
      assert.ok(channels.some(c => c.name === 'town-square'));
      assert.ok(!channels.some(c => c.name === 'secret'));
      const ch = await client.channelByName(pat, 'sandbox', 'off-topic');
      assert.equal(ch.id, SEED.channels.offTopic.id);
      const e = await rejects(client.channelByName(pat, 'sandbox', 'nope'), MattermostError);
      assert.equal(e.status, 404);
      assert.equal(e.id, 'app.channel.get_by_name.missing.app_error');
      assert.equal(adviceFor(e).summary, 'Unknown channel');
    });

    it('path parameters are encoded and cannot leave /api/v4', async () => {
      await rejects(client.channelByName(pat, '../../hooks', 'x'), MattermostError);
      const last = sb.requests[sb.requests.length - 1];
      assert.equal(last.path, '/api/v4/teams/name/..%2F..%2Fhooks/channels/name/x');
      const before = sb.requests.length;
      for (const dots of ['..', '.', '%2e%2E', '']) {
        await rejects(client.channelByName(pat, 'sandbox', dots), InvalidUrlError);
      }
      assert.equal(sb.requests.length, before);
    });

    it('createPost → 201 with the post and a permalink', async () => {
      const r = await client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'hello', props: { attachments: [{ text: 'a' }] } }, { teamName: 'sandbox' });
      assert.equal(r.post.message, 'hello');
      assert.equal(r.permalink, `${sb.url}/sandbox/pl/${r.post.id}`);
      assert.equal(sb.posts.length, 1);
      assert.deepEqual(sb.posts[0].props, { attachments: [{ text: 'a' }] });
    });

    it('createPost errors: too long (400), no permission (403), bad body (400)', async () => {
      const long = await rejects(client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: '€'.repeat(16384) }), MattermostError);
      assert.equal(long.id, 'model.post.is_valid.message_length.app_error');
      assert.equal(adviceFor(long).summary, 'Message too long');
      await client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: '😀'.repeat(16383) });
      const ro = await rejects(client.createPost(pat, { channel_id: SEED.channels.readOnly.id, message: 'x' }), MattermostError);
      assert.equal(ro.status, 403);
      assert.equal(ro.id, 'api.context.permissions.app_error');
      const bad = await rejects(client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'x', props: [] as unknown as Record<string, unknown> }), MattermostError);
      assert.equal(bad.id, 'api.context.invalid_body_param.app_error');
    });
  });

  describe('webhooks', () => {
    it('sends the exact text as application/json; 200 ok', async () => {
      const text = '{"text":"hi <!channel>",  "props": {"x": 1}}\n';
      const r = await client.postWebhook(sb.webhookUrl(), text);
      assert.deepEqual(r, { status: 200, body: 'ok' });
      assert.equal(sb.requests[0].body, text);
      assert.equal(sb.requests[0].headers['content-type'], 'application/json');
      assert.equal(sb.requests[0].headers.authorization, undefined);
      assert.equal(sb.posts[0].message, 'hi @channel');
    });

    it('splits long text into ≤ 16383-rune posts', async () => {
      const text = 'a'.repeat(16383) + 'b'.repeat(10);
      await client.postWebhook(sb.webhookUrl(), JSON.stringify({ text, attachments: [{ text: 'att' }] }));
      assert.equal(sb.posts.length, 2);
      assert.equal(sb.posts[0].message, 'a'.repeat(16383));
      assert.equal(sb.posts[1].message, 'b'.repeat(10));
      assert.equal(sb.posts[0].props.attachments, undefined);
      assert.ok(Array.isArray(sb.posts[1].props.attachments));
    });

    it('over the 300000+512-byte cap → truncated → 400 parse error', async () => {
      const e = await rejects(client.postWebhook(sb.webhookUrl(), JSON.stringify({ text: 'x'.repeat(300600) })), MattermostError);
      assert.equal(e.status, 400);
      assert.equal(e.id, 'model.incoming_hook.parse_data.app_error');
      assert.ok(sb.requests[0].truncated);
      // Just under the cap is accepted (and split).
      await client.postWebhook(sb.webhookUrl(), JSON.stringify({ text: 'y'.repeat(300000) }));
      assert.equal(sb.posts.length, Math.ceil(300000 / 16383));
    });

    const cases: Array<[string, () => Promise<unknown>, number, string, string]> = [];
    it('maps each webhook error to its advice', async () => {
      const hook = sb.webhookUrl();
      const locked = sb.webhookUrl('locked');
      cases.push(
        ['invalid hook', () => client.postWebhook(`${sb.url}/hooks/doesnotexist000000000000`, '{"text":"x"}'), 400, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook'],
        ['no text', () => client.postWebhook(hook, '{"blocks":[]}'), 400, 'web.incoming_webhook.text.app_error', 'No text'],
        ['parse', () => client.postWebhook(hook, '{"text": 5}'), 400, 'model.incoming_hook.parse_data.app_error', 'The server could not parse the payload'],
        ['unknown channel', () => client.postWebhook(hook, '{"text":"x","channel":"nope"}'), 404, 'web.incoming_webhook.channel.app_error', 'Unknown channel'],
        ['locked', () => client.postWebhook(locked, '{"text":"x","channel":"town-square"}'), 403, 'web.incoming_webhook.channel_locked.app_error', 'Locked channel'],
      );
      for (const [name, call, status, id, summary] of cases) {
        const e = await rejects(call(), MattermostError);
        assert.equal(e.status, status, name);
        assert.equal(e.id, id, name);
        assert.equal(adviceFor(e).summary, summary, name);
      }
      sb.setConfig({ enableIncomingWebhooks: false });
      const off = await rejects(client.postWebhook(hook, '{"text":"x"}'), MattermostError);
      assert.equal(off.status, 501);
      assert.equal(adviceFor(off).summary, 'Incoming webhooks are disabled');
    });

    it('a 200 that is not "ok" is not reported as delivered', async () => {
      sb.inject({ kind: 'malformedJson', path: '/hooks/' });
      await rejects(client.postWebhook(sb.webhookUrl(), '{"text":"x"}'), InvalidResponseError);
    });
  });

  describe('faults', () => {
    it('delay past the timeout → TimeoutError; the request is not re-sent', async () => {
      sb.inject({ kind: 'delay', ms: 1500, path: '/api/v4/posts' });
      const e = await rejects(client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'slow' }, { timeoutMs: 200 }), TimeoutError);
      assert.equal(e.timeoutMs, 200);
      assert.equal(sb.requests.filter(r => r.path === '/api/v4/posts').length, 1);
    });

    it('a short delay within the timeout just succeeds', async () => {
      sb.inject({ kind: 'delay', ms: 100 });
      await client.me(pat);
    });

    it('cancellation via AbortSignal → CancelledError', async () => {
      sb.inject({ kind: 'delay', ms: 2000 });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      await rejects(client.me(pat, { signal: ac.signal }), CancelledError);
      const pre = new AbortController();
      pre.abort();
      const before = sb.requests.length;
      await rejects(client.me(pat, { signal: pre.signal }), CancelledError);
      assert.equal(sb.requests.length, before, 'an already-cancelled call sends nothing');
    });

    it('500 → MattermostError with the server error id and request id, not retried', async () => {
      sb.inject({ kind: 'status', status: 500, id: 'app.some.failure', path: '/api/v4/posts' });
      const e = await rejects(client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'x' }), MattermostError);
      assert.equal(e.status, 500);
      assert.equal(e.id, 'app.some.failure');
      assert.match(e.requestId ?? '', /^[a-z0-9]{26}$/);
      assert.equal(adviceFor(e).action, 'retry');
      assert.equal(sb.requests.length, 1);
      assert.equal(sb.posts.length, 0);
    });

    it('401 on a session call → SessionExpiredError; on a PAT → TokenRevokedError', async () => {
      const { account } = await client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'sandbox-password' });
      sb.inject({ kind: 'unauthorized' });
      const s = await rejects(client.me(account), SessionExpiredError);
      assert.equal(s.id, 'api.context.session_expired.app_error');
      assert.equal(adviceFor(s).action, 'login');
      sb.inject({ kind: 'unauthorized' });
      const t = await rejects(client.me(pat), TokenRevokedError);
      assert.match(adviceFor(t).detail, /revoked/);
    });

    it('withSessionRetry: 401 → re-login → exactly one resend', async () => {
      const { account } = await client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'sandbox-password' });
      sb.expireSessions();
      let relogins = 0;
      const result = await withSessionRetry(account, a => client.createPost(a, { channel_id: SEED.channels.townSquare.id, message: 'once' }), async () => {
        relogins++;
        return (await client.login({ serverUrl: sb.url, loginId: 'sandbox', password: 'sandbox-password' })).account;
      });
      assert.equal(result.post.message, 'once');
      assert.equal(relogins, 1);
      assert.equal(sb.requests.filter(r => r.path === '/api/v4/posts').length, 2);
      assert.equal(sb.posts.length, 1);

      // A second 401 after the re-login is not retried again.
      sb.inject({ kind: 'unauthorized', path: '/api/v4/posts', count: 2 });
      let calls = 0;
      await rejects(withSessionRetry(result.post ? account : account, a => { calls++; return client.createPost(a, { channel_id: SEED.channels.townSquare.id, message: 'x' }); }, () => Promise.resolve({ ...account })), SessionExpiredError);
      assert.equal(calls, 2);
      // A re-login for another origin is never used.
      sb.inject({ kind: 'unauthorized', path: '/api/v4/users/me' });
      calls = 0;
      await rejects(withSessionRetry(account, a => { calls++; return client.me(a); }, () => Promise.resolve({ ...account, origin: 'http://127.0.0.1:1' })), SessionExpiredError);
      assert.equal(calls, 1);
      // A PAT 401 is never retried.
      sb.inject({ kind: 'unauthorized' });
      let relog = 0;
      await rejects(withSessionRetry(pat, a => client.me(a), () => { relog++; return Promise.resolve(pat); }), TokenRevokedError);
      assert.equal(relog, 0);
    });

    it('429 with Retry-After within the bound: waits, resends once, succeeds', async () => {
      sb.inject({ kind: 'rateLimit', retryAfterSeconds: 1, path: '/api/v4/posts' });
      const t0 = Date.now();
      const r = await client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'after wait' });
      const waited = Date.now() - t0;
      assert.ok(waited >= 950 && waited < 2500, `waited ${waited} ms`);
      assert.equal(r.post.message, 'after wait');
      assert.equal(sb.requests.length, 2);
      assert.equal(sb.posts.length, 1);
    });

    it('429 with only X-RateLimit-Reset (seconds from now) is honoured too', async () => {
      sb.inject({ kind: 'rateLimit', retryAfterSeconds: 1, headers: 'reset', path: '/hooks/' });
      const t0 = Date.now();
      await client.postWebhook(sb.webhookUrl(), '{"text":"x"}');
      assert.ok(Date.now() - t0 >= 950);
      assert.equal(sb.requests.length, 2);
    });

    it('429 twice in a row: one wait, then RateLimitedError (never spins)', async () => {
      sb.inject({ kind: 'rateLimit', retryAfterSeconds: 1, count: 'always' });
      const e = await rejects(client.me(pat), RateLimitedError);
      assert.equal(e.retryAfterSeconds, 1);
      assert.equal(e.serverMessage, 'limit exceeded');
      assert.equal(sb.requests.length, 2);
      assert.equal(adviceFor(e).action, 'retry-later');
    });

    it('429 past the bound, or without any header: RateLimitedError at once', async () => {
      sb.inject({ kind: 'rateLimit', retryAfterSeconds: 30 });
      const t0 = Date.now();
      const e = await rejects(client.me(pat), RateLimitedError);
      assert.ok(Date.now() - t0 < 500);
      assert.equal(e.retryAfterSeconds, 30);
      assert.match(adviceFor(e).detail, /30 s/);
      sb.inject({ kind: 'rateLimit', headers: 'none' });
      const n = await rejects(client.me(pat), RateLimitedError);
      assert.equal(n.retryAfterSeconds, undefined);
      assert.equal(sb.requests.length, 2);
    });

    it('a cancel during the 429 wait stops it', async () => {
      sb.inject({ kind: 'rateLimit', retryAfterSeconds: 2 });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      const t0 = Date.now();
      await rejects(client.me(pat, { signal: ac.signal }), CancelledError);
      assert.ok(Date.now() - t0 < 1000);
      assert.equal(sb.requests.length, 1);
    });

    it('redirect → RedirectError, not followed', async () => {
      sb.inject({ kind: 'redirect', status: 307, location: 'http://127.0.0.1:9/elsewhere' });
      const e = await rejects(client.me(pat), RedirectError);
      assert.equal(e.status, 307);
      assert.equal(e.crossOrigin, true);
      assert.equal(e.location, 'http://127.0.0.1:9/elsewhere');
      assert.equal(sb.requests.length, 1);
    });

    it('malformed JSON → InvalidResponseError', async () => {
      sb.inject({ kind: 'malformedJson' });
      const e = await rejects(client.me(pat), InvalidResponseError);
      assert.equal(adviceFor(e).action, 'check-server-url');
    });

    it('malformed JSON on an error status still gives a MattermostError with the text', async () => {
      sb.inject({ kind: 'malformedJson', status: 502 });
      const e = await rejects(client.me(pat), MattermostError);
      assert.equal(e.status, 502);
      assert.equal(e.id, undefined);
    });

    it('huge body (streamed) → BodyTooLargeError, reading stops at the cap', async () => {
      const small = makeClient({ maxBodyBytes: 64 * 1024 });
      sb.inject({ kind: 'hugeBody', bytes: 8 * 1024 * 1024 });
      const t0 = Date.now();
      const e = await rejects(small.me(pat), BodyTooLargeError);
      assert.equal(e.limitBytes, 64 * 1024);
      assert.ok(Date.now() - t0 < 2000);
      // The connection is usable again afterwards.
      await small.me(pat);
    });

    it('huge body with Content-Length → refused before reading', async () => {
      sb.inject({ kind: 'hugeBody', bytes: 4 * 1024 * 1024, contentLength: true });
      await rejects(client.me(pat), BodyTooLargeError);
    });

    it('connection reset → NetworkError, not retried', async () => {
      sb.inject({ kind: 'reset', path: '/api/v4/posts' });
      const e = await rejects(client.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'x' }), NetworkError);
      assert.ok(e.causeCode === 'ECONNRESET' || e.causeCode === undefined, String(e.causeCode));
      assert.equal(adviceFor(e).action, 'retry');
      assert.equal(sb.requests.length, 1);
      assert.equal(sb.posts.length, 0);
    });

    it('connection refused → NetworkError', async () => {
      const e = await rejects(client.me({ ...pat, origin: 'http://127.0.0.1:9' }), NetworkError);
      assert.equal(e.causeCode, 'ECONNREFUSED');
    });

    it('faults target a path prefix and fire count times', async () => {
      sb.inject({ kind: 'status', status: 503, path: '/api/v4/users/me/teams', count: 2 });
      await client.me(pat);
      await rejects(client.myTeams(pat), MattermostError);
      await rejects(client.myTeams(pat), MattermostError);
      await client.myTeams(pat);
    });
  });

  describe('logging', () => {
    it('logs requests through the redactor, never the token', async () => {
      const sink = logSink();
      const c = makeClient({ logger: sink.logger });
      clearSecrets(); // prove the structural rules alone hide the header value
      await c.me(pat);
      await c.postWebhook(sb.webhookUrl(), '{"text":"x"}');
      const all = sink.lines.join('\n');
      assert.ok(sink.lines.length >= 4);
      assert.ok(all.includes('/api/v4/users/me'));
      assert.ok(all.includes('/hooks/••••••'));
      assert.ok(!all.includes(SEED.pat) && !all.includes(SEED.hooks.normal.id), all);
    });

    it('a throwing logger does not break requests', async () => {
      const c = makeClient({ logger: () => { throw new Error('boom'); } });
      await c.me(pat);
    });
  });
});
