/**
 * Issue 10: the linter and the preview read one server model, so they cannot disagree. Over every
 * example, every fixture and a few thousand generated and mutated payloads (deterministic seed):
 *  - the preview says "cannot render" exactly when the linter reports an error other than one about a
 *    single response posting nothing (every such error-level rule means the server refuses the
 *    request or it fails: nothing is posted);
 *  - where the model says a response posts nothing, the preview shows no post for it and the linter
 *    says so (nothing-posted, response-type: errors, shown as that response's banner); where it posts, the preview shows the posts the model
 *    says the server stores: the same number (split posts), each with the stored message (Slack
 *    conversions applied or not), and each attachment field with its stored value (`%v`).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse, type HTMLElement } from 'node-html-parser';
import { detectKind } from '../../../src/core/payload/kinds';
import { lintRead } from '../../../src/core/payload/lint';
import type { Kind, Problem } from '../../../src/core/payload/problem';
import { renderMarkdown } from '../../../src/core/preview/markdown';
import { PER_RESPONSE_ERRORS, renderPreviewBody } from '../../../src/core/preview/render';
import { MAX_POST_RUNES } from '../../../src/core/server/limits';
import { postsOf, responsesOf, storedFieldValue } from '../../../src/core/server/toPost';

const ROOT = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));
const KINDS: Kind[] = ['incoming', 'command', 'outgoing', 'dialog', 'post'];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

interface Case {
  name: string;
  kind: Kind;
  text: string;
}

function fileCases(): Case[] {
  const out: Case[] = [];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const file of filesUnder(path.join(ROOT, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file);
      const detected = detectKind(file, text);
      if (detected) out.push({ name: rel, kind: detected.kind, text });
      else if (rel.startsWith(`test${path.sep}fixtures${path.sep}preview`)) {
        // the preview fixtures are named by content, not by kind
        const kind = KINDS.find(k => path.basename(rel).includes(k));
        if (kind) out.push({ name: rel, kind, text });
      }
    }
  }
  return out;
}

/** mulberry32: a small deterministic generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ['', ' ', 'hello', 'hi <!channel> and <!here>', 'see <https://x.test/a|the docs>', '*bold* and **bold**', 'line\nbreak', '<!everyone> <@U12345678>', 'Ａ😀é', 'a|b <c>'];
const VALUES: unknown[] = [null, true, 0, 42, 1234567, 3.5, 0.00001, 'text', 'see <https://x.test|x>', [1, 'x'], { b: 1, a: 'x' }, { '😀': 2, 'Ａ': 1 }, ''];
const SHORTS: unknown[] = [true, false, 'true', 'FALSE', 'yes', null, 1];
const TYPES: unknown[] = ['', 'custom_x', 'system_join', 'alert', 'me', 5];
const RESPONSE_TYPES: unknown[] = ['in_channel', 'ephemeral', 'comment', 'bogus', '', 'In_Channel'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function attachment(r: () => number): Record<string, unknown> {
  const a: Record<string, unknown> = { fallback: 'f' };
  if (r() < 0.6) a.text = pick(r, TEXTS);
  if (r() < 0.4) a.pretext = pick(r, TEXTS);
  if (r() < 0.4) a.title = pick(r, TEXTS);
  if (r() < 0.3) a.color = pick(r, ['good', '#ff0000', 'red']);
  if (r() < 0.7) a.fields = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.1 ? null : { title: pick(r, TEXTS), value: pick(r, VALUES), short: pick(r, SHORTS) }));
  return a;
}

function message(kind: Kind, r: () => number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const key = kind === 'post' ? 'message' : 'text';
  const roll = r();
  if (roll < 0.05) o[key] = 'x'.repeat(MAX_POST_RUNES - 2) + '😀😀😀';
  else if (roll < 0.1) o[key] = null;
  else if (roll < 0.13) o[key] = 7;
  else if (roll < 0.85) o[key] = pick(r, TEXTS);
  const atts = r();
  if (atts < 0.4) {
    const list = Array.from({ length: 1 + Math.floor(r() * 2) }, () => attachment(r));
    if (kind === 'post') o.props = { attachments: list };
    else o.attachments = list;
  } else if (atts < 0.45) o.attachments = null;
  else if (atts < 0.5) o.attachments = [];
  if (r() < 0.2) o.type = pick(r, TYPES);
  if (r() < 0.2) o.username = 'bot';
  if (kind === 'command' || kind === 'outgoing') {
    if (r() < 0.6) o.response_type = pick(r, RESPONSE_TYPES);
  }
  if (kind === 'command') {
    if (r() < 0.2) o.skip_slack_parsing = r() < 0.8;
    if (r() < 0.3) o.extra_responses = [message('command', r), ...(r() < 0.3 ? [null] : [])];
  }
  if (kind === 'post') o.channel_id = r() < 0.9 ? '4xp9fdt3pbgtmj3rdtx4xnhxbr' : 'town-square';
  return o;
}

function dialog(r: () => number): Record<string, unknown> {
  return {
    trigger_id: r() < 0.9 ? 't' : '',
    url: 'https://x.test/submit',
    dialog: { title: pick(r, ['Title', '', 'A title that is much too long for a dialog']), elements: [{ display_name: 'N', name: 'n', type: pick(r, ['text', 'select', 'bool', 'bogus']) }] },
  };
}

/** Text-level mutations: what only the raw text can express (comments, repairs, duplicates, cuts). */
function mutateText(text: string, r: () => number): string {
  switch (Math.floor(r() * 9)) {
    case 0:
      return `// a comment\n${text}`;
    case 1:
      return `${text}\n{"text": "second value"}`;
    case 2:
      return text.replace(/"(text|title|value|footer)": "([^"\\]*)"/, (_m, k: string, v: string) => `"${k}": "${v}\n${v}\tend"`);
    case 3:
      return text.replace(/"text":/, '"TEXT": "shadowed", "Text":');
    case 4:
      return text.replace(/"username":/, '"username": "first", "username":');
    case 5:
      return text.slice(0, Math.floor(r() * text.length));
    case 6:
      return text.replace(/,/, ',,');
    case 7:
      return '   ';
    default:
      return text;
  }
}

