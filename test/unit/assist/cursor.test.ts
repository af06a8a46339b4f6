/** The cursor context (src/core/assist/cursor.ts): path, place and token at an offset, fed whole or in chunks. */
import * as assert from 'assert';
import { CursorScanner, cursorContext, type CursorContext, type Mode } from '../../../src/core/assist/cursor';

/** The text with `|` removed, and the offset where it was. */
function at(marked: string, mode: Mode = 'completion'): CursorContext & { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { ...cursorContext(text, offset, mode), text, offset };
}

describe('assist: cursor context', () => {
  it('a key position in an object, with the keys it already has (also after the cursor)', () => {
    const c = at('{\n  "text": "x",\n  |\n  "username": "bot"\n}');
    assert.strictEqual(c.place, 'key');
    assert.deepStrictEqual(c.path, []);
    assert.strictEqual(c.token, undefined);
    assert.deepStrictEqual(c.presentKeys.sort(), ['text', 'username']);
  });

  it('a key being typed inside quotes: the whole string is the token, and whether a colon follows', () => {
    const typing = at('{ "attachments": [ { "co|" } ] }');
    assert.strictEqual(typing.place, 'key');
    assert.deepStrictEqual(typing.path, ['attachments', 0]);
    assert.deepStrictEqual({ ...typing.token, text: typing.token?.text }, { type: 'string', start: 21, end: 25, closed: true, text: 'co' });
    assert.strictEqual(typing.colonAfter, false);
    const withColon = at('{ "te|xt": "x", "b": 1 }');
    assert.strictEqual(withColon.place, 'key');
    assert.strictEqual(withColon.token?.text, 'text');
    assert.strictEqual(withColon.colonAfter, true);
    assert.deepStrictEqual(withColon.presentKeys, ['b']);
  });

  it('an unclosed key at the end of a line ends there (JSON strings do not span lines)', () => {
    const c = at('{\n  "ic|\n  "text": "x"\n}');
    assert.strictEqual(c.place, 'key');
    assert.strictEqual(c.token?.closed, false);
    assert.strictEqual(c.token?.text, 'ic');
    assert.strictEqual(c.token?.end, c.text.indexOf('\n', 3));
  });

  it('a value position: after a colon, inside a string value, inside a bare literal, in an array', () => {
    assert.deepStrictEqual((({ place, path }) => ({ place, path }))(at('{ "attachments": [{ "color": | }] }')), { place: 'value', path: ['attachments', 0, 'color'] });
    const inString = at('{ "attachments": [{}, { "color": "go|od" }] }');
    assert.strictEqual(inString.place, 'value');
    assert.deepStrictEqual(inString.path, ['attachments', 1, 'color']);
    assert.strictEqual(inString.token?.text, 'good');
    const literal = at('{ "attachments": [{ "fields": [{ "short": tr| }] }] }');
    assert.strictEqual(literal.place, 'value');
    assert.deepStrictEqual(literal.path, ['attachments', 0, 'fields', 0, 'short']);
    assert.deepStrictEqual([literal.token?.type, literal.token?.text], ['literal', 'tr']);
    const array = at('{ "file_ids": ["a", |] }');
    assert.deepStrictEqual([array.place, array.path], ['value', ['file_ids', 1]]);
  });

  it('completion: right after a closed string is not inside it; hover: its closing quote is', () => {
    const after = at('{ "text": "x"| }');
    assert.strictEqual(after.place, 'none');
    assert.strictEqual(after.token, undefined);
    const text = '{ "text": "x" }';
    const quote = text.lastIndexOf('"');
    const h = cursorContext(text, quote, 'hover');
    assert.strictEqual(h.place, 'value');
    assert.strictEqual(h.token?.text, 'x');
    const open = cursorContext(text, 2, 'hover');
    assert.deepStrictEqual([open.place, open.token?.text], ['key', 'text']);
    const before = cursorContext(text, 1, 'hover');
    assert.strictEqual(before.token, undefined);
  });

  it('escaped quotes and keys with escapes do not confuse it', () => {
    const c = at('{ "text": "say \\"hi\\" {[", "a\\u0062": 1, | }');
    assert.strictEqual(c.place, 'key');
    assert.deepStrictEqual(c.path, []);
    assert.deepStrictEqual(c.presentKeys, ['text', 'ab']);
  });

  it('gives the same answer fed in chunks of any size as fed whole', () => {
    const text = JSON.stringify({ text: 'x "y"', attachments: [{ color: 'good', fields: [{ title: 'a', value: 'b\\c', short: true }] }, { pretext: 'p' }] }, null, 2);
    for (let offset = 0; offset <= text.length; offset += 3) {
      for (const mode of ['completion', 'hover'] as const) {
        const whole = cursorContext(text, offset, mode);
        for (const size of [1, 7, 64]) {
          const s = new CursorScanner(offset, mode);
          for (let i = 0; i < text.length && !s.feed(text.slice(i, i + size)); i += size) { /* feed */ }
          assert.deepStrictEqual(s.result(), whole, `offset ${offset}, mode ${mode}, chunks of ${size}`);
        }
      }
    }
  });

  it('stops reading once the object around the cursor is closed', () => {
    const text = `{ "attachments": [{ "c": 1 }], "text": "${'x'.repeat(100000)}" }`;
    const s = new CursorScanner(text.indexOf('"c"') - 1);
    assert.strictEqual(s.feed(text.slice(0, 40)), true, 'done after the attachment closed');
    assert.deepStrictEqual(s.result().presentKeys, ['c']);
  });
});
