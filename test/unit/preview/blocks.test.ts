/**
 * The preview of Mattermost Blocks, Block Kit and Adaptive Cards (issue 13): the DOM of every block type as
 * the clients draw it, the render limits, the translations, precedence, the profile gate and where findings go.
 * Every case goes through the whole renderer (renderPreviewBody → server model → HTML).
 */
import * as assert from 'assert';
import type { HTMLElement } from 'node-html-parser';
import { renderPreviewDocument } from '../../../src/core/preview/render';
import { parseProfile, profileForVersion } from '../../../src/core/server/profile';
import { all, one, parseHtml, problem, render } from './helpers';

type Json = Record<string, unknown>;

/** An incoming webhook with these blocks (and registry entries for every action id used). */
function hook(blocks: unknown[], actions: Json = {}, extra: Json = {}): Json {
  return { text: 'blocks', props: { mm_blocks: blocks, ...(Object.keys(actions).length ? { mm_blocks_actions: actions } : {}) }, ...extra };
}

const ext = (url = 'https://hooks.example.com/a'): Json => ({ type: 'external', url });

function blocksOf(root: HTMLElement): HTMLElement[] {
  return all(root, 'block');
}

function byPath(root: HTMLElement, path: string): HTMLElement {
  const el = root.querySelector(`[data-testid="block"][data-path="${path}"]`);
  if (!el) throw new Error(`no block at ${path}`);
  return el;
}

const classes = (el: HTMLElement): string[] => [...el.classList.values()];

