/** The sandbox answers as the real server does (raw HTTP, no client). */
import * as assert from 'node:assert/strict';
import { get } from 'node:http';
import nodeFetch from 'node-fetch';
import { goV as goSprintV } from '../../../src/core/server/goformat';
import { splitRunes } from '../../../src/core/server/runes';
import { decodeFirstValue, repairControlChars } from '../../../src/sandbox/goJson';
import { banner, parsePort } from '../../../src/sandbox/main';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { SEED } from '../../../src/sandbox/state';
import { mediaType, parseWebhookJson } from '../../../src/sandbox/webhook';

interface Answer { status: number; headers: Record<string, string | string[]>; text: string; json: () => Record<string, unknown> }

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const res = await nodeFetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers.raw(), text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** node-fetch rewrites Location to an absolute URL; this shows the raw header. */
function rawGet(url: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    get(url, res => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    }).on('error', reject);
  });
}

describe('sandbox server', function () {
  this.timeout(10000);
  let sb: Sandbox;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); });
  beforeEach(() => sb.reset());

  const login = (body: unknown): Promise<Answer> => call(`${sb.url}/api/v4/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const hook = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }, id: string = SEED.hooks.normal.id): Promise<Answer> =>
    call(`${sb.url}/hooks/${id}`, { method: 'POST', headers, body });
  const auth = { Authorization: `Bearer ${SEED.pat}` };

  it('binds only 127.0.0.1', () => {
    assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('login (POST /api/v4/users/login)', () => {
    it('200 with the user, a Token header and the three session cookies', async () => {
      const a = await login({ login_id: 'sandbox', password: 'sandbox-password' });
      assert.equal(a.status, 200);
      assert.equal(a.json().username, 'sandbox');
      assert.equal(a.json().password, undefined);
      const token = String(a.headers.token);
      assert.match(token, /^[a-z0-9]{26}$/);
      const cookies = (a.headers['set-cookie'] as string[]).join('\n');
      assert.match(cookies, new RegExp(`MMAUTHTOKEN=${token}`));
      assert.match(cookies, /MMUSERID=/);
      assert.match(cookies, /MMCSRF=/);
      assert.match(String(a.headers['x-request-id']), /^[a-z0-9]{26}$/);
      assert.ok(a.headers['x-version-id']);
      // Bearer, Token and a case-insensitive prefix all work.
      for (const h of [`Bearer ${token}`, `Token ${token}`, `bearer ${token}`]) {
        assert.equal((await call(`${sb.url}/api/v4/users/me`, { headers: { Authorization: h } })).status, 200, h);
      }
      // Cookie auth: GET fine; POST needs X-CSRF-Token.
      assert.equal((await call(`${sb.url}/api/v4/users/me`, { headers: { Cookie: `MMAUTHTOKEN=${token}` } })).status, 200);
      const noCsrf = await call(`${sb.url}/api/v4/posts`, { method: 'POST', headers: { Cookie: `MMAUTHTOKEN=${token}` }, body: '{}' });
      assert.equal(noCsrf.status, 401);
    });

    it('masked 401s, blank password 400, inactive 401, string-map body (non-strings become "")', async () => {
      const masked = 'api.user.login.invalid_credentials_email_username';
      assert.equal((await login({ login_id: 'sandbox', password: 'wrong' })).json().id, masked);
      assert.equal((await login({ login_id: 'ghost', password: 'x' })).json().id, masked);
      const blank = await login({ login_id: 'sandbox', password: '' });
      assert.equal(blank.status, 400);
      assert.equal(blank.json().id, 'api.user.login.blank_pwd.app_error');
      const inactive = await login({ login_id: 'inactive-user', password: 'sandbox-password' });
      assert.deepEqual([inactive.status, inactive.json().id], [401, 'api.user.login.inactive.app_error']);
      // A numeric MFA code is lost (becomes ""), so MFA says the code is missing/malformed.
      const numeric = await login({ login_id: 'mfa-user', password: 'sandbox-password', token: 123456 });
      assert.deepEqual([numeric.status, numeric.json().id], [400, 'mfa.validate_token.authenticate.app_error']);
      const err = blank.json();
      assert.deepEqual(Object.keys(err).sort(), ['detailed_error', 'id', 'message', 'request_id', 'status_code']);
      assert.equal(err.detailed_error, '');
    });

    it('MFA: missing 400, wrong 401 bad_code, right 200', async () => {
      const base = { login_id: 'mfa-user', password: 'sandbox-password' };
      assert.deepEqual([(await login(base)).status, (await login(base)).json().id], [400, 'mfa.validate_token.authenticate.app_error']);
      const wrong = await login({ ...base, token: '000000' });
      assert.deepEqual([wrong.status, wrong.json().id], [401, 'api.user.check_user_mfa.bad_code.app_error']);
      assert.equal((await login({ ...base, token: '123456' })).status, 200);
    });

    it('locks after too many failed attempts (not masked)', async () => {
      for (let i = 0; i < 10; i++) await login({ login_id: 'other-user', password: 'bad' });
      const locked = await login({ login_id: 'other-user', password: 'sandbox-password' });
      assert.equal(locked.json().id, 'api.user.check_user_login_attempts.too_many.app_error');
    });
  });

  describe('auth and REST (the other /api/v4 endpoints)', () => {
    it('401 session_expired without or with a bad token; access_token in the query is refused', async () => {
      for (const headers of [{}, { Authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
        const a = await call(`${sb.url}/api/v4/users/me`, { headers });
        assert.deepEqual([a.status, a.json().id], [401, 'api.context.session_expired.app_error']);
      }
      const q = await call(`${sb.url}/api/v4/users/me?access_token=${SEED.pat}`);
      assert.equal(q.json().id, 'api.context.token_provided.app_error');
    });

    it('logout revokes the session and clears cookies', async () => {
      const token = String((await login({ login_id: 'sandbox', password: 'sandbox-password' })).headers.token);
      const out = await call(`${sb.url}/api/v4/users/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      assert.deepEqual(out.json(), { status: 'OK' });
      assert.match((out.headers['set-cookie'] as string[]).join(';'), /MMAUTHTOKEN=;/);
      assert.equal((await call(`${sb.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);
    });

    it('teams, channels, channel by name (404 when missing)', async () => {
      const teams = (await call(`${sb.url}/api/v4/users/me/teams`, { headers: auth })).json() as unknown as Array<{ name: string }>;
      assert.deepEqual(teams.map(t => t.name).sort(), ['sandbox', 'second']);
      const chans = (await call(`${sb.url}/api/v4/users/me/teams/${SEED.team.id}/channels`, { headers: auth })).json() as unknown as Array<{ name: string }>;
      assert.ok(chans.some(c => c.name === 'private') && !chans.some(c => c.name === 'secret'));
      assert.equal((await call(`${sb.url}/api/v4/teams/name/sandbox/channels/name/town-square`, { headers: auth })).json().id, SEED.channels.townSquare.id);
      const missing = await call(`${sb.url}/api/v4/teams/name/sandbox/channels/name/nope`, { headers: auth });
      assert.deepEqual([missing.status, missing.json().id], [404, 'app.channel.get_by_name.missing.app_error']);
    });

    it('POST /posts: 201; 16383-rune limit; strict decode; permissions; 413 past the body cap', async () => {
      const post = (body: unknown): Promise<Answer> => call(`${sb.url}/api/v4/posts`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const ok = await post({ channel_id: SEED.channels.townSquare.id, message: 'hi', props: { attachments: [{ text: 'a' }] }, unknown_key: 1 });
      assert.equal(ok.status, 201);
      assert.deepEqual(ok.json().props, { attachments: [{ text: 'a' }] });
      assert.equal((await post({ channel_id: SEED.channels.townSquare.id, message: '😀'.repeat(16383) })).status, 201);
      const long = await post({ channel_id: SEED.channels.townSquare.id, message: 'x'.repeat(16384) });
      assert.deepEqual([long.status, long.json().id], [400, 'model.post.is_valid.message_length.app_error']);
      for (const bad of [{ channel_id: SEED.channels.townSquare.id, message: 5 }, { channel_id: SEED.channels.townSquare.id, props: [] }, '{"channel_id":', '[]']) {
        const a = await post(bad);
        assert.deepEqual([a.status, a.json().id], [400, 'api.context.invalid_body_param.app_error'], JSON.stringify(bad));
      }
      assert.equal((await post({ channel_id: SEED.channels.readOnly.id, message: 'x' })).status, 403);
      assert.equal((await post({ channel_id: 'nochannel00000000000000000', message: 'x' })).status, 403);
      assert.equal((await post({ channel_id: SEED.channels.townSquare.id, message: 'x', type: 'alert' })).json().id, 'model.post.is_valid.type.app_error');
      const huge = await post({ channel_id: SEED.channels.townSquare.id, message: 'x'.repeat(301000) });
      assert.deepEqual([huge.status, huge.json().id], [413, 'api.context.request_body_too_large.app_error']);
    });
  });

  describe('POST /hooks/{id}', () => {
    it('200 text/plain ok; a post with from_webhook', async () => {
      const a = await hook('{"text":"hello <!here>"}');
      assert.equal(a.status, 200);
      assert.equal(a.text, 'ok');
      assert.match(String(a.headers['content-type']), /^text\/plain/);
      assert.equal(sb.posts[0].message, 'hello @here');
      assert.equal(sb.posts[0].props.from_webhook, 'true');
      assert.equal(sb.posts[0].channel_id, SEED.channels.townSquare.id);
    });

    const errors: Array<[string, string, number, string]> = [
      ['no text', '{"username":"x"}', 400, 'web.incoming_webhook.text.app_error'],
      ['null attachments', '{"attachments":null}', 400, 'web.incoming_webhook.text.app_error'],
      ['type mismatch', '{"text":123}', 400, 'model.incoming_hook.parse_data.app_error'],
      ['short "yes"', '{"attachments":[{"fields":[{"title":"a","value":"b","short":"yes"}]}]}', 400, 'model.incoming_hook.parse_data.app_error'],
      ['short null', '{"attachments":[{"fields":[{"short":null}]}]}', 400, 'model.incoming_hook.parse_data.app_error'],
      ['top-level array', '[{"text":"x"}]', 400, 'model.incoming_hook.parse_data.app_error'],
      ['empty body', '', 400, 'model.incoming_hook.parse_data.app_error'],
      ['raw newline in footer (not repaired)', '{"attachments":[{"footer":"a\nb"}]}', 400, 'model.incoming_hook.parse_data.app_error'],
      ['raw CR in text (not repaired)', '{"text":"a\rb"}', 400, 'model.incoming_hook.parse_data.app_error'],
      ['unknown channel', '{"text":"x","channel":"nope"}', 404, 'web.incoming_webhook.channel.app_error'],
      ['unknown @user', '{"text":"x","channel":"@nobody"}', 400, 'web.incoming_webhook.user.app_error'],
      ['private channel of someone else', '{"text":"x","channel":"secret"}', 403, 'web.incoming_webhook.permissions.app_error'],
      ['system_ type', '{"text":"x","type":"system_join_channel"}', 400, 'api.context.invalid_param.app_error'],
      ['unknown type', '{"text":"x","type":"alert"}', 500, 'api.post.create_webhook_post.creating.app_error'],
      ['priority without priority', '{"text":"x","priority":{"requested_ack":true}}', 400, 'api.context.invalid_param.app_error'],
    ];
    for (const [name, body, status, id] of errors) {
      it(`${name} → ${status} ${id}`, async () => {
        const a = await hook(body);
        assert.deepEqual([a.status, a.json().id], [status, id]);
        assert.equal(sb.posts.length, 0);
      });
    }

    it('invalid hook id is 400 (not 404); parse errors come first', async () => {
      const a = await hook('{"text":"x"}', undefined, 'unknownhook0000000000000000');
      assert.deepEqual([a.status, a.json().id], [400, 'web.incoming_webhook.invalid.app_error']);
      const b = await hook('{', undefined, 'unknownhook0000000000000000');
      assert.equal(b.json().id, 'model.incoming_hook.parse_data.app_error');
      assert.equal((await call(`${sb.url}/hooks/${SEED.hooks.normal.id}`)).status, 405);
    });

    it('locked hook: own channel ok, another channel 403', async () => {
      const locked = SEED.hooks.locked.id;
      assert.equal((await hook('{"text":"x","channel":"off-topic"}', undefined, locked)).status, 200);
      const a = await hook('{"text":"x","channel":"town-square"}', undefined, locked);
      assert.deepEqual([a.status, a.json().id], [403, 'web.incoming_webhook.channel_locked.app_error']);
    });

    it('disabled → 501 (config over HTTP too)', async () => {
      const cfg = await call(`${sb.url}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"enableIncomingWebhooks":false}' });
      assert.equal(cfg.status, 200);
      const a = await hook('{"text":"x"}');
      assert.deepEqual([a.status, a.json().id], [501, 'web.incoming_webhook.disabled.app_error']);
    });

    it('Go decoding: case-insensitive keys, trailing garbage ignored, unknown keys ignored, empty attachments are no text (400)', async () => {
      assert.equal((await hook('{"TEXT":"upper"} trailing {garbage')).status, 200);
      assert.equal(sb.posts[0].message, 'upper');
      assert.equal((await hook('{"text":"x","blocks":[1],"mrkdwn":true}')).status, 200);
      assert.equal((await hook('{"attachments":[]}')).status, 400);
      assert.equal((await hook('{"attachments":[null]}')).status, 400);
      assert.equal((await hook('{"attachments":[null,{"text":"a"}]}')).status, 200);
      assert.equal((await hook('{"text":" "}')).status, 200);
    });

    it('newline/tab repair on the six keys', async () => {
      const a = await hook('{"text":"line1\nline2\tend","attachments":[{"title":"t\n2","fields":[{"title":"f","value":"v\n1","short":"TRUE"}]}]}');
      assert.equal(a.status, 200, a.text);
      const p = sb.posts[0];
      assert.equal(p.message, 'line1\nline2\tend');
      assert.equal(p.type, 'slack_attachment');
      const att = (p.props.attachments as Array<Record<string, unknown>>)[0];
      assert.equal(att.title, 't\n2');
      assert.deepEqual(att.fields, [{ title: 'f', value: 'v\n1', short: true }]);
    });

    it('field values through %v; attachments force slack_attachment; props.attachments and reserved props dropped', async () => {
      const body = { text: 'x', type: 'custom_x', props: { attachments: [{ text: 'dropped' }], from_webhook: 'false', keep: 1 }, attachments: [{ fields: [{ value: 1234567 }, { value: 42 }, { value: true }, { value: null }] }] };
      assert.equal((await hook(JSON.stringify(body))).status, 200);
      const p = sb.posts[0];
      assert.equal(p.type, 'slack_attachment');
      assert.equal(p.props.keep, 1);
      assert.equal(p.props.from_webhook, 'true');
      const fields = ((p.props.attachments as Array<Record<string, unknown>>)[0].fields as Array<Record<string, unknown>>).map(f => f.value);
      assert.deepEqual(fields, ['1.234567e+06', '42', 'true', null]);
    });

    it('Content-Type rules: form payload=, invalid media type, JSON under any other type', async () => {
      assert.equal((await hook(`payload=${encodeURIComponent('{"text":"form"}')}`, { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 200);
      assert.equal(sb.posts[0].message, 'form');
      const raw = await hook('{"text":"x"}', { 'Content-Type': 'application/x-www-form-urlencoded' });
      assert.equal(raw.json().id, 'model.incoming_hook.parse_data.app_error');
      const invalid = await hook('{"text":"x"}', { 'Content-Type': 'application/x-www-form-urlencoded wrongtext' });
      assert.deepEqual([invalid.status, invalid.json().id], [400, 'api.webhook.incoming.error']);
      assert.equal((await hook('{"text":"x"}', { 'Content-Type': 'mimetype/wrong; charset=utf-8' })).status, 200);
      assert.equal((await hook('{"text":"x"}', {})).status, 200);
    });

    it('splits long text by runes, attachments on the last post', async () => {
      const text = '😀'.repeat(16383 * 2 + 1);
      assert.equal((await hook(JSON.stringify({ text, attachments: [{ text: 'a' }] }))).status, 200);
      assert.equal(sb.posts.length, 3);
      assert.deepEqual(sb.posts.map(p => [...p.message].length), [16383, 16383, 1]);
      assert.deepEqual(sb.posts.map(p => Array.isArray(p.props.attachments)), [false, false, true]);
    });

    it('300000+512-byte body cap: truncated → 400 parse error; the request is recorded as truncated', async () => {
      const body = JSON.stringify({ text: 'x'.repeat(301000) });
      const a = await hook(body);
      assert.deepEqual([a.status, a.json().id], [400, 'model.incoming_hook.parse_data.app_error']);
      const r = sb.requests[0];
      assert.equal(r.truncated, true);
      assert.equal(r.bodyBytes, Buffer.byteLength(body));
      assert.equal(Buffer.byteLength(r.body), 300512);
      assert.equal((await hook(JSON.stringify({ text: 'x'.repeat(300400) }))).status, 200);
    });
  });

  describe('recording, faults and control routes', () => {
    it('records method, path, query, headers and body of every Mattermost-route request, not control routes', async () => {
      await call(`${sb.url}/api/v4/users/me?x=1&x=2&y=3`, { headers: { Authorization: 'Bearer abc', 'X-Custom': 'v' } });
      await call(`${sb.url}/__sandbox/info`);
      assert.equal(sb.requests.length, 1);
      const r = sb.requests[0];
      assert.deepEqual([r.method, r.path, r.query], ['GET', '/api/v4/users/me', { x: ['1', '2'], y: '3' }]);
      assert.equal(r.headers.authorization, 'Bearer abc');
      assert.equal(r.headers['x-custom'], 'v');
      const over = (await call(`${sb.url}/__sandbox/requests`)).json() as unknown as unknown[];
      assert.equal(over.length, 1);
      await call(`${sb.url}/__sandbox/requests`, { method: 'DELETE' });
      assert.equal(sb.requests.length, 0);
    });

    it('faults over HTTP: add, list, count, path prefix, clear; reset', async () => {
      const add = await call(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ kind: 'status', status: 503, path: '/api/v4/users/me', count: 2 }, { kind: 'rateLimit', retryAfterSeconds: 7, path: '/hooks/' }]) });
      assert.deepEqual(add.json(), { added: 2 });
      assert.equal(((await call(`${sb.url}/__sandbox/faults`)).json() as unknown as unknown[]).length, 2);
      assert.equal((await call(`${sb.url}/api/v4/users/me/teams`, { headers: auth })).status, 503);
      assert.equal((await call(`${sb.url}/api/v4/users/me`, { headers: auth })).status, 503);
      assert.equal((await call(`${sb.url}/api/v4/users/me`, { headers: auth })).status, 200);
      const rl = await hook('{"text":"x"}');
      assert.equal(rl.status, 429);
      assert.equal(rl.text, 'limit exceeded\n');
      assert.equal(rl.headers['retry-after']?.toString(), '7');
      assert.equal(rl.headers['x-ratelimit-reset']?.toString(), '7');
      assert.equal(sb.posts.length, 0);
      await call(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"status","count":"always"}' });
      assert.equal((await hook('{"text":"x"}')).status, 500);
      assert.equal((await hook('{"text":"x"}')).status, 500);
      await call(`${sb.url}/__sandbox/faults`, { method: 'DELETE' });
      assert.equal((await hook('{"text":"x"}')).status, 200);
      await call(`${sb.url}/__sandbox/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      assert.equal(sb.posts.length, 0);
      assert.equal(sb.requests.length, 0);
    });

    it('control routes refuse bad faults and non-JSON POSTs', async () => {
      const bad = await call(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"explode"}' });
      assert.equal(bad.status, 400);
      const form = await call(`${sb.url}/__sandbox/reset`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
      assert.equal(form.status, 415);
      assert.equal(sb.faults().length, 0);
    });

    it('redirect fault: status and raw Location (also protocol-relative); delay then fault', async () => {
      for (const status of [301, 302, 303, 307, 308] as const) {
        sb.inject({ kind: 'redirect', status, location: '//evil.test/x' });
        const a = await rawGet(`${sb.url}/api/v4/users/me`);
        assert.equal(a.status, status);
        assert.equal(a.location, '//evil.test/x');
      }
      sb.inject([{ kind: 'delay', ms: 150 }, { kind: 'status', status: 502 }]);
      const t0 = Date.now();
      assert.equal((await call(`${sb.url}/api/v4/users/me`)).status, 502);
      assert.ok(Date.now() - t0 >= 140);
    });

    it('malformed JSON, huge body, connection reset', async () => {
      sb.inject({ kind: 'malformedJson' });
      const m = await call(`${sb.url}/api/v4/users/me`, { headers: auth });
      assert.throws(() => m.json());
      sb.inject({ kind: 'hugeBody', bytes: 3 * 1024 * 1024 });
      assert.equal((await call(`${sb.url}/api/v4/users/me`)).text.length, 3 * 1024 * 1024);
      sb.inject({ kind: 'reset' });
      await assert.rejects(call(`${sb.url}/api/v4/users/me`), (e: unknown) => e instanceof Error && /ECONNRESET|socket hang up/.test(e.message));
    });
  });
});

describe('sandbox helpers', () => {
  it('decodeFirstValue reads only the first JSON value', () => {
    assert.deepEqual(decodeFirstValue('  {"a":"}"} {"b":2}'), { ok: true, value: { a: '}' } });
    assert.equal(decodeFirstValue('').ok, false);
    assert.equal(decodeFirstValue('{"a":').ok, false);
    assert.deepEqual(decodeFirstValue('null x'), { ok: true, value: null });
  });
  it('repairControlChars escapes newline/tab only in the six keys', () => {
    assert.equal(repairControlChars('{"text":"a\nb","footer":"c\nd"}'), '{"text":"a\\nb","footer":"c\nd"}');
    assert.equal(parseWebhookJson('{"pretext":"a\tb","text":"x"}')?.text, 'x');
  });
  it('goSprintV matches Go %v', () => {
    assert.deepEqual([1234567, 20231105, 123456, 3.5, 1000000, 0.00001].map(goSprintV), ['1.234567e+06', '2.0231105e+07', '123456', '3.5', '1e+06', '1e-05']);
    assert.equal(goSprintV({ b: 1, a: 'x' }), 'map[a:x b:1]');
    assert.equal(goSprintV([1, 'x']), '[1 x]');
  });
  it('mediaType and splitRunes', () => {
    assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaType('text'), 'text');
    assert.equal(mediaType('application/x-www-form-urlencoded wrongtext'), undefined);
    assert.deepEqual(splitRunes('😀😀😀', 2), ['😀😀', '😀']);
  });
  it('main: port from --port, MM_SANDBOX_PORT, default 8065; banner names login, PAT and webhook', () => {
    assert.equal(parsePort(['--port', '9000'], {}), 9000);
    assert.equal(parsePort(['--port=9001'], { MM_SANDBOX_PORT: '1' }), 9001);
    assert.equal(parsePort([], { MM_SANDBOX_PORT: '9002' }), 9002);
    assert.equal(parsePort([], {}), 8065);
    assert.throws(() => parsePort(['--port', 'x'], {}));
    const text = banner({ url: 'http://127.0.0.1:1', login: { loginId: 'sandbox', password: 'sandbox-password' }, mfaLogin: { loginId: 'mfa-user', password: 'p', mfaCode: '123456' }, pat: SEED.pat, user: { id: 'u', username: 'sandbox' }, team: { id: 't', name: 'sandbox' }, channels: {}, webhooks: { normal: 'http://127.0.0.1:1/hooks/a', locked: 'http://127.0.0.1:1/hooks/b' } });
    for (const s of ['http://127.0.0.1:1', 'sandbox-password', SEED.pat, '/hooks/a', '123456']) assert.ok(text.includes(s), s);
  });
});
