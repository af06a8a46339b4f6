/**
 * Server origins: the one thing a credential is bound to (README, "Credentials").
 *
 * An "origin" here is the browser origin (scheme, lower-cased punycode host, explicit non-default port)
 * PLUS the base path for servers installed under a sub-path, without a trailing slash:
 * `https://mm.example.com`, `https://mm.example.com/chat`, `http://127.0.0.1:8065`.
 *
 * Everything is decided on parsed WHATWG `URL` objects and exact string equality of their parts.
 * Errors are InvalidUrlError (errors.ts); their messages never repeat the input.
 * Nothing here uses substring, prefix-of-the-whole-URL or regex matching on URLs.
 *
 * Input without a scheme (`mm.example.com`) is taken as `https://` — never silently as http.
 */

import { InvalidUrlError } from './errors';

export interface NormalizedOrigin {
  /** `scheme://host[:port][/base/path]`, no trailing slash. The key accounts are stored under. */
  origin: string;
  /** `https:` or `http:` */
  protocol: 'https:' | 'http:';
  /** Lower-cased, punycode host name (IPv6 in brackets). */
  hostname: string;
  /** Explicit non-default port, or '' for the scheme's default. */
  port: string;
  /** '' or a path starting with '/' and not ending with '/'. */
  basePath: string;
  /** A URL for the origin (pathname = basePath or '/'). */
  url: URL;
}

const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Describes the input for an error message without echoing anything that could be a secret. */
function describeProblem(what: string): InvalidUrlError {
  return new InvalidUrlError(what);
}

/**
 * Parses what a user typed (or a setting holds) into a normalized origin.
 * Throws InvalidUrlError with a message that never repeats userinfo, query or fragment.
 */
export function normalizeServerUrl(input: string): NormalizedOrigin {
  if (typeof input !== 'string') throw describeProblem('The server URL must be text.');
  const raw = input.trim();
  if (raw === '') throw describeProblem('Enter the server URL, for example https://mattermost.example.com.');
  if (/[\s\\]/.test(raw)) throw describeProblem('The server URL must not contain spaces or backslashes.');
  if (raw.startsWith('//')) {
    throw describeProblem('The server URL needs a scheme: write https://… (a protocol-relative URL is not accepted).');
  }
  // "host:port" would parse as scheme "host:"; only an explicit "scheme://" counts as a scheme.
  let withScheme: string;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw)) {
    withScheme = raw;
  } else if (SCHEME_RE.test(raw) && !/^[^:/?#]+:\d+(?:[/?#]|$)/.test(raw)) {
    // e.g. "javascript:alert(1)", "mailto:x", "file:/etc"
    throw describeProblem('The server URL must start with https:// or http://.');
  } else {
    withScheme = `https://${raw}`;
  }

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw describeProblem('That is not a valid server URL. Use the form https://mattermost.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw describeProblem(`The server URL must use https:// or http://, not ${url.protocol}//.`);
  }
  if (url.username !== '' || url.password !== '' || /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*@/.test(withScheme)) {
    throw describeProblem('The server URL must not contain a user name or password (user@host). Enter only the server address.');
  }
  if (url.search !== '' || raw.includes('?')) {
    throw describeProblem('The server URL must not contain a query (?…). Enter only the server address.');
  }
  if (url.hash !== '' || raw.includes('#')) {
    throw describeProblem('The server URL must not contain a fragment (#…). Enter only the server address.');
  }
  if (url.hostname === '') throw describeProblem('The server URL has no host name.');

  let basePath = url.pathname.replace(/\/+$/, '');
  if (/%2f|%5c/i.test(basePath)) {
    throw describeProblem('The server URL path must not contain encoded slashes.');
  }
  const segments = basePath.split('/');
  if (segments.includes('hooks')) {
    throw describeProblem('That looks like a webhook URL. Enter the server address only (for example https://mattermost.example.com); add webhooks with "Manage Webhooks".');
  }
  const apiIndex = segments.indexOf('api');
  if (apiIndex >= 0 && segments[apiIndex + 1] === 'v4') {
    basePath = segments.slice(0, apiIndex).join('/');
  }
  if (basePath === '/') basePath = '';

  const protocol = url.protocol;
  const hostname = url.hostname.toLowerCase();
  const port = url.port;
  const hostPart = port === '' ? hostname : `${hostname}:${port}`;
  const origin = `${protocol}//${hostPart}${basePath}`;
  return { origin, protocol, hostname, port, basePath, url: new URL(`${protocol}//${hostPart}${basePath || '/'}`) };
}

/** Like normalizeServerUrl, but returns undefined instead of throwing. */
export function tryNormalizeServerUrl(input: string): NormalizedOrigin | undefined {
  try {
    return normalizeServerUrl(input);
  } catch {
    return undefined;
  }
}

