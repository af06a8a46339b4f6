/**
 * Preview renderer: payload text → HTML, as Mattermost will show the result. Pure; escapes all
 * payload text; never loads remote images unless asked; output is deterministic.
 */
import type { Kind, Problem } from '../payload/problem';
import { RenderContext } from './context';
import { renderDialog } from './dialog';
import { findingHtml } from './findings';
import { attr, esc } from './html';
import { isObject, parsePayload } from './json';
import { renderCommand, renderIncoming, renderOutgoing, renderRestPost } from './kinds';

export interface PreviewInput {
  /** The payload file's text (possibly mid-edit). */
  text: string;
  kind: Kind;
  /** Linter findings to mark in the preview. */
  problems?: readonly Problem[];
  /** Setting mattermostPayloads.preview.loadRemoteImages; default false. */
  loadRemoteImages?: boolean;
  /** Clock for post times and relative dialog dates; omitted → no times shown. */
  now?: Date;
}

export interface PreviewDocumentInput extends PreviewInput {
  /** CSP nonce for the document's style block. */
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(media/preview.css) as a string */
  styleUri: string;
  title?: string;
}

export interface PreviewResult {
  /** The body HTML fragment. */
  html: string;
  /** Custom #rrggbb colours the fragment uses (classes `mm-hex-rrggbb`); see `colorCss`. */
  colors: string[];
}

const KIND_LABELS: Record<Kind, string> = {
  incoming: 'Incoming webhook',
  command: 'Slash-command response',
  outgoing: 'Outgoing-webhook response',
  dialog: 'Interactive dialog',
  post: 'REST API post',
};

function findingsList(problems: readonly Problem[]): string {
  if (problems.length === 0) return '';
  return (
    `<section class="mm-findings" data-testid="findings"><h2 class="mm-findings-title">Linter findings</h2>` +
    problems.map(findingHtml).join('') +
    `</section>`
  );
}

function cannotRender(reason: string): string {
  return `<div class="mm-cannot-render" data-testid="cannot-render" role="alert"><strong>Cannot render:</strong> ${esc(reason)}</div>`;
}

function renderKind(ctx: RenderContext, text: string): string {
  const parsed = parsePayload(text, ctx.kind === 'incoming' || ctx.kind === 'outgoing');
  if (!parsed.ok) {
    return cannotRender(`${parsed.reason} at line ${parsed.line}, column ${parsed.column} (${parsed.line}:${parsed.column})`);
  }
  const root = parsed.value;
  if (!isObject(root)) {
    const what = Array.isArray(root) ? 'an array' : root === null ? 'null' : `a ${typeof root}`;
    return cannotRender(`the payload must be a JSON object, not ${what} (line 1:1)`);
  }
  switch (ctx.kind) {
    case 'incoming':
      return renderIncoming(ctx, root);
    case 'command':
      return renderCommand(ctx, root);
    case 'outgoing':
      return renderOutgoing(ctx, root);
    case 'dialog':
      return renderDialog(ctx, root);
    case 'post':
      return renderRestPost(ctx, root);
  }
}

/** Renders the preview body and reports the custom colours it uses. */
export function renderPreview(input: PreviewInput): PreviewResult {
  const ctx = new RenderContext(input.kind, input.loadRemoteImages === true, input.now);
  let inner: string;
  try {
    inner = renderKind(ctx, input.text);
  } catch (err) {
    // A renderer bug must not blank the panel; say so instead.
    inner = cannotRender(`internal preview error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { html, unplaced } = ctx.findings.resolve(inner, input.problems ?? []);
  const remote = input.loadRemoteImages === true ? 'on' : 'off';
  return {
    html:
      `<div class="mm-preview" data-testid="preview"${attr('data-kind', input.kind)}${attr('data-remote-images', remote)}>` +
      `<div class="mm-preview-kind" data-testid="preview-kind">${esc(KIND_LABELS[input.kind])}</div>` +
      findingsList(unplaced) +
      `<div class="mm-channel">${html}</div>` +
      `</div>`,
    colors: [...ctx.colors].sort(),
  };
}

/** HTML fragment for the webview body. */
export function renderPreviewBody(input: PreviewInput): string {
  return renderPreview(input).html;
}

/** CSS rules for the custom colours (attachment bars and button styles); only validated #rrggbb. */
export function colorCss(colors: readonly string[]): string {
  return colors
    .filter((c) => /^#[0-9a-f]{6}$/.test(c))
    .map((c) => `.mm-hex-${c.slice(1)}{--mm-color:${c};}`)
    .join('\n');
}

function cleanNonce(nonce: string): string {
  return nonce.replace(/[^A-Za-z0-9+/=_-]/g, '');
}

/** The CSP for the preview document. No script is allowed at all. */
export function previewCsp(cspSource: string, nonce: string, loadRemoteImages: boolean): string {
  const source = cspSource.replace(/[;'"\s]+/g, ' ').trim();
  const n = cleanNonce(nonce);
  return [
    `default-src 'none'`,
    `style-src ${source} 'nonce-${n}'`,
    `img-src ${source} data:${loadRemoteImages ? ' https: http:' : ''}`,
    `font-src ${source}`,
    `form-action 'none'`,
    `base-uri 'none'`,
  ].join('; ');
}

/** A complete HTML document for the webview, with a strict CSP. */
export function renderPreviewDocument(input: PreviewDocumentInput): string {
  const { html, colors } = renderPreview(input);
  const nonce = cleanNonce(input.nonce);
  const csp = previewCsp(input.cspSource, nonce, input.loadRemoteImages === true);
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy"${attr('content', csp)}>\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${esc(input.title ?? 'Mattermost preview')}</title>\n` +
    `<link rel="stylesheet"${attr('href', input.styleUri)}>\n` +
    `<style${attr('nonce', nonce)}>${colorCss(colors)}</style>\n` +
    `</head>\n<body>\n${html}\n</body>\n</html>\n`
  );
}
