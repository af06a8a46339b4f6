// Follows MATTERMOST_RULES.md §3.2 (integration with a non-empty url: http(s), /plugins/… or plugins/…; only logged) and §3.3.
// §8: the log line exists only since ≈ 10.6 ('log-only-validation'); a click goes nowhere on every server.
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { isValidHttpUrl } from '../../server/urls';
import { actions, has, isObject } from './walk';

export const actionIntegration: Rule = {
  id: 'action-integration',
  severity: 'warning',
  description: 'An action without integration.url, or with a URL that is not http(s), /plugins/… or plugins/…: clicks go nowhere; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    const list = actions(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const v = a.v;
      const integ = v.integration;
      if (!isObject(integ)) {
        if (integ === undefined || integ === null) {
          ctx.report({
            path: has(v, 'integration') ? [...a.path, 'integration'] : a.path,
            target: has(v, 'integration') ? 'value' : 'open',
            message: loggedProblem(ctx.profile, 'log-only-validation', 'the action has no `integration`, so clicking it does nothing'),
          });
        }
        continue;
      }
      const url = integ.url;
      if (url !== undefined && url !== null && typeof url !== 'string') continue;
      const u = typeof url === 'string' ? url : '';
      if (u === '') {
        ctx.report({
          path: has(integ, 'url') ? [...a.path, 'integration', 'url'] : [...a.path, 'integration'],
          target: has(integ, 'url') ? 'value' : 'key',
          message: loggedProblem(ctx.profile, 'log-only-validation', '`integration.url` is empty, so clicking the action does nothing'),
        });
      } else if (!u.startsWith('/plugins/') && !u.startsWith('plugins/') && !isValidHttpUrl(u)) {
        ctx.report({
          path: [...a.path, 'integration', 'url'],
          message: loggedProblem(ctx.profile, 'log-only-validation', '`integration.url` must be an http(s) URL, /plugins/… or plugins/…, so clicks cannot be delivered'),
        });
      }
    }
  },
};
