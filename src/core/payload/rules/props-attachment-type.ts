// Follows MATTERMOST_RULES.md §6.2: at save, an entry of props.attachments that does not decode is dropped.
import { shortFix } from './short-not-boolean';
import { Rule } from './types';
import { describeType, isShortPath, label, valueAt } from './walk';

const DROPPED = 'Mattermost stores the post without this attachment (it does not decode)';

export const propsAttachmentType: Rule = {
  id: 'props-attachment-type',
  severity: 'warning',
  description: 'REST post: a props.attachments value of the wrong type; the post is stored without that attachment (it does not decode, so the server drops it).',
  kinds: ['post'],
  schemaIssue(ctx) {
    const { path, expected } = ctx.issue;
    if (ctx.kind !== 'post' || path[0] !== 'props') return false;
    const actual = valueAt(ctx.root, path);
    if (isShortPath(path)) {
      ctx.report({ path, message: `${DROPPED}: \`short\` must be true or false, not ${JSON.stringify(actual)}.`, fix: shortFix(path, actual) });
    } else {
      ctx.report({ path, message: `${DROPPED}: \`${label(path.slice(2))}\` must be ${(expected ?? []).filter(t => t !== 'null').join(' or ')}, not ${describeType(actual)}.` });
    }
    return true;
  },
};
