import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import type { Kind } from '../../../src/core/payload/problem';
import { applyFix, ofRule } from './helpers';

/** The fields of a fixed payload these tests read. */
interface Fixed {
  text: string;
  message: string;
  props: { attachments: unknown[] };
  attachments: { color: string; fallback: string; fields: { value: unknown }[] }[];
}
const parsed = (text: string) => JSON.parse(text) as Fixed;

function fixOnce(text: string, kind: Kind, rule: string): string {
  const [p] = ofRule(text, kind, rule);
  assert.ok(p, `no ${rule} in ${text}`);
  assert.ok(p.fix, `${rule} has no fix`);
  const fixed = applyFix(text, p.fix);
  assert.doesNotThrow(() => parsed(fixed), `fixed text is not JSON: ${fixed}`);
  assert.deepStrictEqual(ofRule(fixed, kind, rule), [], `still ${rule} after the fix: ${fixed}`);
  return fixed;
}

const F = (short: string) => `{"text": "t", "attachments": [{"fallback": "f", "fields": [{"title": "a", "value": "b", "short": ${short}}]}]}`;

describe('quick fixes', () => {
  it('short: "yes" → true, 1 → true, "no" → false, 0 → false, null → false', () => {
    assert.ok(fixOnce(F('"yes"'), 'incoming', 'short-not-boolean').includes('"short": true'));
    assert.ok(fixOnce(F('1'), 'incoming', 'short-not-boolean').includes('"short": true'));
    assert.ok(fixOnce(F('"no"'), 'incoming', 'short-not-boolean').includes('"short": false'));
    assert.ok(fixOnce(F('0'), 'incoming', 'short-not-boolean').includes('"short": false'));
    assert.ok(fixOnce(F('null'), 'incoming', 'short-not-boolean').includes('"short": false'));
  });

  it('offers no short fix when the intent is unclear', () => {
    const [p] = ofRule(F('"maybe"'), 'incoming', 'short-not-boolean');
    assert.strictEqual(p.severity, 'error');
    assert.strictEqual(p.fix, undefined);
  });

  it('*bold* → **bold**, also after escapes earlier in the string', () => {
    const fixed = fixOnce('{"text": "say \\"hi\\" *now*"}', 'incoming', 'slack-bold');
    assert.strictEqual(parsed(fixed).text, 'say "hi" **now**');
  });

  it('3-digit hex colour → 6-digit', () => {
    const fixed = fixOnce('{"attachments": [{"fallback": "f", "color": "#f0a"}]}', 'incoming', 'attachment-color');
    assert.strictEqual(parsed(fixed).attachments[0].color, '#ff00aa');
  });

  it('missing fallback → one built from the title (multi-line and single-line objects)', () => {
    const multi = '{\n  "attachments": [\n    {\n      "title": "Build 42",\n      "text": "ok"\n    }\n  ]\n}';
    const fixed = fixOnce(multi, 'incoming', 'missing-fallback');
    assert.strictEqual(parsed(fixed).attachments[0].fallback, 'Build 42');
    assert.ok(fixed.includes('\n      "fallback": "Build 42",\n      "title"'), fixed);
    const single = fixOnce('{"attachments": [{"text": "All good"}]}', 'incoming', 'missing-fallback');
    assert.strictEqual(parsed(single).attachments[0].fallback, 'All good');
  });

  it('7+ digit integer field value → the same digits as a string', () => {
    const fixed = fixOnce('{"text": "t", "attachments": [{"fallback": "f", "fields": [{"value": 1234567}]}]}', 'incoming', 'field-value-format');
    assert.strictEqual(parsed(fixed).attachments[0].fields[0].value, '1234567');
  });

  it('webhook-shaped post → message + props.attachments, and the result lints without it', () => {
    const text = '{\n  "channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr",\n  "text": "hi",\n  "attachments": [{"fallback": "f", "text": "x"}]\n}';
    const fixed = fixOnce(text, 'post', 'post-webhook-shape');
    const v = parsed(fixed);
    assert.strictEqual(v.message, 'hi');
    assert.deepStrictEqual(v.props.attachments, [{ fallback: 'f', text: 'x' }]);
    assert.deepStrictEqual(lint(fixed, 'post'), []);
  });

  it('raw newlines in an incoming text → escaped', () => {
    const fixed = fixOnce('{"text": "a\nb"}', 'incoming', 'raw-control-character');
    assert.strictEqual(parsed(fixed).text, 'a\nb');
  });
});
