/**
 * Interactive dialogs, drawn as the Mattermost modal with every element type. The controls are inert;
 * with an `actionCommand` (the preview panel), Submit and Cancel are `command:` links carrying only
 * which of the two it is, and the extension asks for the values and submits (no script in the
 * webview). The integration's answer to the last submission (`dialogErrors`) shows as Mattermost
 * shows it: the general `error` at the top, each field error under its field.
 */
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc } from './html';
import { imageHtml } from './images';
import { arr, bool, isObject, str, type Obj } from './values';

const TEXT_SUBTYPES: Record<string, string> = {
  '': 'text',
  text: 'text',
  email: 'email',
  number: 'number',
  tel: 'tel',
  url: 'url',
  password: 'password',
};

function opts(ctx: RenderContext, el: Obj): Array<{ text: string; value: string }> {
  const out: Array<{ text: string; value: string }> = [];
  for (const o of arr(ctx.field(el, 'options')) ?? []) {
    if (isObject(o)) out.push({ text: str(ctx.field(o, 'text')) ?? '', value: str(ctx.field(o, 'value')) ?? '' });
  }
  return out;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Resolves a date default: ISO, today/tomorrow/yesterday, or ±N[d/w/m] relative to `now`. */
function resolveDate(value: string, now: Date | undefined): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (!now) return undefined;
  const day = 86400000;
  const rel: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  if (value in rel) return isoDate(new Date(now.getTime() + rel[value] * day));
  const m = /^([+-]\d+)([dwm])$/.exec(value);
  if (m) {
    const n = Number(m[1]);
    if (m[2] === 'm') {
      const d = new Date(now.getTime());
      d.setUTCMonth(d.getUTCMonth() + n);
      return isoDate(d);
    }
    return isoDate(new Date(now.getTime() + n * (m[2] === 'w' ? 7 : 1) * day));
  }
  return undefined;
}

function control(ctx: RenderContext, el: Obj, type: string, id: string): string {
  const placeholder = str(ctx.field(el, 'placeholder'));
  const def = str(ctx.field(el, 'default')) ?? '';
  const name = str(ctx.field(el, 'name')) ?? '';
  switch (type) {
    case 'text': {
      const subtype = str(ctx.field(el, 'subtype')) ?? '';
      const inputType = TEXT_SUBTYPES[subtype] ?? 'text';
      return `<input class="mm-input" data-testid="dialog-input"${attr('id', id)}${attr('type', inputType)}${attr('data-subtype', subtype || 'text')}${attr('placeholder', placeholder)}${attr('value', def || undefined)} disabled>`;
    }
    case 'textarea':
      return `<textarea class="mm-input mm-textarea" data-testid="dialog-input"${attr('id', id)}${attr('placeholder', placeholder)} rows="3" disabled>${esc(def)}</textarea>`;
    case 'select': {
      const source = str(ctx.field(el, 'data_source')) ?? '';
      const multi = bool(ctx.field(el, 'multiselect')) === true;
      const defaults = multi ? def.replace(/\s+/g, '').split(',').filter(Boolean) : def ? [def] : [];
      let list = '';
      let sourceNote = '';
      if (source === 'users' || source === 'channels') {
        sourceNote = `<span class="mm-select-source" data-testid="dialog-data-source">(${source === 'users' ? 'users of this server' : 'channels of this team'})</span>`;
      } else if (source === 'dynamic') {
        const url = str(ctx.field(el, 'data_source_url')) ?? '';
        sourceNote = `<span class="mm-select-source" data-testid="dialog-data-source">(options fetched from ${esc(url || 'data_source_url')})</span>`;
      } else {
        const options = opts(ctx, el);
        list = options.map((o) => `<option${attr('value', o.value)}${attr('selected', defaults.includes(o.value))}>${esc(o.text)}</option>`).join('');
      }
      return (
        `<select class="mm-select mm-input" data-testid="dialog-select"${attr('id', id)}${attr('data-source', source || undefined)}${attr('multiple', multi)} disabled>` +
        `<option value=""${attr('selected', defaults.length === 0)}>${esc(placeholder ?? 'Select an option...')}</option>${list}</select>${sourceNote}`
      );
    }
    case 'bool': {
      const checked = def.toLowerCase() === 'true';
      return `<label class="mm-checkbox"><input type="checkbox" data-testid="dialog-input"${attr('id', id)}${attr('checked', checked)} disabled> <span>${esc(placeholder ?? '')}</span></label>`;
    }
    case 'radio':
      return (
        `<div class="mm-radio-group" data-testid="dialog-radio">` +
        opts(ctx, el)
          .map((o) => `<label class="mm-radio"><input type="radio"${attr('name', `${id}-${name}`)}${attr('value', o.value)}${attr('checked', o.value === def && def !== '')} disabled> <span>${esc(o.text)}</span></label>`)
          .join('') +
        `</div>`
      );
    case 'date': {
      const resolved = def ? resolveDate(def, ctx.now) : undefined;
      return (
        `<input class="mm-input" data-testid="dialog-input" type="date"${attr('id', id)}${attr('value', resolved)}${attr('placeholder', placeholder)} disabled>` +
        (def && resolved !== def ? `<span class="mm-note">default: ${esc(def)}</span>` : '')
      );
    }
    case 'datetime': {
      const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(def) ? def.slice(0, 16) : undefined;
      const interval = ctx.field(el, 'time_interval');
      return (
        `<input class="mm-input" data-testid="dialog-input" type="datetime-local"${attr('id', id)}${attr('value', valid)}${attr('placeholder', placeholder)} disabled>` +
        (def && !valid ? `<span class="mm-note">default: ${esc(def)}</span>` : '') +
        (typeof interval === 'number' ? `<span class="mm-note">every ${esc(String(interval))} min</span>` : '')
      );
    }
    default:
      return `<div class="mm-note mm-dialog-unknown" data-testid="dialog-unknown">Mattermost cannot show an element of type "${esc(type)}".</div>`;
  }
}

