// (§8: the validation exists only since ≈ 10.6; before it nothing is logged, so nothing is reported.)
// Follows MATTERMOST_RULES.md §2.4 (only logged); ephemeral command responses are never validated (§4.3).
import { isValidAttachmentColor } from '../../server/attachments';
import { support } from '../../server/profile';
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule, type FixBuilder, type JsonPath } from './types';
import { attachments, validated } from './walk';

export const attachmentColor: Rule = {
  id: 'attachment-color',
  severity: 'warning',
  description: 'An attachment color that is not good, warning, danger or #RRGGBB (names, 3-digit hex); only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    // before ≈ 10.6 attachments are not validated at all: nothing is logged, nothing to say (§8);
    // asked at the first candidate (most payloads have none, and the profile lookup is not free)
    let asked = false;
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const c = a.v.color;
      if (typeof c !== 'string' || c === '') continue;
      if (isValidAttachmentColor(c)) continue;
      if (!asked) {
        if (support(ctx.profile, 'log-only-validation') === 'no') return;
        asked = true;
      }
      if (!validated(ctx.root, ctx.kind, a)) continue;
      const path = [...a.path, 'color'];
      let fixed: string | undefined;
      const short = /^#?([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(c);
      if (short && (c.startsWith('#') || /\d/.test(c))) fixed = `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
      else if (/^[0-9a-fA-F]{6}$/.test(c) && /\d/.test(c)) fixed = `#${c}`;
      ctx.report({
        path,
        message: loggedProblem(ctx.profile, 'log-only-validation', `\`color\` must be \`good\`, \`warning\`, \`danger\` or \`#RRGGBB\`, not ${JSON.stringify(c)}`),
        fix: fixed ? colorFix(path, fixed) : undefined,
      });
    }
  },
};

/** The fix to a #RRGGBB color (a module function: a closure in the loop would capture the loop's variables, and V8 then allocates their context on every iteration, findings or not). */
function colorFix(path: JsonPath, fixed: string): FixBuilder {
  return t => {
    const r = t.range(path);
    return { title: `Change to "${fixed}"`, edits: [{ start: r.start, end: r.end, newText: JSON.stringify(fixed) }] };
  };
}
