// Follows MM_BLOCKS.md §2.1 (client source C2/C5; docs D1, D2): at render time clients keep 100 block nodes
// (nested ones included), 32 levels and 16000 characters of text and button labels; the server does not check.
import { blocksOf } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';

export const blocksRenderLimit: Rule = {
  id: 'blocks-render-limit',
  severity: 'warning',
  description: 'Blocks past the clients\' render limits (100 blocks in the whole tree, depth 32, 16000 characters of text and button labels), reported at the first block past the limit.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown) continue;
      for (const t of b.truncated) {
        let message: string;
        if (t.limit === 'nodes') message = `Mattermost clients draw at most 100 blocks per post (nested blocks, containers and columns included): this block is the first past the limit, and ${t.lost} block${t.lost === 1 ? ' is' : 's are'} not shown from here on.`;
        else if (t.limit === 'depth') message = 'Mattermost clients draw blocks at most 32 levels deep: this block is deeper and is not shown (with what it contains).';
        else message = `Mattermost clients draw at most 16000 characters of text and button labels per post: the text is cut in this block, and ${t.lost} characters are not shown from here on.`;
        ctx.report({ path: t.path, message });
      }
    }
  },
};
