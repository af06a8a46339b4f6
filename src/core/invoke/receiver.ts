/**
 * The local stand-in for a command's `response_url` (`POST /hooks/commands/{id}`, MATTERMOST_RULES.md
 * §1.6): one per session, on 127.0.0.1 at a random port. Each hook takes up to 5 delayed answers for
 * 30 minutes, each up to 300000 + 512 bytes; beyond that it answers as the server does (413, 400,
 * 404). Every accepted answer is judged as a slash-command answer and handed to the listeners.
 */
import * as http from 'http';
import { readPayload } from '../server/decode';
import { COMMAND_WEBHOOK, commandAnswerIsJson } from '../server/integrations';
import { newId } from './context';
import { judgeCommand, type Verdict } from './judge';

export interface DelayedAnswer {
  hookId: string;
  trigger: string;
  /** 1 for the first answer to this hook, up to 5. */
  use: number;
  verdict: Verdict;
}

interface Hook {
  trigger: string;
  created: number;
  uses: number;
}

export interface ReceiverOptions {
  /** The clock (tests move it past the 30 minutes). */
  now?: () => number;
}

function appError(res: http.ServerResponse, status: number, id: string, message: string): void {
  const body = JSON.stringify({ id, message, detailed_error: '', request_id: newId(), status_code: status });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export class ResponseReceiver {
  private server: http.Server | undefined;
  private readonly hooks = new Map<string, Hook>();
  private readonly listeners = new Set<(a: DelayedAnswer) => void>();
  private readonly now: () => number;
  private base = '';

  constructor(opts: ReceiverOptions = {}) {
    this.now = opts.now ?? Date.now;
  }

  /** Starts listening (once); resolves with the base URL, e.g. http://127.0.0.1:41234. */
  async start(): Promise<string> {
    if (this.server) return this.base;
    const server = http.createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.unref();
    const addr = server.address() as { port: number };
    this.base = `http://127.0.0.1:${addr.port}`;
    return this.base;
  }

  /** A fresh response_url for one invocation of `trigger`. */
  newHook(trigger: string): string {
    if (!this.server) throw new Error('The response_url receiver is not started.');
    const id = newId();
    this.hooks.set(id, { trigger, created: this.now(), uses: 0 });
    return `${this.base}/hooks/commands/${id}`;
  }

  onAnswer(listener: (a: DelayedAnswer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    this.listeners.clear();
    if (s) await new Promise<void>(resolve => s.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const m = /^\/hooks\/commands\/([a-z0-9]{26})$/.exec((req.url ?? '').split('?')[0]);
    if (req.method !== 'POST' || !m) {
      req.resume();
      appError(res, 404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
      return;
    }
    const contentType = req.headers['content-type'];
    const json = commandAnswerIsJson(contentType);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > COMMAND_WEBHOOK.bodyLimit) {
        over = true;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (over) {
        if (json) appError(res, 413, 'api.context.request_body_too_large.app_error', 'Request body is too large.');
        else appError(res, 400, 'app.command_webhook.handle_command_webhook.parse', 'Unable to parse incoming data for command webhook.');
        return;
      }
      const body = Buffer.concat(chunks);
      if (json && !readPayload(body.toString('utf8'), 'command').ok) {
        appError(res, 400, 'web.command_webhook.parse.app_error', 'Unable to parse incoming data.');
        return;
      }
      const hook = this.hooks.get(m[1]);
      if (!hook || this.now() - hook.created > COMMAND_WEBHOOK.lifetimeMs) {
        appError(res, 404, 'app.command_webhook.get.missing', 'Unable to find the webhook.');
        return;
      }
      if (hook.uses >= COMMAND_WEBHOOK.maxUses) {
        appError(res, 400, 'app.command_webhook.try_use.invalid', 'Invalid webhook.');
        return;
      }
      hook.uses++;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      const verdict = judgeCommand({ status: 200, contentType, body, over: false }, hook.trigger);
      const answer: DelayedAnswer = { hookId: m[1], trigger: hook.trigger, use: hook.uses, verdict };
      for (const l of this.listeners) l(answer);
    });
  }
}
