// Follows MATTERMOST_RULES.md §1.1 (priority) and §1.3 step 9 (null priority.priority: 400).
import { Rule } from './types';
import { get, has, isObject } from './walk';

export const priorityMissing: Rule = {
  id: 'priority-missing',
  severity: 'error',
  description: 'A priority object without priority.priority (or null), which fails the webhook post with 400.',
  kinds: ['incoming', 'outgoing'],
  check(ctx) {
    const p = get(ctx.root, 'priority');
    if (!isObject(p)) return;
    if (p.priority !== undefined && p.priority !== null) return;
    const what = ctx.kind === 'incoming' ? 'Mattermost rejects the request' : 'Mattermost posts nothing because the post fails';
    ctx.report({
      path: has(p, 'priority') ? ['priority', 'priority'] : ['priority'],
      target: has(p, 'priority') ? 'value' : 'key',
      message: `${what} (400 api.context.invalid_param.app_error, webhook.priority.priority): a \`priority\` object needs a non-null \`priority\` ("", "important" or "urgent").`,
    });
  },
};
