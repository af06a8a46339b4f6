/**
 * The clients' translators (MM_BLOCKS.md §7, §8; client source C3/C5): Slack Block Kit in `props.blocks`
 * and Adaptive Cards in `props.cards` become Mattermost Blocks at render time. Elements outside the
 * translated subset are dropped; each output block keeps the path of the element it came from.
 */
import type { JsonPath } from '../json/locate';
import { buttonStyle, isObj } from './blocks-mm';
import type { ButtonBlock, ColumnBlock, Dropped, ImageBlock, MmBlock, SelectOption, StaticSelectBlock, TextBlock } from './blocks';

type Obj = Record<string, unknown>;

interface Out {
  dropped: Dropped[];
}

/** Block Kit block types Mattermost translates (§7). */
const BLOCK_KIT_TRANSLATED: readonly string[] = ['section', 'header', 'markdown', 'divider', 'image', 'actions'];
/** Adaptive Card element types Mattermost translates (§8). */
const CARD_TRANSLATED: readonly string[] = ['TextBlock', 'Container', 'ColumnSet', 'Image', 'ActionSet'];

/** `text.text` of a Block Kit text object (mrkdwn or plain_text), or a plain string where Slack allows one. */
function textOf(v: unknown): string | undefined {
  if (isObj(v) && typeof v.text === 'string') return v.text;
  return undefined;
}

function dropBk(out: Out, path: JsonPath, block: string, cause: Dropped['cause'], reason: string, field?: JsonPath): undefined {
  out.dropped.push({ path, field, block, cause, reason, format: 'blocks' });
  return undefined;
}

