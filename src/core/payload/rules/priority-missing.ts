import { priorityIncomplete } from '../../server/toPost';
import { Rule } from './types';
import { has, isObject } from './walk';

export const priorityMissing: Rule = {
  id: 'priority-missing',
  severity: 'error',
  description: 'A priority object without priority.priority (or null), which fails the webhook post with 400.',
  kinds: ['incoming', 'outgoing'],
  check(ctx) {
    if (!isObject(ctx.root) || !priorityIncomplete(ctx.root)) return;
    const p = ctx.root.priority;
    const what = ctx.kind === 'incoming' ? 'Mattermost rejects the request' : 'Mattermost posts nothing because the post fails';
    ctx.report({
      path: has(p, 'priority') ? ['priority', 'priority'] : ['priority'],
      target: has(p, 'priority') ? 'value' : 'key',
      message: `${what} (400 api.context.invalid_param.app_error, webhook.priority.priority): a \`priority\` object needs a non-null \`priority\` ("", "important" or "urgent").`,
    });
  },
};
