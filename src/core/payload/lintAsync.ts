/**
 * Non-blocking lint for big documents (issue 6: nothing may block the extension host for more than
 * 50 ms, even on a 10 MB file). JSON.parse of 10 MB alone takes longer than that and cannot be cut
 * into chunks, so documents over `workerThreshold` characters are linted in a worker thread
 * (dist/lintWorker.js, src/lintWorker.ts); smaller ones are linted synchronously (a few ms).
 * The main thread only copies the text into the worker, in slices of 256 K characters, one per turn of
 * the event loop (a few ms each), and gets the problems back.
 *
 * How the editor adapter uses it (src/vscode/diagnostics.ts):
 *
 *   const runner = new LintRunner(context.asAbsolutePath('dist/lintWorker.js'));   // once; dispose() on deactivate
 *   const version = doc.version;
 *   const problems = await runner.lint(doc.getText(), kind, { disabledRules });     // instead of lint(...)
 *   if (doc.version !== version || doc.isClosed) return;                            // stale: a newer run follows
 *   collection.set(doc.uri, toDiagnostics(problems));
 *
 * Results are identical to `lint()` (same code, in the worker). The worker starts on the first big
 * document (about 30–50 ms, off the main thread), is reused, does not keep the process alive, and
 * exits after `idleMs` without work. If it cannot start or dies, the runner falls back to linting
 * on the main thread, so diagnostics still appear.
 */
import type { Worker } from 'worker_threads';
import { WorkerHost } from '../workerHost';
import { lint, LintOptions } from './lint';
import type { Kind, Problem } from './problem';

/**
 * To the worker: a whole text to lint; or a text in slices: `part`s, then `end` (lint what came) or
 * `drop` (forget it: the text changed meanwhile).
 */
export type WorkerRequest =
  | { id: number; text: string; kind: Kind; options?: LintOptions }
  | { id: number; part: string }
  | { id: number; end: true; kind: Kind; options?: LintOptions; keep?: { doc: string; version: number } }
  | { id: number; drop: true }
  | { id: number; doc: string; version: number; kind: Kind; options?: LintOptions }
  | { doc: string; version: number; changes: readonly TextChange[] }
  | { doc: string; forget: true };

/** `missing`: the worker holds no copy of that document at that version (LintRunner.lintCopy). */
export type WorkerResponse = { id: number; problems: Problem[] } | { id: number; error: string } | { id: number; missing: true };

/**
 * One change of a document's text: `length` characters at `offset` replaced by `text` (VS Code's
 * rangeOffset / rangeLength / text). The changes of one edit apply one after the other, as given.
 */
export interface TextChange { offset: number; length: number; text: string }

/** Applies `changes` to `text` one after the other; undefined when one does not fit the text. */
export function applyChanges(text: string, changes: readonly TextChange[]): string | undefined {
  for (const c of changes) {
    if (c.offset < 0 || c.length < 0 || c.offset + c.length > text.length) return undefined;
    text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
  }
  return text;
}

export interface LintRunnerOptions {
  /** Documents with more characters than this go to the worker (default 1,000,000: ~10 ms inline). */
  workerThreshold?: number;
  /** Stop the idle worker after this many ms (default 30,000). */
  idleMs?: number;
}

interface Pending {
  resolve(p: Problem[] | undefined): void;
  reject(e: Error): void;
  /** The whole-text request, answered on this thread if the worker dies; sliced requests resolve undefined then. */
  req?: { text: string; kind: Kind; options?: LintOptions };
}

/** Gives the next slice of a text, or undefined at its end. */
export type TextSlices = () => string | undefined;

export class LintRunner extends WorkerHost<Pending> {
  private nextId = 1;
  /** The version of each document whose copy the worker `copiesIn` holds (after the messages sent so far). */
  private readonly copies = new Map<string, number>();
  private copiesIn: Worker | undefined;
  private broken = false;
  private disposed = false;
  readonly workerThreshold: number;

  /** @param workerScript absolute path of dist/lintWorker.js (or out/src/lintWorker.js in tests) */
  constructor(
    private readonly workerScript: string,
    options: LintRunnerOptions = {},
  ) {
    super(options.idleMs ?? 30_000);
    this.workerThreshold = options.workerThreshold ?? 1_000_000;
  }

  /** Same result as lint(text, kind, options), without blocking the calling thread on big texts. */
  lint(text: string, kind: Kind, options?: LintOptions): Promise<Problem[]> {
    if (text.length <= this.workerThreshold || this.broken || this.disposed) {
      // the executor runs now: lint throws synchronously, the promise rejects with what it threw
      return new Promise<Problem[]>(resolve => resolve(lint(text, kind, options)));
    }
    const id = this.nextId++;
    const req = { text, kind, options: copyOptions(options) };
    return new Promise<Problem[]>((resolve, reject) => {
      let w: Worker;
      try {
        w = this.ensureWorker();
      } catch {
        this.broken = true;
        resolve(lint(text, kind, options));
        return;
      }
      // if the worker dies meanwhile, the whole text is linted on this thread (finishInline)
      this.pending.set(id, { resolve: p => resolve(p ?? []), reject, req });
      this.busy(w);
      // In slices, one per turn: posting 10 MB at once blocked this thread for 75–115 ms, most of it
      // first-touch page faults on the fresh 20 MB buffer of the structured-clone copy (≈ 30 µs per 4 KB page
      // on the benchmark's VM: allocating and touching 20 MB alone took 130–210 ms there).
      void this.sendSlices(w, id, sliceText(text, POST_SLICE), () => false).then(ok => {
        if (ok) w.postMessage({ id, end: true, kind, options: req.options } satisfies WorkerRequest);
      });
    });
  }

