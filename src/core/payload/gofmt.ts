/** Go's fmt `%v` for values decoded from JSON into interface{} (all numbers are float64). */

/**
 * strconv.FormatFloat(x, 'g', -1, 64), which `%v` uses: the shortest digits, in exponent form when
 * the decimal exponent is < -4 or >= 6 (Go uses precision 6 for that decision when formatting the
 * shortest representation). 1234567 → "1.234567e+06", 123456 → "123456", 0.00001 → "1e-05".
 */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' + abs : abs}`;
  }
  return String(x);
}

export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map(k => `${k}:${goV(o[k])}`)
    .join(' ')}]`;
}
