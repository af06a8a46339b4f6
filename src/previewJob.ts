/**
 * What the preview worker (src/previewWorker.ts) does for one request, as a plain function: the
 * same code runs in the worker and, should the worker fail, on the extension host's thread
 * (dist/preview.js, src/vscode/previewEntry.ts).
 */
import { renderMessageDocument, type MessageDocumentInput } from './core/preview/message';
import type { PreviewDocumentInput } from './core/preview/render';
import { renderFittedDocument } from './core/previewFit';

/** A payload to preview, or one of the panel's messages ("not a payload file", …). */
export type PreviewJob = { preview: PreviewDocumentInput } | { message: MessageDocumentInput };

/**
 * To the worker: a job; for a big payload its text first comes in `part` slices and the job says
 * `sliced` (its own text is then empty); `drop` forgets the slices (the text changed meanwhile).
 */
export type PreviewWorkerRequest =
  | { id: number; job: PreviewJob; sliced?: boolean }
  | { id: number; part: string }
  | { id: number; drop: true };

export type PreviewWorkerResponse = { id: number; html: string; note?: string } | { id: number; error: string };

export function renderJob(job: PreviewJob): { html: string; note?: string } {
  if ('message' in job) return { html: renderMessageDocument(job.message) };
  // A Date may arrive as a Date (structured clone) or, from elsewhere, as an ISO string or epoch.
  const now = job.preview.now === undefined ? undefined : new Date(job.preview.now);
  return renderFittedDocument({ ...job.preview, now });
}
