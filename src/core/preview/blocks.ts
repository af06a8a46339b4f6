/**
 * Mattermost Blocks as the clients draw them (MM_BLOCKS.md §2; webapp block_renderer, layout_blocks and
 * block_renderer.scss). The input is what the server model (src/core/server/blocks.ts) says clients draw:
 * Block Kit and Adaptive Cards already translated, dropped blocks removed, the render limits applied.
 * This file only turns those blocks into HTML: it never decides which block is valid.
 *
 * Pure; every payload string goes through esc()/markdown; no inline styles (the CSP forbids them): sizes
 * and colours are classes, custom ones registered on the RenderContext for the nonce'd style block.
 */
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc, urlLabel } from './html';
import { imageHtml } from './images';
import type { BlocksRead, MmBlock, RegistryEntry, RenderLimit } from '../server/blocks';
import { arr, bool, field, isObject, str, type Obj } from './values';

interface BlocksRenderInput {
  /** The blocks clients draw, each with its source path (server model: BlocksRead.blocks). */
  blocks: readonly MmBlock[];
  /** `props.mm_blocks_actions` as the server reads it (undefined: absent or not an object). */
  registry?: Readonly<Record<string, RegistryEntry>>;
  /** Which prop the blocks come from: `mm_blocks`, `blocks` (Block Kit) or `cards` (Adaptive Cards). */
  format: 'mm_blocks' | 'blocks' | 'cards';
}

type BlocksFormat = NonNullable<BlocksRead['renders']>;

const GAPS = ['none', 'small', 'medium', 'large', 'xlarge'];
const IMAGE_SIZES = ['auto', 'xsmall', 'small', 'medium', 'large', 'stretch'];
const BUTTON_STYLES = ['default', 'primary', 'danger', 'good', 'success', 'warning'];
const ACCENTS = ['default', 'primary', 'good', 'warning', 'danger'];
const MAX_HEIGHTS = ['small', 'medium', 'large'];
const HEX = /^#([0-9a-fA-F]{3}){1,2}$/;

function oneOf(value: unknown, allowed: readonly string[], fallback: string): string {
  return typeof value === 'string' && allowed.includes(value) ? value : fallback;
}

/** #abc → #aabbcc (lower case), for the colour classes. */
function fullHex(hex: string): string {
  const h = hex.toLowerCase();
  return h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
}

class BlockRenderer {
  constructor(
    private readonly ctx: RenderContext,
    private readonly input: BlocksRenderInput,
  ) {}

  private anchor(block: Obj): string {
    const path = pathOf(block);
    return path && path.length > 0 ? this.ctx.findings.anchor(path) : '';
  }

  private pathAttr(block: Obj): string {
    const path = pathOf(block);
    return path ? attr('data-path', path.map(String).join('.')) : '';
  }

  list(blocks: readonly unknown[], horizontal = false): string {
    return blocks.map((b) => (isObject(b) ? this.block(b, horizontal) : '')).join('');
  }

  block(b: Obj, horizontal: boolean): string {
    switch (str(field(b, 'type'))) {
      case 'text':
        return this.text(b);
      case 'image':
        return this.image(b);
      case 'divider':
        return this.divider(b, horizontal);
      case 'button':
        return this.button(b);
      case 'static_select':
        return this.select(b);
      case 'container':
        return this.container(b);
      case 'collapsible':
        return this.collapsible(b);
      case 'column_set':
        return this.columnSet(b);
      default:
        // a top-level `column` passes translation but clients draw nothing for it (§2.9)
        return '';
    }
  }

  private wrap(b: Obj, type: string, cls: string, inner: string, extra = ''): string {
    return `<div class="mm-block mm-block-${type}${cls ? ` ${cls}` : ''}" data-testid="block"${attr('data-type', type)}${this.pathAttr(b)}${extra}>${inner}${this.anchor(b)}</div>`;
  }

  private text(b: Obj): string {
    const text = str(field(b, 'text')) ?? '';
    const subtle = bool(field(b, 'is_subtle')) === true;
    const size = oneOf(field(b, 'size'), ['small', 'default'], 'default');
    const cls = [subtle ? 'mm-block-subtle' : '', size === 'small' ? 'mm-block-small' : ''].filter(Boolean).join(' ');
    return this.wrap(b, 'text', cls, `<div class="mm-block-markdown">${this.ctx.markdown(text)}</div>`, `${attr('data-size', size)}${attr('data-subtle', subtle ? 'true' : undefined)}`);
  }

