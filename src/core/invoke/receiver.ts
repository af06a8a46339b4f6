/**
 * The local stand-in for the Mattermost server an integration calls back, one per session on
 * 127.0.0.1 (a configurable port, so an integration can be configured with it):
 * - a command's `response_url` (`POST /hooks/commands/{id}`, MATTERMOST_RULES.md §1.6). Each hook
 *   takes up to 5 delayed answers for 30 minutes, each up to 300000 + 512 bytes; beyond that it
 *   answers as the server does (413, 400, 404). Every accepted answer is judged as a slash-command
 *   answer and handed to the listeners.
 * - `POST /api/v4/actions/dialogs/open` (§5.1), checked as the server does (dialogOpen.ts) against the
 *   trigger ids this receiver issued; each accepted dialog goes to the dialog listeners with the
 *   context (team, channel, user) of the request that carried its trigger id.
 */
import * as http from 'http';
import { readPayload } from '../server/decode';
import type { Problem } from '../payload/problem';
import { COMMAND_WEBHOOK, commandAnswerIsJson, DIALOG_OPEN } from '../server/integrations';
import { type InvokeContext, newId, newTriggerId } from './context';
import { checkOpenDialog, splitTriggerId } from './dialogOpen';
import { judgeCommand, type Verdict } from './judge';

export interface DelayedAnswer {
  hookId: string;
  trigger: string;
  /** 1 for the first answer to this hook, up to 5. */
  use: number;
  verdict: Verdict;
}

/** A dialog the integration opened with a trigger id issued here. */
export interface OpenedDialogRequest {
  /** The request body as sent (`{trigger_id, url, dialog}`). */
  text: string;
  value: Record<string, unknown>;
  /** Who triggered it: the context of the command or click that carried the trigger id. */
  who: InvokeContext;
  /** Dialog.IsValid problems: the server only logs them and opens the dialog anyway. */
  logged: Problem[];
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
  private readonly dialogListeners = new Set<(d: OpenedDialogRequest) => void>();
  /** Signatures of the trigger ids issued here → who triggered (kept for the trigger's lifetime). */
  private readonly triggers = new Map<string, { who: InvokeContext; issued: number }>();
  private readonly now: () => number;
  private base = '';
  /** The port asked for was taken: the receiver listens on another one. */
  portTaken = false;

  constructor(opts: ReceiverOptions = {}) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * Starts listening (once) on `port` (0: any free port; a taken port: any free port, and `portTaken`
   * says so); resolves with the base URL, e.g. http://127.0.0.1:8066.
   */
  async start(port = 0): Promise<string> {
    if (this.server) return this.base;
    const server = http.createServer((req, res) => this.handle(req, res));
    this.server = server;
    const listen = (p: number) => new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => { server.off('error', reject); resolve(); });
    });
    try {
      await listen(port);
    } catch (e) {
      if (port === 0 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') { this.server = undefined; throw e; }
      this.portTaken = true;
      await listen(0);
    }
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

  /** A fresh trigger id for a request made as `who`; a dialog opened with it is accepted (for its lifetime). */
  issueTriggerId(who: InvokeContext): string {
    const now = this.now();
    for (const [sig, t] of this.triggers) if (now - t.issued > DIALOG_OPEN.triggerLifetimeMs) this.triggers.delete(sig);
    const { triggerId } = newTriggerId(who.user_id, now);
    const parts = splitTriggerId(triggerId)!;
    this.triggers.set(parts[3], { who, issued: now });
    return triggerId;
  }

  onDialog(listener: (d: OpenedDialogRequest) => void): () => void {
    this.dialogListeners.add(listener);
    return () => this.dialogListeners.delete(listener);
  }

  onAnswer(listener: (a: DelayedAnswer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    this.listeners.clear();
    this.dialogListeners.clear();
    if (s) await new Promise<void>(resolve => s.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === DIALOG_OPEN.path) {
      this.openDialog(req, res);
      return;
    }
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

  private openDialog(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const check = checkOpenDialog(text, { now: this.now(), issued: sig => this.triggers.has(sig) });
      if (!check.ok) {
        appError(res, check.status, check.id, check.message);
        return;
      }
      const body = JSON.stringify({ status: 'OK' });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      const who = this.triggers.get(check.signature)!.who;
      const opened: OpenedDialogRequest = { text, value: check.value, who, logged: check.logged };
      for (const l of this.dialogListeners) l(opened);
    });
  }
}
