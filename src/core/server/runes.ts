/** How Go counts text: runes (utf8.RuneCountInString) and UTF-8 bytes. */

/** Number of Unicode code points ("runes"), as Go's utf8.RuneCountInString (a lone surrogate is one). */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const byteLength: ((s: string) => number) | undefined =
  typeof Buffer !== 'undefined' && typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? s => Buffer.byteLength(s, 'utf8')
    : undefined;

/** UTF-8 byte length (dialog limits and body limits are in bytes). */
export function utf8Length(s: string): number {
  // Native for long well-formed strings (the whole document); lone surrogates keep the loop's counting.
  if (byteLength !== undefined && s.length > 256 && (s as unknown as { isWellFormed(): boolean }).isWellFormed()) return byteLength(s);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Cuts `text` into chunks of at most `max` runes, with no regard for words (SplitWebhookPost). */
export function splitRunes(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += max) chunks.push(chars.slice(i, i + max).join(''));
  return chunks;
}
