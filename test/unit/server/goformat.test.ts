import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import { compareGoStrings, goFloat, goV } from '../../../src/core/server/goformat';
import { webhookFieldValue } from '../../../src/sandbox/goJson';
import { one, render } from '../preview/helpers';

describe('server model: Go %v formatting', () => {
  it('uses exponent form from 7 integer digits, like Go', () => {
    assert.strictEqual(goFloat(1234567), '1.234567e+06');
    assert.strictEqual(goFloat(20231105), '2.0231105e+07');
    assert.strictEqual(goFloat(1000000), '1e+06');
    assert.strictEqual(goFloat(999999), '999999');
    assert.strictEqual(goFloat(3.5), '3.5');
    assert.strictEqual(goFloat(0.0001), '0.0001');
    assert.strictEqual(goFloat(0.00001), '1e-05');
    assert.strictEqual(goFloat(-1234567.5), '-1.2345675e+06');
    assert.strictEqual(goFloat(1e21), '1e+21');
  });

  it('prints maps sorted and nested values', () => {
    assert.strictEqual(goV({ b: [1, null], a: { z: true } }), 'map[a:map[z:true] b:[1 <nil>]]');
  });

  it('sorts map keys by UTF-8 bytes (code points), not UTF-16 units: map[Ａ:1 😀:2]', () => {
    assert.strictEqual(goV({ '😀': 2, 'Ａ': 1 }), 'map[Ａ:1 😀:2]');
    assert.strictEqual(goV({ 'Ａ': 1, '😀': 2 }), 'map[Ａ:1 😀:2]');
    // the plain JavaScript sort gets this wrong, which is what the comparator is for
    assert.deepStrictEqual(['Ａ', '😀'].sort(), ['😀', 'Ａ']);
  });

  it('compares like Go byte order on random strings', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pool = ['a', 'Z', 'é', 'Ａ', '😀', '\uffff', '\ue000', '𝄞', 'ä', ''];
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    for (let i = 0; i < 2000; i++) {
      const mk = () => Array.from({ length: Math.floor(rnd() * 4) }, () => pool[Math.floor(rnd() * pool.length)]).join('');
      const a = mk();
      const b = mk();
      assert.strictEqual(Math.sign(compareGoStrings(a, b)), Math.sign(Buffer.compare(bytes(a), bytes(b))), `${a} vs ${b}`);
    }
  });
});

// Issue 10, contradiction 4: the linter said map[😀:2 Ａ:1] (UTF-16 order), the preview map[Ａ:1 😀:2].
describe('%v of an object with keys beyond the BMP is the same everywhere', () => {
  const value = { '😀': 2, 'Ａ': 1 };
  const text = JSON.stringify({ text: 't', attachments: [{ fallback: 'f', fields: [{ title: 'x', value, short: false }] }] });

  it('linter, preview and sandbox all say map[Ａ:1 😀:2]', () => {
    const problem = lint(text, 'incoming').find(p => p.rule === 'field-value-format');
    assert.ok(problem, 'field-value-format reports the object');
    assert.ok(problem.message.includes('`map[Ａ:1 😀:2]`'), problem.message);
    assert.strictEqual(one(render('incoming', text), 'field-value').text.trim(), 'map[Ａ:1 😀:2]');
    assert.strictEqual(webhookFieldValue(value), 'map[Ａ:1 😀:2]');
  });
});
