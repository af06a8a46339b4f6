// Follows MATTERMOST_RULES.md §1.3 step 2: `[]` and all-null attachments count as absent; and §9.1 /
// MM_BLOCKS.md §4: non-empty props.mm_blocks, blocks or cards count as content only while MmBlocksEnabled is on.
import { blocksGate } from '../../server/blocks';
import { noTextSpecified } from '../../server/toPost';
import { Rule } from './types';
import { isObject } from './walk';

export const noText: Rule = {
  id: 'no-text',
  severity: 'error',
  description: 'Incoming webhook with empty text, attachments absent, null, [] or only nulls, and no props.mm_blocks/blocks/cards that count (they do only with MmBlocksEnabled on): rejected with 400 "No text specified".',
  kinds: ['incoming'],
  dependsOn: ['mm-blocks'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    const { text, attachments } = r;
    if (!noTextSpecified(r, ctx.profile)) return;
    const props = r.props;
    const blocks = isObject(props) ? (['mm_blocks', 'blocks', 'cards'] as const).filter(f => Array.isArray(props[f]) && props[f].length > 0) : [];
    const gate = blocksGate(ctx.profile);
    const why = blocks.length > 0 && gate.whyHidden ? ` \`props.${blocks[0]}\` does not count as content: ${gate.whyHidden}.` : '';
    const message = `Mattermost rejects the request (400 web.incoming_webhook.text.app_error, "No text specified") because \`text\` is empty and there are no attachments (\`[]\` and \`null\` entries count as none).${why}`;
    if (text !== undefined) ctx.report({ path: ['text'], message });
    else if (attachments !== undefined) ctx.report({ path: ['attachments'], message });
    else ctx.report({ path: [], target: 'open', message });
  },
};
