// (§8: the validation exists only since ≈ 10.6; before it nothing is logged, so nothing is reported.)
// Follows MATTERMOST_RULES.md §2.4: only a string `ts` passes (a JSON number is decoded as float64 and
// flagged); ephemeral command responses are never validated (§4.3).
import { support } from '../../server/profile';
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { attachments, describeType, quoteFix, validated } from './walk';

export const attachmentTs: Rule = {
  id: 'attachment-ts',
  severity: 'warning',
  description: 'An attachment ts that is not a string (a JSON number included: it is decoded as float64); only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    // before ≈ 10.6 attachments are not validated at all: nothing is logged, nothing to say (§8);
    // asked at the first candidate (most payloads have none, and the profile lookup is not free)
    let asked = false;
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const ts = a.v.ts;
      if (ts === undefined || ts === null || typeof ts === 'string') continue;
      if (!asked) {
        if (support(ctx.profile, 'log-only-validation') === 'no') return;
        asked = true;
      }
      if (!validated(ctx.root, ctx.kind, a)) continue;
      const path = [...a.path, 'ts'];
      if (typeof ts === 'number') {
        ctx.report({
          path,
          message: loggedProblem(ctx.profile, 'log-only-validation', 'a numeric `ts` is read as a float64, which the validator does not accept; send it as a string'),
          fix: quoteFix(path),
        });
        continue;
      }
      ctx.report({ path, message: loggedProblem(ctx.profile, 'log-only-validation', `\`ts\` must be a string, not ${describeType(ts)}`) });
    }
  },
};
