// Follows MATTERMOST_RULES.md §1.2 step 2 (only the first JSON value is read).
import { Rule } from './types';

export const trailingContent: Rule = {
  id: 'trailing-content',
  severity: 'warning',
  description: 'Content after the first JSON value, which the server ignores.',
  kinds: ['incoming', 'outgoing', 'dialog', 'post'],
  decoded(ctx) {
    const trailing = ctx.read.decoded.trailing;
    if (trailing) ctx.report({ path: [], at: trailing, message: 'Mattermost reads only the first JSON value and ignores everything after it.' });
  },
};
