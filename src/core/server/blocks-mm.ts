/**
 * How clients read `props.mm_blocks` (MM_BLOCKS.md §2, client source C1/C5): each entry is checked on its
 * own and a block with one bad field is dropped whole (not coerced); valid siblings still render. The
 * lenient revisions (mobile, web @570c341b) are followed for what is drawn; keys outside a block's fields
 * (dropped by the strict web revision @154dce24) are collected apart.
 */
import type { JsonPath } from '../json/locate';
import type {
  ButtonStyle, ColumnBlock, Dropped, GapSize, Ignored, MmBlock, SelectOption, UnknownBlockKey,
} from './blocks';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The documented fields of each block type (§2.2–§2.9). */
const MM_BLOCK_FIELDS: Readonly<Record<string, readonly string[]>> = {
  text: ['type', 'text', 'is_subtle', 'size'],
  image: ['type', 'url', 'alt_text', 'title', 'size', 'max_width', 'max_height', 'image_style', 'horizontal_alignment'],
  divider: ['type'],
  button: ['type', 'text', 'action_id', 'style', 'tooltip', 'disabled', 'query', 'cookie'],
  static_select: ['type', 'action_id', 'placeholder', 'options', 'initial_option', 'disabled', 'data_source', 'query'],
  container: ['type', 'content', 'border', 'accent_color', 'background', 'flow', 'gap', 'max_height'],
  collapsible: ['type', 'header', 'content', 'collapsed'],
  column_set: ['type', 'columns', 'gap'],
  column: ['type', 'items', 'width', 'gap'],
};

/** Newer form-input types seen only in e2e tests (§2.10): clients of 11.10 drop them. */
const FORM_INPUT_TYPES: readonly string[] = ['text_input', 'bool_input', 'select', 'date_input', 'datetime_input', 'file_input'];

const GAPS: readonly string[] = ['none', 'small', 'medium', 'large', 'xlarge'];
const ENUMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  text: { size: ['small', 'default'] },
  image: { size: ['auto', 'xsmall', 'small', 'medium', 'large', 'stretch'], image_style: ['default', 'person'], horizontal_alignment: ['left', 'center', 'right'] },
  container: { background: ['none', 'gray'], flow: ['vertical', 'horizontal'], gap: GAPS, max_height: ['none', 'small', 'medium', 'large'] },
  column_set: { gap: GAPS },
  column: { width: ['auto', 'stretch'], gap: GAPS },
};

const BUTTON_STYLES: readonly string[] = ['default', 'primary', 'danger', 'good', 'success', 'warning'];
const HEX = /^#([0-9a-fA-F]{3}){1,2}$/;

/** The button-style filter: a recognised style, or undefined (clients then draw the default style). */
export function buttonStyle(s: unknown): ButtonStyle | undefined {
  if (typeof s !== 'string') return undefined;
  if (BUTTON_STYLES.includes(s) || HEX.test(s)) return s as ButtonStyle;
  return undefined;
}

/** Where the validators report to. */
export interface Sink {
  dropped: Dropped[];
  ignoredValues: Ignored[];
  unknownKeys: UnknownBlockKey[];
}

type Fail = { field?: JsonPath; cause: Dropped['cause']; reason: string };

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v);

class Checker {
  fail: Fail | undefined;
  constructor(readonly b: Obj, readonly path: JsonPath) {}
  private bad(key: string, cause: Dropped['cause'], reason: string): void {
    if (!this.fail) this.fail = { field: [...this.path, key], cause, reason };
  }
  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.b, key);
  }
  /** A required string; `blank` also refuses "" or whitespace-only. */
  reqString(key: string, blank: 'allow' | 'empty' | 'trim' = 'allow'): string {
    const v = this.b[key];
    if (!this.has(key) || v === undefined) {
      if (!this.fail) this.fail = { field: [...this.path, 'type'], cause: 'missing', reason: `\`${key}\` is missing` };
      return '';
    }
    if (typeof v !== 'string') {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not a string`);
      return '';
    }
    if ((blank === 'trim' && v.trim() === '') || (blank === 'empty' && v === '')) this.bad(key, 'missing', `\`${key}\` is blank`);
    return v;
  }
  optString(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.b[key];
    if (typeof v !== 'string') {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not a string`);
      return undefined;
    }
    return v;
  }
  optEnum<T extends string>(key: string, allowed: readonly string[]): T | undefined {
    const v = this.optString(key);
    if (v === undefined) return undefined;
    if (!allowed.includes(v)) {
      this.bad(key, 'enum', `\`${key}\` is ${JSON.stringify(v)}, not one of ${allowed.map(a => `"${a}"`).join(', ')}`);
      return undefined;
    }
    return v as T;
  }
  optBool(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.b[key];
    if (typeof v !== 'boolean') {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not a boolean`);
      return undefined;
    }
    return v;
  }
  optNumber(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const v = this.b[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not a number`);
      return undefined;
    }
    return v;
  }
  optQuery(key: string): Record<string, string> | undefined {
    if (!this.has(key)) return undefined;
    const v = this.b[key];
    if (!isObj(v)) {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not an object of strings`);
      return undefined;
    }
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'string') {
        if (!this.fail) this.fail = { field: [...this.path, key, k], cause: 'wrong-type', reason: `\`${key}.${k}\` is ${typeName(x)}, not a string` };
        return undefined;
      }
    }
    return v as Record<string, string>;
  }
  /** A required array of blocks. */
  reqArray(key: string): unknown[] | undefined {
    const v = this.b[key];
    if (!this.has(key) || v === undefined) {
      if (!this.fail) this.fail = { field: [...this.path, 'type'], cause: 'missing', reason: `\`${key}\` is missing` };
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.bad(key, 'wrong-type', `\`${key}\` is ${typeName(v)}, not an array`);
      return undefined;
    }
    return v as unknown[];
  }
}

