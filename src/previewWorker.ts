/**
 * Worker thread entry (bundled to dist/previewWorker.js): renders the preview document off the
 * extension host's main thread (issue 12: no feature blocks the extension host for more than 50 ms,
 * even on a 10 MB payload; rendering 2 MB took about 0.8 s there). Same core renderer as everywhere,
 * on what fits (src/core/previewFit.ts). Messages: { id, job } (a big payload's text first in `part`
 * slices) → { id, html, note? } | { id, error }.
 */
import { parentPort } from 'worker_threads';
import { renderJob, type PreviewWorkerRequest, type PreviewWorkerResponse } from './previewJob';

/** Slices of payload texts still arriving, by request id. */
const parts = new Map<number, string[]>();

parentPort?.on('message', (m: PreviewWorkerRequest) => {
  if ('part' in m) {
    const list = parts.get(m.id);
    if (list) list.push(m.part); else parts.set(m.id, [m.part]);
    return;
  }
  if ('drop' in m) { parts.delete(m.id); return; }
  let res: PreviewWorkerResponse;
  try {
    let job = m.job;
    if (m.sliced && 'preview' in job) job = { preview: { ...job.preview, text: (parts.get(m.id) ?? []).join('') } };
    parts.delete(m.id);
    res = { id: m.id, ...renderJob(job) };
  } catch (e) {
    res = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
