// Clicks in the preview (issue 14 item 3): the preview's controls carry only their JSON path, the
// lookup finds the action in the payload as the server reads it, and the answer is applied as
// Mattermost applies it.
import * as assert from 'assert';
import { clickEffect, findAction } from '../../../src/core/invoke/action';
import { defaultContext } from '../../../src/core/invoke/context';
import { invokeAction } from '../../../src/core/invoke/invoke';
import { judgeAction } from '../../../src/core/invoke/judge';
import type { Kind } from '../../../src/core/payload/problem';
import { renderPreviewBody } from '../../../src/core/preview/render';
import { type RunningExample, startExample } from '../../exampleIntegration';
import { all, parseHtml } from '../preview/helpers';

const COMMAND = 'mattermostPayloads.preview.action';

/** The JSON path a preview control carries in its command link. */
function pathOf(href: string | undefined): unknown {
  const m = new RegExp(`^command:${COMMAND.replace(/\./g, '\\.')}\\?(.*)$`).exec(href ?? '');
  assert.ok(m, `not a link to the preview command: ${href}`);
  const args = JSON.parse(decodeURIComponent(m[1])) as Array<{ path: unknown }>;
  assert.strictEqual(args.length, 1);
  assert.deepStrictEqual(Object.keys(args[0]), ['path'], 'the link carries more than the path');
  return args[0].path;
}

function links(kind: Kind, payload: object | string, actionCommand: string | null = COMMAND): Array<{ testid: string; href: string | undefined; tag: string }> {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const html = parseHtml(renderPreviewBody({ text, kind, actionCommand: actionCommand ?? undefined }));
  return [...all(html, 'action-button'), ...all(html, 'action-choose')].map(e => ({ testid: e.getAttribute('data-testid') ?? '', href: e.getAttribute('href'), tag: e.tagName.toLowerCase() }));
}

const BUTTONS = {
  text: 'Deploy?',
  attachments: [{
    fallback: 'deploy',
    actions: [
      { id: 'go', name: 'Go', type: 'button', integration: { url: 'http://127.0.0.1:9/go', context: { step: 1, who: 'me' } } },
      { id: 'off', name: 'Off', type: 'button', disabled: true, integration: { url: 'http://127.0.0.1:9/off' } },
      { id: 'plugin', name: 'Plugin', type: 'button', integration: { url: '/plugins/x/act' } },
      { id: 'none', name: 'No integration', type: 'button' },
      { id: 'env', name: 'Region', type: 'select', options: [{ text: 'EU', value: 'eu' }, { text: 'US', value: 'us' }], integration: { url: 'https://hooks.example.com/region' } },
      { id: 'who', name: 'Assign', type: 'select', data_source: 'users', integration: { url: 'http://localhost:9/assign' } },
    ],
  }],
};

