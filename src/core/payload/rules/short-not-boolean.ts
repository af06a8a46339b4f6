// Follows MATTERMOST_RULES.md §2.2 (SlackCompatibleBool: anything else fails the whole request).
import { Rule, WEBHOOK_KINDS } from './types';

export const shortNotBoolean: Rule = {
  id: 'short-not-boolean',
  severity: 'error',
  description: 'A field "short" that is not true/false or "true"/"false" (any case): null, 1, "yes", "" fail the whole request.',
  kinds: WEBHOOK_KINDS,
};

/** The certain replacement for a non-boolean `short`, or undefined when it is not certain. */
export function shortReplacement(v: unknown): boolean | undefined {
  if (v === null || v === 0) return false;
  if (v === 1) return true;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['yes', 'y', '1', 'on', 'true'].includes(s)) return true;
    if (['no', 'n', '0', 'off', 'false', ''].includes(s)) return false;
  }
  return undefined;
}
