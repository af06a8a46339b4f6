/**
 * A Mattermost-compatible HTTP server on 127.0.0.1 for trying sends and for tests.
 *
 *  - Mattermost routes: /api/v4/… (api.ts) and POST /hooks/{id} (webhook.ts).
 *  - Every Mattermost-route request is recorded (method, path, query, headers, body text).
 *  - Faults (faults.ts) are injected programmatically or over HTTP.
 *  - Control routes live under /__sandbox/ only, are never recorded and never faulted:
 *      GET/DELETE /__sandbox/requests   GET/POST/DELETE /__sandbox/faults   POST /__sandbox/reset
 *      GET/POST /__sandbox/config       POST /__sandbox/profile (a client-config JSON)   GET /__sandbox/info
 *    POSTs must be `Content-Type: application/json` (so a web page cannot drive them with a simple form post).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleApi } from './api';
import { FaultBook, parseFault, type Fault } from './faults';
import { appError, baseHeaders, newRequestId, sendJson, sendText, type Ctx } from './respond';
import { createState, SEED, type PostRecord, type SandboxConfig, type SandboxState } from './state';
import { parseVersion } from '../core/server/profile';
import { bodyLimit, configFromProfile, supports, versionId } from './profile';
import { handleWebhook } from './webhook';

const SANDBOX_HOST = '127.0.0.1';
/** Bodies past this are cut off and the connection closed, whatever the configured payload size. */
const HARD_BODY_LIMIT = 64 * 1024 * 1024;

interface RecordedRequest {
  seq: number;
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased header names, as Node parsed them. */
  headers: IncomingHttpHeaders;
  /** The body as read (at most MaximumPayloadSizeBytes + 512 bytes), UTF-8. */
  body: string;
  /** Bytes the client actually sent. */
  bodyBytes: number;
  truncated: boolean;
}

