/**
 * Worker thread entry (bundled to dist/lintWorker.js): lints documents posted by
 * src/core/payload/lintAsync.ts (LintRunner) off the extension host's main thread, so a 10 MB file
 * never blocks it. Messages: { id, text, kind, options } (or the text in `part` slices, then `end`)
 * → { id, problems } | { id, error }.
 */
import { parentPort } from 'worker_threads';
import { lint } from './core/payload/lint';
import type { WorkerRequest, WorkerResponse } from './core/payload/lintAsync';

/** Slices of texts still arriving (LintRunner.lintSlices), by request id. */
const parts = new Map<number, string[]>();

parentPort?.on('message', (m: WorkerRequest) => {
  if ('part' in m) {
    const list = parts.get(m.id);
    if (list) list.push(m.part); else parts.set(m.id, [m.part]);
    return;
  }
  if ('drop' in m) { parts.delete(m.id); return; }
  let res: WorkerResponse;
  try {
    const text = 'end' in m ? (parts.get(m.id) ?? []).join('') : m.text;
    parts.delete(m.id);
    res = { id: m.id, problems: lint(text, m.kind, m.options) };
  } catch (e) {
    res = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
