// Entry of dist/preview.js: the renderer (with markdown-it), loaded when a preview first renders.
export { renderPreviewDocument } from '../core/preview/render';
export { renderMessageDocument } from '../core/preview/message';
