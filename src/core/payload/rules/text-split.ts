// Follows MATTERMOST_RULES.md §1.3 step 10 (SplitWebhookPost: 16383 runes per post).
import { MAX_POST_RUNES } from '../../server/limits';
import { runeCount } from '../../server/runes';
import { storedMessage } from '../../server/toPost';
import { Rule } from './types';
import { isObject } from './walk';

export const textSplit: Rule = {
  id: 'text-split',
  severity: 'warning',
  description: 'Webhook text over 16383 characters, which the server splits into several posts.',
  kinds: ['incoming', 'outgoing'],
  check(ctx) {
    if (!isObject(ctx.root) || typeof ctx.root.text !== 'string' || ctx.root.text.length <= MAX_POST_RUNES) return;
    // the text the server splits: after its Slack conversions
    const t = storedMessage(ctx.kind, ctx.root);
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
