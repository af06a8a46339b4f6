// Follows MATTERMOST_RULES.md §4.3 (ephemeral command responses: `[]`/all-null attachments are null
// after decode) and §4.4 (outgoing responses: a text key or non-empty attachments).
import { Rule } from './types';
import { has, isObject, noAttachments, responses } from './walk';

export const nothingPosted: Rule = {
  id: 'nothing-posted',
  severity: 'error',
  description: 'A response that makes Mattermost post nothing: an ephemeral command response without text or attachments, an outgoing response without a text key or attachments.',
  kinds: ['command', 'outgoing'],
  check(ctx) {
    if (!isObject(ctx.root)) return;
    if (ctx.kind === 'outgoing') {
      const r = ctx.root;
      const att = r.attachments;
      if (r.text !== undefined && r.text !== null) return;
      if (att !== undefined && att !== null && !(Array.isArray(att) && att.length === 0)) return;
      ctx.report({
        path: has(r, 'text') ? ['text'] : [],
        target: has(r, 'text') ? 'value' : 'open',
        message: 'Mattermost posts nothing: the response has no `text` (null counts as absent) and no attachments.',
      });
      return;
    }
    for (const { v, path } of responses(ctx.root, ctx.kind)) {
      const rt = v.response_type ?? '';
      if (rt !== '' && rt !== 'ephemeral') continue;
      const text = v.text;
      const att = v.attachments;
      if (!(text === undefined || text === null || text === '')) continue;
      if (!noAttachments(att)) continue;
      ctx.report({
        path: has(v, 'text') ? [...path, 'text'] : path,
        target: has(v, 'text') ? 'value' : 'open',
        message: 'Mattermost shows nothing for this ephemeral response: `text` is empty and there are no attachments.',
      });
    }
  },
};
