// Follows MATTERMOST_RULES.md §1.4 (accepted types; `card` is not one), §1.3 step 9, §4.3 (ephemeral
// command responses skip Post.IsValid), §4.4 and §6.2 (REST `system_*`: 400).
import { onServer, sinceText, support } from '../../server/profile';
import { postTypeFate } from '../../server/toPost';
import { Rule } from './types';
import { responses } from './walk';

export const postType: Rule = {
  id: 'post-type',
  severity: 'error',
  description: 'A post type the server refuses: system_* (400), or an unknown type that is not custom_*, card included (500 for webhooks, 400 for REST); on an ephemeral command response the type is only dropped.',
  kinds: ['incoming', 'command', 'outgoing', 'post'],
  dependsOn: ['burn-on-read-type'],
  check(ctx) {
    const list = responses(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const { v, path } = list[i];
      const fate = postTypeFate(ctx.kind, v);
      if (fate === undefined) continue;
      const t = v.type as string;
      if (fate === 'dropped') {
        // shown by SendEphemeralPost as system_ephemeral: never validated, the sent type is lost
        ctx.report({
          path: [...path, 'type'],
          severity: 'warning',
          message: `Mattermost shows this ephemeral response as a plain ephemeral post: the type ${JSON.stringify(t)} is dropped (ephemeral posts are not validated, so it is not an error here).`,
        });
        continue;
      }
      if (fate === 'licensed') {
        if (support(ctx.profile, 'burn-on-read-type') === 'no') {
          // §8: the type is ≈ 11.6; before it an unknown type that fails Post.IsValid ("may": inferred)
          const on = onServer(ctx.profile);
          ctx.report({
            path: [...path, 'type'],
            severity: 'warning',
            message: `${on.charAt(0).toUpperCase()}${on.slice(1)}, \`burn_on_read\` may be an unknown post type (it is read only ${sinceText('burn-on-read-type')}): then the request fails as for any unknown type.`,
          });
          continue;
        }
        ctx.report({
          path: [...path, 'type'],
          severity: 'warning',
          message: 'Mattermost refuses `burn_on_read` posts (501) unless the server has an Enterprise Advanced licence, FeatureFlags.BurnOnRead and ServiceSettings.EnableBurnOnRead.',
        });
        continue;
      }
      const system = fate === 'system';
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
          message = system
            ? `Mattermost fails the command: a command response cannot post ${JSON.stringify(t)}.`
            : `Mattermost fails the command (500 api.command.execute_command.create_post_failed.app_error) because creating a post of type ${JSON.stringify(t)} fails${hint}.`;
          break;
        default:
          message = system
            ? `Mattermost rejects the post (400 api.context.invalid_param.app_error, post.type): REST posts cannot have the type ${JSON.stringify(t)}.`
            : `Mattermost rejects the post (400 model.post.is_valid.type.app_error): ${JSON.stringify(t)} is not a known post type${hint}.`;
      }
      ctx.report({ path: [...path, 'type'], message });
    }
  },
};
