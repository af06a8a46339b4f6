/**
 * Issue 11: each rule that depends on a server version or setting declares it once (RuleInfo.dependsOn,
 * ids of src/core/server/profile.ts BEHAVIOURS), the code reads exactly what it declares, and the README's
 * "depends on" column says the same: the release (with "≈" where it is inferred) or the setting.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_INFO } from '../../../src/core/payload/lint';
import { BEHAVIOURS, type BehaviourId } from '../../../src/core/server/profile';

const root = path.resolve(__dirname, '../../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const ids = new Set<string>(BEHAVIOURS.map(b => b.id));

/** Behaviour ids a rule's source names in quotes (support(), supports(), loggedProblem(), sinceText(), …). */
function quoted(rule: string): Set<BehaviourId> {
  const text = fs.readFileSync(path.join(root, 'src', 'core', 'payload', 'rules', `${rule}.ts`), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
  return new Set([...text.matchAll(/'([a-z0-9-]+)'/g)].map(m => m[1]).filter(x => ids.has(x)) as BehaviourId[]);
}

/** Read through a profile helper rather than by id: requestBodyLimit() answers 'body-limit' too. */
const BLOCK_RULES = ['block-dropped', 'block-unknown-key', 'blocks-not-shown', 'blocks-one-format', 'blocks-pairing', 'blocks-registry-stripped',
  'blocks-registry', 'blocks-render-limit', 'blocks-slack-mrkdwn', 'blocks-untranslated', 'collapsible-collapsed', 'no-text'];
/** …and the blocks rules read 'mm-blocks' through the blocks model (blocksOf/blocksGate, hasInteractiveMessageProps). */
const THROUGH_HELPERS: Readonly<Record<string, readonly BehaviourId[]>> = {
  'body-too-large': ['body-limit'],
  ...Object.fromEntries(BLOCK_RULES.map(r => [r, ['mm-blocks'] as const])),
};

function dependsOnCell(rule: string): string {
  const row = new RegExp(`^\\| \`${rule}\` \\| [a-z]+ \\| [a-z, ]+ \\| ([^|]+) \\| `, 'm').exec(readme);
  assert.ok(row, `${rule}: README row`);
  return row[1].trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('"depends on": the rules, their code and the README agree (issue 11)', () => {
  it('every declared dependency is a known behaviour, once', () => {
    for (const r of RULE_INFO) {
      for (const id of r.dependsOn ?? []) assert.ok(ids.has(id), `${r.id}: ${id}`);
      assert.strictEqual(new Set(r.dependsOn ?? []).size, (r.dependsOn ?? []).length, r.id);
    }
  });

  it('a rule reads exactly the behaviours it declares', () => {
    for (const r of RULE_INFO) {
      const used = quoted(r.id);
      const declared = new Set(r.dependsOn ?? []);
      for (const id of used) assert.ok(declared.has(id), `${r.id} reads '${id}' but does not declare it`);
      for (const id of declared) assert.ok(used.has(id) || THROUGH_HELPERS[r.id]?.includes(id), `${r.id} declares '${id}' but does not read it`);
    }
  });

  it('the README column says "—" for the rules that depend on nothing, and names each dependency otherwise', () => {
    for (const r of RULE_INFO) {
      const cell = dependsOnCell(r.id);
      if (!r.dependsOn?.length) {
        assert.strictEqual(cell, '—', `${r.id}: the README says it depends on "${cell}", the rule declares nothing`);
        continue;
      }
      assert.notStrictEqual(cell, '—', `${r.id}: declares ${r.dependsOn.join(', ')}, the README says "—"`);
      for (const id of r.dependsOn) {
        const b = BEHAVIOURS.find(x => x.id === id)!;
        if (b.settings?.length && b.since === undefined && b.after === undefined) {
          for (const key of b.settings) assert.ok(cell.includes(key), `${r.id}: the README does not name the setting ${key} (${id})`);
        } else if (b.after !== undefined) {
          assert.match(cell, new RegExp(`after ${escape(b.after)}\\b`), `${r.id}: the README does not say "after ${b.after}" (${id})`);
        } else if (b.approximate) {
          assert.match(cell, new RegExp(`≈ ${escape(b.since!)}(?![.\\d])`), `${r.id}: the README does not say "≈ ${b.since}" (${id}: inferred)`);
        } else {
          assert.match(cell, new RegExp(`(?<!≈ )(?<![.\\d])${escape(b.since!)}(?![.\\d])`), `${r.id}: the README does not say ${b.since} without "≈" (${id}: pinned)`);
        }
      }
    }
  });
});
