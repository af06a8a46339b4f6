/** The server's URL and id checks (model.IsValidHTTPURL, model.IsValidId). */

/** A Mattermost id: 26 lower-case letters and digits (model.IsValidId). */
const ID_PATTERN = /^[a-z0-9]{26}$/;

export function isValidId(s: string): boolean {
  return ID_PATTERN.test(s);
}

/** No port, no user info, no `xn--` label, last label starts with a letter (not an IPv4 number). */
export const SIMPLE_HTTP_URL = /^https?:\/\/(?![^/?#]*[xX][nN]--)(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][!-~]*)?$/;

/**
 * SIMPLE_HTTP_URL.test(s) for an `s` that starts with http:// or https://, in one loop over the
 * characters instead of a backtracking match (the test every attachment URL takes).
 */
export function simpleHttpUrl(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(4) === 115 /* s */ ? 8 : 7;
  let label = i; // start of the current host label
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (i === label) return false; // an empty label
      label = i + 1;
      continue;
    }
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    const lower = c | 0x20;
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
    // an xn-- (IDN) label goes to the URL parser
    if (lower === 120 && (s.charCodeAt(i + 1) | 0x20) === 110 && s.charCodeAt(i + 2) === 45 && s.charCodeAt(i + 3) === 45) return false;
  }
  // the last label is not empty and starts with a letter
  if (label >= i) return false;
  const f = s.charCodeAt(label) | 0x20;
  if (f < 97 || f > 122) return false;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** Go's model.IsValidHTTPURL: an http:// or https:// prefix (case-sensitive) and a host. */
export function isValidHttpUrl(s: string): boolean {
  // "http://" or "https://", compared by code unit (cheaper than two startsWith on every URL)
  if (s.charCodeAt(0) !== 104 || s.charCodeAt(1) !== 116 || s.charCodeAt(2) !== 116 || s.charCodeAt(3) !== 112) return false;
  const c4 = s.charCodeAt(4);
  const at = c4 === 115 /* s */ ? 5 : 4;
  if (s.charCodeAt(at) !== 58 || s.charCodeAt(at + 1) !== 47 || s.charCodeAt(at + 2) !== 47) return false;
  // Cheap accept for the common shape (a plain DNS host, then a path of printable ASCII), which the
  // URL parser always accepts; anything else (ports, user info, IP or IDN hosts, …) goes to it.
  if (simpleHttpUrl(s)) return true;
  try {
    const u = new URL(s);
    return u.host !== '';
  } catch {
    return false;
  }
}
