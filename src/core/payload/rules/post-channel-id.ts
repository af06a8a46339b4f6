import { isValidId } from '../../server/urls';
import { Rule } from './types';
import { has, isObject } from './walk';

export const postChannelId: Rule = {
  id: 'post-channel-id',
  severity: 'error',
  description: 'A REST post without a channel_id, or with a channel_id/root_id that is not a 26-character Mattermost id.',
  kinds: ['post'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
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
