/** The sandbox plays a configurable server (issue 11, item 5): real HTTP on 127.0.0.1, no mocks. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nodeFetch from 'node-fetch';
import { MattermostClient } from '../../../src/core/mattermost/client';
import { parseProfile, ProfileError, supports } from '../../../src/core/server/profile';
import { parseServerArgs } from '../../../src/sandbox/main';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { SEED } from '../../../src/sandbox/state';

interface Answer { status: number; headers: Record<string, string>; text: string; json: () => Record<string, unknown> }

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const res = await nodeFetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, redirect: 'manual' });
  const text = await res.text();
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => { headers[k] = v; });
  return { status: res.status, headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const auth = { Authorization: `Bearer ${SEED.pat}` };
const JSON_CT = { 'Content-Type': 'application/json' };

describe('sandbox: a configurable server (version and settings)', function () {
  this.timeout(20000);
  let sb: Sandbox;
  let dir: string;
  before(async () => {
    sb = await startSandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmp-sbprofile-'));
  });
  after(async () => {
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => sb.reset());

  const hook = (body: unknown) => call(sb.url + `/hooks/${SEED.hooks.normal.id}`, { method: 'POST', headers: JSON_CT, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const config = (headers: Record<string, string> = auth, query = '?format=old') => call(`${sb.url}/api/v4/config/client${query}`, { headers });
  const lastPost = () => sb.posts[sb.posts.length - 1];

  describe('GET /api/v4/config/client?format=old', () => {
    it('by default plays 11.6.0 at default settings, in X-Version-Id and the client config; the answer is a profile', async () => {
      const a = await config();
      assert.equal(a.status, 200);
      assert.match(a.headers['x-version-id'], /^11\.6\.0\./);
      const c = a.json();
      assert.equal(c.Version, '11.6.0');
      assert.equal(c.EnablePostUsernameOverride, 'false');
      assert.equal(c.EnablePostIconOverride, 'false');
      assert.equal(c.PostPriority, 'true');
      assert.ok(Object.values(c).every(v => typeof v === 'string'), 'every value is a string, as format=old answers');
      const p = parseProfile(c, 'logged-in server', sb.url);
      assert.equal(p.config.Version, '11.6.0');
      assert.equal(supports(p, 'username-override'), false);
    });

    it('anonymous callers get the limited config (version only); a bad token 401; no format=old 501', async () => {
      const anon = await config({});
      assert.equal(anon.status, 200);
      assert.equal(anon.json().Version, '11.6.0');
      assert.equal(anon.json().EnablePostUsernameOverride, undefined);
      assert.equal((await config({ Authorization: 'Bearer wrongtoken' })).status, 401);
      const newFormat = await config(auth, '');
      assert.equal(newFormat.status, 501);
      assert.equal(newFormat.json().id, 'api.config.client.old_format.app_error');
      assert.equal((await call(`${sb.url}/api/v4/config/client?format=old`, { method: 'POST', headers: { ...auth, ...JSON_CT }, body: '{}' })).status, 405);
    });

    it('setProfile: a saved client config changes version, settings and what is answered; unmodelled keys are echoed', async () => {
      sb.setProfile({ Version: '9.11.3', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true', FeatureFlagMmBlocksEnabled: 'false', SiteName: 'ignored' });
      const a = await config();
      assert.match(a.headers['x-version-id'], /^9\.11\.3\./);
      assert.equal(a.json().Version, '9.11.3');
      assert.equal(a.json().EnablePostUsernameOverride, 'true');
      assert.equal(a.json().FeatureFlagMmBlocksEnabled, 'false');
      assert.throws(() => sb.setProfile({ Version: 'nine' }), ProfileError);
      assert.throws(() => sb.setProfile({ Version: '9.11', EnablePostIconOverride: 'on' }), /must be "true" or "false"/);
    });

    it('the control route takes a profile too, and refuses a bad one with 400', async () => {
      const ok = await call(`${sb.url}/__sandbox/profile`, { method: 'POST', headers: JSON_CT, body: JSON.stringify({ Version: '10.5.0', EnablePostUsernameOverride: 'true' }) });
      assert.equal(ok.status, 200);
      assert.equal((await config()).json().Version, '10.5.0');
      const bad = await call(`${sb.url}/__sandbox/profile`, { method: 'POST', headers: JSON_CT, body: JSON.stringify({ Version: 10 }) });
      assert.equal(bad.status, 400);
      assert.match(String(bad.json().error), /"Version" must be a string/);
      const badVersion = await call(`${sb.url}/__sandbox/config`, { method: 'POST', headers: JSON_CT, body: JSON.stringify({ version: 'x' }) });
      assert.equal(badVersion.status, 400);
    });

    it('the client fetches it with the account\'s token, and does not follow a redirect', async () => {
      const client = new MattermostClient({ fetch: nodeFetch, timeoutMs: 5000 });
      const account = { origin: sb.url, token: SEED.pat, tokenKind: 'pat' as const };
      sb.setProfile({ Version: '10.5.1', EnablePostUsernameOverride: 'true' });
      const c = await client.clientConfig(account);
      assert.equal(c.Version, '10.5.1');
      assert.equal(c.EnablePostUsernameOverride, 'true');
      const req = sb.requests.find(r => r.path === '/api/v4/config/client');
      assert.equal(req?.headers.authorization, `Bearer ${SEED.pat}`);
      assert.deepEqual(req?.query, { format: 'old' });
      sb.inject({ kind: 'redirect', path: '/api/v4/config/client', location: 'http://127.0.0.1:1/steal' });
      await assert.rejects(client.clientConfig(account), (e: Error) => /redirect/i.test(e.message) && !e.message.includes(SEED.pat));
    });
  });

  describe('settings change what is accepted and dropped', () => {
    it('username and icon overrides: dropped when off, used when on', async () => {
      const body = { text: 'x', username: 'ci-bot', icon_url: 'https://example.com/i.png', icon_emoji: ':rocket:' };
      assert.equal((await hook(body)).status, 200);
      assert.equal(lastPost().props.override_username, undefined);
      assert.equal(lastPost().props.override_icon_url, undefined);
      sb.setProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' });
      assert.equal((await hook(body)).status, 200);
      assert.equal(lastPost().props.override_username, 'ci-bot');
      assert.equal(lastPost().props.override_icon_url, 'https://example.com/i.png');
      assert.equal(lastPost().props.override_icon_emoji, ':rocket:');
    });

    it('EnableIncomingWebhooks "false": 501', async () => {
      sb.setProfile({ Version: '11.6.0', EnableIncomingWebhooks: 'false' });
      const a = await hook({ text: 'x' });
      assert.equal(a.status, 501);
      assert.equal(a.json().id, 'web.incoming_webhook.disabled.app_error');
    });

    it('PostPriority: a REST reply with metadata.priority gets 400 when on, 403 when off', async () => {
      const root = await call(`${sb.url}/api/v4/posts`, { method: 'POST', headers: { ...auth, ...JSON_CT }, body: JSON.stringify({ channel_id: SEED.channels.townSquare.id, message: 'root' }) });
      const rootId = String(root.json().id);
      const reply = () => call(`${sb.url}/api/v4/posts`, { method: 'POST', headers: { ...auth, ...JSON_CT }, body: JSON.stringify({ channel_id: SEED.channels.townSquare.id, message: 'r', root_id: rootId, metadata: { priority: { priority: 'urgent' } } }) });
      const on = await reply();
      assert.deepEqual([on.status, on.json().id], [400, 'api.post.post_priority.priority_post_only_allowed_for_root_post.request_error']);
      sb.setProfile({ Version: '11.6.0', PostPriority: 'false' });
      const off = await reply();
      assert.deepEqual([off.status, off.json().id], [403, 'api.post.post_priority.priority_post_not_allowed_for_user.request_error']);
    });
  });

  describe('the version picks the §8 behaviours', () => {
    const play = (version: string) => sb.setConfig({ version });

    it('`short` strings: 400 before 5.8, fine from 5.8', async () => {
      const body = { attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'true' }] }] };
      play('5.7.2');
      const before = await hook(body);
      assert.deepEqual([before.status, before.json().id], [400, 'model.incoming_hook.parse_data.app_error']);
      assert.equal((await hook({ attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: true }] }] })).status, 200, 'booleans always worked');
      play('5.8.0');
      assert.equal((await hook(body)).status, 200);
    });

    it('webhook `priority`: an unknown key before 9.11 (a bad one is ignored), a field from 9.11', async () => {
      play('9.10.0');
      assert.equal((await hook({ text: 'x', priority: 'high' })).status, 200);
      assert.deepEqual(lastPost().metadata, {});
      play('9.11.0');
      assert.equal((await hook({ text: 'x', priority: 'high' })).status, 400);
      assert.equal((await hook({ text: 'x', priority: { priority: 'urgent' } })).status, 200);
      assert.deepEqual(lastPost().metadata, { priority: { priority: 'urgent', requested_ack: undefined, persistent_notifications: undefined } });
    });

    it('`icon_emoji`: ignored before 5.14 even with the icon override on', async () => {
      sb.setProfile({ Version: '5.13.0', EnablePostIconOverride: 'true' });
      assert.equal((await hook({ text: 'x', icon_emoji: ':rocket:' })).status, 200);
      assert.equal(lastPost().props.override_icon_emoji, undefined);
      play('5.14.0');
      assert.equal((await hook({ text: 'x', icon_emoji: ':rocket:' })).status, 200);
      assert.equal(lastPost().props.override_icon_emoji, ':rocket:');
    });

    it('the raw newline repair: 400 before 3.1', async () => {
      play('3.0.3');
      assert.equal((await hook('{"text": "a\nb"}')).status, 400);
      play('3.1.0');
      assert.equal((await hook('{"text": "a\nb"}')).status, 200);
    });

    it('the body limit: MaxFileSize before ≈ 9.8, 300000 + 512 from 9.8, none before 5.22', async () => {
      const big = JSON.stringify({ text: 'x'.repeat(400000) });
      play('9.7.0');
      assert.equal((await hook(big)).status, 200);
      play('9.8.0');
      assert.equal((await hook(big)).status, 400, 'cut at 300512 bytes: the JSON no longer parses');
      sb.setConfig({ version: '9.7.0', maxFileSize: 1000 });
      assert.equal((await hook(big)).status, 400);
      play('5.21.0');
      assert.equal((await hook(big)).status, 200);
    });

    it('the message limit: 4000 runes before 4.9', async () => {
      const text = 'é'.repeat(5000);
      play('4.8.0');
      const n = sb.posts.length;
      assert.equal((await hook({ text })).status, 200);
      assert.equal(sb.posts.length - n, 2);
      play('4.9.0');
      assert.equal((await hook({ text })).status, 200);
      assert.equal(sb.posts.length - n, 3);
    });
  });

  describe('npm run sandbox -- --version 9.11 --config file.json', () => {
    it('reads the version and a saved client config; --version wins over its Version', async () => {
      const file = path.join(dir, 'server.json');
      fs.writeFileSync(file, JSON.stringify({ Version: '10.5.0', EnablePostUsernameOverride: 'true', PostPriority: 'false' }));
      const cfg = parseServerArgs(['--port', '0', '--version', '9.11', '--config', file]);
      assert.equal(cfg.version, '9.11.0');
      assert.equal(cfg.enablePostUsernameOverride, true);
      assert.equal(cfg.postPriority, false);
      assert.equal(parseServerArgs([`--config=${file}`]).version, '10.5.0');
      const started = await startSandbox({ config: cfg });
      try {
        const a = await call(`${started.url}/api/v4/config/client?format=old`, { headers: auth });
        assert.match(a.headers['x-version-id'], /^9\.11\.0\./);
        assert.equal(a.json().EnablePostUsernameOverride, 'true');
        started.reset();
        assert.equal((await call(`${started.url}/api/v4/config/client?format=old`, { headers: auth })).json().Version, '9.11.0', 'reset keeps the started configuration');
      } finally {
        await started.close();
      }
    });

    it('bad input: one line that says what is wrong', () => {
      assert.throws(() => parseServerArgs(['--config', path.join(dir, 'missing.json')]), /^Error: --config .*missing\.json: cannot be read \(ENOENT\)\.$/);
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{"Version": "9.11", "EnablePostUsernameOverride": "yes"}');
      assert.throws(() => parseServerArgs(['--config', bad]), /--config .*bad\.json: "EnablePostUsernameOverride" must be "true" or "false", not "yes"/);
      assert.throws(() => parseServerArgs(['--version', 'latest']), /"latest" is not a Mattermost version/);
      assert.throws(() => parseServerArgs(['--version']), /--version needs a value/);
    });
  });
});