describe('preview: Mattermost Blocks, block by block', () => {
  it('text: Markdown, subtle and small', () => {
    const root = render('incoming', hook([
      { type: 'text', text: 'Deployed `main` to **staging** @alice' },
      { type: 'text', text: 'muted', is_subtle: true, size: 'small' },
    ]));
    const [a, b] = blocksOf(root);
    assert.strictEqual(a.getAttribute('data-type'), 'text');
    assert.strictEqual(a.querySelector('strong')?.text, 'staging');
    assert.strictEqual(a.querySelector('code')?.text, 'main');
    assert.strictEqual(one(a, 'mention').getAttribute('data-mention'), 'alice');
    assert.ok(classes(b).includes('mm-block-subtle') && classes(b).includes('mm-block-small'));
    assert.strictEqual(b.getAttribute('data-size'), 'small');
    assert.ok(!classes(a).includes('mm-block-subtle'));
  });

  it('image: size preset (stretch by default), person crop, alignment, max_width; no remote load by default', () => {
    const root = render('incoming', hook([
      { type: 'image', url: 'https://img.example.com/a.png', alt_text: 'A chart' },
      { type: 'image', url: 'https://img.example.com/b.png', alt_text: 'Ann', size: 'small', image_style: 'person', horizontal_alignment: 'center', title: 'Ann, on call' },
      { type: 'image', url: 'https://img.example.com/c.png', alt_text: 'c', max_width: 90.4, max_height: 40 },
    ]));
    const [a, b, c] = blocksOf(root);
    assert.strictEqual(a.getAttribute('data-size'), 'stretch');
    assert.ok(classes(a).includes('mm-block-image-stretch'));
    assert.strictEqual(a.getAttribute('data-alt'), 'A chart');
    assert.strictEqual(one(a, 'image-placeholder').getAttribute('data-src'), 'https://img.example.com/a.png');
    assert.strictEqual(root.querySelectorAll('img').length, 0, 'a remote image was loaded with the setting off');
    assert.ok(classes(b).includes('mm-block-image-small') && classes(b).includes('mm-block-image-person') && classes(b).includes('mm-block-align-center'));
    assert.strictEqual(b.querySelector('.mm-block-image-frame')?.getAttribute('title'), 'Ann, on call');
    assert.strictEqual(c.getAttribute('data-max-width'), '90');
    assert.strictEqual(c.getAttribute('data-max-height'), '40');
    assert.ok(classes(c).includes('mm-size-w90-h40'));
    const loaded = render('incoming', hook([{ type: 'image', url: 'https://img.example.com/a.png', alt_text: 'A chart' }]), { loadRemoteImages: true });
    assert.strictEqual(one(loaded, 'remote-image').getAttribute('alt'), 'A chart');
  });

  it('divider: a horizontal rule, vertical inside a horizontal container', () => {
    const root = render('incoming', hook([
      { type: 'divider' },
      { type: 'container', flow: 'horizontal', content: [{ type: 'text', text: 'a' }, { type: 'divider' }, { type: 'text', text: 'b' }] },
    ]));
    assert.strictEqual(byPath(root, 'props.mm_blocks.0').getAttribute('data-orientation'), 'horizontal');
    assert.strictEqual(byPath(root, 'props.mm_blocks.1.content.1').getAttribute('data-orientation'), 'vertical');
    assert.ok(byPath(root, 'props.mm_blocks.0').querySelector('hr'));
  });

  it('button: styles (unknown → default, hex tints), disabled, tooltip, Markdown label, inert; where the registry sends a click', () => {
    const root = render('incoming', hook([
      { type: 'button', text: '**View** logs', action_id: 'view', style: 'primary' },
      { type: 'button', text: 'Rollback', action_id: 'rollback', style: 'danger', tooltip: 'Undo the deploy' },
      { type: 'button', text: 'Teal', action_id: 'teal', style: '#0AB' },
      { type: 'button', text: 'Odd', action_id: 'odd', style: 'fancy' },
      { type: 'button', text: 'Off', action_id: 'off', disabled: true },
      { type: 'button', text: 'Go', action_id: 'go' },
    ], { view: ext('https://hooks.example.com/logs'), rollback: ext(), teal: ext(), odd: ext(), go: { type: 'openURL', url: '/team/channels/off-topic' } }));
    const buttons = all(root, 'block-button');
    assert.deepStrictEqual(buttons.map(b => b.getAttribute('data-style')), ['primary', 'danger', '#0AB', 'default', 'default', 'default']);
    assert.strictEqual(buttons[0].querySelector('strong')?.text, 'View');
    assert.ok(classes(buttons[0]).includes('mm-bbtn-primary'));
    assert.ok(classes(buttons[2]).includes('mm-hex-00aabb'), classes(buttons[2]).join(' '));
    assert.ok(classes(buttons[3]).includes('mm-bbtn-default'));
    assert.strictEqual(buttons[1].getAttribute('title'), 'Undo the deploy');
    assert.strictEqual(buttons[4].getAttribute('disabled'), '');
    assert.strictEqual(buttons[4].getAttribute('data-action'), 'disabled');
    assert.ok(buttons.every(b => b.getAttribute('aria-disabled') === 'true' && b.getAttribute('tabindex') === '-1'));
    assert.strictEqual(buttons[0].getAttribute('data-action'), 'external');
    assert.strictEqual(buttons[0].getAttribute('data-action-url'), 'https://hooks.example.com/logs');
    assert.match(buttons[0].getAttribute('title') ?? '', /calls hooks\.example\.com\/logs/);
    assert.strictEqual(buttons[5].getAttribute('data-action'), 'openURL');
    assert.match(buttons[5].getAttribute('title') ?? '', /opens \/team\/channels\/off-topic/);
  });

  it('a button whose id is not in the registry says it does nothing (REST: the server only logs)', () => {
    const root = render('post', { channel_id: 'c'.repeat(26), message: 'x', props: { mm_blocks: [{ type: 'button', text: 'Lost', action_id: 'lost' }] } });
    assert.strictEqual(one(root, 'block-button').getAttribute('data-action'), 'missing');
    assert.match(one(root, 'action-missing').text, /does nothing/);
  });

  it('static_select: placeholder, options, initial option, users/channels sources', () => {
    const root = render('incoming', hook([
      { type: 'static_select', action_id: 'next', placeholder: 'Select next step…', initial_option: 'smoke', options: [{ text: 'Promote', value: 'promote' }, { text: 'Run smoke tests', value: 'smoke' }] },
      { type: 'static_select', action_id: 'who', placeholder: 'Pick a user', data_source: 'users' },
    ], { next: ext(), who: ext() }));
    const [menu, users] = all(root, 'block-select');
    assert.strictEqual(menu.getAttribute('aria-label'), 'Select next step…');
    assert.deepStrictEqual(menu.querySelectorAll('option').map(o => o.text), ['Select next step…', 'Promote', 'Run smoke tests']);
    assert.strictEqual(menu.querySelector('option[selected]')?.text, 'Run smoke tests');
    assert.strictEqual(menu.getAttribute('disabled'), '');
    assert.strictEqual(users.getAttribute('data-source'), 'users');
    assert.match(users.text, /users of this server/);
  });

  it('container: flow, gap (medium when omitted, as clients draw it), border, accent, gray background, max height', () => {
    const root = render('incoming', hook([
      { type: 'container', content: [{ type: 'text', text: 'a' }] },
      { type: 'container', flow: 'horizontal', gap: 'xlarge', border: true, accent_color: 'good', background: 'gray', max_height: 'small', content: [{ type: 'text', text: 'b' }] },
      { type: 'container', accent_color: '#123456', content: [{ type: 'text', text: 'c' }] },
    ]));
    const [a, b, c] = [0, 1, 2].map(i => byPath(root, `props.mm_blocks.${i}`));
    assert.deepStrictEqual([a.getAttribute('data-flow'), a.getAttribute('data-gap')], ['vertical', 'medium']);
    assert.ok(classes(a).includes('mm-block-gap-medium'));
    for (const cls of ['mm-block-flow-horizontal', 'mm-block-gap-xlarge', 'mm-block-border', 'mm-block-accent-good', 'mm-block-bg-gray', 'mm-block-max-height-small']) assert.ok(classes(b).includes(cls), cls);
    assert.ok(classes(c).includes('mm-hex-123456'));
  });

  it('collapsible: collapsed unless collapsed is exactly false, as a <details> that opens without script', () => {
    const root = render('incoming', hook([
      { type: 'collapsible', header: [{ type: 'text', text: '**Details**' }], content: [{ type: 'text', text: 'hidden at first' }] },
      { type: 'collapsible', collapsed: false, header: [{ type: 'text', text: 'Open' }], content: [{ type: 'text', text: 'shown' }] },
    ]));
    const [closed, open] = all(root, 'block-collapsible');
    assert.strictEqual(closed.tagName, 'DETAILS');
    assert.strictEqual(closed.getAttribute('open'), undefined);
    assert.strictEqual(open.getAttribute('open'), '');
    assert.strictEqual(one(closed, 'block-collapsible-header').tagName, 'SUMMARY');
    assert.match(one(closed, 'block-collapsible-content').text, /hidden at first/);
    assert.strictEqual(byPath(root, 'props.mm_blocks.0').getAttribute('data-collapsed'), 'true');
  });

  it('column_set and column: widths (auto by default, stretch grows)', () => {
    const root = render('incoming', hook([
      { type: 'column_set', columns: [
        { type: 'column', width: 'stretch', items: [{ type: 'text', text: 'Status: **green**' }] },
        { type: 'column', items: [{ type: 'button', text: 'Open', action_id: 'open' }] },
      ] },
    ], { open: ext() }));
    const set = byPath(root, 'props.mm_blocks.0');
    assert.strictEqual(set.getAttribute('data-type'), 'column_set');
    const cols = set.querySelectorAll('[data-type="column"]');
    assert.deepStrictEqual(cols.map(c => c.getAttribute('data-width')), ['stretch', 'auto']);
    assert.ok(classes(cols[0]).includes('mm-block-column-stretch'));
    assert.strictEqual(cols[1].querySelector('[data-testid="block-button"]')?.text, 'Open');
  });

  it('blocks clients drop are not drawn; they are listed with the reason, and valid siblings still show', () => {
    const root = render('incoming', hook([
      { type: 'text', text: 'kept' },
      { type: 'image', url: 'https://img.example.com/a.png' },
      null,
      { type: 'carousel' },
      { type: 'text', text: 'also kept', size: 'huge' },
    ]));
    assert.deepStrictEqual(blocksOf(root).map(b => b.getAttribute('data-path')), ['props.mm_blocks.0']);
    const dropped = all(root, 'dropped-block');
    assert.deepStrictEqual(dropped.map(d => d.getAttribute('data-path')), ['props.mm_blocks.1', 'props.mm_blocks.2', 'props.mm_blocks.3', 'props.mm_blocks.4']);
    assert.match(dropped[0].text, /alt_text/);
  });

  it('escapes every payload string (text, labels, placeholders, URLs)', () => {
    const root = render('incoming', hook([
      { type: 'text', text: '<script>alert(1)</script> [x](javascript:alert(2))' },
      { type: 'button', text: '<img src=x onerror=alert(3)>', action_id: 'b', tooltip: '"><script>alert(4)</script>' },
      { type: 'static_select', action_id: 's', placeholder: '<b>p</b>', options: [{ text: '<i>o</i>', value: '"v' }] },
      { type: 'image', url: 'javascript:alert(5)', alt_text: '"><script>' },
    ], { b: ext(), s: ext() }), { loadRemoteImages: true });
    assert.strictEqual(root.querySelectorAll('script').length, 0);
    assert.strictEqual(root.querySelectorAll('img').length, 0);
    assert.strictEqual(root.querySelectorAll('a').length, 0);
    assert.strictEqual(root.querySelectorAll('b').length + root.querySelectorAll('i').length, 0);
    assert.match(one(root, 'block-button').text, /<img src=x/);
  });
});

