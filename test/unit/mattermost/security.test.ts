/**
 * The credential rules over real HTTP on 127.0.0.1: the origin truth table, the redirect table (WPT-style) against a
 * capture server on another port (= another origin), https→http, and redaction across the whole fault suite.
 */
import * as assert from 'node:assert/strict';
import { Agent as HttpsAgent, createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import nodeFetch from 'node-fetch';
import { MattermostClient } from '../../../src/core/mattermost/client';
import { adviceFor, describeError, RedirectError } from '../../../src/core/mattermost/errors';
import { findByOrigin } from '../../../src/core/mattermost/origin';
import { clearSecrets, redact } from '../../../src/core/mattermost/redact';
import type { Account, FetchLike } from '../../../src/core/mattermost/types';
import type { Fault, RedirectStatus } from '../../../src/sandbox/faults';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { SEED } from '../../../src/sandbox/state';
import { credentialText, logSink, makeClient, rejects, startCapture, type CaptureServer } from './helpers';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './tlsFixture';

const PASSWORD = SEED.user.password;
const HOOK_KEY = SEED.hooks.normal.id;

describe('security: credentials reach only their own origin', function () {
  this.timeout(20000);
  let sb: Sandbox;
  let cap: CaptureServer;
  let session: Account;
  let pat: Account;

  before(async () => {
    sb = await startSandbox();
    cap = await startCapture();
  });
  after(async () => {
    await sb.close();
    await cap.close();
    clearSecrets();
  });
  beforeEach(async () => {
    sb.reset();
    cap.requests.length = 0;
    session = (await makeClient().login({ serverUrl: sb.url, loginId: 'sandbox', password: PASSWORD })).account;
    pat = { origin: sb.url, token: SEED.pat, tokenKind: 'pat' };
    sb.clearRequests();
  });

  function secretsOf(extra: string[] = []): string[] {
    const csrf = [...sb.state.sessions.values()].map(s => s.csrf).filter(c => c !== '');
    return [session.token, SEED.pat, PASSWORD, HOOK_KEY, SEED.hooks.locked.id, ...csrf, ...extra];
  }

  function assertCaptureClean(): void {
    const leaked = cap.requests.filter(r => secretsOf().some(s => credentialText(r).includes(s)));
    assert.deepEqual(leaked, [], 'a credential reached the capture server');
  }

  it('the capture server really records headers (so a leak would be seen)', async () => {
    await nodeFetch(`${cap.url}/probe`, { headers: { Authorization: `Bearer ${session.token}` } });
    assert.equal(cap.requests.length, 1);
    assert.equal(cap.requests[0].headers.authorization, `Bearer ${session.token}`);
    assert.throws(assertCaptureClean);
    cap.requests.length = 0;
  });

  describe('origin truth table', () => {
    it('a setting only selects the login of exactly its origin; the token goes there and nowhere else', async () => {
      const port = new URL(sb.url).port;
      const capPort = new URL(cap.url).port;
      const accounts = [session];
      const table: Array<[string, boolean]> = [
        [sb.url, true], // same origin
        [`${sb.url}/`, true],
        [`HTTP://127.0.0.1:${port}/`, true], // upper-case scheme
        [`127.0.0.1:${port}`, false], // no scheme → https → other scheme
        [`https://127.0.0.1:${port}`, false], // other scheme
        [cap.url, false], // other port
        [`http://localhost:${port}`, false], // other host name for the same machine
        [`http://127.0.0.1.nip.io:${port}`, false], // look-alike
        [`http://127.0.0.1:${port}@127.0.0.1:${capPort}`, false], // userinfo trick
        [`http://127.0.0.1:${capPort}@127.0.0.1:${port}`, false], // userinfo the other way round
        [`//127.0.0.1:${capPort}`, false], // protocol-relative
        [`http://127.0.0.1:${capPort}/?server=127.0.0.1:${port}`, false],
        [`http://127.0.0.1:${port}/chat`, false], // path-prefix install ≠ root install
      ];
      const client = makeClient();
      let expectedHits = 0;
      for (const [setting, same] of table) {
        const account = findByOrigin(accounts, setting);
        assert.equal(account !== undefined, same, setting);
        if (account) {
          expectedHits++;
          await client.me(account);
        }
        // Whatever the setting says, nothing is ever built from it: the capture server stays clean.
        assertCaptureClean();
      }
      assert.equal(cap.requests.length, 0);
      const withToken = sb.requests.filter(r => r.headers.authorization === `Bearer ${session.token}`);
      assert.equal(withToken.length, expectedHits);
      assert.ok(sb.requests.every(r => r.path === '/api/v4/users/me'));
    });

    it('path-prefix installs: requests stay under the base path', async () => {
      const client = makeClient();
      const prefixed: Account = { origin: `${sb.url}/chat`, token: session.token, tokenKind: 'session' };
      await rejects(client.me(prefixed), Error); // the sandbox lives at /, so /chat/api/v4 is a 404
      assert.equal(sb.requests[0].path, '/chat/api/v4/users/me');
    });
  });

  describe('redirect table (WPT-style): nothing is followed, nothing reaches the other origin', () => {
    const statuses: RedirectStatus[] = [301, 302, 303, 307, 308];
    type Call = { name: string; path: string; run: (c: MattermostClient) => Promise<unknown> };
    const calls = (): Call[] => [
      { name: 'GET /users/me (session)', path: '/api/v4/users/me', run: c => c.me(session) },
      { name: 'POST /posts (PAT)', path: '/api/v4/posts', run: c => c.createPost(pat, { channel_id: SEED.channels.townSquare.id, message: 'x' }) },
      { name: 'POST /hooks/{key}', path: '/hooks/', run: c => c.postWebhook(sb.webhookUrl(), '{"text":"x"}') },
      { name: 'POST /users/login', path: '/api/v4/users/login', run: c => c.login({ serverUrl: sb.url, loginId: 'sandbox', password: PASSWORD }) },
    ];
    const locations = (): Array<[string, string, boolean]> => {
      const capHost = new URL(cap.url).host;
      return [
        ['same-origin absolute', `${sb.url}/api/v4/users/me`, false],
        ['same-origin relative', '/api/v4/users/me', false],
        ['cross-origin', `${cap.url}/steal`, true],
        ['protocol-relative', `//${capHost}/steal`, true],
        ['cross-origin carrying the secret path', `${cap.url}/hooks/${HOOK_KEY}?access_token=${SEED.pat}`, true],
      ];
    };

    for (const status of statuses) {
      it(`${status}: every call × every Location`, async () => {
        const sink = logSink();
        const client = makeClient({ logger: sink.logger });
        for (const call of calls()) {
          for (const [kind, location, cross] of locations()) {
            const before = sb.requests.length;
            sb.inject({ kind: 'redirect', status, location, path: call.path });
            const e = await rejects(call.run(client), RedirectError);
            const label = `${status} ${call.name} → ${kind}`;
            assert.equal(e.status, status, label);
            assert.equal(e.crossOrigin, cross, label);
            assert.equal(e.downgrade, false, label);
            assert.equal(sb.requests.length, before + 1, `${label}: sent exactly once, never re-sent`);
            for (const s of secretsOf()) {
              assert.ok(!e.message.includes(s) && !(e.location ?? '').includes(s), `${label}: secret in ${e.message}`);
              assert.ok(!describeError(e).includes(s), label);
            }
          }
        }
        assert.equal(cap.requests.length, 0, 'the other origin received nothing at all');
        const logs = sink.lines.join('\n');
        for (const s of secretsOf()) assert.ok(!logs.includes(s), `secret in logs: ${s}`);
        assert.ok(logs.includes('not followed'));
      });
    }

    describe('https → http', () => {
      let tls: HttpsServer;
      let tlsUrl: string;
      let tlsFetch: FetchLike;
      before(async () => {
        tls = createHttpsServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT }, (req, res) => {
          req.resume();
          req.on('end', () => {
            const target = (req.url ?? '').startsWith('/same-host') ? `http://127.0.0.1:${(tls.address() as AddressInfo).port}/api/v4/users/me` : `${cap.url}/downgraded`;
            res.statusCode = 301;
            res.setHeader('Location', target);
            res.end();
          });
        });
        await new Promise<void>(resolve => tls.listen(0, '127.0.0.1', resolve));
        tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
        const agent = new HttpsAgent({ ca: TEST_TLS_CERT });
        tlsFetch = (url, init) => nodeFetch(url, { ...init, agent });
      });
      after(async () => {
        await new Promise<void>(resolve => { tls.close(() => resolve()); tls.closeAllConnections(); });
      });

      it('is always refused, for API calls and webhooks, and nothing reaches the http side', async () => {
        const client = new MattermostClient({ fetch: tlsFetch, timeoutMs: 3000 });
        const account: Account = { origin: tlsUrl, token: session.token, tokenKind: 'session' };
        const e1 = await rejects(client.me(account), RedirectError);
        assert.equal(e1.downgrade, true);
        assert.equal(e1.crossOrigin, true);
        assert.equal(adviceFor(e1).summary, 'Redirect to http refused');
        const e2 = await rejects(client.postWebhook(`${tlsUrl}/hooks/${HOOK_KEY}`, '{"text":"x"}'), RedirectError);
        assert.equal(e2.downgrade, true);
        const e3 = await rejects(client.login({ serverUrl: `${tlsUrl}/same-host`, loginId: 'sandbox', password: PASSWORD }), RedirectError);
        assert.equal(e3.downgrade, true, 'same host and port over http is still a downgrade');
        assert.equal(e3.crossOrigin, true);
        assert.equal(cap.requests.length, 0);
        for (const e of [e1, e2, e3]) for (const s of secretsOf()) assert.ok(!e.message.includes(s));
      });
    });
  });

  describe('redaction across the whole fault suite', () => {
    it('no secret in any log line, error message or advice', async () => {
      const sink = logSink();
      const client = makeClient({ logger: (level, msg) => sink.logger(level, msg), timeoutMs: 400, maxBodyBytes: 32 * 1024 });
      const texts: string[] = [];
      const attempt = async (p: Promise<unknown>): Promise<void> => {
        try {
          await p;
        } catch (e) {
          texts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
          const a = adviceFor(e);
          texts.push(a.summary, a.detail, describeError(e), redact(e));
          if (e && typeof e === 'object') texts.push(JSON.stringify({ ...e }));
        }
      };
      const hook = sb.webhookUrl();
      const post = (): Promise<unknown> => client.createPost(session, { channel_id: SEED.channels.townSquare.id, message: 'm' });
      const faults: Fault[] = [
        { kind: 'delay', ms: 800 },
        { kind: 'status', status: 500, message: `echo Bearer ${session.token} ${hook}` },
        // The password only ever travels in a login request, so only a login answer could echo it.
        { kind: 'status', status: 500, path: '/api/v4/users/login', message: `echo password=${PASSWORD} ${PASSWORD}` },
        { kind: 'unauthorized' },
        { kind: 'rateLimit', retryAfterSeconds: 60 },
        { kind: 'rateLimit', headers: 'none' },
        { kind: 'redirect', status: 302, location: `${cap.url}/hooks/${HOOK_KEY}?access_token=${session.token}&token=${SEED.pat}` },
        { kind: 'malformedJson' },
        { kind: 'malformedJson', status: 500 },
        { kind: 'hugeBody', bytes: 1024 * 1024 },
        { kind: 'hugeBody', bytes: 1024 * 1024, contentLength: true },
        { kind: 'reset' },
      ];
      for (const f of faults) {
        for (const run of [() => client.me(session), () => client.me(pat), post, () => client.postWebhook(hook, '{"text":"x"}'), () => client.login({ serverUrl: sb.url, loginId: 'sandbox', password: PASSWORD })]) {
          sb.inject(f);
          await attempt(run());
          sb.clearFaults();
        }
      }
      // The login failure paths, webhook error answers and a revoked PAT.
      await attempt(client.login({ serverUrl: sb.url, loginId: 'sandbox', password: `${PASSWORD}-wrong` }));
      await attempt(client.login({ serverUrl: sb.url, loginId: 'mfa-user', password: PASSWORD }));
      await attempt(client.login({ serverUrl: sb.url, loginId: 'mfa-user', password: PASSWORD, mfaToken: '000000' }));
      await attempt(client.verifyToken(sb.url, `${SEED.pat}x`));
      await attempt(client.postWebhook(`${sb.url}/hooks/${HOOK_KEY}x`, '{"text":"x"}'));
      await attempt(client.postWebhook(hook, '{"text":"x","channel":"nope"}'));
      await attempt(client.postWebhook(`${cap.url.replace('http', 'ftp')}/hooks/${HOOK_KEY}`, '{}'));
      await attempt(client.login({ serverUrl: `http://sandbox:${PASSWORD}@127.0.0.1:1`, loginId: 'sandbox', password: PASSWORD }));
      await attempt(client.me({ ...session, origin: 'http://127.0.0.1:9' }));

      assert.ok(texts.length > 100, `only ${texts.length} messages`);
      assert.ok(sink.lines.length > 100, `only ${sink.lines.length} log lines`);
      // The suite really produced the interesting answers.
      const all = [...texts, ...sink.lines].join('\n');
      for (const kind of ['TimeoutError', 'SessionExpiredError', 'TokenRevokedError', 'RateLimitedError', 'RedirectError', 'InvalidResponseError', 'BodyTooLargeError', 'NetworkError', 'MfaRequiredError', 'InvalidCredentialsError', 'InvalidUrlError']) {
        assert.ok(all.includes(kind), `the suite never produced ${kind}`);
      }
      assert.ok(all.includes('echo password=••••••'), 'the login answer echoing the password was exercised');
      const secrets = [...secretsOf(['wrong', `${SEED.pat}x`]), `${HOOK_KEY}x`].filter(s => s !== 'wrong');
      for (const s of secrets) {
        const hits = [...texts, ...sink.lines].filter(line => line.includes(s));
        assert.deepEqual(hits, [], `secret ${s.slice(0, 3)}… appeared`);
      }
      assertCaptureClean();
    });
  });
});