interface SandboxInfo {
  url: string;
  login: { loginId: string; password: string };
  mfaLogin: { loginId: string; password: string; mfaCode: string };
  pat: string;
  user: { id: string; username: string };
  team: { id: string; name: string };
  channels: Record<string, { id: string; name: string }>;
  webhooks: { normal: string; locked: string };
  /** The server the sandbox plays. */
  server?: { version: string; usernameOverride: boolean; iconOverride: boolean; mmBlocks: boolean };
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request received on a Mattermost route, in order. */
  readonly requests: RecordedRequest[];
  /** Posts created through the API or webhooks. */
  readonly posts: PostRecord[];
  readonly state: SandboxState;
  info(): SandboxInfo;
  webhookUrl(which?: 'normal' | 'locked'): string;
  inject(fault: Fault | Fault[]): void;
  clearFaults(): void;
  faults(): Fault[];
  clearRequests(): void;
  setConfig(config: Partial<SandboxConfig>): void;
  /**
   * Plays the server a profile describes (a client-config object: "Version", "EnablePostUsernameOverride", …):
   * its version and settings; keys it leaves out keep their current values. Throws ProfileError for bad input.
   */
  setProfile(profile: unknown): void;
  /** Makes every session token invalid (PATs stay valid). */
  expireSessions(): void;
  /** Fresh seeded state, no requests, no faults. */
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Settings to start with (and to go back to on reset), e.g. from `--version` and `--config`. */
  config?: Partial<SandboxConfig>;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

interface ReadBody {
  text: string;
  bytes: number;
  truncated: boolean;
}

function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (kept < limit) {
        const take = chunk.subarray(0, limit - kept);
        chunks.push(take);
        kept += take.length;
      }
      if (total > HARD_BODY_LIMIT) req.destroy();
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), bytes: total, truncated: total > limit }));
    req.on('error', reject);
    req.on('close', () => { if (!req.complete) reject(new Error('aborted')); });
  });
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const fresh = (): SandboxState => {
    const st = createState();
    st.config = { ...st.config, ...opts.config };
    return st;
  };
  let state = fresh();
  let requests: RecordedRequest[] = [];
  let seq = 0;
  const book = new FaultBook();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let closed = false;
  let url = '';

  const wait = (ms: number): Promise<void> => new Promise(resolve => {
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.add(t);
  });

  const info = (): SandboxInfo => ({
    url,
    login: { loginId: SEED.user.username, password: SEED.user.password },
    mfaLogin: { loginId: SEED.mfaUser.username, password: SEED.mfaUser.password, mfaCode: SEED.mfaUser.mfaCode },
    pat: SEED.pat,
    user: { id: SEED.user.id, username: SEED.user.username },
    team: { id: SEED.team.id, name: SEED.team.name },
    channels: Object.fromEntries(Object.entries(SEED.channels).map(([k, c]) => [k, { id: c.id, name: c.name }])),
    webhooks: { normal: `${url}/hooks/${SEED.hooks.normal.id}`, locked: `${url}/hooks/${SEED.hooks.locked.id}` },
    server: { version: state.config.version, usernameOverride: state.config.enablePostUsernameOverride, iconOverride: state.config.enablePostIconOverride, mmBlocks: supports(state.config, 'mm-blocks') },
  });

  const sandbox: Sandbox = {
    get url() { return url; },
    get port() { return (server.address() as AddressInfo).port; },
    get requests() { return requests; },
    get posts() { return state.posts; },
    get state() { return state; },
    info,
    webhookUrl: (which = 'normal') => `${url}/hooks/${SEED.hooks[which].id}`,
    inject: fault => { for (const f of Array.isArray(fault) ? fault : [fault]) book.add(f); },
    clearFaults: () => book.clear(),
    faults: () => book.list(),
    clearRequests: () => { requests = []; },
    setConfig: c => { state.config = { ...state.config, ...c }; },
    setProfile: p => { state.config = { ...state.config, ...configFromProfile(p) }; },
    expireSessions: () => { for (const [t, s] of state.sessions) if (s.kind === 'session') state.sessions.delete(t); },
    reset: () => { state = fresh(); requests = []; book.clear(); },
    close: () => new Promise<void>(resolve => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
    }),
  };

  async function control(req: IncomingMessage, ctx: Ctx, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const body = await readBody(req, 1024 * 1024);
    if (method === 'POST' && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(ctx, 415, { error: 'Control routes need Content-Type: application/json.' });
    }
    let json: unknown;
    if (method === 'POST' && body.text.trim() !== '') {
      try { json = JSON.parse(body.text); } catch { return sendJson(ctx, 400, { error: 'Body is not JSON.' }); }
    }
    switch (`${method} ${path}`) {
      case 'GET /__sandbox/requests': return sendJson(ctx, 200, requests);
      case 'DELETE /__sandbox/requests': requests = []; return sendJson(ctx, 200, { status: 'OK' });
      case 'GET /__sandbox/faults': return sendJson(ctx, 200, book.list());
      case 'DELETE /__sandbox/faults': book.clear(); return sendJson(ctx, 200, { status: 'OK' });
      case 'POST /__sandbox/faults': {
        try {
          const list = Array.isArray(json) ? json : [json];
          const parsed = list.map(parseFault);
          parsed.forEach(f => book.add(f));
          return sendJson(ctx, 200, { added: parsed.length });
        } catch (e) {
          return sendJson(ctx, 400, { error: e instanceof Error ? e.message : 'Invalid fault.' });
        }
      }
      case 'POST /__sandbox/reset': sandbox.reset(); return sendJson(ctx, 200, { status: 'OK' });
      case 'GET /__sandbox/config': return sendJson(ctx, 200, state.config);
      case 'POST /__sandbox/config': {
        if (typeof json !== 'object' || json === null || Array.isArray(json)) return sendJson(ctx, 400, { error: 'Config is a JSON object.' });
        try {
          if ('version' in json) parseVersion(String(json.version));
        } catch (e) {
          return sendJson(ctx, 400, { error: e instanceof Error ? e.message : 'Invalid version.' });
        }
        sandbox.setConfig(json);
        return sendJson(ctx, 200, state.config);
      }
      case 'POST /__sandbox/profile': {
        try {
          sandbox.setProfile(json);
        } catch (e) {
          return sendJson(ctx, 400, { error: e instanceof Error ? e.message : 'Invalid profile.' });
        }
        return sendJson(ctx, 200, state.config);
      }
      case 'GET /__sandbox/info': return sendJson(ctx, 200, info());
      default: return sendJson(ctx, 404, { error: 'Unknown control route.' });
    }
  }

  async function applyFault(f: Exclude<Fault, { kind: 'delay' }>, req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
    switch (f.kind) {
      case 'status': return appError(ctx, f.status ?? 500, f.id ?? 'app.sandbox.injected_fault.app_error', f.message ?? 'An injected sandbox fault.');
      case 'unauthorized': return appError(ctx, 401, 'api.context.session_expired.app_error');
      case 'rateLimit': {
        const ra = f.retryAfterSeconds ?? 1;
        const which = f.headers ?? 'both';
        res.setHeader('X-RateLimit-Limit', '10');
        res.setHeader('X-RateLimit-Remaining', '0');
        if (which === 'both' || which === 'reset') res.setHeader('X-RateLimit-Reset', String(f.resetSeconds ?? ra));
        if (which === 'both' || which === 'retry-after') res.setHeader('Retry-After', String(ra));
        return sendText(ctx, 429, 'limit exceeded\n', 'text/plain; charset=utf-8');
      }
      case 'redirect':
        res.statusCode = f.status ?? 302;
        res.setHeader('Location', f.location);
        res.setHeader('Content-Length', '0');
        res.end();
        return;
      case 'malformedJson':
        return sendText(ctx, f.status ?? 200, '{"id":"sandbox","message":"this body is cut', 'application/json');
      case 'hugeBody': {
        const total = f.bytes ?? 2 * 1024 * 1024;
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json');
        if (f.contentLength) res.setHeader('Content-Length', String(total));
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        while (sent < total && !res.destroyed && !closed) {
          const n = Math.min(chunk.length, total - sent);
          sent += n;
          if (!res.write(chunk.subarray(0, n))) {
            await new Promise<void>(resolve => {
              const done = (): void => { res.off('drain', done); res.off('close', done); resolve(); };
              res.on('drain', done);
              res.on('close', done);
            });
          }
        }
        if (!res.destroyed) res.end();
        return;
      }
      case 'reset': {
        const s = req.socket as Socket & { resetAndDestroy?: () => Socket };
        if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
        else s.destroy();
        return;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const ctx: Ctx = { res, requestId };
    baseHeaders(res, requestId, versionId(state.config));
    const method = (req.method ?? 'GET').toUpperCase();
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = parsed.pathname;
    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return control(req, ctx, path);

    const limit = bodyLimit(state.config) ?? HARD_BODY_LIMIT;
    const body = await readBody(req, limit);
    requests.push({
      seq: ++seq, time: Date.now(), method, path, query: queryRecord(parsed.searchParams),
      headers: { ...req.headers }, body: body.text, bodyBytes: body.bytes, truncated: body.truncated,
    });

    const { delay, answer } = book.take(method, path);
    if (delay) {
      await wait(delay.ms);
      if (closed || res.destroyed) return;
    }
    if (answer) return applyFault(answer, req, res, ctx);

    const hook = /^\/hooks\/([A-Za-z0-9]+)$/.exec(path);
    if (hook) {
      if (method !== 'POST') return appError(ctx, 405, 'api.context.405.app_error', 'Method not allowed.');
      return handleWebhook(state, ctx, hook[1], req.headers['content-type'], body.text);
    }
    if (handleApi(state, ctx, { method, path, query: parsed.searchParams, req, body: body.text, bodyTooLarge: body.truncated })) return;
    if (path === '/' && method === 'GET') {
      return sendText(ctx, 200, `Mattermost sandbox. Log in as ${SEED.user.username} / ${SEED.user.password}; see /__sandbox/info.\n`);
    }
    return appError(ctx, 404, 'api.context.404.app_error');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.statusCode = 500;
        res.end();
      } else if (!res.destroyed) res.destroy();
    });
  });
  server.on('connection', s => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('clientError', (_e, socket) => { socket.destroy(); });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, SANDBOX_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://${SANDBOX_HOST}:${(server.address() as AddressInfo).port}`;
  return sandbox;
}
