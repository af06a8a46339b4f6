// Follows MM_BLOCKS.md §6 and MATTERMOST_RULES.md §7, §9.2: before 11.10 (product docs, so "may") or with
// the MmBlocksEnabled feature flag off, mm_blocks, blocks and cards are stored as plain props and clients show none of them.
import { blocksOf } from '../../server/blocks';
import { valueAt } from './walk';
import { MESSAGE_KINDS, Rule } from './types';

const FORMATS = ['mm_blocks', 'blocks', 'cards'] as const;

export const blocksNotShown: Rule = {
  id: 'blocks-not-shown',
  severity: 'warning',
  description: 'props.mm_blocks, props.blocks or props.cards on a target server before 11.10 or with MmBlocksEnabled off: stored, but shown to nobody.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (b.shown) continue;
      for (const f of FORMATS) {
        const v = valueAt(ctx.root, [...b.propsPath, f]);
        if (!Array.isArray(v) || v.length === 0) continue;
        const shows = b.gateApproximate ? 'may show it to nobody' : 'shows it to nobody';
        ctx.report({ path: [...b.propsPath, f], target: 'key', message: `Mattermost stores \`props.${f}\` but ${shows}: ${b.whyHidden}.` });
      }
    }
  },
};
