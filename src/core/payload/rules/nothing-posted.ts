// Follows MATTERMOST_RULES.md §4.3 (ephemeral command responses: `[]`/all-null attachments are null
// after decode) and §4.4 (outgoing responses: a text key or non-empty attachments).
import { EMPTY_RESPONSE_POSTS_NOTHING, ephemeralShowsNothing, outgoingPostsNothing } from '../../server/toPost';
import { Rule } from './types';
import { get, has, isObject, responses } from './walk';

/** " `props.mm_blocks` does not count: …" when the response carries blocks (MM_BLOCKS.md §4, §9 #10). */
function blocksNote(response: unknown, fix: string): string {
  const props = get(response, 'props');
  const f = (['mm_blocks', 'blocks', 'cards'] as const).find(k => {
    const v = get(props, k);
    return Array.isArray(v) && v.length > 0;
  });
  return f ? ` \`props.${f}\` does not count: ${fix}` : '';
}

export const nothingPosted: Rule = {
  id: 'nothing-posted',
  severity: 'error',
  description: 'A response that makes Mattermost post nothing: an ephemeral command response without text or attachments, an outgoing response without a text key or attachments.',
  kinds: ['command', 'outgoing'],
  failed(ctx) {
    if (ctx.decoded.empty && ctx.kind === 'outgoing') ctx.report({ path: [], at: { start: 0, end: ctx.text.length }, message: EMPTY_RESPONSE_POSTS_NOTHING });
  },
  check(ctx) {
    if (!isObject(ctx.root)) return;
    if (ctx.kind === 'outgoing') {
      const r = ctx.root;
      if (!outgoingPostsNothing(r)) return;
      ctx.report({
        path: has(r, 'text') ? ['text'] : [],
        target: has(r, 'text') ? 'value' : 'open',
        message: `Mattermost posts nothing: the response has no \`text\` (null counts as absent) and no attachments.${blocksNote(r, 'add `"text": ""` to post the blocks.')}`,
      });
      return;
    }
    const list = responses(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const { v, path } = list[i];
      const rt = v.response_type ?? '';
      if (rt !== '' && rt !== 'ephemeral') continue;
      if (!ephemeralShowsNothing(v)) continue;
      ctx.report({
        path: has(v, 'text') ? [...path, 'text'] : path,
        target: has(v, 'text') ? 'value' : 'open',
        message: `Mattermost shows nothing for this ephemeral response: \`text\` is empty and there are no attachments.${blocksNote(v, 'an ephemeral response needs a non-empty `text` to show its blocks.')}`,
      });
    }
  },
};
