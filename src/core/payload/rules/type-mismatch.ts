// Follows MATTERMOST_RULES.md §1.2 (a type mismatch fails the whole request), §5.1 step 1 and §6.2.
import { rejectPhrase } from '../consequence';
import { ALL_KINDS, Rule } from './types';
import { describeType, label, valueAt } from './walk';

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  severity: 'error',
  description: 'A known field with the wrong JSON type (e.g. "text": 123, "props": [], "attachments": {}), which fails the server\'s decoding.',
  kinds: ALL_KINDS,
  decoded(ctx) {
    // the body itself must be an object (every payload is a Go struct)
    if (ctx.read.norm === undefined) ctx.report({ path: [], message: `${rejectPhrase(ctx.kind)}: the body must be a JSON object, not ${describeType(ctx.read.value)}.` });
  },
  // any issue that no more specific rule explains (the linter asks this rule last)
  schemaIssue(ctx) {
    const { path, expected } = ctx.issue;
    const names = (expected ?? []).filter(t => t !== 'null').map(t => (t === 'integer' ? 'an integer' : t === 'array' ? 'an array' : t === 'object' ? 'an object' : `a ${t}`));
    ctx.report({ path, message: `${rejectPhrase(ctx.kind)}: \`${label(path)}\` must be ${names.join(' or ')}, not ${describeType(valueAt(ctx.root, path))}.` });
    return true;
  },
};
