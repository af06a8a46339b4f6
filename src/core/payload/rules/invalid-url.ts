// Follows MATTERMOST_RULES.md §1.1 (override_icon_url), §2.4 (attachment URLs), both only logged;
// ephemeral command responses are never validated (§4.3). §8: the log line exists only since ≈ 10.6
// ('log-only-validation'); before it the message says what the clients may do with such a URL.
import { support } from '../../server/profile';
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule, type RuleContext } from './types';
import { isValidHttpUrl } from '../../server/urls';
import { At, attachments, isEphemeral, responses, validated } from './walk';

export const invalidUrl: Rule = {
  id: 'invalid-url',
  severity: 'warning',
  description: 'Attachment URLs (author_link, author_icon, title_link, image_url, thumb_url, footer_icon) and icon_url overrides that are not http(s) URLs; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!validated(ctx.root, ctx.kind, a)) continue;
      // the attachment URL keys, in that order, as named loads (one object shape, not a keyed lookup each)
      const v = a.v;
      if (bad(v.author_link)) report(ctx, a, 'author_link');
      if (bad(v.author_icon)) report(ctx, a, 'author_icon');
      if (bad(v.title_link)) report(ctx, a, 'title_link');
      if (bad(v.image_url)) report(ctx, a, 'image_url');
      if (bad(v.thumb_url)) report(ctx, a, 'thumb_url');
      if (bad(v.footer_icon)) report(ctx, a, 'footer_icon');
    }
    if (ctx.kind === 'post') return;
    const items = responses(ctx.root, ctx.kind);
    for (let i = 0; i < items.length; i++) {
      const r = items[i];
      const u = r.v.icon_url;
      if (isEphemeral(ctx.kind, r.v)) continue;
      if (!bad(u)) continue;
      ctx.report({ path: [...r.path, 'icon_url'], message: loggedProblem(ctx.profile, 'log-only-validation', `the icon override \`icon_url\` must be an http:// or https:// URL${effect(ctx)}`) });
    }
  },
};

/** A URL the server logs as invalid (module functions, not closures: no allocation per lint on the clean path). */
function bad(u: unknown): boolean {
  return typeof u === 'string' && u !== '' && !isValidHttpUrl(u);
}

function report(ctx: RuleContext, a: At, key: string): void {
  ctx.report({ path: [...a.path, key], message: loggedProblem(ctx.profile, 'log-only-validation', `\`${key}\` must be an http:// or https:// URL${effect(ctx)}`) });
}

/** Where nothing is logged, what the clients may do with it instead (asked only for a bad URL). */
function effect(ctx: RuleContext): string {
  return support(ctx.profile, 'log-only-validation') === 'no' ? ', so clients may not load or link it' : '';
}