describe('invoke: clicking a button or menu in the preview', () => {
  it('the preview links only controls with an http(s) integration.url, enabled, and only to the one command', () => {
    const l = links('command', BUTTONS);
    assert.deepStrictEqual(l.map(x => [x.testid, x.tag, x.href !== undefined]), [
      ['action-button', 'a', true], // Go
      ['action-button', 'button', false], // disabled
      ['action-button', 'button', false], // a plugin URL only a server can call
      ['action-button', 'button', false], // no integration
      ['action-choose', 'a', true], // Region
      ['action-choose', 'a', true], // Assign
    ]);
    for (const x of l.filter(y => y.href)) assert.match(x.href!, /^command:mattermostPayloads\.preview\.action\?/);
    // without an actionCommand (CLI, tests, other renderers) everything stays inert
    assert.ok(links('command', BUTTONS, null).every(x => x.tag === 'button' && x.href === undefined && x.testid === 'action-button'));
    // a command id that could break out of the href is refused
    assert.ok(links('command', BUTTONS, 'x" onclick="y').every(x => x.href === undefined));
  });

  it('the path the preview draws finds the action the server reads: url, context, type, options, data_source', () => {
    const text = JSON.stringify(BUTTONS);
    const [go, region, assign] = links('command', BUTTONS).filter(x => x.href).map(x => pathOf(x.href));
    assert.deepStrictEqual(go, ['attachments', 0, 'actions', 0]);
    const a = findAction(text, 'command', go);
    assert.ok(a.ok, JSON.stringify(a));
    assert.deepStrictEqual(a.action, { id: 'go', name: 'Go', type: 'button', url: 'http://127.0.0.1:9/go', context: { step: 1, who: 'me' }, options: [], dataSource: '' });
    const r = findAction(text, 'command', region);
    assert.ok(r.ok);
    assert.strictEqual(r.action.type, 'select');
    assert.deepStrictEqual(r.action.options, [{ text: 'EU', value: 'eu' }, { text: 'US', value: 'us' }]);
    assert.deepStrictEqual(r.action.context, {}, 'no context: an empty object, as the server sends');
    const u = findAction(text, 'command', assign);
    assert.ok(u.ok);
    assert.strictEqual(u.action.dataSource, 'users');
  });

  it('REST posts (props.attachments), extra_responses and Go\'s case-insensitive keys', () => {
    const post = { channel_id: 'c'.repeat(26), message: 'm', props: { attachments: [{ fallback: 'f', actions: [{ id: 'a', name: 'A', type: 'button', integration: { url: 'http://127.0.0.1:9/a' } }] }] } };
    const p = pathOf(links('post', post)[0].href);
    assert.deepStrictEqual(p, ['props', 'attachments', 0, 'actions', 0]);
    const found = findAction(JSON.stringify(post), 'post', p);
    assert.ok(found.ok && found.action.url === 'http://127.0.0.1:9/a');

    const extra = { text: 'first', extra_responses: [{ text: 'second', attachments: [{ fallback: 'f', actions: [{ id: 'b', name: 'B', type: 'button', integration: { url: 'http://127.0.0.1:9/b' } }] }] }] };
    const e = pathOf(links('command', extra)[0].href);
    const fe = findAction(JSON.stringify(extra), 'command', e);
    assert.ok(fe.ok && fe.action.name === 'B', JSON.stringify(fe));

    const odd = '{"Text":"x","Attachments":[{"Fallback":"f","Actions":[{"Id":"c","Name":"C","Type":"button","Integration":{"URL":"http://127.0.0.1:9/c"}}]}]}';
    const l = links('incoming', odd);
    assert.strictEqual(l.length, 1, 'the server reads these keys, so the preview draws the button');
    const fo = findAction(odd, 'incoming', pathOf(l[0].href));
    assert.ok(fo.ok && fo.action.url === 'http://127.0.0.1:9/c', JSON.stringify(fo));
  });

  it('says why nothing is sent: a changed file, a disabled button, no or a plugin URL, a bad path, invalid JSON', () => {
    const text = JSON.stringify(BUTTONS);
    const reason = (t: string, p: unknown) => { const r = findAction(t, 'command', p); assert.ok(!r.ok, JSON.stringify(r)); return r.reason; };
    assert.match(reason(text, ['attachments', 0, 'actions', 9]), /no longer in the payload/);
    assert.match(reason(text, ['attachments', 0, 'actions', 1]), /"Off" is disabled/);
    assert.match(reason(text, ['attachments', 0, 'actions', 2]), /only a Mattermost server/);
    assert.match(reason(text, ['attachments', 0, 'actions', 3]), /no integration\.url/);
    assert.match(reason(text, ['attachments', 0]), /did not say which button/);
    assert.match(reason(text, ['__proto__', 'actions', 0]), /no longer in the payload/);
    assert.match(reason(text, 'attachments.0.actions.0'), /did not say which button/);
    assert.match(reason('{"text": ', ['attachments', 0, 'actions', 0]), /not valid JSON/);
  });

  it('the answer: update replaces the post (a post document, linted), ephemeral_text is the reply, goto_location is named, not followed', () => {
    const ch = 'c'.repeat(26);
    const ok = (body: string) => judgeAction({ status: 200, contentType: 'application/json', body: Buffer.from(body), over: false }, ch);
    const e = clickEffect(ok('{"update":{"message":"new text"},"ephemeral_text":"done","goto_location":"https://example.com/x"}'));
    assert.strictEqual(e.level, 'info');
    assert.deepStrictEqual(e.replace.map(d => [d.kind, d.label]), [['post', 'update']], 'only the update takes the post\'s place');
    assert.deepStrictEqual(JSON.parse(e.replace[0].text), { channel_id: ch, message: 'new text' });
    assert.strictEqual(e.ephemeral, 'done');
    assert.match(e.summary, /does not go there/);
    assert.match(e.summary, /https:\/\/example\.com\/x/);

    const only = clickEffect(ok('{"ephemeral_text":"just for you"}'));
    assert.deepStrictEqual(only.replace, []);
    assert.strictEqual(only.ephemeral, 'just for you');

    const nothing = clickEffect(ok('{}'));
    assert.strictEqual(nothing.level, 'warning');
    assert.strictEqual(nothing.ephemeral, undefined);

    const failed = clickEffect(judgeAction({ status: 500, contentType: 'text/plain', body: Buffer.from('boom'), over: false }, ch));
    assert.strictEqual(failed.level, 'error');
    assert.match(failed.summary, /click fails/);
    assert.deepStrictEqual(failed.replace, []);
  });

  describe('against the example integration on 127.0.0.1', function () {
    this.timeout(30000);
    let example: RunningExample | undefined;
    let base = '';
    before(async () => {
      example = await startExample();
      base = example.base;
    });
    after(() => { example?.child.kill(); });

    it('the example\'s Update button: found in its answer, sent, and the post is replaced', async () => {
      const res = await fetch(`${base}/command`, { method: 'POST', headers: { Authorization: 'Token example-command-token', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=example-command-token&text=hi&user_name=ann' });
      const answer = await res.text();
      const l = links('command', answer);
      assert.strictEqual(l.length, 2, 'both example buttons are clickable');
      const found = findAction(answer, 'command', pathOf(l[0].href));
      assert.ok(found.ok, JSON.stringify(found));
      assert.strictEqual(found.action.name, 'Update');
      const who = defaultContext({ user_name: 'ann' });
      const inv = await invokeAction({ url: found.action.url, context: found.action.context, type: found.action.type, who });
      const sent = JSON.parse(inv.request.body ?? '{}') as Record<string, unknown>;
      assert.deepStrictEqual(sent.context, { step: 1 });
      assert.strictEqual(sent.user_name, 'ann');
      const e = clickEffect(inv.verdict);
      assert.strictEqual(e.level, 'info', e.summary);
      assert.strictEqual((JSON.parse(e.replace[0].text) as { message: string }).message, 'Updated by @ann (step 2).');
      assert.strictEqual((JSON.parse(e.replace[0].text) as { channel_id: string }).channel_id, who.channel_id);
      assert.strictEqual(e.ephemeral, 'You updated the post.');
    });
  });
});
