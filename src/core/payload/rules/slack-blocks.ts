// Follows MATTERMOST_RULES.md §7: Block Kit in attachments is not shown, a warning.
import { MESSAGE_KINDS, Rule } from './types';
import { attachments } from './walk';

export const slackBlocks: Rule = {
  id: 'slack-blocks',
  severity: 'warning',
  description: 'Slack Block Kit blocks inside an attachment, which Mattermost ignores.',
  kinds: MESSAGE_KINDS,
  // neither `blocks` nor `mrkdwn_in` is an attachment field: in any letter case, an unknown key
  needs: 'unknown-keys',
  check(ctx) {
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (const k in a.v) {
        // the first letter before toLowerCase: a new string per key ("fields", "footer") otherwise
        if (k.length !== 6 || (k.charCodeAt(0) | 32) !== 98 || k.toLowerCase() !== 'blocks') continue;
        ctx.report({ path: [...a.path, k], target: 'key', message: 'Mattermost ignores Block Kit `blocks` inside attachments; only the attachment fields (text, fields, actions, …) are shown.' });
      }
    }
  },
};
