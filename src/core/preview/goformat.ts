/** How the Mattermost server (Go) turns JSON values into strings: fmt.Sprintf("%v", value). */
import { JObject, type Json } from './json';

/**
 * Go's %v for a float64: strconv 'g' with the shortest digits, where exponent form is used when
 * the decimal exponent is < -4 or >= 6 (so 1234567 → "1.234567e+06", 0.00001 → "1e-05").
 */
export function goFloat(n: number): string {
  if (Object.is(n, -0)) {
    return '-0';
  }
  if (n === 0) {
    return '0';
  }
  // toExponential() without digits gives the shortest round-trip mantissa, like Go.
  const [mantissa, e] = n.toExponential().split('e');
  const decimalExp = Number(e);
  if (decimalExp < -4 || decimalExp >= 6) {
    const sign = decimalExp < 0 ? '-' : '+';
    const digits = String(Math.abs(decimalExp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  // JS prints plain decimals for 1e-7 < |n| < 1e21, which covers this range, with shortest digits.
  return String(n);
}

function compareCodePoints(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i].codePointAt(0) ?? 0) - (cb[i].codePointAt(0) ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return ca.length - cb.length;
}

/** fmt.Sprintf("%v") of a value decoded into interface{} (numbers are float64, maps print sorted). */
export function goSprintV(value: Json): string {
  if (value === null) {
    return '<nil>';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'number') {
    return goFloat(value);
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return `[${value.map(goSprintV).join(' ')}]`;
  }
  const entries = (value as JObject).uniqueEntries().sort((a, b) => compareCodePoints(a[0], b[0]));
  return `map[${entries.map(([k, v]) => `${k}:${goSprintV(v)}`).join(' ')}]`;
}

/** Number of Unicode code points (Go runes), not UTF-16 units. */
export function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) {
    n++;
  }
  return n;
}

/** SplitWebhookPost: hard cuts every `max` runes, no word boundaries. */
export function splitRunes(text: string, max: number): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) {
    return [text];
  }
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += max) {
    chunks.push(chars.slice(i, i + max).join(''));
  }
  return chunks;
}
