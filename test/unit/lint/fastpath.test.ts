/**
 * The fast paths of issue 6 agree with the straightforward ones they replace: the scanning locator
 * with the jsonc-parser tree, copy-on-write normalization with the original, the URL pre-check with
 * the URL parser, build-time validators with ajv, and the worker with lint(). No timings here (bench/).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { JsonLocator, JsonPath, ScanLocator } from '../../../src/core/json/locate';
import { lint } from '../../../src/core/payload/lint';
import { LintRunner } from '../../../src/core/payload/lintAsync';
import { normalize } from '../../../src/core/server/normalize';
import type { Kind } from '../../../src/core/payload/problem';
import { isValidHttpUrl, SIMPLE_HTTP_URL, simpleHttpUrl } from '../../../src/core/server/urls';
import { shapeOf } from '../../../src/core/server/shapes';
import { CompiledValidator, schemaIssues, setValidatorFactory } from '../../../src/core/payload/validate';
import { detectKind } from '../../../src/core/payload/kinds';
import { payloadFiles } from './helpers';
import { normalize as normalizeV1 } from './reference/normalize-v1';

const root = path.resolve(__dirname, '../../../..');
const KINDS: Kind[] = ['incoming', 'command', 'outgoing', 'dialog', 'post'];

function corpus(): { name: string; text: string }[] {
  const out = payloadFiles();
  // shapes the files do not have: case variants, collisions, escapes, duplicates, unknown keys late
  out.push({ name: 'variants', text: '{"Text": "a", "TEXT": null, "zz": 1, "attachments": [{"Fields": [{"short": "yes", "SHORT": 1}], "t\\u0069tle": "x", "title": "y"}], "text": "b", "ab/c": {"d": [1, {"e": "\\"q\\""}]}}' });
  out.push({ name: 'compact', text: '[{"a":[1,2,{"b":"c"}]},"x",3,true,null]' });
  out.push({ name: 'duplicate top-level key', text: '{"attachments": [{"text": "first"}], "text": "x", "attachments": [{"text": "last"}]}' });
  out.push({ name: 'trailing', text: '{"text": "hi", "attachments": [{"title": "t"}]}  {"more": 1}' });
  return out;
}

/** The key range of the top-level member named `key` that `offset` falls into (the last one starting at or before it). */
function memberKeyAt(text: string, key: string | number, offset: number): { start: number; end: number } | undefined {
  const rootNode = parseTree(text);
  let found: { start: number; end: number } | undefined;
  for (const p of rootNode?.type === 'object' ? (rootNode.children ?? []) : []) {
    const k = p.children?.[0];
    if (k && k.value === key && p.offset <= offset) found = { start: k.offset, end: k.offset + k.length };
  }
  return found;
}

function allPaths(v: unknown, p: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(p);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...p, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...p, k], out);
  return out;
}

function firstValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.slice(0, text.lastIndexOf('}  {') + 1));
  }
}

