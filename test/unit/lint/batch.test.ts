/**
 * The second round of issue 6 fast paths agree with the straightforward code they replace: positions
 * resolved in one batched pass (ScanLocator.prefetch / PathBatch) with the jsonc-parser tree, the
 * regex-assisted container scan with a character loop, the lone-star pre-check with the bold regex,
 * the native byte count as an upper bound of utf8Length, and markedTexts with texts. No timings here.
 */
import * as assert from 'assert';
import { JsonLocator, JsonPath, ScanLocator } from '../../../src/core/json/locate';
import { valueEnd } from '../../../src/core/json/scan';
import { lint } from '../../../src/core/payload/lint';
import { normalize } from '../../../src/core/server/normalize';
import { shapeOf } from '../../../src/core/server/shapes';
import { findSlackBold, hasLoneStar } from '../../../src/core/server/slack';
import { markedTexts, texts } from '../../../src/core/payload/rules/walk';
import { utf8Length } from '../../../src/core/server/runes';
import { payloadFiles } from './helpers';
import { normalize as normalizeV1 } from './reference/normalize-v1';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
}

/** A payload big enough (> 4 KB after each member) for the batch's early stops, with awkward strings. */
function bigPayload(n: number): string {
  const attachments = [];
  for (let i = 0; i < n; i++) {
    attachments.push({
      fallback: `Build ${i} {not} [a] "container"`,
      color: i % 3 ? 'good' : 'red',
      text: i % 4 ? `All *done* <@U024BE7LH> ${'\\'.repeat(i % 5)} ]}` : 'x\u00e9\u2026\ud83d\ude00',
      title: `Build ${i}`,
      'a/b': i,
      fields: [
        { title: 'Branch', value: 'main', short: true },
        { title: 'Esc', value: '\n\t"'.repeat(40 + i), short: 'yes' },
      ],
      actions: [{ id: `a${i}`, name: 'Go', type: 'button', integration: { url: i % 2 ? '' : 'https://e.com/x', context: { n: [i, { deep: '[' }] } } }],
    });
  }
  return JSON.stringify({ text: 'hi', channel: 'town-square', attachments }, null, 2);
}

function corpus(): { name: string; text: string }[] {
  const out = payloadFiles();
  out.push({ name: 'variants', text: '{"Text": "a", "TEXT": null, "zz": 1, "attachments": [{"Fields": [{"short": "yes", "SHORT": 1}], "t\\u0069tle": "x", "title": "y"}], "text": "b", "ab/c": {"d": [1, {"e": "\\"q\\""}]}}' });
  out.push({ name: 'compact', text: '[{"a":[1,2,{"b":"c"}]},"x",3,true,null]' });
  out.push({ name: 'big', text: bigPayload(12) });
  // a duplicate of an early key far below (the earlier member must not count), and one spelled with escapes
  const big = bigPayload(10);
  out.push({ name: 'big, duplicate late', text: big.slice(0, -2) + ',\n  "text": "again", "channel": {"x": [1]}, "attachments": [{"title": "last"}]\n}' });
  out.push({ name: 'big, escaped duplicate', text: big.slice(0, -2) + ',\n  "t\\u0065xt": ["late"]\n}' });
  out.push({ name: 'big, slash duplicate', text: big.replace('"a/b": 3', '"a/b": 3, "a\\/b": {"z": 1}') });
  return out;
}

function allPaths(v: unknown, p: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(p);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...p, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...p, k], out);
  return out;
}

function same(scan: ScanLocator, tree: JsonLocator, p: JsonPath, msg: string): void {
  for (const target of ['value', 'key', 'open'] as const) assert.deepStrictEqual(scan.range(p, target), tree.range(p, target), `${msg} ${JSON.stringify(p)} ${target}`);
  assert.strictEqual(scan.raw(p), tree.raw(p), `${msg} ${JSON.stringify(p)} raw`);
  assert.deepStrictEqual(scan.stringRange(p, 1, 3), tree.stringRange(p, 1, 3), `${msg} ${JSON.stringify(p)} stringRange`);
  assert.deepStrictEqual(scan.stringMap(p), tree.stringMap(p), `${msg} ${JSON.stringify(p)} stringMap`);
}

