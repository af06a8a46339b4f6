import * as assert from 'assert';
import { globToRegExp, matchGlob, matchPathOrBasename } from '../../../src/core/payload/glob';
import { detectKind, kindFromSchemaRef, topLevelSchema } from '../../../src/core/payload/kinds';

describe('glob matcher', () => {
  const cases: [string, string, boolean][] = [
    ['*.json', 'a.json', true],
    ['*.json', 'dir/a.json', false],
    ['**/*.json', 'a.json', true],
    ['**/*.json', 'x/y/a.json', true],
    ['hooks/**', 'hooks/a/b.json', true],
    ['hooks/**/x.json', 'hooks/x.json', true],
    ['hooks/**/x.json', 'other/x.json', false],
    ['a?.json', 'ab.json', true],
    ['a?.json', 'a/.json', false],
    ['*.{hook,alert}.json', 'x.alert.json', true],
    ['*.{hook,alert}.json', 'x.other.json', false],
    ['{a,b/{c,d}}/*.json', 'b/d/x.json', true],
    ['[ab].json', 'b.json', true],
    ['[!ab].json', 'b.json', false],
    ['a.b+c(1).json', 'a.b+c(1).json', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.strictEqual(matchGlob(glob, path), expected));
  }
  it('normalizes backslashes and ./', () => assert.ok(matchGlob('hooks/*.json', '.\\hooks\\a.json')));
  it('matches a base-name glob in any folder', () => {
    assert.ok(matchPathOrBasename('*.hook.json', 'deep/dir/x.hook.json'));
    assert.ok(!matchPathOrBasename('*.hook.json', 'deep/dir/x.json'));
  });
  it('compiles each glob once', () => assert.strictEqual(globToRegExp('*.x'), globToRegExp('*.x')));
});

describe('detectKind', () => {
  it('by file name', () => {
    assert.deepStrictEqual(detectKind('a/b.incoming.json', '{}'), { kind: 'incoming', by: 'file name' });
    assert.deepStrictEqual(detectKind('b.webhook.json', '{}'), { kind: 'incoming', by: 'file name' });
    for (const k of ['command', 'outgoing', 'dialog', 'post'] as const) assert.strictEqual(detectKind(`x.${k}.json`, '{}')?.kind, k);
    assert.strictEqual(detectKind('package.json', '{}'), undefined);
  });
  it('by a top-level $schema ($id form, relative path, URL)', () => {
    assert.deepStrictEqual(detectKind('x.json', '{"$schema": "mattermost-payloads://schemas/dialog.json"}'), { kind: 'dialog', by: '$schema' });
    assert.strictEqual(kindFromSchemaRef('../node_modules/mattermost-payloads/dist/schemas/post.json'), 'post');
    assert.strictEqual(kindFromSchemaRef('https://example.com/x/schemas/command.json#'), 'command');
    assert.strictEqual(kindFromSchemaRef('https://example.com/schemas/attachment.json'), undefined);
    assert.strictEqual(kindFromSchemaRef('https://example.com/incoming.json'), undefined);
  });
  it('ignores a nested $schema', () => {
    assert.strictEqual(topLevelSchema('{"props": {"$schema": "mattermost-payloads://schemas/post.json"}}'), undefined);
    assert.strictEqual(detectKind('x.json', '{"props": {"$schema": "mattermost-payloads://schemas/post.json"}}'), undefined);
  });
  it('precedence: setting > $schema > file name', () => {
    const text = '{"$schema": "mattermost-payloads://schemas/post.json"}';
    assert.deepStrictEqual(detectKind('hooks/a.incoming.json', text, { 'hooks/**': 'command' }), { kind: 'command', by: 'setting' });
    assert.deepStrictEqual(detectKind('hooks/a.incoming.json', text, { 'other/**': 'command' }), { kind: 'post', by: '$schema' });
    assert.deepStrictEqual(detectKind('hooks/a.incoming.json', '{}', { 'other/**': 'command' }), { kind: 'incoming', by: 'file name' });
  });
  it('associations match the base name too and ignore unknown kinds', () => {
    assert.strictEqual(detectKind('a/b/alert.json', '{}', { 'alert.json': 'outgoing' })?.kind, 'outgoing');
    assert.strictEqual(detectKind('a/b/alert.json', '{}', { 'alert.json': 'nonsense' }), undefined);
  });
});
