import { refusedPostType } from '../../server/toPost';
import { Rule } from './types';
import { responses } from './walk';

export const postType: Rule = {
  id: 'post-type',
  severity: 'error',
  description: 'A post type the server refuses: system_* from a webhook or command (400), or an unknown type that is not custom_* (500 for webhooks, 400 for REST).',
  kinds: ['incoming', 'command', 'outgoing', 'post'],
  check(ctx) {
    for (const { v, path } of responses(ctx.root, ctx.kind)) {
      const refused = refusedPostType(ctx.kind, v);
      if (refused === undefined) continue;
      const t = v.type as string;
      const system = refused === 'system';
      const hint = system ? '' : ` (a plugin type must start with \`custom_\`, e.g. ${JSON.stringify('custom_' + t)})`;
      let message: string;
      switch (ctx.kind) {
        case 'incoming':
          message = system
            ? `Mattermost rejects the request (400 api.context.invalid_param.app_error, post.type): webhooks cannot post ${JSON.stringify(t)}.`
            : `Mattermost fails the request (500 api.post.create_webhook_post.creating.app_error): ${JSON.stringify(t)} is not a known post type${hint}.`;
          break;
        case 'outgoing':
          message = `Mattermost posts nothing because creating a post of type ${JSON.stringify(t)} fails${hint}.`;
          break;
        case 'command':
          message = `Mattermost fails the command because creating a post of type ${JSON.stringify(t)} fails${hint}.`;
          break;
        default:
          message = `Mattermost rejects the post (400 model.post.is_valid.type.app_error): ${JSON.stringify(t)} is not a known post type${hint}.`;
      }
      ctx.report({ path: [...path, 'type'], message });
    }
  },
};
