// Follows MATTERMOST_RULES.md §2.3 (Go %v conversion; REST values are not converted and only logged).
// §8: the log line exists only since ≈ 10.6 ('log-only-validation'); the value is stored unconverted on every server.
import { goV } from '../../server/goformat';
import { support } from '../../server/profile';
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { attachments, describeType, isObject, quoteFix } from './walk';

export const fieldValueFormat: Rule = {
  id: 'field-value-format',
  severity: 'warning',
  description: 'Field values that do not show as written: numbers in Go exponent form (1234567 → 1.234567e+06), objects/arrays as Go text; in REST posts any non-string value is logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    // the attachments' fields read in place, in the order of fields(): not an item per field (16,000 on the
    // 10 MB benchmark payload, 1.8 MB) for a rule that finds nothing in most fields (issue 12)
    const as = attachments(ctx.root, ctx.kind);
    for (let j = 0; j < as.length; j++) {
      const a = as[j];
      const list = a.v.fields;
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const f: unknown = list[i];
        if (!isObject(f)) continue;
        const v = f.value;
        if (v === undefined || v === null || typeof v === 'string') continue;
        const path = [...a.path, 'fields', i, 'value'];
        const quote = typeof v === 'number' ? quoteFix(path) : undefined;
        if (ctx.kind === 'post') {
          ctx.report({
            path,
            message: loggedProblem(
              ctx.profile,
              'log-only-validation',
              support(ctx.profile, 'log-only-validation') === 'no'
                ? `a field \`value\` in a REST post is stored unconverted (${describeType(v)}, not a string), so clients may not show it as written`
                : `a field \`value\` in a REST post must be a string, not ${describeType(v)} (it is stored unconverted)`,
            ),
            fix: quote,
          });
          continue;
        }
        const shown = goV(v);
        if (typeof v === 'number') {
          if (!/e[+-]/.test(shown)) continue;
          ctx.report({
            path,
            message: `Mattermost shows this number as \`${shown}\` (Go %v formatting); quote it to show it as written.`,
            fix: quote,
          });
        } else if (typeof v === 'object') {
          ctx.report({ path, message: `Mattermost shows this ${Array.isArray(v) ? 'array' : 'object'} as the text \`${shown}\` (Go %v formatting).` });
        }
      }
    }
  },
};
