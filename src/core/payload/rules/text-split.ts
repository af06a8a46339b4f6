// Follows MATTERMOST_RULES.md §1.3 step 10 (SplitWebhookPost: 16383 runes per post).
import { Rule } from './types';
import { isObject, runeCount } from './walk';

export const MAX_POST_RUNES = 16383;

export const textSplit: Rule = {
  id: 'text-split',
  severity: 'warning',
  description: 'Webhook text over 16383 characters, which the server splits into several posts.',
  kinds: ['incoming', 'outgoing'],
  check(ctx) {
    const t = isObject(ctx.root) ? ctx.root.text : undefined;
    if (typeof t !== 'string' || t.length <= MAX_POST_RUNES) return;
    const n = runeCount(t);
    if (n <= MAX_POST_RUNES) return;
    const posts = Math.ceil(n / MAX_POST_RUNES);
    ctx.report({
      path: ['text'],
      target: 'key',
      message: `Mattermost splits this ${n}-character text into ${posts} posts of at most ${MAX_POST_RUNES} characters each.`,
    });
  },
};
