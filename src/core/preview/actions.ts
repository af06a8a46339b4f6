/**
 * Interactive message buttons and menus, styled like Mattermost. Inert, unless the render has an
 * `actionCommand`: then a control with an `integration.url` is a `command:` link carrying only its
 * JSON path, and the extension (not the webview) sends the click.
 */
import { ACTION_STYLES, isHexColor } from '../server/attachments';
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc } from './html';
import { arr, bool, isObject, str, type Obj } from './values';


function styleClass(ctx: RenderContext, style: string | undefined): { cls: string; invalid: boolean } {
  if (style === undefined || style === '') {
    return { cls: 'mm-btn-default', invalid: false };
  }
  if (ACTION_STYLES.includes(style)) {
    return { cls: `mm-btn-${style}`, invalid: false };
  }
  if (isHexColor(style)) {
    return { cls: `mm-btn-custom ${ctx.colorClass(style)}`, invalid: false };
  }
  return { cls: 'mm-btn-default', invalid: true };
}

function options(ctx: RenderContext, action: Obj): Array<{ text: string; value: string }> {
  const list = arr(ctx.field(action, 'options')) ?? [];
  const out: Array<{ text: string; value: string }> = [];
  for (const o of list) {
    if (isObject(o)) {
      out.push({ text: str(ctx.field(o, 'text')) ?? '', value: str(ctx.field(o, 'value')) ?? '' });
    }
  }
  return out;
}

/** The command link for a clickable action, or undefined when it stays inert. */
function clickHref(ctx: RenderContext, action: Obj, path: JsonPath): string | undefined {
  if (!ctx.actionCommand || !/^[A-Za-z0-9_.]+$/.test(ctx.actionCommand) || bool(ctx.field(action, 'disabled')) === true) return undefined;
  const integration = ctx.field(action, 'integration');
  const url = isObject(integration) ? str(ctx.field(integration, 'url')) : undefined;
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  return `command:${ctx.actionCommand}?${encodeURIComponent(JSON.stringify([{ path }]))}`;
}

function renderButton(ctx: RenderContext, action: Obj, path: JsonPath, index: number): string {
  const name = str(ctx.field(action, 'name')) ?? '';
  const style = str(ctx.field(action, 'style'));
  const { cls, invalid } = styleClass(ctx, style);
  const disabled = bool(ctx.field(action, 'disabled')) === true;
  const note = invalid ? `<span class="mm-note" data-testid="style-invalid">style "${esc(style ?? '')}" is not valid: shown as default</span>` : '';
  const href = clickHref(ctx, action, path);
  if (href) {
    return (
      `<span class="mm-action" data-testid="action"${attr('data-index', index)}>` +
      `<a class="mm-btn ${cls}" data-testid="action-button" data-clickable="true" role="button"${attr('data-style', style ?? 'default')}` +
      `${attr('href', href)} title="Send the click to the integration (through the extension)">${esc(name)}</a>` +
      `${note}${ctx.findings.anchor(path)}</span>`
    );
  }
  return (
    `<span class="mm-action" data-testid="action"${attr('data-index', index)}>` +
    `<button type="button" class="mm-btn ${cls}" data-testid="action-button"${attr('data-style', style ?? 'default')}` +
    `${attr('data-disabled', disabled ? 'true' : undefined)}${attr('disabled', disabled)} aria-disabled="true" tabindex="-1">${esc(name)}</button>` +
    `${note}${ctx.findings.anchor(path)}</span>`
  );
}

function renderSelect(ctx: RenderContext, action: Obj, path: JsonPath, index: number): string {
  const name = str(ctx.field(action, 'name')) ?? '';
  const source = str(ctx.field(action, 'data_source')) ?? '';
  const defaultOption = str(ctx.field(action, 'default_option'));
  const opts = options(ctx, action);
  let list: string;
  if (source === 'users' || source === 'channels') {
    list = `<option disabled>(${source === 'users' ? 'users of this server' : 'channels of this team'})</option>`;
  } else {
    list = opts
      .map((o) => `<option${attr('value', o.value)}${attr('selected', o.value === defaultOption)}>${esc(o.text)}</option>`)
      .join('');
  }
  const selectedText = opts.find((o) => o.value === defaultOption)?.text;
  const href = clickHref(ctx, action, path);
  const choose = href ? `<a class="mm-select-choose" data-testid="action-choose" role="button"${attr('href', href)} title="Choose an option and send it to the integration (through the extension)">Choose…</a>` : '';
  return (
    `<span class="mm-action mm-action-select" data-testid="action"${attr('data-index', index)}>` +
    `<select class="mm-select" data-testid="action-select"${attr('data-source', source || undefined)} disabled aria-label="${esc(name)}">` +
    `<option value=""${attr('selected', selectedText === undefined)}>${esc(name)}</option>${list}</select>` +
    `${source ? `<span class="mm-select-source">(${esc(source)})</span>` : ''}${choose}` +
    `${ctx.findings.anchor(path)}</span>`
  );
}

/** Renders `actions`: type "select" as a menu, everything else as a button (as the webapp does). */
export function renderActions(ctx: RenderContext, actions: unknown[] | undefined, basePath: JsonPath): string {
  if (!actions || actions.length === 0) {
    return '';
  }
  const items: string[] = [];
  actions.forEach((action, i) => {
    if (!isObject(action)) return;
    const path = [...basePath, i];
    const type = str(ctx.field(action, 'type'));
    items.push(type === 'select' ? renderSelect(ctx, action, path, i) : renderButton(ctx, action, path, i));
  });
  return `<div class="mm-attachment-actions" data-testid="actions">${items.join('')}</div>`;
}
