/**
 * Maps indices in a decoded JSON string to offsets in its raw source token (quotes included),
 * so a problem inside a string value (e.g. `*bold*` in a text) can be placed exactly.
 */

/**
 * Returns `map` with map.length === decoded.length + 1: map[i] is the offset, relative to the start
 * of `raw` (which begins with the opening quote), of the source of decoded unit i; the last entry
 * is the offset of the closing quote.
 */
export function decodedIndexMap(raw: string): number[] {
  const map: number[] = [];
  let i = 1; // skip the opening quote
  const end = raw.length - 1; // closing quote (or end for an unterminated token)
  while (i < end) {
    if (raw.charCodeAt(i) === 92 /* \ */) {
      map.push(i);
      i += raw[i + 1] === 'u' ? 6 : 2;
    } else {
      map.push(i);
      i++;
    }
  }
  map.push(Math.min(i, raw.length));
  return map;
}
