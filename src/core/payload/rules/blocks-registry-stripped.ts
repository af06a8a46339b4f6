// Follows MM_BLOCKS.md §3.5 and §4 (and §9 #9): the server removes mm_blocks_actions from posts made in a
// person's session: an in_channel slash-command response (posted as the invoking user) and a REST post
// sent with a plain login session. The post is created; its buttons do nothing.
import { blocksOf } from '../../server/blocks';
import { get, valueAt } from './walk';
import { Rule } from './types';

export const blocksRegistryStripped: Rule = {
  id: 'blocks-registry-stripped',
  severity: 'warning',
  description: 'A props.mm_blocks_actions the server removes: on an in_channel slash-command response run by a person; on a REST post unless a bot, personal access token or OAuth token sends it (information).',
  kinds: ['command', 'post'],
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.registryPath || b.pairing.enforcement === 'off') continue;
      if (ctx.kind === 'post') {
        ctx.report({
          path: b.registryPath,
          target: 'key',
          severity: 'information',
          message: 'Mattermost keeps `mm_blocks_actions` only when a bot, or a bot token, personal access token or OAuth token, creates the post: sent with a person\'s login session it is removed and the buttons do nothing.',
        });
        continue;
      }
      const base = b.propsPath.slice(0, -1);
      if (get(valueAt(ctx.root, base), 'response_type') !== 'in_channel') continue;
      ctx.report({
        path: b.registryPath,
        target: 'key',
        message: 'Mattermost posts an in_channel response as the person who ran the command, in their session, and removes `mm_blocks_actions` from it: the buttons do nothing. Use an ephemeral response (the registry is kept), or post through a bot or a webhook.',
      });
    }
  },
};
