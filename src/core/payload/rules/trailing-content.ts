// Follows MATTERMOST_RULES.md §1.2 step 2 (only the first JSON value is read).
import { Rule } from './types';

export const trailingContent: Rule = {
  id: 'trailing-content',
  severity: 'warning',
  description: 'Content after the first JSON value, which the server ignores.',
  kinds: ['incoming', 'outgoing', 'dialog', 'post'],
};
