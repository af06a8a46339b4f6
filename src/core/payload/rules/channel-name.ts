// Follows MATTERMOST_RULES.md §1.1 (`channel` is a channel name or @user) and §1.3 step 6 (unknown channel: 404).
import { isValidId } from '../../server/urls';
import { Rule } from './types';
import { get } from './walk';

const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{8,}$/;
const DISPLAY_NAME = /[A-Z\s]/;

export const channelName: Rule = {
  id: 'channel-name',
  severity: 'warning',
  description: 'An incoming-webhook channel that looks like a channel id or display name; the server only looks up channel names (URL slugs) and @usernames.',
  kinds: ['incoming'],
  check(ctx) {
    const c = get(ctx.root, 'channel');
    if (typeof c !== 'string' || c === '' || c.startsWith('@')) return;
    const name = c.startsWith('#') ? c.slice(1) : c;
    let why: string | undefined;
    // the length and the first letter before each regex (a channel name rarely has 26 characters or starts with C, G or D)
    if (name.length === 26 && isValidId(name)) why = 'looks like a channel id, but Mattermost only looks up channel names (URL slugs)';
    else if (slackChannelStart(name) && SLACK_CHANNEL_ID.test(name)) why = 'looks like a Slack channel id, but Mattermost only looks up channel names (URL slugs)';
    else if (DISPLAY_NAME.test(name)) why = 'looks like a display name, but Mattermost only looks up channel names, which are lower-case URL slugs such as `town-square`';
    if (!why) return;
    ctx.report({
      path: ['channel'],
      message: `Mattermost answers 404 (web.incoming_webhook.channel.app_error) unless a channel is named exactly ${JSON.stringify(name)}: this ${why}.`,
    });
  },
};

function slackChannelStart(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === 67 /* C */ || c === 71 /* G */ || c === 68 /* D */;
}
