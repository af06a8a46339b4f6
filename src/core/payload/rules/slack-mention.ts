// Follows MATTERMOST_RULES.md §1.3 step 4 (what is expanded): the rest shows literally instead of notifying, a warning.
import { findSlackTokens } from '../../server/slack';
import { MESSAGE_KINDS, Rule } from './types';
import { MENTION_ROLES } from '../../server/slack';
import { markedTexts } from './walk';

export const slackMention: Rule = {
  id: 'slack-mention',
  severity: 'warning',
  description: 'Slack mention syntax Mattermost shows literally: <!everyone>, <!subteam^…>, <#C…>, <@U…> Slack user ids, <!date^…>, and <!channel>/<!here>/<!all> where no Slack processing happens.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    const list = markedTexts(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (!hasTokenStart(t.v)) continue;
      const expanded = t.slack && MENTION_ROLES.includes(t.role);
      for (const m of findSlackTokens(t.v)) {
        let message: string | undefined;
        switch (m.kind) {
          case 'everyone':
            message = `Mattermost shows \`${m.token}\` literally; to notify everyone in the channel write \`@all\` (or \`<!all>\`).`;
            break;
          case 'subteam':
            message = `Mattermost shows the Slack user-group mention \`${m.token}\` literally; mention a Mattermost group as \`@group-name\`.`;
            break;
          case 'channel-ref':
            message = `Mattermost shows the Slack channel reference \`${m.token}\` literally; link a channel as \`~channel-name\`.`;
            break;
          case 'slack-user':
            message = `Mattermost shows \`${m.token}\` literally: it only converts \`<@ID>\` when ID is a Mattermost user id; write \`@username\`.`;
            break;
          case 'date':
            message = `Mattermost shows the Slack date token \`${m.token}\` literally.`;
            break;
          case 'special':
            if (!expanded) {
              const where = ctx.kind === 'post' ? 'in REST posts' : t.slack ? 'in this field' : 'with skip_slack_parsing';
              message = `Mattermost does not expand \`${m.token}\` ${where}, so it shows literally; write \`@${/channel|here|all/.exec(m.token)![0]}\`.`;
            }
            break;
        }
        if (message) ctx.report({ path: t.path, sub: [m.from, m.to], message });
      }
    }
  },
};

/** Whether `s` has a `<` followed by `!`, `#` or `@`, where every token findSlackTokens matches starts. */
function hasTokenStart(s: string): boolean {
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (c === 33 /* ! */ || c === 35 /* # */ || c === 64 /* @ */) return true;
  }
  return false;
}