describe('batched positions and the second round of fast paths agree with the references (issue 6)', () => {
  for (const { name, text } of corpus()) {
    it(`ScanLocator.prefetch = JsonLocator on subsets of the paths of ${name}`, () => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return;
      }
      const tree = new JsonLocator(text);
      const paths = allPaths(value);
      for (const p of paths.slice(0, 30)) paths.push([...p, 'nope'], [...p, 99], [...p, 0, 'x'], [...p, '0'], [...p, -1], [...p, 1.5]);
      const r = rng(text.length);
      for (let round = 0; round < 12; round++) {
        // a few paths (the linter's case: some problems), or many; sometimes with their prefixes
        const k = round < 8 ? 1 + Math.floor(r() * 8) : Math.floor(r() * paths.length);
        const subset: JsonPath[] = [];
        for (let i = 0; i < k; i++) subset.push(paths[Math.floor(r() * paths.length)]);
        if (round % 3 === 0) subset.push([]);
        const scan = new ScanLocator(text);
        scan.prefetch(subset);
        // in any order, and again (cached string maps), and paths outside the batch
        for (const p of [...subset].reverse()) same(scan, tree, p, `${name} round ${round}`);
        for (const p of subset) same(scan, tree, p, `${name} round ${round} again`);
        for (let i = 0; i < 10; i++) same(scan, tree, paths[Math.floor(r() * paths.length)], `${name} round ${round} outside`);
      }
    });
  }

  it('the container scan = a character loop, on awkward strings', () => {
    const loop = (t: string, i: number): number => {
      let depth = 0;
      let j = i;
      while (j < t.length) {
        const c = t[j];
        if (c === '"') {
          j++;
          while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
        } else if (c === '{' || c === '[') depth++;
        else if ((c === '}' || c === ']') && --depth === 0) return j + 1;
        j++;
      }
      return t.length;
    };
    const strings = ['""', '"a"', '"\\\\"', '"\\""', '"}]"', '"' + 'x\\"'.repeat(100) + '"', '"' + '\\\\'.repeat(70) + '"', '"' + 'a\\nb'.repeat(300) + '"'];
    const r = rng(7);
    for (let n = 0; n < 300; n++) {
      const parts: string[] = [];
      const build = (d: number): string => {
        if (d > 3 || r() < 0.3) return strings[Math.floor(r() * strings.length)];
        const items = Array.from({ length: Math.floor(r() * 5) }, () => build(d + 1));
        return r() < 0.5 ? `[${items.join(', ')}]` : `{${items.map((v, i) => `"k${i}": ${v}`).join(',\n  ')}}`;
      };
      parts.push(`[${build(0)}, ${build(1)}]`);
      const t = parts.join('') + ' tail';
      assert.doesNotThrow(() => JSON.parse(parts[0]));
      assert.strictEqual(valueEnd(t, 0), loop(t, 0), t);
    }
    // long runs and unterminated strings
    const many = '[' + Array.from({ length: 20000 }, (_, i) => `"s${i}"`).join(',') + ']';
    assert.strictEqual(valueEnd(many, 0), many.length);
    assert.strictEqual(valueEnd('["abc', 0), 5);
    assert.strictEqual(valueEnd('{"a": "x\\"}', 0), loop('{"a": "x\\"}', 0));
  });

  it('the lone-star pre-check never skips a Slack *bold*', () => {
    const alphabet = ['*', '*', '**', ' ', 'a', '\\', '\n', '_', '2'];
    const r = rng(3);
    const BOLD = /(^|[^\w*\\])\*(?![\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/;
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const len = Math.floor(r() * 12);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      if (BOLD.test(s)) assert.ok(hasLoneStar(s), JSON.stringify(s));
      if (!hasLoneStar(s)) assert.deepStrictEqual(findSlackBold(s), [], JSON.stringify(s));
    }
  });

  it('Buffer.byteLength is never below utf8Length (the body-size shortcut), equal when well formed', () => {
    const units = [0x41, 0xe9, 0x2026, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0x7f, 0x800];
    const r = rng(5);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const len = 250 + Math.floor(r() * 12); // around utf8Length's native threshold
      for (let i = 0; i < len; i++) s += String.fromCharCode(units[Math.floor(r() * units.length)]);
      const loop = utf8Length(s);
      assert.ok(Buffer.byteLength(s, 'utf8') >= loop, JSON.stringify(s));
      if ((s as unknown as { isWellFormed(): boolean }).isWellFormed()) assert.strictEqual(Buffer.byteLength(s, 'utf8'), loop);
    }
  });

  it('body-too-large is found on both sides of the limit, lone surrogates included', () => {
    const limit = 300000 + 512;
    for (const filler of ['a', '\u00e9', '\u2026', '\ud800']) {
      for (const extra of [-2, 0, 1, 3]) {
        const head = '{"text": "';
        const tail = '"}';
        const bytesOf = (s: string) => utf8Length(s);
        let body = filler.repeat(Math.floor((limit - 12) / bytesOf(filler.repeat(2)) * 2));
        while (bytesOf(head + body + tail) < limit + extra) body += 'a';
        while (bytesOf(head + body + tail) > limit + extra) body = body.slice(0, -1);
        const text = head + body + tail;
        const over = utf8Length(text) > limit;
        assert.strictEqual(lint(text, 'post').some(p => p.rule === 'body-too-large'), over, `${JSON.stringify(filler)} ${extra}`);
      }
    }
  });

  it('body-too-large sits on the key of the member the cut falls into, with or without other problems to place', () => {
    const attachment = (i: number) => ({ fallback: `part ${i}`, color: i === 70 ? 'red' : 'good', text: 'x'.repeat(6000) });
    const base = { text: 'big', attachments: Array.from({ length: 80 }, (_, i) => attachment(i)) };
    const texts = [
      JSON.stringify({ ...base, attachments: base.attachments.map((a, i) => ({ ...a, color: 'good', i })) }, null, 2), // only body-too-large
      JSON.stringify(base, null, 2), // and a problem past the cut, in the same member
      // a later member with the same key: the cut still falls into the first one, and the problem sits there
      // (the value that counts is the last one's, but the cut is not in it)
      JSON.stringify(base, null, 2).slice(0, -2) + ',\n  "attachments": [{"fallback": "late", "color": "blue"}]\n}',
    ];
    for (const [n, text] of texts.entries()) {
      const problems = lint(text, 'incoming');
      const big = problems.find(p => p.rule === 'body-too-large');
      assert.ok(big, `${n}: no body-too-large`);
      assert.strictEqual(problems.some(p => p.rule === 'attachment-color'), n > 0, `${n}: attachment-color`);
      const first = text.indexOf('"attachments"');
      const want = n === 2 ? { start: first, end: first + '"attachments"'.length } : new JsonLocator(text).range(['attachments'], 'key');
      if (n === 2) assert.notDeepStrictEqual(want, new JsonLocator(text).range(['attachments'], 'key'), 'the last member is another one');
      assert.deepStrictEqual({ start: big.start, end: big.end }, want, `${n}: ${JSON.stringify(text.slice(big.start, big.end))}`);
      assert.deepStrictEqual(big.path, ['attachments']);
    }
  });

  it('the byte count of a body over the limit = utf8Length, whatever its non-ASCII runs', () => {
    const limit = 300000 + 512;
    const r = rng(11);
    const pieces = ['a', 'abc ', '\u00e9', '\u2026', '\ud83d\ude00', '\ud800', '\udc00', '\ud800a', '\ud800\u00e9', '\u4e2d\u6587', 'x\u00e9'];
    for (let n = 0; n < 12; n++) {
      // sparse (one native search pass) and dense (too many runs: the native count) alike
      const dense = n % 3 === 0;
      let body = '';
      while (body.length < limit + 1000) body += dense ? pieces[Math.floor(r() * pieces.length)] : 'a'.repeat(200) + pieces[Math.floor(r() * pieces.length)];
      const text = `{"text": "${body}"}`;
      for (const kind of ['post', 'incoming'] as const) {
        const p = lint(text, kind).find(x => x.rule === 'body-too-large');
        assert.ok(p, `${kind} ${n}`);
        assert.ok(p.message.includes(` ${utf8Length(text)}-byte `), `${kind} ${n}: ${p.message}`);
      }
    }
  });

  it('markedTexts = the texts with *, < or |, in order', () => {
    for (const { text } of corpus()) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      for (const kind of ['incoming', 'command', 'outgoing', 'post', 'dialog'] as const) {
        const root = normalize(value, shapeOf(kind), (_p, keys) => keys).value;
        const want = texts(root, kind)
          .filter(t => /[*<|]/.test(t.v))
          .map(t => [t.v, t.role, t.slack, t.markdown, t.path]);
        assert.deepStrictEqual(
          markedTexts(root, kind).map(t => [t.v, t.role, t.slack, t.markdown, t.path]),
          want,
        );
      }
    }
  });

  it('one-pass normalize keeps the unknown keys of an object before those inside its values', () => {
    const value: unknown = JSON.parse('{"attachments": [{"zz": 1, "fields": [{"qq": 2}]}], "yy": 3, "props": {"a": 1}, "Blocks": []}');
    const order = (_p: JsonPath, keys: string[]) => keys;
    for (const kind of ['incoming', 'post', 'command'] as const) {
      const a = normalize(value, shapeOf(kind), order);
      const b = normalizeV1(value, shapeOf(kind), order);
      assert.deepStrictEqual(a.unknown.map(u => [u.path, u.key]), b.unknown.map(u => [u.path, u.key]), kind);
      assert.strictEqual(JSON.stringify(a.value), JSON.stringify(b.value), kind);
    }
  });
});