function renderElement(ctx: RenderContext, el: Obj, path: JsonPath, index: number): string {
  const type = str(ctx.field(el, 'type')) ?? '';
  const displayName = str(ctx.field(el, 'display_name')) ?? '';
  const optional = bool(ctx.field(el, 'optional')) === true;
  const help = str(ctx.field(el, 'help_text'));
  const id = `mm-dialog-el-${index}`;
  const marker = optional
    ? '<span class="mm-optional" data-testid="optional"> (optional)</span>'
    : '<span class="mm-required" data-testid="required" title="required"> *</span>';
  const subtype = type === 'text' || type === 'textarea' ? str(ctx.field(el, 'subtype')) : undefined;
  const elName = str(ctx.field(el, 'name')) ?? '';
  const fieldErrors = ctx.dialogErrors?.fields;
  const fieldError = fieldErrors && Object.prototype.hasOwnProperty.call(fieldErrors, elName) ? fieldErrors[elName] : undefined;
  return (
    `<div class="mm-dialog-element" data-testid="dialog-element"${attr('data-index', index)}${attr('data-type', type)}${attr('data-name', str(ctx.field(el, 'name')) ?? '')}${attr('data-subtype', subtype)}${attr('data-optional', optional ? 'true' : 'false')}>` +
    `<label class="mm-dialog-label"${attr('for', id)}>${esc(displayName)}${marker}</label>` +
    control(ctx, el, type, id) +
    (help ? `<div class="mm-dialog-help" data-testid="help-text">${esc(help)}</div>` : '') +
    (fieldError !== undefined ? `<div class="mm-dialog-field-error" data-testid="dialog-field-error" role="alert">${esc(fieldError)}</div>` : '') +
    ctx.findings.anchor(path) +
    `</div>`
  );
}

/** Submit or Cancel: a `command:` link when the preview can submit, otherwise an inert button. */
function footerButton(ctx: RenderContext, which: 'submit' | 'cancel', label: string): string {
  const cls = which === 'submit' ? 'mm-btn mm-btn-primary' : 'mm-btn mm-btn-cancel';
  const testid = which === 'submit' ? 'dialog-submit' : 'dialog-cancel';
  if (ctx.actionCommand && /^[A-Za-z0-9_.]+$/.test(ctx.actionCommand)) {
    const href = `command:${ctx.actionCommand}?${encodeURIComponent(JSON.stringify([{ dialog: which }]))}`;
    const title = which === 'submit' ? 'Fill in the fields and submit to the integration (through the extension)' : 'Cancel the dialog (the integration is told only with notify_on_cancel)';
    return `<a class="${cls}"${attr('data-testid', testid)} data-clickable="true" role="button"${attr('href', href)}${attr('title', title)}>${esc(label)}</a>`;
  }
  return `<button type="button" class="${cls}"${attr('data-testid', testid)} aria-disabled="true" tabindex="-1">${esc(label)}</button>`;
}

/** The request `{trigger_id, url, dialog:{…}}`, or a bare dialog object. */
export function renderDialog(ctx: RenderContext, root: Obj): string {
  const wrapped = ctx.field(root, 'dialog');
  const dialog = isObject(wrapped) ? wrapped : root;
  const base: JsonPath = isObject(wrapped) ? ['dialog'] : [];
  const p = (...k: Array<string | number>): JsonPath => [...base, ...k];
  const title = str(ctx.field(dialog, 'title')) ?? '';
  const icon = str(ctx.field(dialog, 'icon_url'));
  const intro = str(ctx.field(dialog, 'introduction_text'));
  const submit = str(ctx.field(dialog, 'submit_label')) || 'Submit';
  const elements: unknown[] = arr(ctx.field(dialog, 'elements')) ?? [];
  const body = elements
    .map((el, i) => (isObject(el) ? renderElement(ctx, el, p('elements', i), i) : ''))
    .join('');
  return (
    `<div class="mm-dialog-backdrop"><section class="mm-dialog" data-testid="dialog" role="dialog" aria-modal="true"${attr('aria-label', title)}>` +
    `<header class="mm-dialog-header">` +
    (icon ? `<span class="mm-dialog-icon" data-testid="dialog-icon">${imageHtml(icon, 'icon_url', ctx.loadRemoteImages)}</span>` : '') +
    `<h2 class="mm-dialog-title" data-testid="dialog-title">${esc(title)}</h2>` +
    `<span class="mm-dialog-close" aria-hidden="true">×</span></header>` +
    ctx.findings.anchor(p('title'), p('icon_url'), p('callback_id'), p('state'), p('notify_on_cancel'), p('source_url')) +
    `<div class="mm-dialog-body">` +
    (ctx.dialogErrors?.error ? `<div class="mm-dialog-error" data-testid="dialog-error" role="alert">${esc(ctx.dialogErrors.error)}</div>` : '') +
    (intro ? `<div class="mm-dialog-intro" data-testid="dialog-intro">${ctx.markdown(intro)}${ctx.findings.anchor(p('introduction_text'))}</div>` : '') +
    `<div class="mm-dialog-elements">${body}${ctx.findings.anchor(p('elements'))}</div>` +
    `</div>` +
    `<footer class="mm-dialog-footer">` +
    footerButton(ctx, 'cancel', 'Cancel') +
    footerButton(ctx, 'submit', submit) +
    `${ctx.findings.anchor(p('submit_label'))}</footer>` +
    `</section></div>`
  );
}
