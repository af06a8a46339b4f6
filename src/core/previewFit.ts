/**
 * What of a big payload the preview shows (issue 12: no stall, and above a size show what fits with a
 * note). The renderer (core/preview) draws a whole payload; for a text over `limit` characters this
 * keeps the payload's shape but only as many array items (attachments, fields, actions, options,
 * elements, …) and as much of long strings as fit in about `limit` characters of JSON, in document
 * order, and says what was left out. Findings on the part shown are kept (their JSON paths stay
 * valid: only trailing items are dropped); the others are counted in the note.
 * Pure: no editor, no worker. Used by the preview worker (src/previewWorker.ts) and, should the
 * worker fail, by the panel itself (src/vscode/previewPanel.ts).
 */
import type { Problem } from './payload/problem';
import { renderMessageDocument } from './preview/message';
import { renderPreviewDocument, type PreviewDocumentInput } from './preview/render';

/**
 * Texts up to this many characters are previewed whole: more than any webhook or dialog request the
 * server accepts (300,000 bytes, see the body-too-large rule). Command and outgoing-webhook responses
 * may be up to 1 MiB; bigger ones than this limit are shown in part.
 */
export const PREVIEW_FULL_CHARS = 320 * 1024;

interface Omission {
  /** JSON path of the array or string that was cut. */
  path: (string | number)[];
  shown: number;
  total: number;
  what: 'items' | 'characters';
}

export interface FittedPreview {
  /** The text to render: the original when it fits, else the reduced payload as JSON. */
  text: string;
  problems: Problem[];
  /** Set when something was left out: what, in plain text. */
  note?: string;
  omissions: Omission[];
}

/** Strings up to this long are always kept whole. */
const SHORT_STRING = 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The text and findings to preview: everything when it fits in `limit` characters, else the part that does. */
export function fitForPreview(text: string, problems: readonly Problem[], limit = PREVIEW_FULL_CHARS): FittedPreview {
  if (text.length <= limit) return { text, problems: [...problems], omissions: [] };
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    // Not plain JSON (a syntax error, or something the server repairs): the renderer says what it
    // can; the worker caps what it sends to the panel.
    return { text, problems: [...problems], omissions: [] };
  }
  const omissions: Omission[] = [];
  let left = limit;
  const fit = (v: Json, path: (string | number)[]): Json => {
    if (typeof v === 'string') {
      if (v.length <= left) { left -= v.length + 2; return v; }
      const shown = Math.max(0, left);
      omissions.push({ path, shown, total: v.length, what: 'characters' });
      left = 0;
      return v.slice(0, shown);
    }
    if (Array.isArray(v)) {
      const out: Json[] = [];
      for (let i = 0; i < v.length; i++) {
        const size = left > 0 ? jsonLength(v[i], left) : Infinity;
        if (size <= left) { out.push(v[i]); left -= size + 1; continue; }
        if (out.length === 0 && left > 0) out.push(fit(v[i], [...path, i])); // at least part of the first item
        if (out.length < v.length) omissions.push({ path, shown: out.length, total: v.length, what: 'items' });
        break;
      }
      return out;
    }
    if (v && typeof v === 'object') {
      const out: { [key: string]: Json } = {};
      // Short scalars first, always (they are small and say what the payload is), then long strings
      // and the nested parts, in order, as far as they fit.
      const short = (x: Json) => x === null || typeof x !== 'object' && (typeof x !== 'string' || x.length <= SHORT_STRING);
      for (const [k, x] of Object.entries(v)) {
        left -= k.length + 3;
        if (short(x)) { out[k] = x; left -= typeof x === 'string' ? x.length + 2 : 5; }
      }
      for (const [k, x] of Object.entries(v)) {
        if (!short(x)) out[k] = fit(x, [...path, k]);
      }
      return reorder(v, out);
    }
    left -= 5;
    return v;
  };
  const reduced = fit(value, []);
  const kept = problems.filter(p => pathShown(reduced, p.path));
  return {
    text: JSON.stringify(reduced, null, 2) + '\n',
    problems: kept,
    note: note(text.length, omissions, problems.length - kept.length, limit),
    omissions,
  };
}

