// Follows MM_BLOCKS.md §2.1 and §9 #8: a key outside a block's fields is ignored by mobile and older web
// revisions, but the strict web revision drops the whole block for it (which one is current is not known).
import { blocksOf } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';

export const blockUnknownKey: Rule = {
  id: 'block-unknown-key',
  severity: 'warning',
  description: 'A key that is not a field of its Mattermost block: the strict web client drops the whole block for it (mobile ignores the key).',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown || b.renders !== 'mm_blocks') continue;
      for (const u of b.unknownKeys) {
        ctx.report({ path: u.path, target: 'key', message: `Mattermost may drop this ${u.block} on the web: \`${u.key}\` is not one of its fields, and the strict web revision drops a block with a key it does not know (mobile ignores it). Check the spelling or remove it.` });
      }
    }
  },
};
