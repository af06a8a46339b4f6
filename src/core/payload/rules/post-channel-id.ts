// Follows MATTERMOST_RULES.md §6.2 (REST posts) and §4.3 (a slash-command response's channel_id
// override: the user must be a member of that channel, else 403).
import { isValidId } from '../../server/urls';
import { Rule } from './types';
import { has, isObject, responses } from './walk';

export const postChannelId: Rule = {
  id: 'post-channel-id',
  severity: 'error',
  description: 'A REST post without a channel_id, or a REST post or slash-command response whose channel_id/root_id is not a 26-character Mattermost id.',
  kinds: ['post', 'command'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    if (ctx.kind === 'command') {
      const list = responses(r, ctx.kind);
      for (let i = 0; i < list.length; i++) {
        const { v, path } = list[i];
        const c = v.channel_id;
        if (typeof c !== 'string' || c === '' || isValidId(c)) continue;
        ctx.report({
          path: [...path, 'channel_id'],
          message: 'Mattermost fails the command (403 api.command.command_post.forbidden.app_error): `channel_id` must be the 26-character id of a channel the user is in, not a channel name.',
        });
      }
      return;
    }
    const c = r.channel_id;
    if (c === undefined || c === null || c === '') {
      ctx.report({
        path: has(r, 'channel_id') ? ['channel_id'] : [],
        target: has(r, 'channel_id') ? 'value' : 'open',
        message: 'Mattermost rejects the post (403 api.context.permissions.app_error): it has no `channel_id`.',
      });
    } else if (typeof c === 'string' && !isValidId(c)) {
      ctx.report({
        path: ['channel_id'],
        message: 'Mattermost rejects the post (403 api.context.permissions.app_error): `channel_id` must be a 26-character channel id, not a channel name.',
      });
    }
    const root = r.root_id;
    if (typeof root === 'string' && root !== '' && !isValidId(root)) {
      ctx.report({ path: ['root_id'], message: 'Mattermost rejects the post (400): `root_id` must be the 26-character id of the thread\'s root post.' });
    }
  },
};