function asOrigin(value: string | NormalizedOrigin): NormalizedOrigin | undefined {
  return typeof value === 'string' ? tryNormalizeServerUrl(value) : value;
}

/**
 * True when both name exactly the same server origin (scheme, host, port and base path), compared part by
 * part on parsed URLs. Unparseable input is never the same origin as anything.
 */
export function sameOrigin(a: string | NormalizedOrigin, b: string | NormalizedOrigin): boolean {
  const x = asOrigin(a);
  const y = asOrigin(b);
  if (!x || !y) return false;
  return x.protocol === y.protocol && x.hostname === y.hostname && x.port === y.port && x.basePath === y.basePath;
}

/**
 * True when `requestUrl` (an absolute URL) is on the account's origin and inside its base path:
 * same scheme, host and port, no userinfo, and the path equals the base path or continues it after a '/'
 * (segment-wise, so `/chat` does not cover `/chatty`).
 */
export function isWithinOrigin(requestUrl: string | URL, origin: string | NormalizedOrigin): boolean {
  const o = asOrigin(origin);
  if (!o) return false;
  let u: URL;
  try {
    u = typeof requestUrl === 'string' ? new URL(requestUrl) : new URL(requestUrl.href);
  } catch {
    return false;
  }
  if (u.protocol !== o.protocol || u.hostname.toLowerCase() !== o.hostname || u.port !== o.port) return false;
  if (u.username !== '' || u.password !== '') return false;
  if (o.basePath === '') return true;
  // Under a base path, an encoded slash could be decoded by a proxy in front of the server and climb out.
  if (/%2f|%5c/i.test(u.pathname)) return false;
  return u.pathname === o.basePath || u.pathname.startsWith(`${o.basePath}/`);
}

/**
 * Builds an absolute URL for `path` (which must start with '/') under the origin, and checks the result is
 * still inside it (a path like `/../x` or `//evil.test` can never escape).
 */
export function urlOnOrigin(origin: string | NormalizedOrigin, path: string): string {
  const o = asOrigin(origin);
  if (!o) throw new InvalidUrlError('The stored server origin is not a valid URL.');
  if (!path.startsWith('/') || path.startsWith('//')) throw new InvalidUrlError('Internal error: request path must start with a single "/".');
  const full = `${o.origin}${path}`;
  if (!isWithinOrigin(full, o)) throw new InvalidUrlError('Internal error: the request would leave the account\'s server.');
  return new URL(full).href;
}

export interface ParsedWebhookUrl {
  /** The server origin the hook lives on, including base path. */
  origin: NormalizedOrigin;
  /** The hook id (a secret). */
  hookId: string;
  /** The normalized absolute webhook URL (a secret). */
  href: string;
}

/**
 * Parses an incoming-webhook URL `https://host[/base]/hooks/<id>`. The id must match [A-Za-z0-9]+ as the
 * server's route does. Userinfo, query and fragment are refused. Error messages never repeat the URL.
 */
export function parseWebhookUrl(input: string): ParsedWebhookUrl {
  if (typeof input !== 'string' || input.trim() === '') throw new InvalidUrlError('Enter the webhook URL.');
  const raw = input.trim();
  if (!/^https?:\/\//i.test(raw)) throw new InvalidUrlError('A webhook URL must start with https:// or http://.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidUrlError('That is not a valid webhook URL.');
  }
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/?#]*@/i.test(raw)) {
    throw new InvalidUrlError('A webhook URL must not contain a user name or password.');
  }
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw new InvalidUrlError('A webhook URL must not contain a query or fragment.');
  }
  const m = /^(.*)\/hooks\/([A-Za-z0-9]+)\/?$/.exec(url.pathname);
  if (!m) throw new InvalidUrlError('A webhook URL looks like https://mattermost.example.com/hooks/<id>.');
  const origin = normalizeServerUrl(`${url.protocol}//${url.host}${m[1]}`);
  return { origin, hookId: m[2], href: `${origin.origin}/hooks/${m[2]}` };
}

/**
 * Finds the stored item (account, webhook…) whose origin is exactly the origin `serverUrl` names, or
 * undefined. This is how a workspace setting that only *names* a server is mapped to a login: there is no
 * fallback to any other origin's credentials.
 */
export function findByOrigin<T extends { origin: string }>(items: readonly T[], serverUrl: string): T | undefined {
  const target = tryNormalizeServerUrl(serverUrl);
  if (!target) return undefined;
  return items.find(item => sameOrigin(item.origin, target));
}

/**
 * True for hosts that are this machine: `localhost`, 127.0.0.0/8 and ::1 (as URL.hostname gives
 * them). Plain http to anything else means the payload can be read on the way.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
