/** Message attachments as the Mattermost webapp draws them. */
import { renderActions } from './actions';
import { STATUS_COLORS, type RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc, link } from './html';
import { imageHtml } from './images';
import { ATTACHMENT_COLORS, isHexColor } from '../server/attachments';
import { slackCompatibleBool } from '../server/decode';
import { storedFieldValue } from '../server/toPost';
import { attachmentLinksConverted, convertSlackText, type TextRole } from '../server/slack';
import { arr, isObject, str, type Obj } from './values';

/** Whether the server applied its Slack processing (webhooks, commands without skip_slack_parsing). */
export interface AttachmentOptions {
  slack: boolean;
}

function colorInfo(ctx: RenderContext, color: string | undefined): { cls: string; hex?: string; invalid: boolean } {
  if (color === undefined || color === '') {
    return { cls: 'mm-color-default', invalid: false };
  }
  if (ATTACHMENT_COLORS.includes(color)) {
    return { cls: `mm-color-${color}`, hex: STATUS_COLORS[color as 'good' | 'warning' | 'danger'], invalid: false };
  }
  if (isHexColor(color)) {
    return { cls: ctx.colorClass(color), hex: color.toLowerCase(), invalid: false };
  }
  return { cls: 'mm-color-default', invalid: true };
}

/** `short`: Go SlackCompatibleBool for integrations, JavaScript truthiness for REST props. */
function isShort(ctx: RenderContext, v: unknown): boolean {
  if (ctx.goDecoded) return slackCompatibleBool(v) === true;
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '';
}

/** The field value as the client receives it. */
function fieldValueText(ctx: RenderContext, v: unknown, opts: AttachmentOptions): string | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  // The server model: %v then the Slack conversions for integrations, as sent for REST props.
  const stored = storedFieldValue(ctx.kind, v, opts.slack);
  return typeof stored === 'string' ? stored : typeof stored === 'number' || typeof stored === 'boolean' ? String(stored) : JSON.stringify(stored);
}

function renderFields(ctx: RenderContext, fields: unknown[], base: JsonPath, opts: AttachmentOptions): string {
  const rows: string[][] = [];
  let row: string[] = [];
  let lastWasLong = false;
  fields.forEach((f, j) => {
    if (!isObject(f)) return;
    const title = str(ctx.field(f, 'title')) ?? '';
    const value = fieldValueText(ctx, ctx.field(f, 'value'), opts);
    const short = isShort(ctx, ctx.field(f, 'short'));
    if (row.length === 2 || !short || lastWasLong) {
      if (row.length > 0) rows.push(row);
      row = [];
    }
    const path = [...base, j];
    row.push(
      `<div class="mm-field${short ? ' mm-field-short' : ' mm-field-long'}" data-testid="field"${attr('data-index', j)}${attr('data-short', short ? 'true' : 'false')}>` +
        `<div class="mm-field-title" data-testid="field-title">${esc(title)}</div>` +
        `<div class="mm-field-value" data-testid="field-value">${value === undefined ? '' : ctx.markdown(value)}</div>` +
        `${ctx.findings.anchor(path)}</div>`,
    );
    lastWasLong = !short;
  });
  if (row.length > 0) rows.push(row);
  if (rows.length === 0) return '';
  return (
    `<div class="mm-attachment-fields" data-testid="fields">` +
    rows.map((r) => `<div class="mm-field-row" data-testid="field-row"${attr('data-count', r.length)}>${r.join('')}</div>`).join('') +
    `</div>`
  );
}

