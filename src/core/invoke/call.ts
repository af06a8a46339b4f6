/**
 * Sends one request to an integration as the server's client would (node http/https, no redirects
 * followed, the server's 30 s timeout, at most the server's read limit of the answer) and returns
 * what came back, or why nothing did.
 */
import * as http from 'http';
import * as https from 'https';
import { INTEGRATION_RESPONSE_LIMIT, INTEGRATION_TIMEOUT_MS } from '../server/integrations';
import type { Answer } from './judge';
import type { InvokeRequest } from './request';

export type CallResult = { ok: true; answer: Answer; ms: number } | { ok: false; reason: string; ms: number };

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Bytes to read before giving up on the rest (default: the server's 1 MiB). */
  limit?: number;
}

export function call(req: InvokeRequest, opts: CallOptions = {}): Promise<CallResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? INTEGRATION_TIMEOUT_MS;
  const limit = opts.limit ?? INTEGRATION_RESPONSE_LIMIT;
  return new Promise(resolve => {
    let done = false;
    const finish = (r: CallResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const fail = (reason: string) => finish({ ok: false, reason, ms: Date.now() - started });
    const url = new URL(req.url);
    const mod = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { 'User-Agent': 'Mattermost-Bot/1.1', ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const r = mod.request(url, { method: req.method, headers }, res => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      const answer = (): Answer => ({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        body: Buffer.concat(chunks),
        over,
        location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
      });
      res.on('data', (c: Buffer) => {
        if (over) return;
        const room = limit - size;
        if (c.length > room) {
          chunks.push(c.subarray(0, room));
          size = limit;
          over = true;
          finish({ ok: true, answer: answer(), ms: Date.now() - started });
          res.destroy();
          return;
        }
        chunks.push(c);
        size += c.length;
      });
      res.on('end', () => finish({ ok: true, answer: answer(), ms: Date.now() - started }));
      res.on('error', e => fail(`the answer broke off (${e.message}).`));
    });
    const timer = setTimeout(() => {
      fail(`the integration did not answer within ${Math.round(timeoutMs / 1000)} s (the server's OutgoingIntegrationRequestsTimeout).`);
      r.destroy();
    }, timeoutMs);
    const onAbort = () => {
      fail('cancelled.');
      r.destroy();
    };
    opts.signal?.addEventListener('abort', onAbort);
    r.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      fail(code === 'ECONNREFUSED' ? `${url.host} refused the connection (is the integration running?).`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `${url.hostname} was not found.`
          : `the request failed (${code || e.message}).`);
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
