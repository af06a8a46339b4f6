/** The sandbox stores Mattermost Blocks like an 11.10 server (MM_BLOCKS.md §3.3, §3.5, §3.6, §4): raw HTTP, no client. */
import * as assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import nodeFetch from 'node-fetch';
import { parseServerArgs } from '../../../src/sandbox/main';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { SEED } from '../../../src/sandbox/state';

interface Answer { status: number; text: string; json: () => Record<string, unknown> }

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const res = await nodeFetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const JSON_CT = { 'Content-Type': 'application/json' };

/** MM_BLOCKS.md §10 E-2: no text, an openURL button, a disabled button whose id is not registered. */
const E2 = {
  props: {
    mm_blocks: [
      { type: 'text', text: 'Use the button to jump to Off-Topic via openURL.' },
      { type: 'button', text: 'Go to Off-Topic', style: 'primary', action_id: 'pw_mm_blocks_openurl' },
      { type: 'button', text: 'Disabled action', action_id: 'pw_mm_blocks_disabled_inert', disabled: true },
    ],
    mm_blocks_actions: {
      pw_mm_blocks_openurl: { type: 'openURL', url: '/myteam/channels/off-topic', query: { mm_openurl: 'from_action' } },
    },
  },
};

describe('sandbox: Mattermost Blocks as an 11.10 server stores them', function () {
  this.timeout(10000);
  let sb: Sandbox;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); });
  beforeEach(() => { sb.reset(); sb.setConfig({ version: '11.10.0' }); });

  const hook = (body: unknown): Promise<Answer> => call(sb.webhookUrl('normal'), { method: 'POST', headers: JSON_CT, body: JSON.stringify(body) });

  describe('incoming webhooks: the pairing check', () => {
    it('accepts E-2 (no text, blocks only) and stores blocks and the registry as sent', async () => {
      const a = await hook(E2);
      assert.equal(a.status, 200, a.text);
      assert.equal(a.text, 'ok');
      const post = sb.posts.at(-1)!;
      assert.equal(post.message, '');
      assert.deepEqual(post.props.mm_blocks, E2.props.mm_blocks);
      assert.deepEqual(post.props.mm_blocks_actions, E2.props.mm_blocks_actions);
    });

    it('a referenced id without an entry: 400 api.context.invalid_body.app_error with the exact error', async () => {
      const a = await hook({ text: 'x', props: { mm_blocks: [{ type: 'button', text: 'B', action_id: 'ghost' }], mm_blocks_actions: {} } });
      assert.equal(a.status, 400);
      assert.equal(a.json().id, 'api.context.invalid_body.app_error');
      assert.equal(a.json().detailed_error, 'mm_blocks_actions missing entry for action_id "ghost"');
      assert.equal(sb.posts.length, 0);
    });

    it('an entry nothing references (a disabled control does not reference): 400 with "is not referenced"', async () => {
      const body = structuredClone(E2);
      (body.props.mm_blocks_actions as Record<string, unknown>).pw_mm_blocks_disabled_inert = { type: 'external', url: 'https://hooks.example.com/x' };
      const a = await hook(body);
      assert.equal(a.status, 400);
      assert.equal(a.json().detailed_error, 'mm_blocks_actions entry "pw_mm_blocks_disabled_inert" is not referenced by interactive content');
    });

    it('ids referenced without any registry: "interactive content requires mm_blocks_actions"; a registry that is a string: "must be a map"', async () => {
      assert.equal((await hook({ text: 'x', props: { blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'OK' }, action_id: 'ok' }] }] } })).json().detailed_error,
        'interactive content requires mm_blocks_actions');
      assert.equal((await hook({ text: 'x', props: { mm_blocks: [{ type: 'button', text: 'B', action_id: 'b' }], mm_blocks_actions: 'c2VhbGVk' } })).json().detailed_error,
        'mm_blocks_actions must be a map');
    });

    it('EnableDeveloper off: the same 400, its detailed error blank', async () => {
      sb.setConfig({ enableDeveloper: false });
      const a = await hook({ text: 'x', props: { mm_blocks: [{ type: 'button', text: 'B', action_id: 'ghost' }], mm_blocks_actions: {} } });
      assert.equal(a.status, 400);
      assert.equal(a.json().detailed_error, '');
    });

    it('MmBlocksEnabled off (from a saved client config): nothing is checked, and blocks alone are "No text specified"', async () => {
      sb.setProfile({ Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' });
      const unpaired = await hook({ text: 'x', props: { mm_blocks: [{ type: 'button', text: 'B', action_id: 'ghost' }], mm_blocks_actions: {} } });
      assert.equal(unpaired.status, 200, unpaired.text);
      const blocksOnly = await hook(E2);
      assert.equal(blocksOnly.status, 400);
      assert.equal(blocksOnly.json().id, 'web.incoming_webhook.text.app_error');
    });

    it('a server before 11.10 (the sandbox default 11.6): plain props, no check', async () => {
      sb.setConfig({ version: '11.6.0' });
      assert.equal((await hook({ text: 'x', props: { mm_blocks: [{ type: 'button', text: 'B', action_id: 'ghost' }], mm_blocks_actions: {} } })).status, 200);
    });

    it('a split message: blocks and the registry go on the last post', async () => {
      sb.setConfig({ maxPostRunes: 10 });
      assert.equal((await hook({ text: 'a'.repeat(25), ...E2 })).status, 200);
      const posts = sb.posts;
      assert.equal(posts.length, 3);
      assert.equal(posts[0].props.mm_blocks, undefined);
      assert.equal(posts[0].props.mm_blocks_actions, undefined);
      assert.deepEqual(posts[2].props.mm_blocks_actions, E2.props.mm_blocks_actions);
    });
  });

  describe('REST posts: who may set the registry, and how clients receive it', () => {
    const create = (auth: Record<string, string>) => call(`${sb.url}/api/v4/posts`, {
      method: 'POST', headers: { ...JSON_CT, ...auth },
      body: JSON.stringify({ channel_id: SEED.channels.townSquare.id, message: 'm', props: E2.props }),
    });

    it('a personal access token keeps it: stored as the map, answered as the encrypted cookie string', async () => {
      const a = await create({ Authorization: `Bearer ${SEED.pat}` });
      assert.equal(a.status, 201, a.text);
      const answered = (a.json().props as Record<string, unknown>).mm_blocks_actions;
      assert.equal(typeof answered, 'string');
      const stored = sb.posts.at(-1)!;
      assert.deepEqual(stored.props.mm_blocks_actions, E2.props.mm_blocks_actions);
      assert.deepEqual((a.json().props as Record<string, unknown>).mm_blocks, E2.props.mm_blocks);
      // nonce ‖ AES-256-GCM(JSON) ‖ tag, base64, under the server's secret: the cookie clients send back on a click
      const raw = Buffer.from(answered as string, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', sb.state.cookieSecret, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const cookie = JSON.parse(Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')) as Record<string, unknown>;
      assert.equal(cookie.kind, 'mm_blocks_actions');
      assert.equal(cookie.post_id, stored.id);
      assert.equal(cookie.channel_id, SEED.channels.townSquare.id);
      assert.deepEqual(cookie.actions, E2.props.mm_blocks_actions);
      // a random nonce: the same registry encrypts differently each time
      const again = await create({ Authorization: `Bearer ${SEED.pat}` });
      assert.notEqual((again.json().props as Record<string, unknown>).mm_blocks_actions, answered);
    });

    it('a password session loses it silently: the post is still created', async () => {
      const login = await nodeFetch(`${sb.url}/api/v4/users/login`, { method: 'POST', headers: JSON_CT, body: JSON.stringify({ login_id: 'sandbox', password: 'sandbox-password' }) });
      assert.equal(login.status, 200);
      const token = login.headers.get('token');
      assert.ok(token);
      const a = await create({ Authorization: `Bearer ${token}` });
      assert.equal(a.status, 201, a.text);
      assert.equal((a.json().props as Record<string, unknown>).mm_blocks_actions, undefined);
      assert.equal(sb.posts.at(-1)!.props.mm_blocks_actions, undefined);
      assert.deepEqual(sb.posts.at(-1)!.props.mm_blocks, E2.props.mm_blocks);
    });

    it('before 11.10 the registry is a plain prop: kept and answered as sent', async () => {
      sb.setConfig({ version: '11.6.0' });
      const a = await create({ Authorization: `Bearer ${SEED.pat}` });
      assert.deepEqual((a.json().props as Record<string, unknown>).mm_blocks_actions, E2.props.mm_blocks_actions);
    });
  });

  it('npm run sandbox -- --config: FeatureFlagMmBlocksEnabled from a saved client config', () => {
    const config = parseServerArgs(['--config', 'p.json'], () => JSON.stringify({ Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' }));
    assert.equal(config.version, '11.10.0');
    assert.deepEqual(config.extraClientConfig, { FeatureFlagMmBlocksEnabled: 'false' });
  });

  it('says in /__sandbox/info whether it shows Mattermost Blocks', () => {
    assert.equal(sb.info().server?.mmBlocks, true);
    sb.setProfile({ Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' });
    assert.equal(sb.info().server?.mmBlocks, false);
  });
});