describe('fast paths agree with the reference implementations (issue 6)', () => {
  for (const { name, text } of corpus()) {
    it(`ScanLocator = JsonLocator on every path of ${name}`, () => {
      const value = firstValue(text);
      const tree = new JsonLocator(text);
      const scan = new ScanLocator(text);
      const paths = allPaths(value);
      // and some that do not exist
      for (const p of paths.slice(0, 20)) paths.push([...p, 'nope'], [...p, 99], [...p, 0, 'x']);
      for (const p of paths) {
        for (const target of ['value', 'key', 'open'] as const) assert.deepStrictEqual(scan.range(p, target), tree.range(p, target), `${JSON.stringify(p)} ${target}`);
        assert.strictEqual(scan.raw(p), tree.raw(p), JSON.stringify(p));
        assert.deepStrictEqual(scan.stringRange(p, 0, 1), tree.stringRange(p, 0, 1), JSON.stringify(p));
        assert.deepStrictEqual(scan.stringMap(p), tree.stringMap(p), JSON.stringify(p));
        assert.strictEqual(scan.propertyOffset(p), tree.node(p)?.property?.offset, JSON.stringify(p));
      }
      for (let o = 0; o <= text.length; o += Math.max(1, Math.floor(text.length / 400))) {
        const want = (tree.pathAt(o) ?? []).slice(0, 1);
        assert.deepStrictEqual(scan.topLevelAt(o), want, `offset ${o}`);
        // the key of the member the offset falls into (with duplicate keys, not always the last one)
        if (want.length) assert.deepStrictEqual(scan.topLevelKeyRange(want[0]), typeof want[0] === 'number' ? tree.range(want, 'key') : memberKeyAt(text, want[0], o), `offset ${o}`);
      }
    });
  }

  it('body-too-large sits on the key of the member the cut falls into, even when a later member has the same key', () => {
    const big = JSON.stringify([{ text: 'x'.repeat(400_000) }]);
    const text = `{"attachments": ${big}, "text": "x", "attachments": []}`;
    const p = lint(text, 'incoming').find(q => q.rule === 'body-too-large');
    assert.ok(p, 'body-too-large reported');
    assert.deepStrictEqual([p.start, p.end], [1, 1 + '"attachments"'.length], 'on the first "attachments", where the cut is');
  });

  it('copy-on-write normalize = the original on every file, kind and a mutated copy', () => {
    for (const { name, text } of corpus()) {
      const variants = [text, text.replace(/"(text|title|fields|short|name|props)"/g, (_m, k: string) => `"${k.toUpperCase()}"`)];
      for (const t of variants) {
        let value: unknown;
        try {
          value = firstValue(t);
        } catch {
          continue;
        }
        for (const kind of KINDS) {
          const loc = new JsonLocator(t);
          const order = (parent: JsonPath, keys: string[]) => [...keys].sort((a, b) => (loc.node([...parent, a])?.property?.offset ?? 0) - (loc.node([...parent, b])?.property?.offset ?? 0));
          const a = normalize(value, shapeOf(kind), order);
          const b = normalizeV1(value, shapeOf(kind), order);
          const msg = `${name} as ${kind}`;
          assert.strictEqual(JSON.stringify(a.value), JSON.stringify(b.value), msg);
          assert.deepStrictEqual(a.unknown.map(u => [u.path, u.key]), b.unknown.map(u => [u.path, u.key]), msg);
          assert.deepStrictEqual(a.caseKeys, b.caseKeys, msg);
          assert.deepStrictEqual(a.collisions, b.collisions, msg);
          for (const p of allPaths(b.value)) assert.deepStrictEqual(a.actualPath(p), b.actualPath(p), msg);
        }
      }
    }
  });

  it('the http(s) URL pre-check never disagrees with the URL parser', () => {
    const parse = (s: string) => {
      if (!s.startsWith('http://') && !s.startsWith('https://')) return false;
      try {
        return new URL(s).host !== '';
      } catch {
        return false;
      }
    };
    const hosts = ['example.com', 'a', 'a.b.c', 'xn--nxasmq6b.com', 'XN--abc.de', 'xn--a.com', '1.2.3.4', '999.1.1.1', 'a.1', 'a.0x1', 'ex-ample.com', '-a.com', 'a..b', 'a.b.', '', 'exa mple.com', 'user@host', 'host:80', 'host:99999', '[::1]', 'ex%41.com', 'é.com', 'a_b.com', 'a.b1'];
    const tails = ['', '/', '/p?q=1#f', '/a b', '/\\x', '?x', '#', '/%zz', '/é', '\t', '/ok\n'];
    for (const scheme of ['http://', 'https://', 'HTTP://', 'ftp://', 'https//', 'httpx://', 'http:/', 'https:/', 'http', 'https:', 'htt', '']) for (const h of hosts) for (const t of tails) {
      const s = scheme + h + t;
      assert.strictEqual(isValidHttpUrl(s), parse(s), s);
    }
  });

  it('the hand-written URL pre-check accepts exactly what SIMPLE_HTTP_URL does', () => {
    const hosts = ['example.com', 'a', 'a.b.c', 'xn--nxasmq6b.com', 'XN--abc.de', 'xN--a.com', 'axn--b.com', 'a.xn-b.com', 'a.xn', 'xn-', 'x', '1.2.3.4', 'a.1', 'a.0x1', 'a.-b', '-a.com', 'a-.com', 'a..b', '.a', 'a.b.', '', 'exa mple.com', 'user@host', 'host:80', '[::1]', 'ex%41.com', 'é.com', 'a_b.com', 'a.b1', 'Z.Y', 'a.`b', 'a.{b', 'a.@b', 'a.[b'];
    const tails = ['', '/', '/p?q=1#f', '/a b', '/\\x', '?x', '#', '/%zz', '/é', '\t', '/ok\n', '/xn--a', '?xn--', '#~', '/\x7f', '//'];
    for (const scheme of ['http://', 'https://']) for (const h of hosts) for (const t of tails) {
      const s = scheme + h + t;
      assert.strictEqual(simpleHttpUrl(s), SIMPLE_HTTP_URL.test(s), s);
    }
  });

  it('build-time standalone validators give the same schema issues as ajv', function () {
    this.timeout(20000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mm-validators-')), 'validators.js');
    execFileSync(process.execPath, [path.join(root, 'scripts/validators.mjs'), file]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file generated just above, loaded synchronously
    const generated = require(file) as Record<Kind, CompiledValidator>;
    const texts = corpus().map(c => c.text);
    texts.push('{"text": 1, "attachments": [{"fields": [{"short": "maybe", "value": {}}], "actions": [{"integration": []}], "color": 5}], "props": [], "priority": {"priority": 3}}');
    try {
      for (const t of texts) {
        let value: unknown;
        try {
          value = firstValue(t);
        } catch {
          continue;
        }
        for (const kind of KINDS) {
          setValidatorFactory(undefined);
          const viaAjv = schemaIssues(kind, value);
          setValidatorFactory(k => generated[k]);
          assert.deepStrictEqual(schemaIssues(kind, value), viaAjv, `${kind}: ${t.slice(0, 80)}`);
        }
      }
    } finally {
      setValidatorFactory(undefined);
    }
  });

  it('LintRunner (worker thread) returns exactly what lint() returns', async function () {
    this.timeout(20000);
    const runner = new LintRunner(path.join(root, 'out/src/lintWorker.js'), { workerThreshold: 0 });
    try {
      for (const { name, text } of corpus()) {
        const kind = detectKind(name, text)?.kind ?? 'incoming';
        assert.deepStrictEqual(await runner.lint(text, kind, { disabledRules: ['slack-bold'] }), lint(text, kind, { disabledRules: ['slack-bold'] }), name);
      }
      assert.ok(runner.running);
    } finally {
      runner.dispose();
    }
    assert.ok(!runner.running);
    // after dispose it still answers, on the calling thread
    assert.deepStrictEqual(await runner.lint('{"text": 1}', 'incoming'), lint('{"text": 1}', 'incoming'));
  });
});
