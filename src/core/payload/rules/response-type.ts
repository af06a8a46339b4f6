// Follows MATTERMOST_RULES.md §4.3 (any other command response_type: nothing happens, an error) and
// §4.4 (outgoing: only comment means something; otherwise posted as a new message, a warning).
import { Rule } from './types';
import { isObject, responses } from './walk';

export const responseType: Rule = {
  id: 'response-type',
  severity: 'error',
  description: 'A response_type that does not do what it says: slash commands post nothing unless it is in_channel or ephemeral; outgoing webhooks only understand comment.',
  kinds: ['command', 'outgoing'],
  check(ctx) {
    if (!isObject(ctx.root)) return;
    const list = responses(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const { v, path } = list[i];
      const rt = v.response_type;
      if (typeof rt !== 'string' || rt === '') continue;
      if (ctx.kind === 'command' && rt !== 'in_channel' && rt !== 'ephemeral') {
        ctx.report({
          path: [...path, 'response_type'],
          message: `Mattermost silently posts nothing for \`response_type\` ${JSON.stringify(rt)}: only \`in_channel\` and \`ephemeral\` post (case-sensitive).`,
        });
      }
      if (ctx.kind === 'outgoing' && rt !== 'comment') {
        ctx.report({
          path: [...path, 'response_type'],
          severity: 'warning',
          message: `Mattermost ignores \`response_type\` ${JSON.stringify(rt)} and posts a new message in the channel: only \`comment\` replies in the thread (case-sensitive).`,
        });
      }
    }
  },
};
