import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { blocksGate, blocksOf, hasInteractiveMessageProps, readBlocks, type MmBlock } from '../../../src/core/server/blocks';
import { applyRenderLimits } from '../../../src/core/server/blocks-limits';
import { mmactionLinks, readRegistry } from '../../../src/core/server/blocks-registry';
import { parseProfile } from '../../../src/core/server/profile';
import { postsOf } from '../../../src/core/server/toPost';

const root = path.resolve(__dirname, '../../../..');
const fixture = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/blocks', name), 'utf8')) as Record<string, unknown>;
const at = (version: string, settings: Record<string, string> = {}) => parseProfile({ Version: version, ...settings }, 'workspace file');

/** Block types, depth-first, with nesting as brackets: "container[button button static_select]". */
function shape(blocks: MmBlock[]): string {
  return blocks.map(b => {
    switch (b.type) {
      case 'container': return `container[${shape(b.content)}]`;
      case 'collapsible': return `collapsible[${shape(b.header)} | ${shape(b.content)}]`;
      case 'column_set': return `column_set[${b.columns.map(c => `column[${shape(c.items)}]`).join(' ')}]`;
      case 'column': return `column[${shape(b.items)}]`;
      default: return b.type;
    }
  }).join(' ');
}

describe('blocks model: the reference examples (MM_BLOCKS.md §10)', () => {
  it('E-1: REST post, text + horizontal container of two buttons and a select, registry paired', () => {
    const [r] = blocksOf('post', fixture('e1-rest-buttons-select.post.json'));
    assert.strictEqual(r.renders, 'mm_blocks');
    assert.strictEqual(shape(r.blocks), 'text container[button button static_select]');
    assert.deepStrictEqual(r.references.map(x => x.actionId), ['view_logs', 'rollback', 'next_step']);
    assert.deepStrictEqual(r.pairing.issues, []);
    assert.strictEqual(r.pairing.enforcement, 'logged');
    assert.deepStrictEqual(Object.keys(r.registry ?? {}), ['view_logs', 'rollback', 'next_step']);
    assert.deepStrictEqual(r.dropped, []);
  });

  it('E-2: no text is fine with blocks; the disabled button is not a reference and is not registered', () => {
    const doc = fixture('e2-openurl-disabled.incoming.json');
    const [r] = blocksOf('incoming', doc);
    assert.deepStrictEqual(r.references.map(x => x.actionId), ['pw_mm_blocks_openurl']);
    assert.deepStrictEqual(r.pairing.issues, []);
    assert.strictEqual(r.pairing.serverError, undefined);
    assert.strictEqual(postsOf('incoming', doc).refused, undefined);
    const b = r.blocks[2];
    assert.ok(b.type === 'button' && b.disabled === true);
  });

  it('E-2 on a server with the flag off: no text and blocks that do not count → 400 "No text specified"', () => {
    const doc = fixture('e2-openurl-disabled.incoming.json');
    const off = at('11.10.0', { FeatureFlagMmBlocksEnabled: 'false' });
    assert.match(postsOf('incoming', doc, off).refused!.reason, /No text specified/);
    assert.strictEqual(hasInteractiveMessageProps(doc.props, off), false);
    assert.strictEqual(hasInteractiveMessageProps(doc.props, at('11.10.0')), true);
  });

  it('E-3: the collapsible starts collapsed; queries read as strings', () => {
    const [r] = blocksOf('incoming', fixture('e3-query-collapsible.incoming.json'));
    assert.strictEqual(shape(r.blocks), 'collapsible[text | button static_select]');
    const c = r.blocks[0];
    assert.ok(c.type === 'collapsible' && c.collapsed === true);
    assert.deepStrictEqual(r.registry?.run_q.query, { dup: 'from_action' });
    assert.deepStrictEqual(r.pairing.issues, []);
  });

  it('E-4: Block Kit is translated (section → container of text, actions → horizontal container)', () => {
    const [r] = blocksOf('incoming', fixture('e4-block-kit.incoming.json'));
    assert.strictEqual(r.renders, 'blocks');
    assert.strictEqual(shape(r.blocks), 'container[text] divider container[button]');
    assert.deepStrictEqual(r.blocks[0].path, ['props', 'blocks', 0]);
    assert.deepStrictEqual(r.pairing.issues, []);
  });

  it('E-4: the Adaptive Card is translated; mmaction:// links and Action.Submit ids are references', () => {
    const [r] = blocksOf('incoming', fixture('e4-adaptive-card.incoming.json'));
    assert.strictEqual(r.renders, 'cards');
    assert.strictEqual(shape(r.blocks), 'text container[button] container[button]');
    assert.deepStrictEqual(r.references.map(x => x.actionId), ['cardmd', 'submit1', 'footer1']);
    const footer = (r.blocks[2] as { content: MmBlock[] }).content[0];
    assert.ok(footer.type === 'button' && footer.style === 'primary');
    assert.deepStrictEqual(r.pairing.issues, []);
  });
});

