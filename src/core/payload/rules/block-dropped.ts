// Follows MM_BLOCKS.md §2 (client source C1/C5): clients drop a block with one bad field (wrong JSON type,
// value outside its list, missing required field such as image alt_text), non-object entries and unknown
// types; valid siblings still render. Also values clients ignore without dropping (button style).
import { blocksOf } from '../../server/blocks';
import type { Dropped } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';
import { get, valueAt } from './walk';
import type { JsonPath } from './types';

/** The range of a drop: the field at fault, else the block's `type` value, else the entry. */
function where(root: unknown, d: Dropped): JsonPath {
  if (d.field) return d.field;
  const v = valueAt(root, d.path);
  return typeof get(v, 'type') === 'string' ? [...d.path, 'type'] : d.path;
}

export const blockDropped: Rule = {
  id: 'block-dropped',
  severity: 'warning',
  description: 'A block clients drop (wrong field type, value outside its list, missing required field such as image alt_text, non-object entry, unknown type, a column outside a column_set), or a value they ignore (unknown button style).',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown) continue;
      for (const d of b.dropped) {
        if (d.cause === 'untranslated') continue;
        const message = d.cause === 'misplaced'
          ? `Mattermost clients draw nothing for a \`column\` outside a \`column_set\`: its content will not show. Put it in a \`column_set\`'s \`columns\`.`
          : d.cause === 'not-object'
            ? `Mattermost clients skip this entry: ${d.reason}. It will not show.`
            : `Mattermost clients drop this ${d.block}: ${d.reason}. It will not show.`;
        ctx.report({ path: where(ctx.root, d), message });
      }
      for (const i of b.ignoredValues) {
        ctx.report({ path: i.path, message: `Mattermost clients ignore this value in the ${i.block}: ${i.reason}.` });
      }
    }
  },
};
