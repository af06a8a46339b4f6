/**
 * Worker thread entry (bundled to dist/previewWorker.js): renders the preview document off the
 * extension host's main thread (issue 12: no feature blocks the extension host for more than 50 ms,
 * even on a 10 MB payload; rendering 2 MB took about 0.8 s there). Same core renderer as everywhere,
 * on what fits (src/core/previewFit.ts). Messages: { id, job } → { id, html, note? } | { id, error }.
 */
import { parentPort } from 'worker_threads';
import { renderJob, type PreviewWorkerRequest, type PreviewWorkerResponse } from './previewJob';

parentPort?.on('message', (m: PreviewWorkerRequest) => {
  let res: PreviewWorkerResponse;
  try {
    res = { id: m.id, ...renderJob(m.job) };
  } catch (e) {
    res = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
