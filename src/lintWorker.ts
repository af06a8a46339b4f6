/**
 * Worker thread entry (bundled to dist/lintWorker.js): lints documents posted by
 * src/core/payload/lintAsync.ts (LintRunner) off the extension host's main thread, so a 10 MB file
 * never blocks it. Messages: { id, text, kind, options } → { id, problems } | { id, error }.
 */
import { parentPort } from 'worker_threads';
import { lint } from './core/payload/lint';
import type { WorkerRequest, WorkerResponse } from './core/payload/lintAsync';

parentPort?.on('message', (m: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    res = { id: m.id, problems: lint(m.text, m.kind, m.options) };
  } catch (e) {
    res = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
