import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../../../src/core/payload/kinds';
import type { Kind } from '../../../src/core/payload/problem';
import { RULES } from '../../../src/core/payload/rules/index';
import type { Report, RuleContext } from '../../../src/core/payload/rules/types';
import { MESSAGE_KINDS } from '../../../src/core/payload/rules/types';
import { holds, releaseLists } from '../../../src/core/payload/rules/walk';
import { readPayload } from '../../../src/core/server/decode';
import { DEFAULT_PROFILE } from '../../../src/core/server/profile';

const root = path.resolve(__dirname, '../../../..');

/** Every rule with a precondition (Rule.needs), run without it: where it does not hold, the check must find nothing. */
function ungated(text: string, kind: Kind): { id: string; holds: boolean; found: number }[] {
  const read = readPayload(text, kind);
  if (!read.ok || read.norm === undefined) return [];
  const value = read.norm.value;
  const out: { id: string; holds: boolean; found: number }[] = [];
  try {
    for (const rule of RULES) {
      if (rule.needs === undefined || !rule.check || !rule.kinds.includes(kind)) continue;
      let found = 0;
      const ctx: RuleContext = { kind, root: value, text, profile: DEFAULT_PROFILE, report: (_r: Report) => void found++ };
      rule.check(ctx);
      out.push({ id: rule.id, holds: holds(rule.needs, value, kind, DEFAULT_PROFILE, read.norm.unknown.length > 0), found });
    }
  } finally {
    releaseLists();
  }
  return out;
}

describe('rule preconditions (Rule.needs): a rule skipped by lint() could not have found anything', () => {
  it('the rules that declare one', () => {
    const byNeed = (n: string) => RULES.filter(r => r.needs === n).map(r => r.id).sort();
    assert.deepStrictEqual(byNeed('unknown-keys'), ['slack-blocks', 'slack-mrkdwn-in']);
    assert.strictEqual(byNeed('blocks').length, 11);
    assert.ok(byNeed('blocks').every(id => id.startsWith('block') || id === 'collapsible-collapsed'));
  });

  it('every example and fixture payload: no finding where the precondition does not hold, and the findings where it does', () => {
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(path.join(root, d), { withFileTypes: true }).forEach(e => (e.isDirectory() ? walk(`${d}/${e.name}`) : e.name.endsWith('.json') && files.push(`${d}/${e.name}`)));
    walk('examples');
    walk('test/fixtures');
    let checked = 0;
    let heldWithFindings = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      const k = detectKind(path.basename(f), text);
      if (!k) continue;
      for (const r of ungated(text, k.kind)) {
        checked++;
        if (!r.holds) assert.strictEqual(r.found, 0, `${f}: ${r.id} found ${r.found} problem(s) although its precondition does not hold`);
        else if (r.found > 0) heldWithFindings++;
      }
    }
    assert.ok(checked > 100, `only ${checked} rule runs`);
    assert.ok(heldWithFindings > 0, 'no payload where a gated rule finds something: the test proves nothing');
  });

  for (const kind of MESSAGE_KINDS) {
    it(`${kind}: Block Kit blocks and mrkdwn_in in an attachment, in any letter case, are unknown keys (so slack-blocks and slack-mrkdwn-in run)`, () => {
      const attachment = { text: 'x', Blocks: [{ type: 'section' }], MRKDWN_IN: ['text'] };
      const body: Record<string, unknown> =
        kind === 'post' ? { channel_id: 'a'.repeat(26), message: 'x', props: { attachments: [attachment] } }
          : kind === 'command' ? { text: 'x', extra_responses: [{ text: 'y', attachments: [attachment] }] }
            : { text: 'x', attachments: [attachment] };
      const runs = ungated(JSON.stringify(body), kind).filter(r => r.id === 'slack-blocks' || r.id === 'slack-mrkdwn-in');
      assert.deepStrictEqual(runs, [
        { id: 'slack-mrkdwn-in', holds: true, found: 1 },
        { id: 'slack-blocks', holds: true, found: 1 },
      ].sort((a, b) => RULES.findIndex(r => r.id === a.id) - RULES.findIndex(r => r.id === b.id)));
    });
  }
});
