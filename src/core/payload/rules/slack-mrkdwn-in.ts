// Follows MATTERMOST_RULES.md §2.1 (mrkdwn_in is not modelled) and §2.5.
import { MESSAGE_KINDS, Rule } from './types';
import { attachments } from './walk';

export const slackMrkdwnIn: Rule = {
  id: 'slack-mrkdwn-in',
  severity: 'information',
  description: 'Slack mrkdwn_in in an attachment: Mattermost ignores it and always renders Markdown in text, pretext and field values.',
  kinds: MESSAGE_KINDS,
  // neither `blocks` nor `mrkdwn_in` is an attachment field: in any letter case, an unknown key
  needs: 'unknown-keys',
  check(ctx) {
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (const k in a.v) {
        if (k.length !== 9 || k.toLowerCase() !== 'mrkdwn_in') continue;
        ctx.report({ path: [...a.path, k], target: 'key', message: 'Mattermost ignores `mrkdwn_in`: it always renders Markdown in text, pretext and field values, and never in title, author_name or footer.' });
      }
    }
  },
};