describe('preview: render limits, as clients apply them', () => {
  it('100 blocks: the 101st and later are not drawn, and the cut is marked where it happens', () => {
    const many = Array.from({ length: 105 }, (_, i) => ({ type: 'text', text: `line ${i}` }));
    const root = render('incoming', hook(many));
    assert.strictEqual(blocksOf(root).length, 100);
    const cut = one(root, 'blocks-truncated');
    assert.strictEqual(cut.getAttribute('data-limit'), 'nodes');
    assert.strictEqual(cut.getAttribute('data-path'), 'props.mm_blocks.100');
    assert.match(cut.text, /at most 100 blocks \(nested ones included\); 5 blocks from this point on are not shown/);
  });

  it('16000 characters: the block crossing the limit is cut and later text is not drawn', () => {
    const root = render('incoming', hook([
      { type: 'text', text: 'a'.repeat(15990) },
      { type: 'text', text: 'b'.repeat(20) },
      { type: 'text', text: 'never shown' },
    ]));
    const texts = blocksOf(root).map(b => b.text.trim());
    assert.strictEqual(texts.length, 2);
    assert.strictEqual(texts[1], 'b'.repeat(10));
    assert.strictEqual(one(root, 'blocks-truncated').getAttribute('data-limit'), 'characters');
  });

  it('depth 32: blocks nested deeper are not drawn', () => {
    let deep: Json = { type: 'text', text: 'bottom' };
    for (let i = 0; i < 40; i++) deep = { type: 'container', content: [{ type: 'text', text: `level ${40 - i}` }, deep] };
    const root = render('incoming', hook([deep]));
    assert.ok(!root.text.includes('bottom'));
    assert.ok(root.text.includes('level 31'));
    assert.ok(all(root, 'blocks-truncated').some(t => t.getAttribute('data-limit') === 'depth'));
  });
});

