/**
 * The transport under the client: one request with `redirect: 'manual'`, a timeout, cancellation, a capped
 * body read, the bounded 429 wait, and redacted logging. It knows nothing about Mattermost endpoints.
 */
import { Readable } from 'stream';
import {
  BodyTooLargeError, CancelledError, NetworkError, RedirectError, TimeoutError,
} from './errors';
import { isWithinOrigin } from './origin';
import { redact, redactHeaders, redactUrl } from './redact';
import type { BodyText, CallOptions, FetchHeadersLike, FetchLike, FetchResponseLike, Logger, LogLevel } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_RATE_LIMIT = { maxWaitSeconds: 10, maxRetries: 1 };

export interface RateLimitPolicy {
  /** Longest wait the client accepts before giving up with RateLimitedError. */
  maxWaitSeconds: number;
  /** How many times one request may be re-sent after a 429. 0 disables waiting. */
  maxRetries: number;
}

export interface TransportOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  maxBodyBytes?: number;
  rateLimit?: Partial<RateLimitPolicy>;
  logger?: Logger;
  userAgent?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Absolute URL, already checked to be on `origin`. */
  url: string;
  /** The origin the request belongs to, for judging a redirect's Location. */
  origin: string;
  headers?: Record<string, string>;
  /** Sliced (an array) for a big text: it is then encoded and written one slice per turn of the event loop. */
  body?: BodyText;
}

export interface HttpResponse {
  status: number;
  headers: FetchHeadersLike;
  text: string;
}


function nowMs(): number {
  return Date.now();
}

/** Seconds from now, from Retry-After (seconds or HTTP date) or X-RateLimit-Reset (seconds from now). */
export function retryAfterSeconds(headers: FetchHeadersLike): number | undefined {
  const ra = headers.get('retry-after');
  if (ra !== null && ra.trim() !== '') {
    const t = ra.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.ceil(Number(t));
    const date = Date.parse(t);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs()) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null && /^\s*\d+(\.\d+)?\s*$/.test(reset)) return Math.ceil(Number(reset));
  return undefined;
}

type AbortReason = 'timeout' | 'cancel' | 'cap' | undefined;

export class Transport {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly rateLimit: RateLimitPolicy;
  private readonly fetchFn: FetchLike;
  private readonly logger?: Logger;
  private readonly userAgent: string;

  constructor(opts: TransportOptions) {
    if (typeof opts.fetch !== 'function') throw new TypeError('A fetch function is required.');
    this.fetchFn = opts.fetch;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.rateLimit = { ...DEFAULT_RATE_LIMIT, ...(opts.rateLimit ?? {}) };
    this.logger = opts.logger;
    this.userAgent = opts.userAgent ?? 'mattermost-payloads';
  }

  /** Every log line goes through redact(), whatever the caller passed. */
  log(level: LogLevel, message: string): void {
    if (!this.logger) return;
    try {
      this.logger(level, redact(message));
    } catch {
      /* a failing logger never breaks a request */
    }
  }

  /**
   * Sends `req`. Resolves with any non-3xx, non-429 answer (errors included: the caller maps them).
   * Throws RedirectError for 3xx, `{ rateLimited }` info via the returned 429 response when the wait bound is
   * exceeded (status 429 is returned as is), Timeout/Cancelled/Network/BodyTooLarge errors otherwise.
   */
  async send(req: HttpRequest, opts: CallOptions = {}): Promise<HttpResponse> {
    const target = redactUrl(req.url);
    for (let attempt = 0; ; attempt++) {
      const res = await this.once(req, opts, target);
      if (res.status !== 429) return res;
      const wait = retryAfterSeconds(res.headers);
      if (wait === undefined || wait > this.rateLimit.maxWaitSeconds || attempt >= this.rateLimit.maxRetries) {
        this.log('warn', `[http] 429 ${req.method} ${target}: rate limited${wait !== undefined ? `, retry after ${wait} s` : ''}; not waiting${wait !== undefined && wait > this.rateLimit.maxWaitSeconds ? ` (over the ${this.rateLimit.maxWaitSeconds} s bound)` : ''}`);
        return res;
      }
      // At least 250 ms between attempts, whatever the header said: never spin.
      const ms = Math.max(250, wait * 1000);
      this.log('info', `[http] 429 ${req.method} ${target}: waiting ${ms} ms before the one retry (the server did not process the request)`);
      await sleep(ms, opts.signal);
    }
  }

