import { ONLY_LOGGED } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { attachments, isValidHttpUrl, responses } from './walk';

const ATTACHMENT_URLS = ['author_link', 'author_icon', 'title_link', 'image_url', 'thumb_url', 'footer_icon'];

export const invalidUrl: Rule = {
  id: 'invalid-url',
  severity: 'warning',
  description: 'Attachment URLs (author_link, author_icon, title_link, image_url, thumb_url, footer_icon) and icon_url overrides that are not http(s) URLs; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    for (const a of attachments(ctx.root, ctx.kind)) {
      for (const key of ATTACHMENT_URLS) {
        const u = a.v[key];
        if (typeof u !== 'string' || u === '' || isValidHttpUrl(u)) continue;
        ctx.report({ path: [...a.path, key], message: `${ONLY_LOGGED}: \`${key}\` must be an http:// or https:// URL.` });
      }
    }
    if (ctx.kind === 'post') return;
    for (const r of responses(ctx.root, ctx.kind)) {
      const u = r.v.icon_url;
      if (typeof u !== 'string' || u === '' || isValidHttpUrl(u)) continue;
      ctx.report({ path: [...r.path, 'icon_url'], message: `${ONLY_LOGGED}: the icon override \`icon_url\` must be an http:// or https:// URL.` });
    }
  },
};