describe('preview: Block Kit and Adaptive Cards, as Mattermost translates them (MM_BLOCKS.md §10 E-4)', () => {
  it('Block Kit: section → text, divider, actions → a row of buttons; Slack mrkdwn is shown as Mattermost Markdown', () => {
    const root = render('incoming', { text: 'Block Kit', props: {
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*Hello* from Block Kit' } },
        { type: 'divider' },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'OK' }, action_id: 'block_kit_demo' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'dropped' }] },
      ],
      mm_blocks_actions: { block_kit_demo: ext('https://hooks.example.com/bk') },
    } });
    assert.strictEqual(one(root, 'blocks').getAttribute('data-format'), 'blocks');
    const text = blocksOf(root).find(b => b.getAttribute('data-type') === 'text');
    assert.strictEqual(text?.querySelector('em')?.text, 'Hello', '*Hello* is italic in Mattermost, not bold');
    assert.ok(blocksOf(root).some(b => b.getAttribute('data-type') === 'divider'));
    const button = one(root, 'block-button');
    assert.strictEqual(button.text, 'OK');
    assert.strictEqual(button.getAttribute('data-action-id'), 'block_kit_demo');
    assert.strictEqual(button.closest('[data-type="container"]')?.getAttribute('data-flow'), 'horizontal');
    assert.strictEqual(all(root, 'dropped-block').find(d => d.getAttribute('data-path') === 'props.blocks.3')?.getAttribute('data-cause'), 'untranslated');
    assert.ok(!root.text.includes('dropped\n'));
  });

  it('Adaptive Card: TextBlock → text, ActionSet and card actions → buttons (positive → primary); mmaction links count', () => {
    const root = render('incoming', { text: 'Adaptive Card', props: {
      cards: [{ type: 'AdaptiveCard', version: '1.5',
        body: [
          { type: 'TextBlock', text: 'See [here](mmaction://cardmd)', isSubtle: true, size: 'Small' },
          { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'OK', id: 'submit1' }] },
          { type: 'FactSet', facts: [] },
        ],
        actions: [{ type: 'Action.Submit', title: 'Footer', id: 'footer1', style: 'positive' }] }],
      mm_blocks_actions: { cardmd: ext(), submit1: ext(), footer1: ext() },
    } });
    assert.strictEqual(one(root, 'blocks').getAttribute('data-format'), 'cards');
    const text = blocksOf(root).find(b => b.getAttribute('data-type') === 'text');
    assert.ok(text && classes(text).includes('mm-block-subtle') && classes(text).includes('mm-block-small'));
    assert.deepStrictEqual(all(root, 'block-button').map(b => [b.text, b.getAttribute('data-style')]), [['OK', 'default'], ['Footer', 'primary']]);
    assert.ok(all(root, 'dropped-block').some(d => d.getAttribute('data-cause') === 'untranslated'));
    const link = one(root, 'action-link');
    assert.strictEqual(link.getAttribute('data-action-id'), 'cardmd');
    assert.strictEqual(link.text, 'here');
    assert.strictEqual(link.tagName, 'SPAN', 'an mmaction link must not be navigable');
  });

  it('mmaction:// links in the message are actions, not links; a malformed id stays inert text', () => {
    const root = render('incoming', { text: 'Run [deploy](mmaction://deploy_1?x=1) or [bad](mmaction://b@d) or <mmaction://auto>', props: { mm_blocks_actions: { deploy_1: ext(), auto: ext() } } });
    assert.deepStrictEqual(all(root, 'action-link').map(a => [a.getAttribute('data-action-id'), a.text]), [['deploy_1', 'deploy'], ['auto', 'mmaction://auto']]);
    assert.strictEqual(root.querySelectorAll('a').length, 0);
    assert.ok(root.querySelector('.mm-link-neutralised'), 'the malformed one is shown neutralised');
  });
});

