// Follows MATTERMOST_RULES.md §2.2 (SlackCompatibleBool: anything else fails the whole request) and §8
// (the "true"/"false" string form only since 5.8: before it only JSON booleans decode).
import { rejectPhrase } from '../consequence';
import { onServer, supports } from '../../server/profile';
import { FixBuilder, JsonPath, Rule, WEBHOOK_KINDS } from './types';
import { fields, isShortPath, valueAt } from './walk';

export const shortNotBoolean: Rule = {
  id: 'short-not-boolean',
  severity: 'error',
  description: 'A field "short" that is not true/false or "true"/"false" (any case): null, 1, "yes", "" fail the whole request.',
  kinds: WEBHOOK_KINDS,
  dependsOn: ['short-string'],
  check(ctx) {
    // The schema accepts "true"/"false" strings (SlackCompatibleBool, 5.8); older servers do not.
    if (supports(ctx.profile, 'short-string')) return;
    const list = fields(ctx.root, ctx.kind);
    for (let j = 0; j < list.length; j++) {
      const f = list[j];
      const actual = f.v.short;
      if (typeof actual !== 'string' || !/^(true|false)$/i.test(actual)) continue;
      const path: JsonPath = [...f.path, 'short'];
      ctx.report({
        path,
        message: `${cap(onServer(ctx.profile))}, \`short\` must be a JSON true or false (the string form ${JSON.stringify(actual)} is read only since Mattermost 5.8): ${rejectPhrase(ctx.kind)}.`,
        fix: shortFix(path, actual),
      });
    }
  },
  schemaIssue(ctx) {
    const path = ctx.issue.path;
    if (!isShortPath(path)) return false;
    const actual = valueAt(ctx.root, path);
    ctx.report({ path, message: `${rejectPhrase(ctx.kind)}: \`short\` must be true, false, "true" or "false", not ${JSON.stringify(actual)}.`, fix: shortFix(path, actual) });
    return true;
  },
};

/** The certain replacement for a non-boolean `short`, or undefined when it is not certain. */
function shortReplacement(v: unknown): boolean | undefined {
  if (v === null || v === 0) return false;
  if (v === 1) return true;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['yes', 'y', '1', 'on', 'true'].includes(s)) return true;
    if (['no', 'n', '0', 'off', 'false', ''].includes(s)) return false;
  }
  return undefined;
}

/** A quick fix to the certain boolean, when there is one (props-attachment-type offers it too). */
export function shortFix(path: JsonPath, actual: unknown): FixBuilder | undefined {
  const repl = shortReplacement(actual);
  if (repl === undefined) return undefined;
  return t => {
    const r = t.range(path);
    return { title: `Change to ${repl}`, edits: [{ start: r.start, end: r.end, newText: String(repl) }] };
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
