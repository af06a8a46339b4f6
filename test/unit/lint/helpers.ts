import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, type LintOptions } from '../../../src/core/payload/lint';
import type { Fix, Kind, Problem } from '../../../src/core/payload/problem';

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function ofRule(text: string, kind: Kind, rule: string, options?: LintOptions): Problem[] {
  return lint(text, kind, options).filter(p => p.rule === rule);
}

/** Asserts exactly one problem of `rule` whose range covers exactly `rangeText`; returns it. */
export function expectOne(text: string, kind: Kind, rule: string, rangeText: string, options?: LintOptions): Problem {
  const found = ofRule(text, kind, rule, options);
  assert.strictEqual(found.length, 1, `expected one ${rule} in ${text}, got ${JSON.stringify(lint(text, kind, options), null, 1)}`);
  assert.strictEqual(text.slice(found[0].start, found[0].end), rangeText);
  return found[0];
}

export function expectNone(text: string, kind: Kind, rule: string, options?: LintOptions): void {
  const found = ofRule(text, kind, rule, options);
  assert.deepStrictEqual(found.map(p => p.message), [], `expected no ${rule} in ${text}`);
}

/** Every .json file under examples/ and the integration fixture workspace, as { name, text }. */
export function payloadFiles(): { name: string; text: string }[] {
  const root = path.resolve(__dirname, '../../../..');
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) =>
    fs.readdirSync(path.join(root, d), { withFileTypes: true }).forEach(e => {
      if (e.isDirectory()) walk(`${d}/${e.name}`);
      else if (e.name.endsWith('.json')) out.push({ name: `${d}/${e.name}`, text: fs.readFileSync(path.join(root, d, e.name), 'utf8') });
    });
  walk('examples');
  walk('test/fixtures/workspace');
  return out;
}
