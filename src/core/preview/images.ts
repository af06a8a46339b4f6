/** Remote images: loaded only when allowed, otherwise a labelled placeholder. Only http(s) ever reaches src. */
import { attr, esc, isHttpUrl, urlLabel } from './html';

/**
 * `role` says which payload field the image came from (icon_url, author_icon, image_url, thumb_url,
 * footer_icon, markdown). Placeholders carry data-testid="image-placeholder"; loaded images
 * carry data-testid="remote-image".
 */
export function imageHtml(url: string, role: string, loadRemote: boolean, alt = ''): string {
  const trimmed = url.trim();
  if (!isHttpUrl(trimmed)) {
    const label = `image: ${urlLabel(trimmed)} — not an http(s) URL, not shown`;
    return `<span class="mm-image-placeholder mm-image-invalid" data-testid="image-placeholder"${attr('data-role', role)}${attr('title', label)}><span class="mm-image-placeholder-label">${esc(label)}</span></span>`;
  }
  if (!loadRemote) {
    const label = `image: ${urlLabel(trimmed)} — remote images are off`;
    return `<span class="mm-image-placeholder" data-testid="image-placeholder"${attr('data-role', role)}${attr('data-src', trimmed)}${attr('title', label)}><span class="mm-image-placeholder-label">${esc(label)}</span></span>`;
  }
  return `<img class="mm-image mm-image-${esc(role)}" data-testid="remote-image"${attr('data-role', role)}${attr('src', trimmed)}${attr('alt', alt)} referrerpolicy="no-referrer">`;
}