  private async once(req: HttpRequest, opts: CallOptions, target: string): Promise<HttpResponse> {
    if (opts.signal?.aborted) throw new CancelledError();
    const controller = new AbortController();
    let reason: AbortReason;
    const abort = (r: AbortReason): void => {
      if (reason === undefined) reason = r;
      controller.abort();
    };
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const timer = setTimeout(() => abort('timeout'), timeoutMs);
    const onCancel = (): void => abort('cancel');
    opts.signal?.addEventListener('abort', onCancel, { once: true });

    const headers: Record<string, string> = {
      'Accept': 'application/json',
      'User-Agent': this.userAgent,
      ...(req.headers ?? {}),
    };
    // A sliced body is encoded one slice per turn (a 10 MB text encoded at once blocks this thread for
    // 50–100 ms here), with its exact length up front; each attempt gets a fresh stream.
    const body = typeof req.body === 'object' ? bodyChunks(req.body) : req.body;
    if (typeof req.body === 'object') headers['Content-Length'] = String(req.body.reduce((n, part) => n + Buffer.byteLength(part), 0));
    const started = nowMs();
    this.log('debug', `[http] → ${req.method} ${target}`);
    this.log('trace', `[http] request headers ${JSON.stringify(redactHeaders(headers))}`);
    const mapFailure = (e: unknown): Error => {
      if (reason === 'timeout') return new TimeoutError(target, timeoutMs);
      if (reason === 'cancel') return new CancelledError();
      if (e instanceof BodyTooLargeError) return e;
      const code = errorCode(e);
      return new NetworkError(target, code);
    };
    try {
      let res: FetchResponseLike;
      try {
        res = await this.fetchFn(req.url, {
          method: req.method,
          headers,
          body,
          ...(typeof body === 'object' ? { duplex: 'half' as const } : {}),
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch (e) {
        throw mapFailure(e);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        discard(res);
        const raw = res.headers.get('location');
        throw this.redirectError(req, res.status, raw);
      }
      let text: string;
      try {
        text = await readCapped(res, this.maxBodyBytes, () => abort('cap'), target);
      } catch (e) {
        throw mapFailure(e);
      }
      this.log('debug', `[http] ← ${res.status} ${req.method} ${target} (${nowMs() - started} ms, ${Buffer.byteLength(text)} B)`);
      return { status: res.status, headers: res.headers, text };
    } catch (e) {
      if (!(e instanceof RedirectError)) this.log('warn', `[http] ✗ ${req.method} ${target}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCancel);
    }
  }

  private redirectError(req: HttpRequest, status: number, rawLocation: string | null): RedirectError {
    let location: string | undefined;
    let crossOrigin = true;
    let downgrade = false;
    if (rawLocation !== null && rawLocation.trim() !== '') {
      try {
        const abs = new URL(rawLocation.trim(), req.url);
        location = redactUrl(abs);
        crossOrigin = !isWithinOrigin(abs, req.origin);
        downgrade = new URL(req.url).protocol === 'https:' && abs.protocol !== 'https:';
      } catch {
        location = redact(rawLocation);
      }
    }
    const err = new RedirectError(status, location, crossOrigin, downgrade);
    this.log('warn', `[http] ${status} ${req.method} ${redactUrl(req.url)}: redirect${location ? ` to ${location}` : ''} not followed`);
    return err;
  }
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const rec = e as { code?: unknown; errno?: unknown; cause?: unknown; type?: unknown };
  if (typeof rec.code === 'string' && /^[A-Z_0-9]+$/.test(rec.code)) return rec.code;
  if (typeof rec.errno === 'string' && /^[A-Z_0-9]+$/.test(rec.errno)) return rec.errno;
  if (rec.cause) return errorCode(rec.cause);
  return undefined;
}

function discard(res: FetchResponseLike): void {
  const body = res.body as { destroy?: () => void; cancel?: () => Promise<void> } | null | undefined;
  try {
    if (body && typeof body.destroy === 'function') body.destroy();
    else if (body && typeof body.cancel === 'function') void body.cancel().catch(() => undefined);
  } catch {
    /* ignore */
  }
}

interface WebReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/** Reads the body as UTF-8, stopping (and aborting the connection) as soon as it passes `cap` bytes. */
async function readCapped(res: FetchResponseLike, cap: number, abort: () => void, target: string): Promise<string> {
  const declared = res.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > cap) {
    discard(res);
    abort();
    throw new BodyTooLargeError(target, cap);
  }
  const body = res.body as { getReader?: () => WebReader; [Symbol.asyncIterator]?: () => AsyncIterator<unknown>; destroy?: () => void } | null | undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  const push = (chunk: unknown): boolean => {
    const buf = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > cap) return false;
    chunks.push(buf);
    return true;
  };
  if (body === null || body === undefined) {
    const t = await res.text();
    if (Buffer.byteLength(t) > cap) throw new BodyTooLargeError(target, cap);
    return t;
  }
  if (typeof body.getReader === 'function') {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value && !push(value)) {
        void reader.cancel().catch(() => undefined);
        abort();
        throw new BodyTooLargeError(target, cap);
      }
    }
  } else if (typeof body[Symbol.asyncIterator] === 'function') {
    for await (const chunk of body as AsyncIterable<unknown>) {
      if (!push(chunk)) {
        if (typeof body.destroy === 'function') body.destroy();
        abort();
        throw new BodyTooLargeError(target, cap);
      }
    }
  } else {
    const t = await res.text();
    if (Buffer.byteLength(t) > cap) throw new BodyTooLargeError(target, cap);
    return t;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves after `ms`, or rejects with CancelledError as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The slices as a stream of UTF-8 Buffers, one slice encoded per turn of the event loop. */
function bodyChunks(parts: readonly string[]): Readable {
  return Readable.from((async function* () {
    for (const part of parts) {
      yield Buffer.from(part, 'utf8');
      await new Promise<void>(r => setImmediate(r));
    }
  })());
}