/** "`image` block" */
function blockName(type: unknown): string {
  return typeof type === 'string' ? `\`${type}\` block` : 'block';
}

/**
 * Reads one array of MM blocks as clients do. `depth`-free: the render limits are applied afterwards
 * (blocks-limits.ts). Invalid entries go to `sink.dropped`.
 */
export function readMmBlocks(list: unknown[], path: JsonPath, sink: Sink): MmBlock[] {
  const out: MmBlock[] = [];
  list.forEach((entry, i) => {
    const b = readMmBlock(entry, [...path, i], sink);
    if (b) out.push(b);
  });
  return out;
}

function drop(sink: Sink, path: JsonPath, block: string, f: Fail): undefined {
  sink.dropped.push({ path, field: f.field, block, cause: f.cause, reason: f.reason, format: 'mm_blocks' });
  return undefined;
}

function readMmBlock(entry: unknown, path: JsonPath, sink: Sink): MmBlock | undefined {
  if (!isObj(entry)) return drop(sink, path, 'entry', { cause: 'not-object', reason: `it is ${typeName(entry)}, not a block object` });
  const type = entry.type;
  if (typeof type !== 'string') {
    const f: Fail = entry.type === undefined ? { cause: 'missing', reason: '`type` is missing' } : { field: [...path, 'type'], cause: 'wrong-type', reason: `\`type\` is ${typeName(type)}, not a string` };
    return drop(sink, path, 'block', f);
  }
  const fields = MM_BLOCK_FIELDS[type];
  const name = blockName(type);
  if (!fields) {
    const newer = FORM_INPUT_TYPES.includes(type) ? ' (a form input only newer clients know)' : '';
    return drop(sink, path, name, { field: [...path, 'type'], cause: 'unknown-type', reason: `${JSON.stringify(type)} is not a block type${newer}` });
  }
  for (const k of Object.keys(entry)) if (!fields.includes(k)) sink.unknownKeys.push({ path: [...path, k], block: name, key: k });
  const c = new Checker(entry, path);
  const enums = ENUMS[type] ?? {};
  let block: MmBlock | undefined;
  switch (type) {
    case 'text': {
      const text = c.reqString('text');
      block = { type, path, text, is_subtle: c.optBool('is_subtle'), size: c.optEnum('size', enums.size) };
      break;
    }
    case 'image': {
      const url = c.reqString('url');
      const alt = c.reqString('alt_text');
      block = {
        type, path, url, alt_text: alt, title: c.optString('title'), size: c.optEnum('size', enums.size),
        max_width: c.optNumber('max_width'), max_height: c.optNumber('max_height'),
        image_style: c.optEnum('image_style', enums.image_style), horizontal_alignment: c.optEnum('horizontal_alignment', enums.horizontal_alignment),
      };
      break;
    }
    case 'divider':
      block = { type, path };
      break;
    case 'button': {
      const text = c.reqString('text', 'trim');
      const action = c.reqString('action_id', 'trim');
      const rawStyle = c.optString('style');
      const style = buttonStyle(rawStyle);
      if (rawStyle !== undefined && style === undefined) {
        sink.ignoredValues.push({ path: [...path, 'style'], block: name, reason: `style ${JSON.stringify(rawStyle)} is not one of ${BUTTON_STYLES.join(', ')} or a #hex colour, so clients draw the default style`, format: 'mm_blocks' });
      }
      block = { type, path, text, action_id: action, style, tooltip: c.optString('tooltip'), disabled: c.optBool('disabled'), query: c.optQuery('query') };
      c.optString('cookie');
      break;
    }
    case 'static_select': {
      const action = c.reqString('action_id', 'trim');
      const placeholder = c.reqString('placeholder', 'trim');
      let options: SelectOption[] | undefined;
      if (c.has('options')) {
        const o = entry.options;
        if (!Array.isArray(o)) c.fail ??= { field: [...path, 'options'], cause: 'wrong-type', reason: `\`options\` is ${typeName(o)}, not an array` };
        else {
          options = [];
          for (let i = 0; i < o.length; i++) {
            const opt: unknown = o[i];
            if (!isObj(opt) || typeof opt.text !== 'string' || typeof opt.value !== 'string') {
              const what = !isObj(opt) ? `is ${typeName(opt)}` : typeof opt.text !== 'string' ? (opt.text === undefined ? 'has no `text`' : '`text` is not a string') : opt.value === undefined ? 'has no `value`' : '`value` is not a string';
              c.fail ??= { field: [...path, 'options', i], cause: 'child', reason: `option ${i + 1} ${what} (one bad option drops the whole select)` };
              break;
            }
            options.push({ text: opt.text, value: opt.value });
          }
        }
      }
      block = {
        type, path, action_id: action, placeholder, options, initial_option: c.optString('initial_option'),
        disabled: c.optBool('disabled'), data_source: c.optString('data_source'), query: c.optQuery('query'),
      };
      break;
    }
    case 'container': {
      const list = c.reqArray('content');
      const opts = {
        border: c.optBool('border'), accent_color: c.optString('accent_color'), background: c.optEnum<'none' | 'gray'>('background', enums.background),
        flow: c.optEnum<'vertical' | 'horizontal'>('flow', enums.flow), gap: c.optEnum<GapSize>('gap', enums.gap), max_height: c.optEnum<'none' | 'small' | 'medium' | 'large'>('max_height', enums.max_height),
      };
      if (c.fail || !list) return drop(sink, path, name, c.fail!);
      const content = readMmBlocks(list, [...path, 'content'], sink);
      if (content.length === 0) return drop(sink, path, name, { field: [...path, 'content'], cause: 'empty', reason: '`content` has no valid block' });
      block = { type, path, content, ...opts };
      break;
    }
    case 'collapsible': {
      const h = c.reqArray('header');
      const ct = c.reqArray('content');
      const collapsed = c.optBool('collapsed');
      if (c.fail || !h || !ct) return drop(sink, path, name, c.fail!);
      const header = readMmBlocks(h, [...path, 'header'], sink);
      const content = readMmBlocks(ct, [...path, 'content'], sink);
      if (header.length === 0) return drop(sink, path, name, { field: [...path, 'header'], cause: 'empty', reason: '`header` has no valid block' });
      if (content.length === 0) return drop(sink, path, name, { field: [...path, 'content'], cause: 'empty', reason: '`content` has no valid block' });
      block = { type, path, header, content, collapsed: collapsed !== false };
      break;
    }
    case 'column_set': {
      const cols = c.reqArray('columns');
      const gap = c.optEnum<GapSize>('gap', enums.gap);
      if (c.fail || !cols) return drop(sink, path, name, c.fail!);
      if (cols.length === 0) return drop(sink, path, name, { field: [...path, 'columns'], cause: 'empty', reason: '`columns` is empty' });
      const columns: ColumnBlock[] = [];
      for (let i = 0; i < cols.length; i++) {
        const col = cols[i];
        const at = [...path, 'columns', i];
        if (!isObj(col) || col.type !== 'column') {
          return drop(sink, path, name, { field: at, cause: 'child', reason: `column ${i + 1} is not a \`{"type": "column", …}\` object (one bad column drops the whole column_set)` });
        }
        const before = sink.dropped.length;
        const b = readMmBlock(col, at, sink) as ColumnBlock | undefined;
        if (!b) {
          const why = sink.dropped.slice(before).find(d => d.path.length === at.length);
          return drop(sink, path, name, { field: at, cause: 'child', reason: `column ${i + 1} is dropped${why ? ` (${why.reason})` : ''}, and with it the whole column_set` });
        }
        columns.push(b);
      }
      block = { type, path, columns, gap };
      break;
    }
    case 'column': {
      const items = c.reqArray('items');
      const opts = { width: c.optEnum<'auto' | 'stretch'>('width', enums.width), gap: c.optEnum<GapSize>('gap', enums.gap) };
      if (c.fail || !items) return drop(sink, path, name, c.fail!);
      const read = readMmBlocks(items, [...path, 'items'], sink);
      if (read.length === 0) return drop(sink, path, name, { field: [...path, 'items'], cause: 'empty', reason: '`items` has no valid block' });
      block = { type, path, items: read, ...opts };
      break;
    }
  }
  if (c.fail || !block) return drop(sink, path, name, c.fail ?? { cause: 'missing', reason: 'it is not complete' });
  return strip(block);
}

/** Leaves out the optional fields that were not given (undefined values). */
function strip<T extends object>(b: T): T {
  for (const k of Object.keys(b) as (keyof T)[]) if (b[k] === undefined) delete b[k];
  return b;
}
