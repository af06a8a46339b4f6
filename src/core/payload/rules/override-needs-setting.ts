// Follows MATTERMOST_RULES.md §1.1 (EnablePostUsernameOverride / EnablePostIconOverride), §4.3 and §4.4.
import { isDefaultProfile, onServer, supports } from '../../server/profile';
import { Rule } from './types';
import { responses } from './walk';

/**
 * username / icon_url / icon_emoji: shown only when the target server enables EnablePostUsernameOverride /
 * EnablePostIconOverride (MATTERMOST_RULES.md §1.1, §4.3), and icon_emoji only since 5.14 (§8). Follows
 * the profile: overrides on → nothing to say; a known server with them off → says which server; the
 * default profile → says what the server must enable.
 */
export const overrideNeedsSetting: Rule = {
  id: 'override-needs-setting',
  severity: 'warning',
  description: 'username / icon_url / icon_emoji overrides, which the server ignores unless EnablePostUsernameOverride / EnablePostIconOverride are on (read from the server profile).',
  kinds: ['incoming', 'command', 'outgoing'],
  dependsOn: ['username-override', 'icon-override', 'icon-emoji'],
  check(ctx) {
    const profile = ctx.profile;
    const known = !isDefaultProfile(profile);
    const list = responses(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const { v, path } = list[i];
      for (const key of ['username', 'icon_url', 'icon_emoji']) {
        if (key === 'icon_emoji' && ctx.kind !== 'incoming') continue;
        const val = v[key];
        if (typeof val !== 'string' || val === '') continue;
        const setting = key === 'username' ? 'EnablePostUsernameOverride' : 'EnablePostIconOverride';
        const what = key === 'username' ? 'name' : 'icon';
        const fallback = ctx.kind === 'command' ? `the command's own ${what}` : `the hook's ${what}`;
        const commandTail = ctx.kind === 'command' ? `, and the command's own configured ${what} wins over it` : '';
        if (key === 'icon_emoji' && !supports(profile, 'icon-emoji')) {
          ctx.report({
            path: [...path, key],
            target: 'key',
            message: `${cap(onServer(profile))}, \`icon_emoji\` is ignored: it is read only since Mattermost 5.14; ${fallback} is shown.`,
          });
          continue;
        }
        if (supports(profile, key === 'username' ? 'username-override' : 'icon-override')) continue; // the server shows it (the profile says the override is on)
        const message = known
          ? `${cap(onServer(profile))} (${profile.source}), ${setting} is off: Mattermost ignores \`${key}\` and shows ${fallback}.`
          : `Mattermost ignores \`${key}\` unless your server enables ${setting} (off by default)${commandTail ? commandTail : `; otherwise ${fallback} is shown`}. No server profile is known (see "Server profiles" in the README).`;
        ctx.report({ path: [...path, key], target: 'key', message });
      }
    }
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
