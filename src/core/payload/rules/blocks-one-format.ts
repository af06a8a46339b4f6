// Follows MM_BLOCKS.md §1: clients render only the first non-empty array of mm_blocks → blocks → cards →
// attachments; the server only logs "at most one interactive payload" (propsIsValid).
import { blocksOf } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';

const NAME = { mm_blocks: '`props.mm_blocks`', blocks: '`props.blocks`', cards: '`props.cards`', attachments: 'the attachments' } as const;

export const blocksOneFormat: Rule = {
  id: 'blocks-one-format',
  severity: 'warning',
  description: 'More than one of props.mm_blocks, props.blocks, props.cards and attachments: clients render only the first non-empty one, in that order.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown || !b.renders) continue;
      for (const i of b.ignored) {
        ctx.report({
          path: i.path,
          target: 'key',
          message: `Mattermost clients render only one interactive format per post, the first non-empty of mm_blocks, blocks, cards and attachments: ${NAME[b.renders]} is shown and ${NAME[i.format]} is not. Send them as separate posts.`,
        });
      }
    }
  },
};
