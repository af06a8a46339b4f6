/**
 * The one redaction function (README, "Credentials"). Every log line, every error message shown to the user, the send
 * history and any "copy as curl" goes through `redact()`. The helpers below only prepare structured values
 * (URLs, header maps) and then call it.
 *
 * Covered shapes:
 *  - `Authorization: …` (header lines, JSON/JS keys, curl -H), bare `Bearer <token>`
 *  - the `Token: …` response header
 *  - `Cookie: …` / `Set-Cookie: …`, and Mattermost's cookies MMAUTHTOKEN / MMCSRF / MMUSERID anywhere
 *  - `password`, `token`, `login_id` (and `access_token`, `mfa_token`, `csrf`) as JSON / JS keys and form fields
 *  - `/hooks/<key>` and `/hooks/commands/<key>` path segments (also percent-encoded `%2Fhooks%2F`)
 *  - `token=` form fields and `access_token=` query parameters
 *  - URL userinfo (`https://user:pass@host`)
 *  - every string registered with `addSecret()`, wherever it appears (also URL-encoded)
 */

export const MASK = '••••••';

const SENSITIVE_KEYS = 'password|passwd|token|login_id|access_token|mfa_token|authorization|proxy-authorization|cookie|set-cookie|x-csrf-token|csrf|secret|client_secret|refresh_token';
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'token', 'cookie', 'set-cookie', 'x-csrf-token']);

/**
 * Registered secrets: known tokens, webhook URLs, hook ids, passwords for the duration of a login.
 * One registry per process, shared by every bundle that carries this module (the extension and its
 * lazily loaded command bundle), so a secret registered by one is masked by the other's logger.
 */
const REGISTRY_KEY = Symbol.for('mattermost-payloads.redact.registry');
const registry: Set<string> = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Set<string> | undefined)
  ?? ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Set<string>());
/** Secrets shorter than this are not registered (masking "a" everywhere would destroy every message). */
const MIN_SECRET_LENGTH = 4;

/** Registers a secret so that it is masked wherever it appears. Returns a function that unregisters it. */
export function addSecret(secret: string | undefined | null): () => void {
  if (typeof secret !== 'string') return () => undefined;
  const s = secret.trim();
  if (s.length < MIN_SECRET_LENGTH) return () => undefined;
  // For a webhook URL the secret part is its key: registering only the key keeps redacted URLs readable
  // (`https://host/hooks/••••••`) while the key stays masked wherever it appears.
  const hook = /^[a-z][a-z0-9+.-]*:\/\/[^\s]*\/hooks\/(?:commands\/)?([A-Za-z0-9]+)\/?$/i.exec(s);
  const key = hook && hook[1].length >= MIN_SECRET_LENGTH ? hook[1] : s;
  registry.add(key);
  return () => removeSecret(key);
}

function removeSecret(secret: string): void {
  registry.delete(secret.trim());
}

