// Follows MATTERMOST_RULES.md §6.2 (REST: no splitting) and §4.3 (only in_channel command posts go
// through Post.IsValid; ephemeral ones are shown whatever their length).
import { MAX_POST_RUNES } from '../../server/limits';
import { runeCount } from '../../server/runes';
import { isEphemeral, storedMessage } from '../../server/toPost';
import { Rule } from './types';
import { isObject, responses } from './walk';

export const messageTooLong: Rule = {
  id: 'message-too-long',
  severity: 'error',
  description: 'A REST post message or in_channel slash-command text over 16383 characters, which is rejected (not split).',
  kinds: ['post', 'command'],
  check(ctx) {
    if (!isObject(ctx.root)) return;
    const key = ctx.kind === 'post' ? 'message' : 'text';
    const list = responses(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const { v, path } = list[i];
      if (typeof v[key] !== 'string' || v[key].length <= MAX_POST_RUNES) continue;
      // an ephemeral response is never saved, so never checked against the limit
      if (ctx.kind === 'command' && isEphemeral(v.response_type)) continue;
      const n = runeCount(storedMessage(ctx.kind, v));
      if (n <= MAX_POST_RUNES) continue;
      const message =
        ctx.kind === 'post'
          ? `Mattermost rejects the post (400 model.post.is_valid.message_length.app_error): \`message\` has ${n} characters, over the ${MAX_POST_RUNES} limit, and REST posts are not split.`
          : `Mattermost fails the command (500 api.command.execute_command.create_post_failed.app_error): \`text\` has ${n} characters, over the ${MAX_POST_RUNES} limit, and command responses are not split.`;
      ctx.report({ path: [...path, key], target: 'key', message });
    }
  },
};
