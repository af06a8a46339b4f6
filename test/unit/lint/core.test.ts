import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { LineIndex } from '../../../src/core/json/lines';
import { goFloat, goV } from '../../../src/core/server/goformat';
import { lint } from '../../../src/core/payload/lint';
import { setValidatorFactory, validatorFor } from '../../../src/core/payload/validate';

describe('Go %v formatting', () => {
  const cases: [number, string][] = [[42, '42'], [3.5, '3.5'], [123456, '123456'], [1234567, '1.234567e+06'], [20231105, '2.0231105e+07'], [1000000, '1e+06'], [0.0001, '0.0001'], [0.00001, '1e-05'], [-2500000, '-2.5e+06'], [1e21, '1e+21'], [1e100, '1e+100']];
  for (const [x, s] of cases) it(`${x} → ${s}`, () => assert.strictEqual(goFloat(x), s));
  it('maps and slices', () => {
    assert.strictEqual(goV({ b: 'x', a: [1, 'y', true, null] }), 'map[a:[1 y true <nil>] b:x]');
  });
});

describe('LineIndex', () => {
  it('handles \\n, \\r\\n and \\r', () => {
    const li = new LineIndex('a\r\nb\rc\nd');
    assert.deepStrictEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepStrictEqual(li.positionAt(5), { line: 2, character: 0 });
    assert.deepStrictEqual(li.positionAt(7), { line: 3, character: 0 });
    assert.strictEqual(li.offsetAt({ line: 2, character: 1 }), 6);
  });
});

describe('lint core', () => {
  it('returns nothing for a clean payload of each kind', () => {
    assert.deepStrictEqual(lint('{"text": "Hello"}', 'incoming'), []);
    assert.deepStrictEqual(lint('{"response_type": "in_channel", "text": "Hi"}', 'command'), []);
    assert.deepStrictEqual(lint('{"text": "Hi"}', 'outgoing'), []);
    assert.deepStrictEqual(lint('{"trigger_id": "t", "url": "https://e.com/d", "dialog": {"title": "T", "elements": [{"display_name": "N", "name": "n", "type": "text"}]}}', 'dialog'), []);
    assert.deepStrictEqual(lint('{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "Hi"}', 'post'), []);
  });

  it('disables rules by id', () => {
    const text = '{"text": "*x*", "mrkdwn": true}';
    assert.deepStrictEqual(lint(text, 'incoming').map(p => p.rule).sort(), ['slack-bold', 'unknown-key']);
    assert.deepStrictEqual(lint(text, 'incoming', { disabledRules: ['slack-bold'] }).map(p => p.rule), ['unknown-key']);
  });

  it('reports one problem per value (no schema + rule duplicates)', () => {
    const ps = lint('{"text": "a", "attachments": [{"fallback": "f", "color": 5}]}', 'incoming');
    assert.deepStrictEqual(ps.map(p => p.rule), ['type-mismatch']);
  });

  it('uses the value of the last case-variant key, as Go does', () => {
    // "text" is empty but a later "TEXT" fills it: no no-text error.
    const ps = lint('{"text": "", "TEXT": "hi"}', 'incoming');
    assert.deepStrictEqual(ps.map(p => p.rule).sort(), ['duplicate-key', 'key-case']);
  });

  it('carries the JSON path as written in the document', () => {
    const [p] = lint('{"Attachments": [{"fallback": "f", "Fields": [{"Short": "yes"}]}], "text": "x"}', 'incoming').filter(x => x.rule === 'short-not-boolean');
    assert.deepStrictEqual(p.path, ['Attachments', 0, 'Fields', 0, 'Short']);
  });

  it('places problems with UTF-16 offsets after astral characters and escapes', () => {
    const text = '{"text": "😀 \\u00e9 *b*"}';
    const [p] = lint(text, 'incoming');
    assert.strictEqual(text.slice(p.start, p.end), '*b*');
  });

  it('compiles validators lazily and lets a factory replace them', () => {
    let calls = 0;
    setValidatorFactory(() => {
      calls++;
      return Object.assign(() => true, { errors: null });
    });
    assert.deepStrictEqual(lint('{"text": 1}', 'incoming'), []);
    assert.strictEqual(calls, 1);
    setValidatorFactory(undefined);
    assert.strictEqual(typeof validatorFor('incoming'), 'function');
    assert.strictEqual(lint('{"text": 1}', 'incoming')[0].rule, 'type-mismatch');
  });

  it('does not load ajv when lint.ts is imported', () => {
    const out = execFileSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('../../../src/core/payload/lint'))}); console.log(Object.keys(require.cache).some(k => /node_modules[\\\\/]ajv[\\\\/]/.test(k)))`]).toString().trim();
    assert.strictEqual(out, 'false');
  });
});
