// Follows MM_BLOCKS.md §7, §8 (client source C3/C5) and §3.4: Block Kit and Adaptive Card elements outside
// the subset clients translate are dropped (a Block Kit static_select accessory is still counted by the server).
import { blocksOf } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';

export const blocksUntranslated: Rule = {
  id: 'blocks-untranslated',
  severity: 'warning',
  description: 'Block Kit blocks and elements (context, input, rich_text, overflow, …) and Adaptive Card elements (FactSet, Input.*, Action.OpenUrl, …) outside the subset Mattermost translates: dropped.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown) continue;
      for (const d of b.dropped) {
        if (d.cause !== 'untranslated') continue;
        ctx.report({ path: d.field ?? d.path, message: `Mattermost clients drop this ${d.block}: ${d.reason}. It will not show.` });
      }
    }
  },
};
