import { Rule } from './types';
import { responses } from './walk';

export const attachmentNull: Rule = {
  id: 'attachment-null',
  severity: 'warning',
  description: 'A null entry in attachments, which the server removes.',
  kinds: ['incoming', 'command', 'outgoing'],
  check(ctx) {
    for (const { v, path } of responses(ctx.root, ctx.kind)) {
      const list = v.attachments;
      if (!Array.isArray(list)) continue;
      list.forEach((a, i) => {
        if (a === null) ctx.report({ path: [...path, 'attachments', i], message: 'Mattermost removes this null attachment.' });
      });
    }
  },
};
