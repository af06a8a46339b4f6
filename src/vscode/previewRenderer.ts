import type { Worker } from 'worker_threads';
import type { PreviewJob, PreviewWorkerRequest, PreviewWorkerResponse } from '../previewJob';
import { WorkerHost } from '../core/workerHost';
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
export class PreviewRenderer extends WorkerHost<{ resolve(r: RenderedPreview | undefined): void; reject(e: Error): void; job?: PreviewJob }> {
  private nextId = 1;
  private broken = false;
  private disposed = false;

  constructor(private readonly workerScript: string, idleMs = 60_000) {
    super(idleMs);
  }

  /**
   * Renders `job`. With `slices`, the payload's text is handed to the worker one slice per turn of
   * the event loop (building a 10 MB text at once would block this thread for long) and the job's own
   * text is ignored; resolves undefined if `stale()` says the text changed meanwhile.
   */
  async render(job: PreviewJob, slices?: () => string | undefined, stale: () => boolean = () => false): Promise<RenderedPreview | undefined> {
    let w: Worker | undefined;
    if (!this.broken && !this.disposed) {
      try {
        w = this.ensureWorker();
      } catch {
        this.broken = true;
      }
    }
    if (!w) return this.inline(withText(job, slices));
    const id = this.nextId++;
    this.busy(w);
    if (slices) {
      if (!(await this.sendSlices(w, id, slices, stale))) return undefined;
      if ('preview' in job) job = { preview: { ...job.preview, text: '' } };
    }
    return new Promise<RenderedPreview | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, job: slices ? undefined : job });
      this.busy(w);
      w.postMessage({ id, job, sliced: slices !== undefined } satisfies PreviewWorkerRequest);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stopIdleTimer();
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
      this.idleIfDone();
    });
    const fail = () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.broken = true;
      // Whole jobs are rendered here instead; sliced ones resolve undefined (the caller renders again).
      for (const [, p] of this.pending) {
        if (p.job) this.inline(p.job).then(r => p.resolve(r), (e: Error) => p.reject(e));
        else p.resolve(undefined);
      }
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }
}

/** The job with its text joined from `slices` (for rendering on this thread). */
function withText(job: PreviewJob, slices: (() => string | undefined) | undefined): PreviewJob {
  if (!slices || !('preview' in job)) return job;
  const parts: string[] = [];
  for (let part = slices(); part !== undefined; part = slices()) parts.push(part);
  return { preview: { ...job.preview, text: parts.join('') } };
}
