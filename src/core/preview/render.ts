/**
 * Preview renderer: payload text → HTML, as Mattermost will show the result. Pure; escapes all
 * payload text; never loads remote images unless asked; output is deterministic.
 */
import type { Kind, Problem } from '../payload/problem';
import { type DialogErrors, RenderContext } from './context';
import { renderDialog } from './dialog';
import { findingHtml } from './findings';
import { attr, esc } from './html';
import { LineIndex } from '../json/lines';
import { DEFAULT_PROFILE, type Profile } from '../server/profile';
import { readPayload, type ServerRead } from '../server/decode';
import { EMPTY_RESPONSE_POSTS_NOTHING, postsOf } from '../server/toPost';
import { banner } from './post';
import { renderCommand, renderIncoming, renderOutgoing, renderRestPost } from './kinds';
import { isObject } from './values';

export interface PreviewInput {
  /** The payload file's text (possibly mid-edit). */
  text: string;
  kind: Kind;
  /**
   * The body as the server model read it (lintRead's `read`, for this text and kind); read here with
   * the same model (readPayload) when omitted.
   */
  read?: ServerRead;
  /**
   * Linter findings to mark in the preview. An error among them means the server posts nothing
   * (the request is refused or fails): the preview then says so instead of drawing a post; errors
   * about one response posting nothing (PER_RESPONSE_ERRORS) are that response's banner instead.
   */
  problems?: readonly Problem[];
  /**
   * The target-server profile (src/core/server/profile.ts): whether its clients show Mattermost Blocks.
   * Omitted: the default profile, as the linter assumes.
   */
  profile?: Profile;
  /** Setting mattermostPayloads.preview.loadRemoteImages; default false. */
  loadRemoteImages?: boolean;
  /** Clock for post times and relative dialog dates; omitted → no times shown. */
  now?: Date;
  /**
   * A command id: attachment buttons and menus with an `integration.url` become `command:` links to
   * it, carrying only their JSON path (the panel allows that one command; the extension sends the
   * click). Omitted: every control is inert.
   */
  actionCommand?: string;
  /**
   * A dialog's answer to its last submission: the general `error` at the top, `fields` under their
   * elements. With `actionCommand`, a dialog also gets Submit and Cancel links.
   */
  dialogErrors?: DialogErrors;
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

interface PreviewResult {
  /** The body HTML fragment. */
  html: string;
  /** Custom #rrggbb colours the fragment uses (classes `mm-hex-rrggbb`); see `colorCss`. */
  colors: string[];
  /** Other class rules the fragment uses (custom image sizes, named colours), built by RenderContext from checked values. */
  rules: string[];
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

function cannotRender(reason: string, anchor = ''): string {
  return `<div class="mm-cannot-render" data-testid="cannot-render" role="alert"><strong>Cannot render:</strong> ${esc(reason)}${anchor}</div>`;
}

/**
 * Errors about one response that posts nothing (its text and attachments, its response_type): the
 * preview shows them as that response's no-post banner, from the server model, and draws the others.
 */
export const PER_RESPONSE_ERRORS: readonly string[] = ['nothing-posted', 'response-type'];

/** Whether a linter problem means the server posts nothing at all: every other error-level rule refuses or fails the request. */
function meansNothingPosted(problem: Problem): boolean {
  return problem.severity === 'error' && !PER_RESPONSE_ERRORS.includes(problem.rule);
}

function renderKind(ctx: RenderContext, input: PreviewInput): string {
  const read = input.read ?? readPayload(input.text, ctx.kind);
  if (!read.ok) {
    const d = read.decoded;
    if (d.empty && ctx.kind === 'outgoing') return banner('no-post', EMPTY_RESPONSE_POSTS_NOTHING);
    const at = new LineIndex(input.text).positionAt(d.error.start);
    const line = at.line + 1;
    const column = at.character + 1;
    return cannotRender(d.empty ? 'the file is empty' : `${d.reason} at line ${line}, column ${column} (${line}:${column})`);
  }
  const root = read.value;
  if (!isObject(root)) {
    const what = Array.isArray(root) ? 'an array' : root === null ? 'null' : `a ${typeof root}`;
    return cannotRender(`the payload must be a JSON object, not ${what} (line 1:1)`);
  }
  const fatal = input.problems?.find(meansNothingPosted);
  if (fatal) return cannotRender(fatal.message);
  if (ctx.kind === 'dialog') return renderDialog(ctx, root);
  const outcome = postsOf(ctx.kind, root, ctx.profile);
  if (outcome.refused) return cannotRender(outcome.refused.reason, ctx.findings.anchor(outcome.refused.path));
  switch (ctx.kind) {
    case 'incoming':
      return renderIncoming(ctx, root, outcome);
    case 'command':
      return renderCommand(ctx, root, outcome);
    case 'outgoing':
      return renderOutgoing(ctx, root, outcome);
    case 'post':
      return renderRestPost(ctx, root, outcome);
  }
}

/** Renders the preview body and reports the custom colours it uses. */
function renderPreview(input: PreviewInput): PreviewResult {
  const ctx = new RenderContext(input.kind, input.loadRemoteImages === true, input.now, input.profile ?? DEFAULT_PROFILE, input.actionCommand, input.dialogErrors);
  let inner: string;
  try {
    inner = renderKind(ctx, input);
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
    rules: [...ctx.rules.keys()].sort().map((k) => ctx.rules.get(k)!),
  };
}

/** HTML fragment for the webview body. */
export function renderPreviewBody(input: PreviewInput): string {
  return renderPreview(input).html;
}

/** CSS rules for the custom colours (attachment bars and button styles); only validated #rrggbb. */
function colorCss(colors: readonly string[]): string {
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
  const { html, colors, rules } = renderPreview(input);
  const nonce = cleanNonce(input.nonce);
  const csp = previewCsp(input.cspSource, nonce, input.loadRemoteImages === true);
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy"${attr('content', csp)}>\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${esc(input.title ?? 'Mattermost preview')}</title>\n` +
    `<link rel="stylesheet"${attr('href', input.styleUri)}>\n` +
    `<style${attr('nonce', nonce)}>${[colorCss(colors), ...rules].filter(Boolean).join('\n')}</style>\n` +
    `</head>\n<body>\n${html}\n</body>\n</html>\n`
  );
}
