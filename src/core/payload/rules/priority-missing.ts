// Follows MATTERMOST_RULES.md §1.1 (priority), §1.3 step 9 (null priority.priority: 400) and §6.2
// (REST: metadata.priority on a reply is 400).
import { priorityIncomplete, replyWithPriority } from '../../server/toPost';
import { Rule } from './types';
import { has, isObject } from './walk';

export const priorityMissing: Rule = {
  id: 'priority-missing',
  severity: 'error',
  description: 'A priority object without priority.priority (or null), which fails the webhook post with 400; a REST reply (root_id) with metadata.priority (400).',
  kinds: ['incoming', 'outgoing', 'post'],
  check(ctx) {
    if (!isObject(ctx.root)) return;
    if (ctx.kind === 'post') {
      if (!replyWithPriority(ctx.root)) return;
      ctx.report({
        path: ['metadata', 'priority'],
        message: 'Mattermost rejects the post (400 api.post.post_priority.priority_post_only_allowed_for_root_post.request_error): only a root post can have a priority, and this one has a `root_id`.',
      });
      return;
    }
    if (!priorityIncomplete(ctx.root)) return;
    const p = ctx.root.priority;
    const what = ctx.kind === 'incoming' ? 'Mattermost rejects the request' : 'Mattermost posts nothing because the post fails';
    ctx.report({
      path: has(p, 'priority') ? ['priority', 'priority'] : ['priority'],
      target: has(p, 'priority') ? 'value' : 'key',
      message: `${what} (400 api.context.invalid_param.app_error, webhook.priority.priority): a \`priority\` object needs a non-null \`priority\` ("", "important" or "urgent").`,
    });
  },
};
