/**
 * Go's `fmt.Sprintf("%v", x)` for values decoded from JSON into interface{} (float64, bool, string,
 * map[string]interface{}, []interface{}). The server uses it for attachment field values (webhooks,
 * slash commands, outgoing webhooks; MATTERMOST_RULES.md §2.3).
 */

/**
 * strconv.FormatFloat(x, 'g', -1, 64), which `%v` uses: the shortest digits, in exponent form when
 * the decimal exponent is < -4 or >= 6 (Go uses precision 6 for that decision when formatting the
 * shortest representation). 1234567 → "1.234567e+06", 123456 → "123456", 0.00001 → "1e-05".
 */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // toExponential() without digits gives the shortest round-trip mantissa, like Go.
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' + abs : abs}`;
  }
  // JS prints plain decimals for 1e-7 < |x| < 1e21, which covers this range, with shortest digits.
  return String(x);
}

/**
 * Go orders map keys by their UTF-8 bytes, which is code point order. JavaScript's default sort
 * compares UTF-16 units, which puts a supplementary character (a surrogate pair, 0xD800…) before
 * U+E000…U+FFFF: "😀" < "Ａ" in UTF-16, but "Ａ" (U+FF21) < "😀" (U+1F600) in Go.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (a code point >= U+10000) sorts after every other BMP unit
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** `%v` of a value decoded from JSON (undefined, as an absent value, prints like nil). */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort(compareGoStrings)
    .map(k => `${k}:${goV(o[k])}`)
    .join(' ')}]`;
}
