/** HTML escaping and URL policy for the preview. Every payload string reaches the page through here. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for element content and for double-quoted attribute values. NUL is replaced by
 * U+FFFD (as browsers do), which also keeps it free for the renderer's internal placeholders.
 */
export function esc(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c).replaceAll('\u0000', '\uFFFD');
}

/** ` name="value"` with the value escaped; nothing when the value is undefined. */
export function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === false) {
    return '';
  }
  if (value === true) {
    return ` ${name}`;
  }
  return ` ${name}="${esc(String(value))}"`;
}

/** A URL is put into `src` only when it is http(s). */
export function isHttpUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) {
    return false;
  }
  try {
    const parsed = new URL(trimmed);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** A URL is put into `href` only when it is http(s) or mailto. */
export function isSafeHref(url: string): boolean {
  const trimmed = url.trim();
  if (isHttpUrl(trimmed)) {
    return true;
  }
  return /^mailto:[^\s]+$/i.test(trimmed);
}

/** "example.com/pic.png" for "https://example.com/pic.png?x=1": short, readable, for labels. */
export function urlLabel(url: string): string {
  const trimmed = url.trim();
  if (isHttpUrl(trimmed)) {
    const parsed = new URL(trimmed);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return truncate(`${parsed.host}${path}`, 80);
  }
  return truncate(trimmed, 80);
}

function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

/** An anchor that opens in a new tab, or plain text when the URL is not allowed. */
export function link(url: string, innerHtml: string, cls = 'mm-link'): string {
  if (!isSafeHref(url)) {
    return `<span class="mm-link-neutralised"${attr('title', `link not allowed: ${truncate(url, 80)}`)}>${innerHtml}</span>`;
  }
  return `<a class="${cls}"${attr('href', url.trim())} target="_blank" rel="noopener noreferrer">${innerHtml}</a>`;
}
