// Clicks on Mattermost Blocks buttons and selects in the preview (issue 14 item 3; MM_BLOCKS.md §5): the
// preview links only clickable controls, carrying the block's path; the lookup uses the server model's
// read (drawn blocks, registry, pairing); the request is the server's PostActionIntegrationRequest; the
// answer is applied as §5.2/§5.3 say. Clicks in the send history, and what Resend sends.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { applyUpdate, blockActionRequest, blockClickEffect, blockClickInput, type ClickOrigin, findBlockAction, invokeBlockAction, mergeQuery, NO_ORIGIN, openUrlTarget } from '../../../src/core/invoke/blockAction';
import { clickRecord, type StoredClick, storedClick } from '../../../src/core/invoke/clickHistory';
import { defaultContext } from '../../../src/core/invoke/context';
import { historyRecord } from '../../../src/core/mattermost/send';
import type { Kind } from '../../../src/core/payload/problem';
import { renderPreviewBody } from '../../../src/core/preview/render';
import { all, parseHtml } from '../preview/helpers';

const COMMAND = 'mattermostPayloads.preview.action';
const CH = 'c'.repeat(26);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const parse = (t: string): Json => JSON.parse(t) as Json;

function pathOf(href: string | undefined): unknown {
  const m = /^command:mattermostPayloads\.preview\.action\?(.*)$/.exec(href ?? '');
  assert.ok(m, `not a link to the preview command: ${href}`);
  const args = JSON.parse(decodeURIComponent(m[1])) as Array<{ path: unknown }>;
  assert.deepStrictEqual(args.map(a => Object.keys(a)), [['path']], 'the link carries more than the path');
  return args[0].path;
}

function controls(kind: Kind, payload: object, actionCommand: string | null = COMMAND): Array<{ testid: string; tag: string; href: string | undefined }> {
  const html = parseHtml(renderPreviewBody({ text: JSON.stringify(payload), kind, actionCommand: actionCommand ?? undefined }));
  return [...all(html, 'block-button'), ...all(html, 'block-choose')].map(e => ({ testid: e.getAttribute('data-testid') ?? '', tag: e.tagName.toLowerCase(), href: e.getAttribute('href') }));
}

const CARD = {
  text: 'Deploy #42',
  props: {
    mm_blocks: [
      { type: 'text', text: 'Ready.' },
      { type: 'container', flow: 'horizontal', content: [
        { type: 'button', text: 'Approve', action_id: 'approve', style: 'primary', query: { b: 'click wins', c: 'from the button' } },
        { type: 'button', text: 'Off', action_id: 'off', disabled: true },
        { type: 'button', text: 'Docs', action_id: 'docs' },
        { type: 'button', text: 'Plugin', action_id: 'plug' },
        { type: 'static_select', action_id: 'env', placeholder: 'Environment', options: [{ text: 'Staging', value: 'stg' }, { text: 'Prod', value: 'prod' }] },
      ] },
    ],
    mm_blocks_actions: {
      approve: { type: 'external', url: 'http://127.0.0.1:9/approve?z=1&a=x', context: { deployment: 42 }, query: { b: 'registry', 'd e': 'f&g' } },
      docs: { type: 'openURL', url: 'https://docs.example.com/deploy', query: { tab: 'logs' } },
      plug: { type: 'external', url: '/plugins/com.example/act' },
      env: { type: 'external', url: 'http://127.0.0.1:9/env', context: '{"from":"string"}' },
    },
  },
};

