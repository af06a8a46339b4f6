// Follows MM_BLOCKS.md §2.8 and §9 #1: the docs say a collapsible starts expanded, but both clients start it
// collapsed unless `collapsed` is exactly false. Nothing is lost: the content is one click away.
import { blocksOf } from '../../server/blocks';
import type { MmBlock } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';
import { has, valueAt } from './walk';
import type { JsonPath } from './types';

function collapsibles(blocks: MmBlock[], out: MmBlock[]): MmBlock[] {
  for (const b of blocks) {
    if (b.type === 'collapsible') {
      out.push(b);
      collapsibles(b.header, out);
      collapsibles(b.content, out);
    } else if (b.type === 'container') collapsibles(b.content, out);
    else if (b.type === 'column_set') for (const c of b.columns) collapsibles(c.items, out);
  }
  return out;
}

export const collapsibleCollapsed: Rule = {
  id: 'collapsible-collapsed',
  severity: 'information',
  description: 'A collapsible without "collapsed": clients start it collapsed (the docs say expanded).',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown || b.renders !== 'mm_blocks') continue;
      for (const c of collapsibles(b.blocks, [])) {
        const src = valueAt(ctx.root, c.path);
        if (has(src, 'collapsed')) continue;
        const path: JsonPath = [...c.path, 'type'];
        ctx.report({ path, message: 'Mattermost clients start a collapsible collapsed unless `"collapsed": false` is set (the docs say it starts expanded): only the header shows at first.' });
      }
    }
  },
};