function dropCard(out: Out, path: JsonPath, block: string, cause: Dropped['cause'], reason: string, field?: JsonPath): undefined {
  out.dropped.push({ path, field, block, cause, reason, format: 'cards' });
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Block Kit

export function translateBlockKit(list: unknown[], path: JsonPath, out: Out): MmBlock[] {
  const result: MmBlock[] = [];
  list.forEach((b, i) => {
    const t = translateBkBlock(b, [...path, i], out);
    if (t) result.push(t);
  });
  return result;
}

function bkButton(e: Obj, path: JsonPath, out: Out, where: string): ButtonBlock | undefined {
  const label = textOf(e.text);
  const id = e.action_id;
  if (label === undefined || label.trim() === '') return dropBk(out, path, `Block Kit ${where} button`, 'missing', 'its `text.text` label is missing', isObj(e.text) ? [...path, 'text'] : undefined);
  if (typeof id !== 'string' || id.trim() === '') return dropBk(out, path, `Block Kit ${where} button`, 'missing', '`action_id` is missing');
  const b: ButtonBlock = { type: 'button', path, text: label, action_id: id };
  const style = buttonStyle(e.style);
  if (style) b.style = style;
  return b;
}

function bkSelect(e: Obj, path: JsonPath, out: Out): StaticSelectBlock | undefined {
  const name = 'Block Kit `static_select`';
  const placeholder = textOf(e.placeholder);
  if (placeholder === undefined || placeholder === '') return dropBk(out, path, name, 'missing', '`placeholder.text` is missing');
  if (typeof e.action_id !== 'string' || e.action_id === '') return dropBk(out, path, name, 'missing', '`action_id` is missing');
  const opts: SelectOption[] = [];
  if (Array.isArray(e.options)) {
    for (const o of e.options) {
      const text = isObj(o) ? textOf(o.text) : undefined;
      if (text !== undefined && isObj(o) && typeof o.value === 'string') opts.push({ text, value: o.value });
    }
  }
  if (opts.length === 0) {
    const why = e.option_groups !== undefined ? 'it has no `options` with `text.text` and `value` (`option_groups` is not read)' : 'it has no `options` with `text.text` and `value`';
    return dropBk(out, path, name, 'missing', why);
  }
  return { type: 'static_select', path, action_id: e.action_id, placeholder, options: opts };
}

function bkImage(e: Obj, path: JsonPath, out: Out, size: 'small' | 'large', where: string): ImageBlock | undefined {
  const name = `Block Kit ${where}image`;
  if (typeof e.image_url !== 'string' || e.image_url === '') return dropBk(out, path, name, 'missing', typeof e.url === 'string' ? '`image_url` is missing (Mattermost does not read `url`)' : '`image_url` is missing');
  if (typeof e.alt_text !== 'string' || e.alt_text === '') return dropBk(out, path, name, 'missing', '`alt_text` is missing');
  const img: ImageBlock = { type: 'image', path, url: e.image_url, alt_text: e.alt_text, size };
  const title = textOf(e.title);
  if (title !== undefined) img.title = title;
  return img;
}

function translateBkBlock(b: unknown, path: JsonPath, out: Out): MmBlock | undefined {
  if (!isObj(b)) return dropBk(out, path, 'Block Kit entry', 'not-object', 'it is not a block object');
  const type = b.type;
  const name = typeof type === 'string' ? `Block Kit \`${type}\` block` : 'Block Kit block';
  switch (type) {
    case 'section': {
      const items: MmBlock[] = [];
      const text = textOf(b.text);
      if (text !== undefined && text !== '') items.push({ type: 'text', path: [...path, 'text'], text });
      const fields: TextBlock[] = [];
      if (Array.isArray(b.fields)) {
        b.fields.forEach((f, i) => {
          const t = textOf(f);
          if (t !== undefined && t !== '') fields.push({ type: 'text', path: [...path, 'fields', i], text: t });
        });
      }
      if (items.length === 0 && fields.length === 0) return dropBk(out, path, name, 'missing', 'it has no `text` and no `fields`');
      for (let i = 0; i < fields.length; i += 2) {
        if (i + 1 < fields.length) {
          items.push({
            type: 'column_set', path: fields[i].path, columns: [
              { type: 'column', path: fields[i].path, width: 'stretch', items: [fields[i]] },
              { type: 'column', path: fields[i + 1].path, width: 'stretch', items: [fields[i + 1]] },
            ],
          });
        } else items.push(fields[i]);
      }
      let accessory: MmBlock | undefined;
      if (b.accessory !== undefined) {
        const a = b.accessory;
        const at = [...path, 'accessory'];
        if (isObj(a) && a.type === 'button') accessory = bkButton(a, at, out, 'accessory');
        else if (isObj(a) && a.type === 'image') accessory = bkImage(a, at, out, 'small', 'accessory ');
        else {
          const t = isObj(a) && typeof a.type === 'string' ? a.type : 'unknown';
          const server = t === 'static_select' ? ' (the server still counts its `action_id` as a reference, so it needs a registry entry)' : '';
          dropBk(out, at, `Block Kit \`${t}\` accessory`, 'untranslated', `Mattermost translates only button and image accessories${server}`);
        }
      }
      if (!accessory) return { type: 'container', path, content: items };
      const left: ColumnBlock = { type: 'column', path, width: 'stretch', items };
      const right: ColumnBlock = { type: 'column', path: [...path, 'accessory'], width: 'auto', items: [accessory] };
      return { type: 'column_set', path, columns: [left, right] };
    }
    case 'header': {
      const text = textOf(b.text);
      if (text === undefined || text === '') return dropBk(out, path, name, 'missing', '`text.text` is empty');
      return { type: 'text', path: [...path, 'text'], text: `# ${text}` };
    }
    case 'markdown': {
      if (typeof b.text !== 'string' || b.text.trim() === '') return dropBk(out, path, name, 'missing', '`text` is blank');
      return { type: 'text', path: [...path, 'text'], text: b.text };
    }
    case 'divider':
      return { type: 'divider', path };
    case 'image':
      return bkImage(b, path, out, 'large', '');
    case 'actions': {
      const content: MmBlock[] = [];
      if (Array.isArray(b.elements)) {
        b.elements.forEach((e, i) => {
          const at = [...path, 'elements', i];
          if (isObj(e) && e.type === 'button') {
            const x = bkButton(e, at, out, '');
            if (x) content.push(x);
          } else if (isObj(e) && e.type === 'static_select') {
            const x = bkSelect(e, at, out);
            if (x) content.push(x);
          } else {
            const t = isObj(e) && typeof e.type === 'string' ? e.type : 'unknown';
            dropBk(out, at, `Block Kit \`${t}\` element`, 'untranslated', 'Mattermost translates only `button` and `static_select` in an `actions` block');
          }
        });
      }
      if (content.length === 0) return dropBk(out, path, name, 'empty', 'it has no button or static_select Mattermost can draw');
      return { type: 'container', path, flow: 'horizontal', content };
    }
    default:
      return dropBk(out, path, name, 'untranslated', `Mattermost translates only ${BLOCK_KIT_TRANSLATED.join(', ')} blocks`, typeof type === 'string' ? [...path, 'type'] : undefined);
  }
}

// ------------------------------------------------------------------------------------------------
// Adaptive Cards

export function translateCards(list: unknown[], path: JsonPath, out: Out): MmBlock[] {
  const result: MmBlock[] = [];
  list.forEach((card, i) => {
    const at = [...path, i];
    if (!isObj(card) || card.type !== 'AdaptiveCard') {
      dropCard(out, at, 'card', isObj(card) ? 'wrong-type' : 'not-object', isObj(card) ? 'its `type` is not "AdaptiveCard"' + (card.contentType !== undefined ? ' (the Teams `contentType`/`content` wrapper is not unwrapped)' : '') : 'it is not a card object', isObj(card) && card.type !== undefined ? [...at, 'type'] : undefined);
      return;
    }
    if (Array.isArray(card.body)) result.push(...cardItems(card.body, [...at, 'body'], out));
    if (Array.isArray(card.actions)) {
      const row = actionRow(card.actions, [...at, 'actions'], out);
      if (row) result.push(row);
    }
  });
  return result;
}

function cardItems(list: unknown[], path: JsonPath, out: Out): MmBlock[] {
  const result: MmBlock[] = [];
  list.forEach((e, i) => {
    const t = cardElement(e, [...path, i], out);
    if (t) result.push(t);
  });
  return result;
}

function actionRow(list: unknown[], path: JsonPath, out: Out): MmBlock | undefined {
  const content: MmBlock[] = [];
  list.forEach((a, i) => {
    const at = [...path, i];
    const t = isObj(a) && typeof a.type === 'string' ? a.type : 'unknown';
    if (!isObj(a) || a.type !== 'Action.Submit') {
      dropCard(out, at, `\`${t}\` card action`, 'untranslated', 'Mattermost translates only `Action.Submit`', isObj(a) && a.type !== undefined ? [...at, 'type'] : undefined);
      return;
    }
    if (typeof a.title !== 'string' || a.title === '') return void dropCard(out, at, '`Action.Submit` card action', 'missing', '`title` is missing');
    if (typeof a.id !== 'string' || a.id === '') return void dropCard(out, at, '`Action.Submit` card action', 'missing', '`id` is missing');
    const style = a.style === 'positive' ? 'primary' : a.style === 'destructive' ? 'danger' : undefined;
    const b: ButtonBlock = { type: 'button', path: at, text: a.title, action_id: a.id };
    if (style) b.style = style;
    content.push(b);
  });
  if (content.length === 0) return undefined;
  return { type: 'container', path, flow: 'horizontal', content };
}

function pixels(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const m = /^(\d+(?:\.\d+)?)px$/.exec(v);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function cardElement(e: unknown, path: JsonPath, out: Out): MmBlock | undefined {
  if (!isObj(e)) return dropCard(out, path, 'card element', 'not-object', 'it is not an element object');
  const type = e.type;
  const name = typeof type === 'string' ? `\`${type}\` card element` : 'card element';
  switch (type) {
    case 'TextBlock': {
      if (typeof e.text !== 'string' || e.text === '') return dropCard(out, path, name, 'missing', '`text` is empty');
      const t: TextBlock = { type: 'text', path, text: e.text };
      if (e.size === 'Small') t.size = 'small';
      if (e.isSubtle === true) t.is_subtle = true;
      return t;
    }
    case 'Container': {
      const items = Array.isArray(e.items) ? cardItems(e.items, [...path, 'items'], out) : [];
      if (items.length === 0) return dropCard(out, path, name, 'empty', 'it has no item Mattermost can draw');
      return { type: 'container', path, content: items };
    }
    case 'ColumnSet': {
      const columns: ColumnBlock[] = [];
      if (Array.isArray(e.columns)) {
        e.columns.forEach((c, i) => {
          const at = [...path, 'columns', i];
          if (!isObj(c)) return;
          const items = Array.isArray(c.items) ? cardItems(c.items, [...at, 'items'], out) : [];
          columns.push({ type: 'column', path: at, width: c.width === 'stretch' ? 'stretch' : 'auto', items });
        });
      }
      if (columns.length === 0) return dropCard(out, path, name, 'empty', 'it has no columns');
      return { type: 'column_set', path, columns };
    }
    case 'Image': {
      if (typeof e.url !== 'string' || e.url === '') return dropCard(out, path, name, 'missing', '`url` is missing');
      const img: ImageBlock = { type: 'image', path, url: e.url, alt_text: typeof e.altText === 'string' ? e.altText : '' };
      const size = typeof e.size === 'string' ? e.size.toLowerCase() : undefined;
      if (size === 'auto' || size === 'small' || size === 'medium' || size === 'large' || size === 'stretch') img.size = size;
      const w = pixels(e.width);
      const h = pixels(e.height);
      if (w !== undefined) img.max_width = w;
      if (h !== undefined) img.max_height = h;
      if (e.style === 'person') img.image_style = 'person';
      const al = typeof e.horizontalAlignment === 'string' ? e.horizontalAlignment.toLowerCase() : undefined;
      if (al === 'left' || al === 'center' || al === 'right') img.horizontal_alignment = al;
      return img;
    }
    case 'ActionSet': {
      const row = Array.isArray(e.actions) ? actionRow(e.actions, [...path, 'actions'], out) : undefined;
      if (!row) return dropCard(out, path, name, 'empty', 'it has no `Action.Submit` Mattermost can draw');
      return { ...row, path };
    }
    default:
      return dropCard(out, path, name, 'untranslated', `Mattermost translates only ${CARD_TRANSLATED.join(', ')} and Action.Submit`, typeof type === 'string' ? [...path, 'type'] : undefined);
  }
}
