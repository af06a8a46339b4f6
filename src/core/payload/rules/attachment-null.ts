// Follows MATTERMOST_RULES.md §1.1 and §4.2 (null attachments are removed at decode for incoming webhooks
// and command responses) and §4.4 (an outgoing-webhook response keeps them: nil dereference, nothing posted).
import { Rule } from './types';
import { responses } from './walk';

export const attachmentNull: Rule = {
  id: 'attachment-null',
  severity: 'information',
  description: 'A null entry in attachments: removed for incoming webhooks and commands; in an outgoing-webhook response nothing is posted (error).',
  kinds: ['incoming', 'command', 'outgoing'],
  check(ctx) {
    const items = responses(ctx.root, ctx.kind);
    for (let j = 0; j < items.length; j++) {
      const { v, path } = items[j];
      const list = v.attachments;
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        if (list[i] !== null) continue;
        if (ctx.kind === 'outgoing') {
          ctx.report({
            path: [...path, 'attachments', i],
            severity: 'error',
            message:
              'Mattermost posts nothing: it does not remove a null attachment from an outgoing-webhook response and dereferences it while processing the attachments (the unrecovered panic may take the whole server down).',
          });
        } else ctx.report({ path: [...path, 'attachments', i], message: 'Mattermost removes this null attachment.' });
      }
    }
  },
};