  private image(b: Obj): string {
    const url = str(field(b, 'url')) ?? '';
    const alt = str(field(b, 'alt_text')) ?? '';
    const title = str(field(b, 'title'));
    const size = oneOf(field(b, 'size'), IMAGE_SIZES, 'stretch');
    const person = field(b, 'image_style') === 'person';
    const align = oneOf(field(b, 'horizontal_alignment'), ['left', 'center', 'right'], 'left');
    const maxW = finitePx(field(b, 'max_width'));
    const maxH = finitePx(field(b, 'max_height'));
    const cls = [`mm-block-image-${size}`, `mm-block-align-${align}`, person ? 'mm-block-image-person' : '', this.ctx.sizeClass(maxW, maxH) ?? ''].filter(Boolean).join(' ');
    const img = imageHtml(url, 'block-image', this.ctx.loadRemoteImages, alt);
    return this.wrap(
      b,
      'image',
      cls,
      `<span class="mm-block-image-frame"${attr('title', title)}>${img}</span>`,
      `${attr('data-size', size)}${attr('data-alt', alt)}${attr('data-image-style', person ? 'person' : 'default')}${attr('data-align', align)}` +
        `${attr('data-max-width', maxW)}${attr('data-max-height', maxH)}`,
    );
  }

  private divider(b: Obj, horizontal: boolean): string {
    return this.wrap(b, 'divider', horizontal ? 'mm-block-divider-vertical' : '', '<hr class="mm-block-rule">', attr('data-orientation', horizontal ? 'vertical' : 'horizontal'));
  }

  /** Where a click on this action id goes, from the registry. */
  private actionInfo(id: string, disabled: boolean): { attrs: string; title: string; missing: boolean } {
    if (disabled) return { attrs: attr('data-action', 'disabled'), title: 'disabled', missing: false };
    const entry = this.input.registry && Object.prototype.hasOwnProperty.call(this.input.registry, id) ? this.input.registry[id] : undefined;
    if (!entry) {
      return { attrs: `${attr('data-action', 'missing')}${attr('data-action-id', id)}`, title: `action "${id}": no mm_blocks_actions entry, a click does nothing`, missing: true };
    }
    const where = entry.url ? urlLabel(entry.url) : '';
    const verb = entry.type === 'openURL' ? 'opens' : entry.type === 'external' ? 'calls' : entry.type;
    return {
      attrs: `${attr('data-action', entry.type)}${attr('data-action-id', id)}${attr('data-action-url', entry.url)}`,
      title: `action "${id}": ${verb} ${where}`.trim(),
      missing: false,
    };
  }

