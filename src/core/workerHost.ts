import type { Worker } from 'worker_threads';

/**
 * What the lint runner (payload/lintAsync.ts) and the preview renderer (vscode/previewRenderer.ts) share about
 * their one reused worker thread: it keeps the process alive only while it has work, stops after `idleMs`
 * without any, and takes a long text in slices, one per turn of the event loop.
 */
export abstract class WorkerHost<P> {
  protected worker: Worker | undefined;
  protected readonly pending = new Map<number, P>();
  /** Sliced texts being handed over (the worker must not stop as idle meanwhile). */
  private slicing = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly idleMs: number) {}

  /**
   * Posts `{ id, part }` for each slice `next()` gives, one per turn; true when all went over. False when the
   * worker died or was replaced meanwhile, or `stale()` said the text changed (then the worker is told to drop it).
   */
  protected async sendSlices(w: Worker, id: number, next: () => string | undefined, stale: () => boolean): Promise<boolean> {
    this.slicing++;
    try {
      for (let part = next(); part !== undefined; part = next()) {
        w.postMessage({ id, part });
        await new Promise<void>(r => setImmediate(r));
        if (this.worker !== w) return false;
        if (stale()) {
          w.postMessage({ id, drop: true });
          return false;
        }
      }
      return true;
    } finally {
      this.slicing--;
      this.idleIfDone();
    }
  }

  /** After an answer: stop counting down only while nothing is pending or being handed over. */
  protected idleIfDone(): void {
    if (this.pending.size === 0 && this.slicing === 0) this.idle();
  }

  protected busy(w: Worker): void {
    this.stopIdleTimer();
    w.ref();
  }

  protected stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** True while the worker holds something that would be lost if it stopped (it is then not stopped as idle). */
  protected holdsState(): boolean {
    return false;
  }

  private idle(): void {
    this.worker?.unref();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const w = this.worker;
      if (!w || this.pending.size > 0 || this.slicing > 0 || this.holdsState()) return;
      this.worker = undefined;
      void w.terminate();
    }, this.idleMs);
    this.idleTimer.unref?.();
  }
}