/** JSON.stringify(v).length, but stops counting once past `cap`. */
function jsonLength(v: Json, cap: number): number {
  let n = 0;
  const walk = (x: Json): void => {
    if (n > cap) return;
    if (x === null || typeof x !== 'object') { n += typeof x === 'string' ? x.length + 2 : String(x).length; return; }
    if (Array.isArray(x)) { n += 2; for (const y of x) { walk(y); n++; if (n > cap) return; } return; }
    n += 2;
    for (const k in x) { n += k.length + 3; walk(x[k]); n++; if (n > cap) return; }
  };
  walk(v);
  return n;
}

function reorder(original: { [key: string]: Json }, reduced: { [key: string]: Json }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(original)) if (k in reduced) out[k] = reduced[k];
  return out;
}

/** Whether a problem's path lies in the part shown (a cut string counts as shown). */
function pathShown(reduced: Json, path: readonly (string | number)[]): boolean {
  let v: Json | undefined = reduced;
  for (const seg of path) {
    if (Array.isArray(v)) {
      const i = typeof seg === 'number' ? seg : Number(seg);
      if (!Number.isInteger(i) || i >= v.length) return false;
      v = v[i];
    } else if (v && typeof v === 'object') {
      const key = String(seg);
      const found: string | undefined = key in v ? key : Object.keys(v).find(k => k.toLowerCase() === key.toLowerCase());
      if (found === undefined) return true; // not in the parsed value (e.g. an earlier duplicate key): keep it
      v = v[found];
    } else {
      return true; // inside a scalar (e.g. a range in a string)
    }
  }
  return true;
}

function note(chars: number, omissions: Omission[], hiddenFindings: number, limit: number): string | undefined {
  if (omissions.length === 0) return undefined;
  const parts = omissions.slice(0, 3).map(o => o.what === 'items'
    ? `the first ${count(o.shown)} of ${count(o.total)} items of ${where(o.path)}`
    : `the first ${count(o.shown)} of ${count(o.total)} characters of ${where(o.path)}`);
  const more = omissions.length > 3 ? ` (and ${omissions.length - 3} more cut)` : '';
  const findings = hiddenFindings > 0 ? ` ${count(hiddenFindings)} finding${hiddenFindings === 1 ? '' : 's'} in the rest ${hiddenFindings === 1 ? 'is' : 'are'} in the Problems panel.` : '';
  return `This payload is ${size(chars)}, too big to preview whole: the preview shows about ${size(limit)} of it, with ${parts.join(', ')}${more}.${findings}`;
}

function where(path: (string | number)[]): string {
  return path.length === 0 ? 'the payload' : `"${path.join('.')}"`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}

/** The most HTML the panel is given (a bigger document would take long to copy to the webview). */
const PREVIEW_MAX_HTML_CHARS = 8 * 1024 * 1024;

/**
 * The preview document for the panel: `renderPreviewDocument` on what fits (see `fitForPreview`),
 * with a note above the payload when part of it was left out.
 */
export function renderFittedDocument(input: PreviewDocumentInput, limit = PREVIEW_FULL_CHARS): { html: string; note?: string } {
  const fitted = fitForPreview(input.text, input.problems ?? [], limit);
  const html = renderPreviewDocument({ ...input, text: fitted.text, problems: fitted.problems });
  if (html.length > PREVIEW_MAX_HTML_CHARS) {
    const note = `This payload is ${size(input.text.length)}, too big to preview, and it is not plain JSON, so no part of it can be shown on its own. The linter's findings are in the Problems panel.`;
    return {
      html: renderMessageDocument({ title: input.title ?? 'Mattermost preview', heading: 'Too big to preview', detailHtml: escapeHtml(note), nonce: input.nonce, cspSource: input.cspSource, styleUri: input.styleUri }),
      note,
    };
  }
  if (!fitted.note) return { html };
  const banner = `<div class="mm-banner mm-banner-info" data-testid="preview-truncated" role="note">${escapeHtml(fitted.note)}</div>\n`;
  const body = /<body[^>]*>\n?/.exec(html);
  const at = body ? body.index + body[0].length : 0;
  return { html: html.slice(0, at) + banner + html.slice(at), note: fitted.note };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