  /**
   * The command link of a clickable control (PreviewInput.actionCommand): an enabled button or select
   * whose registry entry has an http(s) url. It carries only the block's path; the extension finds the
   * block again, sends the click (or, for openURL, shows the target) and the webview fetches nothing.
   */
  private clickHref(b: Obj, id: string, disabled: boolean): string | undefined {
    const command = this.ctx.actionCommand;
    const path = pathOf(b);
    if (!command || !/^[A-Za-z0-9_.]+$/.test(command) || disabled || !path) return undefined;
    const entry = this.input.registry && Object.prototype.hasOwnProperty.call(this.input.registry, id) ? this.input.registry[id] : undefined;
    if (!entry || !/^https?:\/\//i.test(entry.url)) return undefined;
    return `command:${command}?${encodeURIComponent(JSON.stringify([{ path }]))}`;
  }

  private buttonStyle(style: string | undefined): string {
    if (style === undefined) return 'mm-bbtn-default';
    if (BUTTON_STYLES.includes(style)) return `mm-bbtn-${style}`;
    if (HEX.test(style)) return `mm-bbtn-custom ${this.ctx.colorClass(fullHex(style))}`;
    return 'mm-bbtn-default'; // an unrecognised string is ignored: default style (§2.5)
  }

  private button(b: Obj): string {
    const label = str(field(b, 'text')) ?? '';
    const id = str(field(b, 'action_id')) ?? '';
    const style = str(field(b, 'style'));
    const disabled = bool(field(b, 'disabled')) === true;
    const tooltip = str(field(b, 'tooltip'));
    const info = this.actionInfo(id, disabled);
    const shownStyle = style !== undefined && (BUTTON_STYLES.includes(style) || HEX.test(style)) ? style : 'default';
    const href = this.clickHref(b, id, disabled);
    if (href) {
      return this.wrap(
        b,
        'button',
        '',
        `<a class="mm-bbtn ${this.buttonStyle(style)}" data-testid="block-button" data-clickable="true" role="button"${attr('data-style', shownStyle)}` +
          `${attr('title', tooltip ?? `${info.title} (the click goes through the extension)`)}${info.attrs}${attr('href', href)}>${this.ctx.markdownInline(label)}</a>`,
      );
    }
    return this.wrap(
      b,
      'button',
      '',
      `<button type="button" class="mm-bbtn ${this.buttonStyle(style)}" data-testid="block-button"${attr('data-style', shownStyle)}` +
        `${attr('title', tooltip ?? info.title)}${attr('disabled', disabled)} aria-disabled="true" tabindex="-1"${info.attrs}>${this.ctx.markdownInline(label)}</button>` +
        (info.missing ? `<span class="mm-note" data-testid="action-missing">no registry entry: the button does nothing</span>` : ''),
    );
  }

  private select(b: Obj): string {
    const id = str(field(b, 'action_id')) ?? '';
    const placeholder = str(field(b, 'placeholder')) ?? '';
    const source = str(field(b, 'data_source'));
    const initial = str(field(b, 'initial_option'));
    const disabled = bool(field(b, 'disabled')) === true;
    const info = this.actionInfo(id, disabled);
    const choose = this.chooseLink(b, id, disabled);
    const options = (arr(field(b, 'options')) ?? []).filter(isObject).map((o) => ({ text: str(field(o, 'text')) ?? '', value: str(field(o, 'value')) ?? '' }));
    const picked = options.find((o) => o.value === initial);
    let list: string;
    if (source === 'users' || source === 'channels') {
      list = `<option disabled>(${source === 'users' ? 'users of this server' : 'public channels of your teams'})</option>`;
    } else {
      list = options.map((o) => `<option${attr('value', o.value)}${attr('selected', o === picked)}>${esc(o.text)}</option>`).join('');
    }
    return this.wrap(
      b,
      'static_select',
      '',
      `${choose ? '<span class="mm-block-select-choose">' : ''}<select class="mm-select mm-block-select" data-testid="block-select" disabled${attr('aria-label', placeholder)}${attr('title', info.title)}${info.attrs}${attr('data-source', source)}${attr('data-disabled', disabled ? 'true' : undefined)}>` +
        `<option value=""${attr('selected', picked === undefined)}>${esc(placeholder)}</option>${list}</select>` +
        (choose ? `${choose}</span>` : '') +
        (info.missing ? `<span class="mm-note" data-testid="action-missing">no registry entry: the menu does nothing</span>` : ''),
      attr('data-options', options.length),
    );
  }

  /** A select is drawn disabled (no script): "Choose…" asks the option in the editor and sends it. */
  private chooseLink(b: Obj, id: string, disabled: boolean): string {
    const href = this.clickHref(b, id, disabled);
    return href ? `<a class="mm-select-choose" data-testid="block-choose" role="button"${attr('href', href)} title="Choose an option and send it to the integration (through the extension)">Choose…</a>` : '';
  }

  private accentClass(accent: string | undefined): string {
    if (accent === undefined) return '';
    if (ACCENTS.includes(accent)) return `mm-block-accent mm-block-accent-${accent}`;
    if (HEX.test(accent)) return `mm-block-accent mm-block-accent-custom ${this.ctx.colorClass(fullHex(accent))}`;
    // any other CSS colour string is used as is by the webapp; only the named colours are safe to copy here
    if (/^[a-zA-Z]{3,20}$/.test(accent)) return `mm-block-accent mm-block-accent-custom ${this.ctx.namedColorClass(accent.toLowerCase())}`;
    return 'mm-block-accent mm-block-accent-default';
  }

  private container(b: Obj): string {
    const flow = oneOf(field(b, 'flow'), ['vertical', 'horizontal'], 'vertical');
    const gap = oneOf(field(b, 'gap'), GAPS, 'medium'); // clients: medium when omitted (§9 #2)
    const border = bool(field(b, 'border')) === true;
    const accent = str(field(b, 'accent_color'));
    const background = oneOf(field(b, 'background'), ['none', 'gray'], 'none');
    const maxHeight = oneOf(field(b, 'max_height'), ['none', ...MAX_HEIGHTS], 'none');
    const horizontal = flow === 'horizontal';
    const cls = [
      `mm-block-flow-${flow}`,
      `mm-block-gap-${gap}`,
      border ? 'mm-block-border' : '',
      this.accentClass(accent),
      background === 'gray' ? 'mm-block-bg-gray' : '',
      maxHeight !== 'none' ? `mm-block-max-height-${maxHeight}` : '',
    ].filter(Boolean).join(' ');
    return this.wrap(
      b,
      'container',
      cls,
      this.list(arr(field(b, 'content')) ?? [], horizontal),
      `${attr('data-flow', flow)}${attr('data-gap', gap)}${attr('data-border', border ? 'true' : undefined)}${attr('data-accent', accent)}${attr('data-background', background)}${attr('data-max-height', maxHeight)}`,
    );
  }

  /** A <details> element: collapsed unless `collapsed` is exactly false (§2.8), and it opens without script. */
  private collapsible(b: Obj): string {
    const open = field(b, 'collapsed') === false;
    const header = this.list(arr(field(b, 'header')) ?? []);
    const content = this.list(arr(field(b, 'content')) ?? []);
    return this.wrap(
      b,
      'collapsible',
      '',
      `<details class="mm-block-details" data-testid="block-collapsible"${attr('open', open)}>` +
        `<summary class="mm-block-summary" data-testid="block-collapsible-header">${header}</summary>` +
        `<div class="mm-block-collapsible-content" data-testid="block-collapsible-content">${content}</div></details>`,
      attr('data-collapsed', open ? 'false' : 'true'),
    );
  }

  private columnSet(b: Obj): string {
    const gap = oneOf(field(b, 'gap'), GAPS, 'medium');
    const columns = (arr(field(b, 'columns')) ?? []).filter(isObject).map((c) => this.column(c)).join('');
    return this.wrap(b, 'column_set', `mm-block-gap-${gap}`, columns, `${attr('data-gap', gap)}`);
  }

  private column(c: Obj): string {
    const width = oneOf(field(c, 'width'), ['auto', 'stretch'], 'auto');
    const gap = oneOf(field(c, 'gap'), GAPS, 'medium');
    return this.wrap(c, 'column', `mm-block-column-${width} mm-block-flow-vertical mm-block-gap-${gap}`, this.list(arr(field(c, 'items')) ?? []), `${attr('data-width', width)}${attr('data-gap', gap)}`);
  }
}

/** The source path the server model put on each drawn block. */
function pathOf(block: Obj): JsonPath | undefined {
  const p = field(block, 'path');
  return Array.isArray(p) ? (p as JsonPath) : undefined;
}

/** A finite, positive pixel value (max_width / max_height), rounded; undefined otherwise. */
function finitePx(v: unknown): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return undefined;
  return Math.min(Math.round(v), 10000);
}

