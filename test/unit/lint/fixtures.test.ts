import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../../src/core/json/lines';
import { detectKind } from '../../../src/core/payload/kinds';
import { lint } from '../../../src/core/payload/lint';

const root = path.resolve(__dirname, '../../../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('test/fixtures/workspace (the lead\'s integration tests rely on EXPECTED.md)', () => {
  it('bad.incoming.json gives exactly the problems listed in EXPECTED.md', () => {
    const text = read('test/fixtures/workspace/bad.incoming.json');
    const li = new LineIndex(text);
    const got = lint(text, 'incoming').map(p => {
      const s = li.positionAt(p.start);
      const e = li.positionAt(p.end);
      return `${p.rule} ${p.severity} ${s.line}:${s.character} ${e.line}:${e.character}`;
    });
    const expected = [...read('test/fixtures/workspace/EXPECTED.md').matchAll(/^\| \d+ \| `([^`]+)` \| (\w+) \| (\d+:\d+) \| (\d+:\d+) \|/gm)].map(m => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`);
    assert.deepStrictEqual(got, expected);
    assert.deepStrictEqual(new Set(got.map(g => g.split(' ')[1])), new Set(['information', 'warning', 'error']));
  });
  for (const f of fs.readdirSync(path.join(root, 'test/fixtures/workspace')).filter(n => n.endsWith('.json') && n !== 'bad.incoming.json')) {
    it(`${f} lints clean`, () => {
      const text = read(`test/fixtures/workspace/${f}`);
      const k = detectKind(f, text);
      assert.ok(k, `no kind for ${f}`);
      if (f === 'schema-detected.json') assert.strictEqual(k.by, '$schema');
      assert.deepStrictEqual(lint(text, k.kind), []);
    });
  }
});

describe('examples/', () => {
  const files: string[] = [];
  const walk = (d: string) => fs.readdirSync(path.join(root, d), { withFileTypes: true }).forEach(e => (e.isDirectory() ? walk(`${d}/${e.name}`) : e.name.endsWith('.json') && files.push(`${d}/${e.name}`)));
  walk('examples');
  for (const f of files) {
    const mistake = f.includes('/mistakes/');
    it(`${f} ${mistake ? 'shows problems' : 'lints clean'}`, () => {
      const text = read(f);
      const k = detectKind(f, text);
      assert.ok(k, f);
      const problems = lint(text, k.kind);
      if (mistake) assert.ok(problems.length >= 2, `${f}: ${problems.length}`);
      else assert.deepStrictEqual(problems.map(p => p.message), []);
    });
  }
  it('has at least one clean file per kind', () => {
    const kinds = new Set(files.filter(f => !f.includes('/mistakes/')).map(f => detectKind(f, read(f))!.kind));
    assert.strictEqual(kinds.size, 5);
  });
});
