import { shortFix } from './short-not-boolean';
import { Rule } from './types';
import { describeType, isShortPath, label, valueAt } from './walk';

const LOGGED = 'Mattermost stores the post, but cannot read this attachment (only logged)';

export const propsAttachmentType: Rule = {
  id: 'props-attachment-type',
  severity: 'warning',
  description: 'REST post: a props.attachments value of the wrong type; the post is stored, but the server cannot read that attachment and only logs it.',
  kinds: ['post'],
  schemaIssue(ctx) {
    const { path, expected } = ctx.issue;
    if (ctx.kind !== 'post' || path[0] !== 'props') return false;
    const actual = valueAt(ctx.root, path);
    if (isShortPath(path)) {
      ctx.report({ path, message: `${LOGGED}: \`short\` must be true or false, not ${JSON.stringify(actual)}.`, fix: shortFix(path, actual) });
    } else {
      ctx.report({ path, message: `${LOGGED}: \`${label(path.slice(2))}\` must be ${(expected ?? []).filter(t => t !== 'null').join(' or ')}, not ${describeType(actual)}.` });
    }
    return true;
  },
};
