// Follows MATTERMOST_RULES.md §2.2 (SlackCompatibleBool: anything else fails the whole request).
import { rejectPhrase } from '../consequence';
import { FixBuilder, JsonPath, Rule, WEBHOOK_KINDS } from './types';
import { isShortPath, valueAt } from './walk';

export const shortNotBoolean: Rule = {
  id: 'short-not-boolean',
  severity: 'error',
  description: 'A field "short" that is not true/false or "true"/"false" (any case): null, 1, "yes", "" fail the whole request.',
  kinds: WEBHOOK_KINDS,
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
