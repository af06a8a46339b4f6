import type { Worker } from 'worker_threads';
import type { PreviewJob, PreviewWorkerRequest, PreviewWorkerResponse } from '../previewJob';
import { loadPreview } from './lazy';

export interface RenderedPreview {
  html: string;
  /** Set when only part of a big payload is shown. */
  note?: string;
}

/**
 * Renders preview documents in dist/previewWorker.js, off the extension host's main thread, so a
 * big payload never blocks it (the main thread only copies the text over and the HTML back). The
 * worker starts on the first render, is reused, does not keep the process alive and stops after
 * `idleMs` without work. If it cannot start or dies, rendering falls back to this thread
 * (dist/preview.js), so the preview still shows.
 */
export class PreviewRenderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve(r: RenderedPreview): void; reject(e: Error): void; job: PreviewJob }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private broken = false;
  private disposed = false;

  constructor(private readonly workerScript: string, private readonly idleMs = 60_000) {}

  render(job: PreviewJob): Promise<RenderedPreview> {
    if (this.broken || this.disposed) return this.inline(job);
    let w: Worker;
    try {
      w = this.ensureWorker();
    } catch {
      this.broken = true;
      return this.inline(job);
    }
    const req: PreviewWorkerRequest = { id: this.nextId++, job };
    return new Promise<RenderedPreview>((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject, job });
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      w.ref();
      w.postMessage(req);
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    for (const [, p] of this.pending) p.reject(new Error('the preview was closed'));
    this.pending.clear();
  }

  private inline(job: PreviewJob): Promise<RenderedPreview> {
    try {
      return Promise.resolve(loadPreview().renderJob(job));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker: WorkerCtor } = require('worker_threads') as typeof import('worker_threads');
    const w = new WorkerCtor(this.workerScript);
    w.unref();
    w.on('message', (res: PreviewWorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if ('error' in res) p.reject(new Error(res.error));
      else p.resolve({ html: res.html, note: res.note });
      if (this.pending.size === 0) this.idle();
    });
    const fail = () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.broken = true;
      for (const [, p] of this.pending) this.inline(p.job).then(p.resolve, p.reject);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }

  private idle(): void {
    this.worker?.unref();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const w = this.worker;
      if (!w || this.pending.size > 0) return;
      this.worker = undefined;
      void w.terminate();
    }, this.idleMs);
    this.idleTimer.unref?.();
  }
}