/** Forgets every registered secret (tests, logout of everything). */
export function clearSecrets(): void {
  registry.clear();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function maskRegistered(text: string): string {
  if (registry.size === 0) return text;
  const variants = new Set<string>();
  for (const s of registry) {
    variants.add(s);
    const enc = encodeURIComponent(s);
    if (enc !== s) variants.add(enc);
    const json = JSON.stringify(s).slice(1, -1);
    if (json !== s) variants.add(json);
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(sorted.join('|'), 'g'), MASK);
}

const RULES: Array<[RegExp, string]> = [
  // URL userinfo: scheme://user:pass@host → scheme://••••••@host
  [/\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/g, `$1${MASK}@`],
  // Header lines and curl -H: "Authorization: Bearer x", "Cookie: a=b; c=d", "Set-Cookie: …", "Token: x".
  [/(^|[\s'"{,(;[])((?:proxy-)?authorization|set-cookie|cookie|token|x-csrf-token)(\s*:\s*)(?!\s*["'])([^\r\n'"]*)/gim, `$1$2$3${MASK}`],
  // JSON / JS object keys: "password": "…", 'token': '…', token: '…'
  [new RegExp(`(["']?)(${SENSITIVE_KEYS})\\1(\\s*[:=]\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1$2$1$3"${MASK}"`],
  [new RegExp(`(["']?)(${SENSITIVE_KEYS})\\1(\\s*[:=]\\s*)'(?:[^'\\\\]|\\\\.)*'`, 'gi'), `$1$2$1$3'${MASK}'`],
  // Header objects printed as [["authorization","x"]] or util.inspect arrays.
  [new RegExp(`(["'])(${SENSITIVE_KEYS})\\1(\\s*,\\s*)(["'])(?:(?!\\4).)*\\4`, 'gi'), `$1$2$1$3$4${MASK}$4`],
  // Form fields and query parameters: token=…, access_token=…, password=…, login_id=…
  [new RegExp(`(^|[?&;#\\s"'(])(${SENSITIVE_KEYS})=([^&\\s#"'<>]*)`, 'gim'), `$1$2=${MASK}`],
  // Mattermost cookies wherever they appear.
  [/\b(MMAUTHTOKEN|MMCSRF|MMUSERID|MMAUTHTOKEN_[A-Za-z0-9]+)=([^;\s&"',]*)/g, `$1=${MASK}`],
  // Bearer / Token credentials outside a header line.
  [/\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{4,})/g, `$1 ${MASK}`],
  // Webhook keys in paths, plain and percent-encoded.
  [/(\/hooks\/(?:commands\/)?)([A-Za-z0-9]+)/g, `$1${MASK}`],
  [/(%2Fhooks%2F(?:commands%2F)?)([A-Za-z0-9]+)/gi, `$1${MASK}`],
];

/**
 * Masks every secret in `text`. Idempotent. Never throws; non-strings are stringified first.
 */
export function redact(text: unknown): string {
  let s: string;
  if (typeof text === 'string') s = text;
  else if (text instanceof Error) s = `${text.name}: ${text.message}`;
  else if (text === undefined) return '';
  else if (typeof text === 'object' || typeof text === 'function') {
    try {
      s = JSON.stringify(text) ?? Object.prototype.toString.call(text);
    } catch {
      s = Object.prototype.toString.call(text); // a cycle, or a BigInt inside
    }
  } else {
    const primitive = text as number | boolean | bigint | symbol;
    s = String(primitive);
  }
  s = maskRegistered(s);
  for (const [re, replacement] of RULES) s = s.replace(re, replacement);
  return s;
}

/** `https://mm.example.com/hooks/abc?x=1` → `https://mm.example.com/hooks/••••••?x=1` (secrets in any part masked). */
export function redactUrl(url: string | URL): string {
  let u: URL;
  try {
    u = new URL(typeof url === 'string' ? url : url.href);
  } catch {
    return redact(String(url));
  }
  if (u.username !== '' || u.password !== '') {
    u.username = '';
    u.password = '';
    const s = u.href.replace(/^([a-z][a-z0-9+.-]*:\/\/)/i, `$1${MASK}@`);
    return redact(s);
  }
  return redact(u.href);
}

export type HeaderValue = string | string[] | number | undefined | null;

/** Returns a copy of a header map with credential headers masked and every other value redacted. */
export function redactHeaders(headers: Record<string, HeaderValue> | Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Array<[string, HeaderValue]> = Symbol.iterator in Object(headers) && !isRecord(headers)
    ? [...(headers as Iterable<[string, string]>)]
    : Object.entries(headers as Record<string, HeaderValue>);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    const v = Array.isArray(value) ? value.join(', ') : String(value);
    out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? MASK : redact(v);
  }
  return out;
}

function isRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Redacts a request or response body: JSON login bodies (`login_id`, `password`, `token`) and form bodies
 * (`token=`, `password=`), then every rule in `redact()`.
 */
export function redactBody(body: string, contentType?: string): string {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const parts = body.split('&').map(part => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      let decoded = key;
      try { decoded = decodeURIComponent(key.replace(/\+/g, ' ')); } catch { /* keep raw */ }
      return new RegExp(`^(?:${SENSITIVE_KEYS})$`, 'i').test(decoded) && eq >= 0 ? `${key}=${MASK}` : part;
    });
    return redact(parts.join('&'));
  }
  return redact(body);
}
