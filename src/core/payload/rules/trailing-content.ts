import { Rule } from './types';

export const trailingContent: Rule = {
  id: 'trailing-content',
  severity: 'warning',
  description: 'Content after the first JSON value, which the server ignores.',
  kinds: ['incoming', 'outgoing', 'dialog', 'post'],
};