function formatTs(ts: unknown): { text: string; iso?: string } | undefined {
  if (ts === undefined || ts === null || ts === '') return undefined;
  const n = typeof ts === 'number' ? ts : typeof ts === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(ts) ? Number(ts) : NaN;
  if (!Number.isFinite(n)) {
    return { text: typeof ts === 'string' ? ts : JSON.stringify(ts) };
  }
  const d = new Date(Math.trunc(n * 1000));
  if (Number.isNaN(d.getTime())) return { text: typeof ts === 'string' ? ts : String(n) };
  const iso = d.toISOString();
  return { text: `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, iso };
}

/** Renders one attachment; `index` and `base` give its JSON path for findings. */
function renderAttachment(ctx: RenderContext, a: Obj, base: JsonPath, index: number, opts: AttachmentOptions): string {
  const get = (k: string): string | undefined => str(ctx.field(a, k));
  const p = (...k: Array<string | number>): JsonPath => [...base, ...k];
  const slackText = (s: string, role: TextRole): string => convertSlackText(s, role, opts.slack, attachmentLinksConverted(ctx.kind));

  const color = colorInfo(ctx, get('color'));
  const parts: string[] = [];

  const pretext = get('pretext');
  const pretextHtml = pretext
    ? `<div class="mm-attachment-pretext" data-testid="attachment-pretext">${ctx.markdown(slackText(pretext, 'pretext'))}${ctx.findings.anchor(p('pretext'))}</div>`
    : '';

  const authorName = get('author_name');
  const authorIcon = get('author_icon');
  const authorLink = get('author_link');
  if (authorName || authorIcon) {
    const icon = authorIcon ? imageHtml(authorIcon, 'author_icon', ctx.loadRemoteImages) : '';
    const name = authorName ? (authorLink ? link(authorLink, esc(authorName)) : esc(authorName)) : '';
    parts.push(
      `<div class="mm-attachment-author" data-testid="attachment-author">${icon}<span class="mm-attachment-author-name">${name}</span>` +
        `${ctx.findings.anchor(p('author_name'), p('author_link'), p('author_icon'))}</div>`,
    );
  }

  const title = get('title');
  if (title) {
    const titleLink = get('title_link');
    const inner = esc(slackText(title, 'title'));
    parts.push(
      `<h1 class="mm-attachment-title" data-testid="attachment-title">${titleLink ? link(titleLink, inner) : inner}</h1>` +
        ctx.findings.anchor(p('title'), p('title_link')),
    );
  }

  const text = get('text');
  const thumb = get('thumb_url');
  if (text || thumb) {
    parts.push(
      `<div class="mm-attachment-body">` +
        `<div class="mm-attachment-text" data-testid="attachment-text">${text ? ctx.markdown(slackText(text, 'attachment-text')) : ''}${ctx.findings.anchor(p('text'))}</div>` +
        (thumb
          ? `<div class="mm-attachment-thumb" data-testid="attachment-thumb">${imageHtml(thumb, 'thumb_url', ctx.loadRemoteImages)}${ctx.findings.anchor(p('thumb_url'))}</div>`
          : '') +
        `</div>`,
    );
  }

  const fields = arr(ctx.field(a, 'fields'));
  if (fields) {
    const fieldsHtml = renderFields(ctx, fields, p('fields'), opts);
    if (fieldsHtml) parts.push(fieldsHtml + ctx.findings.anchor(p('fields')));
  }

  const image = get('image_url');
  if (image) {
    parts.push(
      `<div class="mm-attachment-image" data-testid="attachment-image">${imageHtml(image, 'image_url', ctx.loadRemoteImages)}${ctx.findings.anchor(p('image_url'))}</div>`,
    );
  }

  const actions = arr(ctx.field(a, 'actions'));
  if (actions && actions.length > 0) {
    parts.push(renderActions(ctx, actions, p('actions')) + ctx.findings.anchor(p('actions')));
  }

  const footer = get('footer');
  const footerIcon = get('footer_icon');
  const ts = formatTs(ctx.field(a, 'ts'));
  if (footer || footerIcon || ts) {
    parts.push(
      `<div class="mm-attachment-footer" data-testid="attachment-footer">` +
        (footerIcon ? imageHtml(footerIcon, 'footer_icon', ctx.loadRemoteImages) : '') +
        (footer ? `<span class="mm-attachment-footer-text">${esc(footer)}</span>` : '') +
        (ts
          ? `${footer ? '<span class="mm-sep"> | </span>' : ''}<time class="mm-attachment-ts" data-testid="attachment-ts"${attr('datetime', ts.iso)}>${esc(ts.text)}</time>`
          : '') +
        `${ctx.findings.anchor(p('footer'), p('footer_icon'), p('ts'))}</div>`,
    );
  }

  const colorNote = color.invalid
    ? `<div class="mm-note mm-color-note" data-testid="color-invalid">colour "${esc(get('color') ?? '')}" is not good, warning, danger or #RRGGBB: shown with the default colour</div>`
    : '';

  return (
    `<div class="mm-attachment" data-testid="attachment"${attr('data-index', index)}${attr('data-color', color.hex ?? 'default')}${attr('data-color-invalid', color.invalid ? 'true' : undefined)}>` +
    pretextHtml +
    `<div class="mm-attachment-box ${color.cls}" data-testid="attachment-box">${parts.join('')}</div>` +
    colorNote +
    ctx.findings.anchor(base) +
    `</div>`
  );
}

/** Renders an `attachments` array (null entries are removed by the server). */
export function renderAttachments(ctx: RenderContext, list: unknown[] | undefined, base: JsonPath, opts: AttachmentOptions): string {
  if (!list) return '';
  const items = list
    .map((a, i) => (isObject(a) ? renderAttachment(ctx, a, [...base, i], i, opts) : ''))
    .join('');
  return `<div class="mm-attachments" data-testid="attachments">${items}${ctx.findings.anchor(base)}</div>`;
}