function generatedCases(count: number, base: Case[]): Case[] {
  const r = prng(0x10c0ffee);
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    let text: string;
    const from = base.filter(c => c.kind === kind);
    if (from.length > 0 && r() < 0.25) text = pick(r, from).text;
    else text = JSON.stringify(kind === 'dialog' ? dialog(r) : message(kind, r), null, r() < 0.5 ? 2 : undefined);
    if (r() < 0.3) text = mutateText(text, r);
    out.push({ name: `generated #${i} (${kind})`, kind, text });
  }
  return out;
}

const md = (s: string): string => renderMarkdown(s, { loadRemoteImages: false });

function byTestId(root: HTMLElement, id: string): HTMLElement[] {
  return root.querySelectorAll(`[data-testid="${id}"]`);
}

function pathStarts(p: Problem['path'], base: readonly (string | number)[]): boolean {
  return base.every((seg, i) => p[i] === seg);
}

const seen = { cannot: 0, posts: 0, split: 0, nothing: 0, fields: 0 };

function check(c: Case): Problem[] {
  const where = `${c.name}: ${c.text.length > 300 ? c.text.slice(0, 300) + '…' : c.text}`;
  const { problems, read } = lintRead(c.text, c.kind);
  const html = renderPreviewBody({ text: c.text, kind: c.kind, problems, read });
  const dom = parse(html);
  // errors about a response that posts nothing are that response's no-post banner (checked below)
  const errors = problems.filter(p => p.severity === 'error' && !PER_RESPONSE_ERRORS.includes(p.rule));
  const cannot = byTestId(dom, 'cannot-render');
  assert.strictEqual(cannot.length > 0, errors.length > 0, `cannot-render (${cannot.length}) ⇔ errors (${errors.map(e => e.rule).join(', ')}) — ${where}`);
  if (cannot.length > 0) seen.cannot++;
  if (cannot.length > 0 || !read.ok) return problems;
  if (c.kind === 'dialog') {
    assert.strictEqual(byTestId(dom, 'dialog').length + byTestId(dom, 'dialog-element').length > 0, true, `dialog drawn — ${where}`);
    return problems;
  }
  const root = read.value as Record<string, unknown>;
  const outcome = postsOf(c.kind, root);
  assert.strictEqual(outcome.refused, undefined, `the model refuses what the linter accepts — ${where}`);

  // posts: the same number, each with the stored message
  const expected = outcome.responses.flatMap(r => r.messages);
  const posts = byTestId(dom, 'post');
  assert.strictEqual(posts.length, expected.length, `posts shown vs stored — ${where}`);
  seen.posts += posts.length;
  if (outcome.responses.some(r => r.messages.length > 1)) seen.split++;
  posts.forEach((post, i) => {
    const shown = post.querySelector('[data-testid="post-text"]');
    const want = expected[i] === '' ? undefined : md(expected[i]);
    assert.strictEqual(shown?.innerHTML, want, `post ${i} text — ${where}`);
  });

  // responses that post nothing: no post in the preview, and the linter says why
  const nothing = outcome.responses.filter(r => r.nothing !== undefined);
  assert.strictEqual(byTestId(dom, 'no-post').length, nothing.length, `no-post banners — ${where}`);
  seen.nothing += nothing.length;
  for (const r of nothing) {
    assert.ok(problems.some(p => (p.rule === 'nothing-posted' || p.rule === 'response-type') && pathStarts(p.path, r.base)), `the linter says response ${JSON.stringify(r.base)} posts nothing — ${where}`);
  }
  for (const p of problems.filter(p => p.rule === 'nothing-posted' || (p.rule === 'response-type' && c.kind === 'command'))) {
    assert.ok(nothing.some(r => pathStarts(p.path, r.base) && (r.base.length > 0 || !p.path.includes('extra_responses'))), `${p.rule} at ${JSON.stringify(p.path)} but the model posts it — ${where}`);
  }

  // attachment fields: the value as stored
  if (c.kind === 'post') return problems;
  const wantFields: string[] = [];
  const posting = new Set(outcome.responses.filter(r => r.nothing === undefined).map(r => JSON.stringify(r.base)));
  for (const { v, base } of responsesOf(c.kind, root)) {
    if (!posting.has(JSON.stringify(base)) || !Array.isArray(v.attachments)) continue;
    const slack = outcome.responses.find(r => JSON.stringify(r.base) === JSON.stringify(base))!.slack;
    for (const a of v.attachments) {
      if (a === null || typeof a !== 'object' || Array.isArray(a) || !Array.isArray((a as { fields?: unknown }).fields)) continue;
      for (const f of (a as { fields: unknown[] }).fields) {
        if (f === null || typeof f !== 'object' || Array.isArray(f)) continue;
        const stored = storedFieldValue(c.kind, (f as { value?: unknown }).value, slack);
        wantFields.push(stored === undefined || stored === null ? '' : md(typeof stored === 'string' ? stored : JSON.stringify(stored)));
      }
    }
  }
  const shownFields = byTestId(dom, 'field-value').map(f => f.innerHTML);
  assert.deepStrictEqual(shownFields, wantFields, `field values — ${where}`);
  seen.fields += shownFields.length;
  return problems;
}

describe('server model: the linter and the preview agree (consistency)', function () {
  this.timeout(60000);
  const files = fileCases();
  const generated = generatedCases(2000, files);

  it('covers every example and fixture', () => {
    assert.ok(files.length >= 20, `${files.length} files`);
    assert.ok(files.some(f => f.name.startsWith('examples')) && files.some(f => f.name.includes('fixtures')));
  });

  it('every example and fixture', () => {
    for (const c of files) check(c);
  });

  it('2000 generated and mutated payloads (seeded)', () => {
    const outcomes = generated.map(check);
    // the generator really reaches the interesting cases
    for (const [what, n] of Object.entries(seen)) assert.ok(n >= 20, `only ${n} cases of ${what}`);
    for (const rule of ['invalid-json', 'trailing-content', 'raw-control-character', 'no-text', 'nothing-posted', 'text-split', 'field-value-format', 'type-mismatch', 'short-not-boolean', 'key-case', 'duplicate-key']) {
      assert.ok(outcomes.some(ps => ps.some(p => p.rule === rule)), `no generated payload triggers ${rule}`);
    }
  });
});
