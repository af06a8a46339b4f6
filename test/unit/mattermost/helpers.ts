/** Test helpers: a capture server (another origin on 127.0.0.1), a client wired to node-fetch, a log sink. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodeFetch from 'node-fetch';
import { MattermostClient, type ClientOptions } from '../../../src/core/mattermost/client';
import type { FetchLike, LogLevel } from '../../../src/core/mattermost/types';

const fetchImpl: FetchLike = nodeFetch;

export interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CaptureServer {
  url: string;
  requests: Captured[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (so: another origin than the sandbox) that records every request it gets. */
export async function startCapture(): Promise<CaptureServer> {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') });
      res.setHeader('Content-Type', 'text/plain');
      res.end('ok');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export interface LogSink {
  lines: string[];
  logger: (level: LogLevel, message: string) => void;
}

export function logSink(): LogSink {
  const lines: string[] = [];
  return { lines, logger: (level, message) => { lines.push(`${level} ${message}`); } };
}

export function makeClient(opts: Partial<ClientOptions> = {}): MattermostClient {
  return new MattermostClient({
    fetch: fetchImpl,
    timeoutMs: 3000,
    rateLimit: { maxWaitSeconds: 2, maxRetries: 1 },
    ...opts,
  });
}

/** Everything a request carried that could be a credential, flattened to one string for searching. */
export function credentialText(c: Captured): string {
  return JSON.stringify({ url: c.url, headers: c.headers, body: c.body });
}

export async function rejects<T extends Error>(p: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await p;
  } catch (e) {
    if (e instanceof type) return e;
    throw new Error(`expected ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  throw new Error(`expected ${type.name}, but it resolved`);
}