describe('blocks model: render precedence, gate, registry, limits', () => {
  it('renders the first non-empty array and names the others as ignored', () => {
    const r = readBlocks({ text: 'x', attachments: [{ text: 'a' }], props: { mm_blocks: [], blocks: [{ type: 'divider' }], cards: [{ type: 'AdaptiveCard', body: [] }] } }, { kind: 'incoming' });
    assert.strictEqual(r.renders, 'blocks');
    assert.deepStrictEqual(r.ignored.map(i => [i.format, i.path.join('.')]), [['cards', 'props.cards'], ['attachments', 'attachments']]);
  });

  it('before 11.10 or with the flag off: not shown, attachments render instead, nothing is checked', () => {
    const doc = { text: 'x', attachments: [{ text: 'a' }], props: { mm_blocks: [{ type: 'divider' }] } };
    for (const p of [at('11.6.0'), at('12.0.0', { FeatureFlagMmBlocksEnabled: 'false' })]) {
      const r = readBlocks(doc, { kind: 'incoming', profile: p });
      assert.strictEqual(r.shown, false);
      assert.strictEqual(r.renders, 'attachments');
      assert.deepStrictEqual(r.blocks, []);
      assert.ok(r.whyHidden);
    }
    assert.match(blocksGate(at('11.9.0')).whyHidden!, /11\.10/);
    assert.match(blocksGate(at('11.10.0', { FeatureFlagMmBlocksEnabled: 'false' })).whyHidden!, /MmBlocksEnabled/);
    assert.strictEqual(blocksGate().assumed, true);
  });

  it('an incoming webhook whose registry does not pair is refused with the server\'s error', () => {
    const doc = { text: 'x', props: { mm_blocks: [{ type: 'button', text: 'Go', action_id: 'go' }], mm_blocks_actions: { other: { type: 'external', url: 'https://e.example.com/a' } } } };
    const [r] = blocksOf('incoming', doc);
    assert.deepStrictEqual(r.pairing.issues.map(i => i.check), [13, 14]);
    assert.deepStrictEqual(r.pairing.serverError, { status: 400, id: 'api.context.invalid_body.app_error', message: 'mm_blocks_actions missing entry for action_id "go"' });
    assert.match(postsOf('incoming', doc).refused!.reason, /400 api\.context\.invalid_body\.app_error/);
    assert.strictEqual(blocksOf('post', { message: 'x', props: doc.props })[0].pairing.serverError, undefined);
  });

  it('registry checks with the server\'s texts', () => {
    const msgs = (reg: unknown) => readRegistry(reg, ['props', 'mm_blocks_actions']).issues.map(i => i.message);
    assert.deepStrictEqual(msgs('cookie'), ['mm_blocks_actions must be a map']);
    assert.deepStrictEqual(msgs({ 'a b': { type: 'external', url: 'https://e.example.com' } }), ['mm_blocks_actions key "a b" must contain only letters, numbers, underscores, or hyphens']);
    assert.deepStrictEqual(msgs({ a: { type: 'External', url: 'https://e.example.com' } }), ['mm_blocks_actions entry "a" has invalid type or shape']);
    assert.deepStrictEqual(msgs({ a: { type: 'external', url: 'https://e.example.com/%2e%2e/x' } }), ['mm_blocks_actions entry "a": integration URL must not contain path traversal segments']);
    assert.deepStrictEqual(msgs({ a: { type: 'external', url: '/plugins/com.x/act' } }), []);
    assert.deepStrictEqual(msgs({ a: { type: 'openURL', url: '/plugins/com.x/act' } }), ['mm_blocks_actions entry "a": plugin paths are not allowed for openURL actions']);
    assert.deepStrictEqual(msgs({ a: { type: 'openURL', url: '//evil.example.com' } }), ['mm_blocks_actions entry "a": must not be a protocol-relative URL']);
    assert.deepStrictEqual(msgs({ a: { type: 'external', url: '' } }), ['mm_blocks_actions entry "a": must have a non-empty URL']);
    assert.deepStrictEqual(msgs({ a: { type: 'external', url: 'https://e.example.com', query: { k: 'v'.repeat(2049) } } }), ['mm_blocks_actions entry "a" static query: query value for "k" exceeds 2048 chars']);
    assert.deepStrictEqual(msgs({ ['x'.repeat(65)]: { type: 'external', url: 'https://e.example.com' } }), ['mm_blocks_actions key exceeds 64 chars']);
  });

  it('mmaction:// links: inline, reference and autolinks; not in code; the id stops at / ? #', () => {
    const s = 'a [x](mmaction://one/more) `[y](mmaction://code)` <mmaction://two?q=1>\n[r]: mmaction://three#f\n```\n[z](mmaction://fenced)\n```';
    assert.deepStrictEqual(mmactionLinks(s).map(l => [l.id, s.slice(l.start, l.end)]), [['one', 'one'], ['two', 'two'], ['three', 'three']]);
  });

  it('render limits: node 101 is the first past the limit; the crossing text is cut at 16000', () => {
    const many: MmBlock[] = Array.from({ length: 105 }, (_, i) => ({ type: 'divider', path: ['props', 'mm_blocks', i] }));
    const l = applyRenderLimits(many);
    assert.strictEqual(l.blocks.length, 100);
    assert.deepStrictEqual(l.truncated, [{ path: ['props', 'mm_blocks', 100], limit: 'nodes', lost: 5 }]);
    const texts: MmBlock[] = [0, 1, 2].map(i => ({ type: 'text', path: ['t', i], text: 'x'.repeat(7000) }));
    const c = applyRenderLimits(texts);
    assert.deepStrictEqual(c.blocks.map(b => (b as { text: string }).text.length), [7000, 7000, 2000]);
    assert.deepStrictEqual(c.truncated, [{ path: ['t', 2], limit: 'characters', lost: 5000 }]);
  });

  it('render limits: depth 33 is dropped and an emptied container with it', () => {
    let b: MmBlock = { type: 'text', path: ['deep'], text: 'x' };
    for (let i = 0; i < 32; i++) b = { type: 'container', path: ['c', i], content: [b] };
    const l = applyRenderLimits([b]);
    assert.deepStrictEqual(l.blocks, []);
    assert.deepStrictEqual(l.truncated.map(t => [t.limit, t.path]), [['depth', ['deep']]]);
  });
});