describe('invoke: clicking MM Blocks buttons and selects', () => {
  it('the preview links enabled controls whose registry entry has an http(s) url, with only their path', () => {
    const c = controls('incoming', CARD);
    assert.deepStrictEqual(c.map(x => [x.testid, x.tag, x.href !== undefined]), [
      ['block-button', 'a', true], // Approve
      ['block-button', 'button', false], // disabled
      ['block-button', 'a', true], // openURL (shows its target)
      ['block-button', 'button', false], // a plugin path only a server calls
      ['block-choose', 'a', true], // the select
    ]);
    assert.deepStrictEqual(pathOf(c[0].href), ['props', 'mm_blocks', 1, 'content', 0]);
    // inert without the command (CLI, other renderers), and a command id that could break out of the href is refused
    assert.ok(controls('incoming', CARD, null).every(x => x.href === undefined && x.tag === 'button'));
    assert.ok(controls('incoming', CARD, 'x" onclick="y').every(x => x.href === undefined));
  });

  it('finds the block and its entry as the server model reads them; Block Kit elements too', () => {
    const text = JSON.stringify(CARD);
    const [approve, , env] = controls('incoming', CARD).filter(x => x.href).map(x => pathOf(x.href));
    const a = findBlockAction(text, 'incoming', approve);
    assert.ok(a.ok, JSON.stringify(a));
    assert.strictEqual(a.block.actionId, 'approve');
    assert.strictEqual(a.block.name, 'Approve');
    assert.strictEqual(a.block.control, 'button');
    assert.deepStrictEqual(a.block.entry.context, { deployment: 42 });
    assert.deepStrictEqual(a.block.origin.props, CARD.props);
    const s = findBlockAction(text, 'incoming', env);
    assert.ok(s.ok);
    assert.strictEqual(s.block.control, 'select');
    assert.deepStrictEqual(s.block.options, [{ text: 'Staging', value: 'stg' }, { text: 'Prod', value: 'prod' }]);
    assert.deepStrictEqual(s.block.entry.context, { from: 'string' }, 'a string context is parsed as the server does');

    const kit = { text: 'bk', props: { blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'OK' }, action_id: 'ok' }] }], mm_blocks_actions: { ok: { type: 'external', url: 'http://127.0.0.1:9/ok' } } } };
    const k = controls('incoming', kit);
    assert.strictEqual(k.length, 1);
    const found = findBlockAction(JSON.stringify(kit), 'incoming', pathOf(k[0].href));
    assert.ok(found.ok && found.block.entry.url === 'http://127.0.0.1:9/ok', JSON.stringify(found));
  });

  it('refuses: a changed document, a disabled or dropped block, an unpaired id, an invalid entry, a plugin url, a rejected payload', () => {
    const reason = (payload: unknown, p: unknown, kind: Kind = 'incoming') => {
      const r = findBlockAction(typeof payload === 'string' ? payload : JSON.stringify(payload), kind, p);
      assert.ok(!r.ok, JSON.stringify(r));
      return r.reason;
    };
    const at = ['props', 'mm_blocks', 1, 'content', 0];
    assert.match(reason(CARD, ['props', 'mm_blocks', 1, 'content', 9]), /no longer drawn/);
    assert.match(reason(CARD, ['props', 'mm_blocks', 0]), /no longer drawn/, 'a text block is not a control');
    assert.match(reason(CARD, ['props', 'mm_blocks', 1, 'content', 1]), /"Off" is disabled/);
    assert.match(reason(CARD, ['props', 'mm_blocks', 1, 'content', 3]), /only a Mattermost server \(a plugin\)/);
    assert.match(reason('{"text": ', at), /not valid JSON/);
    assert.match(reason(CARD, ['attachments', 0, 'actions', 0]), /did not say which block/);
    // dropped by clients: a button without text
    const dropped = { text: 't', props: { mm_blocks: [{ type: 'button', text: ' ', action_id: 'x' }], mm_blocks_actions: { x: { type: 'external', url: 'http://127.0.0.1:9/x' } } } };
    assert.match(reason(dropped, ['props', 'mm_blocks', 0], 'post'), /no longer drawn/);
    // unpaired: no entry for the id (a REST post: only logged by the server, the button does nothing)
    const unpaired = { channel_id: CH, message: 'm', props: { mm_blocks: [{ type: 'button', text: 'Go', action_id: 'go' }], mm_blocks_actions: { other: { type: 'external', url: 'http://127.0.0.1:9/o' } } } };
    assert.match(reason(unpaired, ['props', 'mm_blocks', 0], 'post'), /no mm_blocks_actions entry for "go"/);
    // the same for an incoming webhook: the server refuses the payload (400), so there is no post
    assert.match(reason({ text: 'm', props: unpaired.props }, ['props', 'mm_blocks', 0]), /refuses this payload \(400 api\.context\.invalid_body\.app_error: mm_blocks_actions/);
    // an entry the server cannot use
    const invalid = { channel_id: CH, message: 'm', props: { mm_blocks: [{ type: 'button', text: 'Go', action_id: 'go' }], mm_blocks_actions: { go: { type: 'external', url: 'http://127.0.0.1:9/a/../b' } } } };
    assert.match(reason(invalid, ['props', 'mm_blocks', 0], 'post'), /entry for "go" is not usable \(mm_blocks_actions entry "go": integration URL must not contain path traversal/);
  });

  it('the request: POST JSON, type "button" for selects too, data_source "", registry context + selected_option, queries merged as url.Values.Encode', () => {
    const text = JSON.stringify(CARD);
    const who = defaultContext({ user_name: 'ann' });
    const a = findBlockAction(text, 'incoming', ['props', 'mm_blocks', 1, 'content', 0]);
    assert.ok(a.ok);
    const input = blockClickInput(a.block, who, 'p'.repeat(26));
    // existing z and a kept, registry b and "d e" merged, then the button's b (wins) and c; keys sorted; space as +, & escaped
    assert.strictEqual(input.url, 'http://127.0.0.1:9/approve?a=x&b=click+wins&c=from+the+button&d+e=f%26g&z=1');
    const req = blockActionRequest(input);
    assert.strictEqual(req.method, 'POST');
    assert.strictEqual(req.url, input.url);
    assert.deepStrictEqual(req.headers, { 'Content-Type': 'application/json', Accept: 'application/json' });
    const body = parse(req.body!);
    assert.deepStrictEqual(Object.keys(body), ['user_id', 'user_name', 'channel_id', 'channel_name', 'team_id', 'team_domain', 'post_id', 'trigger_id', 'type', 'data_source', 'context']);
    assert.strictEqual(body.type, 'button');
    assert.strictEqual(body.data_source, '');
    assert.deepStrictEqual(body.context, { deployment: 42 });
    assert.strictEqual(body.trigger_id, req.triggerId);
    assert.strictEqual(body.user_name, 'ann');
    assert.strictEqual(body.post_id, 'p'.repeat(26));

    const s = findBlockAction(text, 'incoming', ['props', 'mm_blocks', 1, 'content', 4]);
    assert.ok(s.ok);
    const sel = parse(blockActionRequest(blockClickInput(s.block, who, 'p'.repeat(26), 'prod')).body!);
    assert.strictEqual(sel.type, 'button', 'selects are sent as type "button" (§5.3)');
    assert.deepStrictEqual(sel.context, { from: 'string', selected_option: 'prod' });
    assert.strictEqual(blockClickInput(s.block, who, 'x').url, 'http://127.0.0.1:9/env', 'nothing to merge: the url as written');

    // Go's QueryEscape keeps only unreserved characters
    assert.strictEqual(mergeQuery('https://h/p', { q: "a!'()*~._-" }), "https://h/p?q=a%21%27%28%29%2A~._-");
  });

  it('openURL entries are not called: the target is the registry url plus the registry query only', () => {
    const d = findBlockAction(JSON.stringify(CARD), 'incoming', ['props', 'mm_blocks', 1, 'content', 2]);
    assert.ok(d.ok);
    assert.strictEqual(d.block.entry.type, 'openURL');
    assert.strictEqual(openUrlTarget(d.block.entry), 'https://docs.example.com/deploy?tab=logs');
    assert.strictEqual(openUrlTarget({ type: 'openURL', url: '/team/channels/town?x=1', query: { a: 'b c' } }), '/team/channels/town?a=b+c&x=1');
  });

  const origin: ClickOrigin = { kind: 'incoming', response: { text: 'Deploy #42', props: CARD.props }, props: CARD.props };
  const answer = (body: unknown, status = 200) => ({ status, contentType: 'application/json', body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), over: false });

  it('refresh: the answer\'s mm_blocks (and registry) replace the post\'s blocks, as a post document, linted; a bad registry fails', () => {
    const blocks = [{ type: 'text', text: 'Approved.' }, { type: 'button', text: 'Undo', action_id: 'undo' }];
    const e = blockClickEffect(answer({ type: 'refresh', mm_blocks: blocks, mm_blocks_actions: { undo: { type: 'external', url: 'http://127.0.0.1:9/undo' } } }), CH, origin);
    assert.strictEqual(e.level, 'info', e.summary);
    assert.deepStrictEqual(e.replace.map(d => [d.kind, d.label]), [['post', 'refresh']]);
    const post = parse(e.replace[0].text);
    assert.deepStrictEqual(post, { channel_id: CH, message: 'Deploy #42', props: { mm_blocks: blocks, mm_blocks_actions: { undo: { type: 'external', url: 'http://127.0.0.1:9/undo' } } } });
    assert.deepStrictEqual(e.replace[0].problems.filter(p => p.severity === 'error'), []);
    assert.match(e.summary, /blocks are replaced/);

    const kept = blockClickEffect(answer({ type: 'refresh', mm_blocks: [{ type: 'text', text: 'x' }] }), CH, origin);
    assert.deepStrictEqual((parse(kept.replace[0].text).props as Json).mm_blocks_actions, CARD.props.mm_blocks_actions);
    assert.match(kept.summary, /may keep the old registry/);

    const bad = blockClickEffect(answer({ type: 'refresh', mm_blocks: blocks, mm_blocks_actions: { other: { type: 'external', url: 'http://127.0.0.1:9/o' } } }), CH, origin);
    assert.strictEqual(bad.level, 'error');
    assert.deepStrictEqual(bad.replace, []);
    assert.match(bad.summary, /refresh is refused: .*mm_blocks_actions missing entry for action_id "undo"/);
  });

  it('update (props rules of §5.3), ephemeral_text, goto_location named, error shown, dialog shown as JSON, non-200 fails', () => {
    const withFlags = { ...origin, props: { ...origin.props, from_webhook: 'true', override_username: 'bot' } };
    const u = blockClickEffect(answer({ update: { message: 'new', props: { from_bot: 'true', x: 1, mm_blocks_actions: { a: 1 } } }, ephemeral_text: 'done' }), CH, withFlags);
    const post = parse(u.replace[0].text);
    assert.deepStrictEqual(post.props, { x: 1, from_webhook: 'true', override_username: 'bot', mm_blocks_actions: CARD.props.mm_blocks_actions }, 'carried props as on the original; an invalid registry replaced by the original');
    assert.strictEqual(u.ephemeral, 'done');
    assert.deepStrictEqual(applyUpdate({ message: 'no props' }, { a: 1 }), { message: 'no props', props: { a: 1 } }, 'no props: the original props are kept');
    assert.deepStrictEqual(applyUpdate({ props: { mm_blocks_actions: {} } }, {}), { props: {} }, 'a registry is dropped when the original had none');

    const goto = blockClickEffect(answer({ type: 'ok', goto_location: 'https://example.com/next' }), CH, origin);
    assert.strictEqual(goto.level, 'info');
    assert.match(goto.summary, /goes to https:\/\/example\.com\/next \(shown here, not followed\)/);

    const err = blockClickEffect(answer({ error: 'Not allowed' }), CH, origin);
    assert.strictEqual(err.level, 'error');
    assert.strictEqual(err.error, 'Not allowed');

    const dialog = blockClickEffect(answer({ type: 'dialog', block_dialog: { title: 'Confirm', blocks: [] } }), CH, origin);
    assert.deepStrictEqual(JSON.parse(dialog.blockDialog!), { title: 'Confirm', blocks: [] });
    assert.match(dialog.summary, /opens a block dialog/);

    const nothing = blockClickEffect(answer({ type: 'ok' }), CH, origin);
    assert.strictEqual(nothing.level, 'warning');
    assert.match(nothing.summary, /nothing changes/);

    const failed = blockClickEffect(answer('boom', 500), CH, NO_ORIGIN);
    assert.strictEqual(failed.level, 'error');
    assert.match(failed.summary, /answered 500/);
  });

  it('the history records a click with its redacted target, status and summary; Resend sends the same request but for trigger_id', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let b = '';
      req.on('data', c => { b += c; });
      req.on('end', () => { seen.push(`${req.url} ${b}`); res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"type":"refresh","mm_blocks":[{"type":"text","text":"ok"}]}'); });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const who = defaultContext();
      const c: StoredClick = { source: 'block', name: 'Approve', url: `http://127.0.0.1:${port}/approve?a=1`, context: { n: 1 }, type: 'button', selectedOption: 'prod', dataSource: '', postId: 'p'.repeat(26), who };
      const first = await invokeBlockAction({ url: c.url, context: c.context, selectedOption: c.selectedOption, postId: c.postId, who }, origin);
      assert.strictEqual(first.effect.level, 'info', first.effect.summary);
      const rec = historyRecord(clickRecord(c, 1000, 12, first.effect.verdict.status, 'sent', first.effect.summary), 'id1');
      assert.deepStrictEqual(rec.target, { type: 'invoke', what: 'action', name: 'Approve', redactedUrl: `http://127.0.0.1:${port}/approve?a=1` });
      assert.strictEqual(rec.status, 'sent');
      assert.match(rec.detail, /^200: The post's blocks are replaced/);
      assert.strictEqual(rec.file, 'block "Approve" → prod');
      const again = storedClick(rec.text);
      assert.deepStrictEqual(again, c);
      const second = await invokeBlockAction({ url: again.url, context: again.context, selectedOption: again.selectedOption, postId: again.postId, who: again.who }, NO_ORIGIN);
      assert.strictEqual(seen.length, 2);
      const [u1, b1] = [seen[0].split(' ')[0], parse(seen[0].slice(seen[0].indexOf(' ') + 1))];
      const [u2, b2] = [seen[1].split(' ')[0], parse(seen[1].slice(seen[1].indexOf(' ') + 1))];
      assert.strictEqual(u1, u2);
      assert.notStrictEqual(b1.trigger_id, b2.trigger_id, 'a fresh trigger_id');
      assert.deepStrictEqual({ ...b1, trigger_id: '' }, { ...b2, trigger_id: '' }, 'the same request but for trigger_id');
      assert.strictEqual(b2.trigger_id, second.request.triggerId);
      // a secret-looking context is not kept, so it cannot be resent
      const secret = historyRecord(clickRecord({ ...c, context: { token: 'xoxb-123456789012-abcdefghijkl' } }, 1, 1, 200, 'sent', 's'), 'id2');
      assert.strictEqual(storedClick(secret.text), undefined);
      assert.strictEqual(storedClick('{"source":"block"}'), undefined);
      assert.strictEqual(storedClick(undefined), undefined);
    } finally {
      server.close();
    }
  });
});
