// Entry of dist/preview.js: the renderer (with markdown-it), loaded on this thread only when the
// preview worker (dist/previewWorker.js) cannot run.
export { renderJob } from '../previewJob';