  /**
   * Lints a text that the caller hands over in slices, one slice per turn of the event loop, so that
   * even building a 10 MB text (a document's getText() joins its lines: ~150 ms of CPU at 10 MB) never
   * blocks the calling thread for long; the worker joins the slices. Gives up, resolving undefined,
   * as soon as `stale()` says the text changed; also resolves undefined if the worker dies meanwhile
   * (the runner then lints on this thread: call again). Without a worker, lints the joined slices here.
   */
  async lintSlices(next: TextSlices, kind: Kind, options?: LintOptions, stale: () => boolean = () => false, keep?: { doc: string; version: number }): Promise<Problem[] | undefined> {
    let w: Worker | undefined;
    if (!this.broken && !this.disposed) {
      try {
        w = this.ensureWorker();
      } catch {
        this.broken = true;
      }
    }
    if (!w) {
      const parts: string[] = [];
      for (let part = next(); part !== undefined; part = next()) parts.push(part);
      return lint(parts.join(''), kind, options);
    }
    const id = this.nextId++;
    this.busy(w);
    if (!(await this.sendSlices(w, id, next, stale))) return undefined;
    if (keep) this.keepCopy(w, keep.doc, keep.version);
    return new Promise<Problem[] | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.busy(w);
      w.postMessage({ id, end: true, kind, options: copyOptions(options), keep } satisfies WorkerRequest);
    });
  }

  /**
   * Lints the worker's copy of document `doc` at `version` (kept by lintSlices with `keep`, then moved on
   * by change()): nothing crosses to the worker but the request, so an edit of a big document costs this
   * thread no text at all. Undefined when the worker holds no such copy: hand the text over with
   * lintSlices(…, keep) then.
   */
  lintCopy(doc: string, version: number, kind: Kind, options?: LintOptions): Promise<Problem[] | undefined> | undefined {
    const w = this.worker;
    if (!w || this.copiesIn !== w || this.copies.get(doc) !== version) return undefined;
    const id = this.nextId++;
    return new Promise<Problem[] | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.busy(w);
      w.postMessage({ id, doc, version, kind, options: copyOptions(options) } satisfies WorkerRequest);
    });
  }

  /**
   * Document `doc` changed to `version` by `changes`: the worker's copy (if any) follows. Call it for every
   * change, in order, as it happens; a copy that missed a version is dropped (the next lint hands the text over).
   */
  change(doc: string, version: number, changes: readonly TextChange[]): void {
    const w = this.worker;
    const at = this.copiesIn === w ? this.copies.get(doc) : undefined;
    if (!w || at === undefined) return;
    if (at !== version - 1) { this.forget(doc); return; }
    this.copies.set(doc, version);
    w.postMessage({ doc, version, changes: changes.map(c => ({ offset: c.offset, length: c.length, text: c.text })) } satisfies WorkerRequest);
  }

  /** The worker drops its copy of document `doc` (closed, or no longer linted there). */
  forget(doc: string): void {
    if (!this.copies.delete(doc)) return;
    if (this.worker && this.copiesIn === this.worker) this.worker.postMessage({ doc, forget: true } satisfies WorkerRequest);
  }

  /** True while a worker thread is running. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.stopIdleTimer();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    // anything still pending is answered on this thread
    for (const [, p] of this.pending) this.finishInline(p);
    this.pending.clear();
  }

  /** While the worker holds copies of documents it is not stopped as idle (it still does not keep the process alive). */
  protected override holdsState(): boolean {
    return this.copies.size > 0 && this.copiesIn === this.worker;
  }

  private keepCopy(w: Worker, doc: string, version: number): void {
    if (this.copiesIn !== w) { this.copies.clear(); this.copiesIn = w; }
    this.copies.set(doc, version);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- worker_threads is loaded only when a text is big enough for the worker
    const { Worker: WorkerCtor } = require('worker_threads') as typeof import('worker_threads');
    const w = new WorkerCtor(this.workerScript);
    w.unref();
    w.on('message', (res: WorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if ('error' in res) p.reject(new Error(res.error));
      else p.resolve('problems' in res ? res.problems : undefined);
      this.idleIfDone();
    });
    const fail = () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.broken = true;
      for (const [, p] of this.pending) this.finishInline(p);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }

  private finishInline(p: Pending): void {
    if (!p.req) { p.resolve(undefined); return; }
    try {
      p.resolve(lint(p.req.text, p.req.kind, p.req.options));
    } catch (e) {
      p.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

/**
 * Characters per message when a whole text goes to the worker: a copy of at most 512 KB (two-byte
 * strings), a few ms even where first-touched memory is slow, and few enough turns for 10 MB.
 */
const POST_SLICE = 256 * 1024;

function sliceText(text: string, size: number): TextSlices {
  let at = 0;
  return () => {
    if (at >= text.length) return undefined;
    const part = text.slice(at, at + size);
    at += size;
    return part;
  };
}

function copyOptions(options: LintOptions | undefined): LintOptions | undefined {
  // plain data for postMessage: the rules list copied out of a possibly frozen settings array, the profile as is
  return options?.disabledRules || options?.profile ? { disabledRules: options.disabledRules ? [...options.disabledRules] : undefined, profile: options.profile } : undefined;
}
