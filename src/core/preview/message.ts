import { esc } from './html';
import { previewCsp } from './render';

export interface MessageDocumentInput {
  title: string;
  heading: string;
  /** Trusted, fixed markup written by the extension; never payload text. */
  detailHtml: string;
  nonce: string;
  cspSource: string;
  styleUri: string;
}

/** A preview page that explains why there is nothing to render, under the same CSP as a preview. */
export function renderMessageDocument(m: MessageDocumentInput): string {
  const csp = previewCsp(m.cspSource, m.nonce, false);
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">\n` +
    `<title>${esc(m.title)}</title>\n<link rel="stylesheet" href="${esc(m.styleUri)}">\n</head>\n` +
    `<body>\n<div class="mm-message" data-testid="preview-message" role="status"><h2>${esc(m.heading)}</h2><p>${m.detailHtml}</p></div>\n</body>\n</html>\n`;
}