const FORMAT_LABELS: Record<BlocksRenderInput['format'], string> = {
  mm_blocks: 'Mattermost Blocks',
  blocks: 'Slack Block Kit, as Mattermost translates it',
  cards: 'Adaptive Cards, as Mattermost translates them',
};

/** The blocks of one post (a drawn list). */
function renderBlocks(ctx: RenderContext, input: BlocksRenderInput, anchor: string): string {
  const r = new BlockRenderer(ctx, input);
  return (
    `<div class="mm-blocks" data-testid="blocks"${attr('data-format', input.format)}${attr('data-count', input.blocks.length)}${attr('title', FORMAT_LABELS[input.format])}>` +
    r.list(input.blocks) +
    anchor +
    `</div>`
  );
}

const PROP_NAMES: Record<BlocksFormat, string> = { mm_blocks: 'props.mm_blocks', blocks: 'props.blocks', cards: 'props.cards', attachments: 'attachments' };

const LIMIT_WORDS: Record<RenderLimit, string> = {
  nodes: 'clients draw at most 100 blocks (nested ones included)',
  depth: 'clients draw blocks at most 32 levels deep',
  characters: 'clients draw at most 16000 characters of text and button labels',
};

function note(testid: string, text: string, anchor = '', extra = ''): string {
  return `<div class="mm-note mm-blocks-note" data-testid="${testid}" role="note"${extra}>${esc(text)}${anchor}</div>`;
}