describe('preview: which format renders, and for which server', () => {
  const mixed = { text: 'mixed', attachments: [{ fallback: 'f', text: 'attachment text' }], props: {
    mm_blocks: [{ type: 'text', text: 'native' }],
    blocks: [{ type: 'divider' }],
  } };

  it('only the first non-empty of mm_blocks, blocks, cards, attachments renders; the others are named as ignored', () => {
    const root = render('incoming', mixed);
    assert.strictEqual(one(root, 'blocks').getAttribute('data-format'), 'mm_blocks');
    assert.strictEqual(all(root, 'attachment').length, 0, 'attachments were drawn under mm_blocks');
    const ignored = all(root, 'blocks-ignored').map(n => n.getAttribute('data-format'));
    assert.deepStrictEqual(ignored.sort(), ['attachments', 'blocks']);
    assert.match(all(root, 'blocks-ignored')[0].text, /ignored: clients render only the first non-empty one/);
  });

  it('a server before 11.10: the blocks are stored but shown to nobody; attachments render the old way', () => {
    const root = render('incoming', mixed, { profile: profileForVersion('11.6') });
    assert.strictEqual(all(root, 'blocks').length, 0);
    assert.strictEqual(all(root, 'attachment').length, 1);
    const hidden = one(root, 'blocks-hidden');
    assert.match(hidden.text, /props\.mm_blocks, props\.blocks are stored but may not be shown to anyone: the target server is Mattermost 11\.6/);
  });

  it('MmBlocksEnabled off: not shown, said plainly', () => {
    const off = parseProfile({ Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' }, 'workspace file');
    const root = render('incoming', hook([{ type: 'text', text: 'x' }]), { profile: off });
    assert.strictEqual(all(root, 'block').length, 0);
    assert.match(one(root, 'blocks-hidden').text, /is stored but not shown to anyone: .*MmBlocksEnabled feature flag off/);
    const on = render('incoming', hook([{ type: 'text', text: 'x' }]), { profile: parseProfile({ Version: '11.10.0' }, 'workspace file') });
    assert.strictEqual(all(on, 'block').length, 1);
  });

  it('a webhook whose buttons and registry do not pair is refused, with the server\'s exact error', () => {
    const root = render('incoming', hook([{ type: 'button', text: 'B', action_id: 'b' }], { other: ext() }));
    assert.match(one(root, 'cannot-render').text, /400 api\.context\.invalid_body\.app_error.*mm_blocks_actions/);
  });

  it('slash-command extra responses each render their own blocks', () => {
    const root = render('command', { text: 'first', props: { mm_blocks: [{ type: 'text', text: 'one' }] }, extra_responses: [{ text: 'second', props: { blocks: [{ type: 'divider' }] } }] });
    assert.deepStrictEqual(all(root, 'blocks').map(b => b.getAttribute('data-format')), ['mm_blocks', 'blocks']);
    assert.strictEqual(all(root, 'block')[1].getAttribute('data-path'), 'extra_responses.0.props.blocks.0');
  });
});

describe('preview: findings next to the block they concern', () => {
  it('a finding on a nested block sits inside that block; one on a dropped block next to its entry; one on the registry by the registry', () => {
    const payload = hook([
      { type: 'container', content: [{ type: 'button', text: 'B', action_id: 'b', style: 'fancy' }] },
      { type: 'image', url: 'https://img.example.com/a.png' },
    ], { b: ext() });
    const root = render('incoming', payload, { problems: [
      problem(['props', 'mm_blocks', 0, 'content', 0, 'style'], 'mm-block-ignored-value', 'information', 'style "fancy" is ignored'),
      problem(['props', 'mm_blocks', 1, 'alt_text'], 'mm-block-dropped', 'warning', 'clients drop this image'),
      problem(['props', 'mm_blocks_actions', 'b', 'url'], 'mm-actions-registry', 'warning', 'registry entry finding'),
    ] });
    const button = byPath(root, 'props.mm_blocks.0.content.0');
    assert.strictEqual(one(button, 'finding').getAttribute('data-rule'), 'mm-block-ignored-value');
    assert.strictEqual(all(byPath(root, 'props.mm_blocks.0'), 'finding').length, 1, 'the finding is also on the container');
    const dropped = all(root, 'dropped-block')[0];
    assert.strictEqual(one(dropped, 'finding').getAttribute('data-rule'), 'mm-block-dropped');
    const registry = one(root, 'blocks-registry');
    assert.strictEqual(registry.nextElementSibling?.querySelector('[data-testid="finding"]')?.getAttribute('data-rule'), 'mm-actions-registry');
    assert.strictEqual(all(root, 'findings').length, 0, 'nothing was left for the list at the top');
  });
});

describe('preview document: blocks keep the CSP', () => {
  it('no script, no inline style attribute; custom sizes and colours are classes in the nonce\'d style block', () => {
    const html = renderPreviewDocument({
      text: JSON.stringify(hook([
        { type: 'image', url: 'https://img.example.com/a.png', alt_text: 'a', max_width: 90 },
        { type: 'button', text: 'B', action_id: 'b', style: '#ff8800' },
        { type: 'container', accent_color: 'rebeccapurple', content: [{ type: 'text', text: 'x' }] },
      ], { b: ext() })),
      kind: 'incoming', nonce: 'abc', cspSource: 'vscode-resource:', styleUri: 'vscode-resource:/media/preview.css',
    });
    const doc = parseHtml(html);
    assert.strictEqual(doc.querySelectorAll('script').length, 0);
    assert.strictEqual(doc.querySelectorAll('[style]').length, 0);
    const style = doc.querySelector('style')?.text ?? '';
    assert.match(style, /\.mm-size-w90-hx img,\.mm-size-w90-hx \.mm-image-placeholder\{max-width:90px;\}/);
    assert.match(style, /\.mm-hex-ff8800\{--mm-color:#ff8800;\}/);
    assert.match(style, /\.mm-named-rebeccapurple\{--mm-color:rebeccapurple;\}/);
    assert.match(html, /img-src vscode-resource: data:;/, 'remote images are off by default');
  });
});
