// Follows MATTERMOST_RULES.md §2.4 (author_link needs author_name, title_link needs title; only logged).
// §8: the log line exists only since ≈ 10.6 ('log-only-validation'); no link is shown on every server.
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule, type RuleContext } from './types';
import { At, attachments } from './walk';

export const linkWithoutLabel: Rule = {
  id: 'link-without-label',
  severity: 'warning',
  description: 'title_link without title, or author_link without author_name: there is nothing to click; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      // the two pairs as two calls (destructuring [link, text] pairs in a for-of allocated per pair and lint)
      linkWithout(ctx, a, 'title_link', 'title');
      linkWithout(ctx, a, 'author_link', 'author_name');
    }
  },
};

function linkWithout(ctx: RuleContext, a: At, link: string, text: string): void {
  const l = a.v[link];
  const t = a.v[text];
  if (typeof l !== 'string' || l === '') return;
  if (typeof t === 'string' && t !== '') return;
  if (t !== undefined && t !== null && typeof t !== 'string') return;
  ctx.report({
    path: [...a.path, link],
    target: 'key',
    message: loggedProblem(ctx.profile, 'log-only-validation', `\`${link}\` needs a \`${text}\`, so no link is shown`),
  });
}
