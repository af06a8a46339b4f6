// Follows MATTERMOST_RULES.md §1.1 (EnablePostUsernameOverride / EnablePostIconOverride), §4.3 and §4.4.
import { Rule } from './types';
import { responses } from './walk';

export const overrideNeedsSetting: Rule = {
  id: 'override-needs-setting',
  severity: 'warning',
  description: 'username / icon_url / icon_emoji overrides, which the server ignores unless EnablePostUsernameOverride / EnablePostIconOverride are on.',
  kinds: ['incoming', 'command', 'outgoing'],
  check(ctx) {
    for (const { v, path } of responses(ctx.root, ctx.kind)) {
      for (const key of ['username', 'icon_url', 'icon_emoji']) {
        if (key === 'icon_emoji' && ctx.kind !== 'incoming') continue;
        const val = v[key];
        if (typeof val !== 'string' || val === '') continue;
        const setting = key === 'username' ? 'EnablePostUsernameOverride' : 'EnablePostIconOverride';
        const what = key === 'username' ? 'name' : 'icon';
        const tail =
          ctx.kind === 'command'
            ? `, and the command's own configured ${what} wins over it`
            : `; otherwise the hook's ${what} is shown`;
        ctx.report({
          path: [...path, key],
          target: 'key',
          message: `Mattermost uses \`${key}\` only when the server enables ${setting}${tail}.`,
        });
      }
    }
  },
};
