/**
 * Version- and setting-aware rules (issue 11 item 4, MATTERMOST_RULES.md §8/§9): each rule is linted with
 * profiles on both sides of its boundary, and the message names the version when the finding depends on it.
 */
import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import type { Kind, Problem } from '../../../src/core/payload/problem';
import { DEFAULT_PROFILE, type Profile, profileForVersion } from '../../../src/core/server/profile';
import { applyFix } from './helpers';

function found(text: string, kind: Kind, rule: string, profile: Profile): Problem[] {
  return lint(text, kind, { profile }).filter(p => p.rule === rule);
}

describe('version-aware rules: short as a string (5.8)', () => {
  const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'TRUE' }, { title: 'c', value: 'd', short: false }] }] });

  it('5.7 refuses the string form, names the version, and fixes it to the boolean', () => {
    for (const kind of ['incoming', 'command', 'outgoing'] as const) {
      const ps = found(text, kind, 'short-not-boolean', profileForVersion('5.7'));
      assert.strictEqual(ps.length, 1, kind);
      assert.strictEqual(ps[0].severity, 'error');
      assert.match(ps[0].message, /^On Mattermost 5\.7, `short` must be a JSON true or false .*since Mattermost 5\.8/);
      assert.strictEqual(text.slice(ps[0].start, ps[0].end), '"TRUE"');
      assert.ok(ps[0].fix);
      const fixed = applyFix(text, ps[0].fix);
      assert.deepStrictEqual(found(fixed, kind, 'short-not-boolean', profileForVersion('5.7')), []);
      assert.strictEqual((JSON.parse(fixed) as { attachments: { fields: { short: unknown }[] }[] }).attachments[0].fields[0].short, true);
    }
  });

  it('5.8, 9.11 and the default profile accept "TRUE" and "false"', () => {
    for (const profile of [profileForVersion('5.8'), profileForVersion('9.11'), DEFAULT_PROFILE]) {
      assert.deepStrictEqual(found(text, 'incoming', 'short-not-boolean', profile), []);
    }
  });

  it('a string that is not true/false is still refused on every version, once', () => {
    const bad = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'yes' }] }] });
    for (const profile of [profileForVersion('5.7'), DEFAULT_PROFILE]) {
      const ps = found(bad, 'incoming', 'short-not-boolean', profile);
      assert.strictEqual(ps.length, 1);
      assert.match(ps[0].message, /rejects the whole request/);
    }
  });
});
