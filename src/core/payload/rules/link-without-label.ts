// Follows MATTERMOST_RULES.md §2.4 (author_link needs author_name, title_link needs title; only logged).
// §8: the log line exists only since ≈ 10.6 ('log-only-validation'); no link is shown on every server.
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { attachments } from './walk';

const LINKS: [string, string][] = [
  ['title_link', 'title'],
  ['author_link', 'author_name'],
];

export const linkWithoutLabel: Rule = {
  id: 'link-without-label',
  severity: 'warning',
  description: 'title_link without title, or author_link without author_name: there is nothing to click; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    for (const a of attachments(ctx.root, ctx.kind)) {
      for (const [link, text] of LINKS) {
        const l = a.v[link];
        const t = a.v[text];
        if (typeof l !== 'string' || l === '') continue;
        if (typeof t === 'string' && t !== '') continue;
        if (t !== undefined && t !== null && typeof t !== 'string') continue;
        ctx.report({
          path: [...a.path, link],
          target: 'key',
          message: loggedProblem(ctx.profile, 'log-only-validation', `\`${link}\` needs a \`${text}\`, so no link is shown`),
        });
      }
    }
  },
};