/** The action registry, collapsed: where each id goes; registry findings sit next to it. */
function registryHtml(ctx: RenderContext, read: BlocksRead): string {
  if (!read.registryPath) return '';
  const entries = Object.entries(read.registry ?? {});
  const rows = entries
    .map(([id, e]) => `<li data-testid="registry-entry"${attr('data-action-id', id)}${attr('data-action', e.type)}><code>${esc(id)}</code> → ${esc(e.type === 'openURL' ? 'opens' : 'calls')} ${esc(urlLabel(e.url))}</li>`)
    .join('');
  const label = read.registry ? `Action registry (mm_blocks_actions): ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}` : 'Action registry (mm_blocks_actions): not a map of entries';
  return (
    `<details class="mm-blocks-registry" data-testid="blocks-registry"><summary>${esc(label)}</summary>${rows ? `<ul>${rows}</ul>` : ''}</details>` +
    ctx.findings.anchor(read.registryPath)
  );
}

/**
 * What one post shows in the place of attachments, from the server model's read of its props (BlocksRead):
 * the one format clients render (blocks drawn, or the attachments), a note for each ignored format and for
 * blocks the target server does not show, the render-limit cuts, the entries clients drop (with their
 * findings) and the action registry.
 */
export function renderPostBlocks(ctx: RenderContext, read: BlocksRead, attachments: () => string): string {
  const parts: string[] = [];
  const hasBlockFormat = read.ignored.some((i) => i.format !== 'attachments') || (read.renders !== null && read.renders !== 'attachments');
  if (!read.shown && hasBlockFormat) {
    const hidden = read.ignored.filter((i) => i.format !== 'attachments');
    parts.push(note('blocks-hidden', `Not shown: ${hidden.map((i) => PROP_NAMES[i.format]).join(', ')} ${hidden.length === 1 ? 'is' : 'are'} stored but ${read.gateApproximate ? 'may not be' : 'not'} shown to anyone: ${read.whyHidden ?? 'the target server does not draw them'}.`, ctx.findings.anchor(...hidden.map((i) => i.path))));
  }
  if (read.renders === 'attachments') {
    parts.push(attachments());
  } else if (read.renders !== null) {
    parts.push(renderBlocks(ctx, { blocks: read.blocks, registry: read.registry, format: read.renders }, ctx.findings.anchor([...read.propsPath, read.renders])));
  }
  for (const ignored of read.ignored) {
    if (!read.shown && ignored.format !== 'attachments') continue;
    parts.push(note('blocks-ignored', `${PROP_NAMES[ignored.format]} is ignored: clients render only the first non-empty one of mm_blocks, blocks, cards and attachments, here ${PROP_NAMES[read.renders ?? 'attachments']}.`, ctx.findings.anchor(ignored.path), attr('data-format', ignored.format)));
  }
  for (const t of read.truncated) {
    parts.push(note('blocks-truncated', `Cut here: ${LIMIT_WORDS[t.limit]}; ${t.lost} ${t.limit === 'characters' ? 'characters' : 'blocks'} from this point on are not shown.`, ctx.findings.anchor(t.path), `${attr('data-limit', t.limit)}${attr('data-path', t.path.map(String).join('.'))}`));
  }
  if (read.dropped.length > 0) {
    parts.push(
      `<div class="mm-blocks-dropped" data-testid="blocks-dropped"><div class="mm-blocks-dropped-title">${read.dropped.length} ${read.dropped.length === 1 ? 'entry is' : 'entries are'} not drawn by Mattermost's clients:</div><ul>` +
        read.dropped
          .map((d) => `<li data-testid="dropped-block"${attr('data-cause', d.cause)}${attr('data-path', d.path.map(String).join('.'))}>${ctx.markdownInline(`${d.block}: ${d.reason}`)}${ctx.findings.anchor(d.path)}</li>`)
          .join('') +
        `</ul></div>`,
    );
  }
  parts.push(registryHtml(ctx, read));
  return parts.join('');
}
