/** Finds the parts of a canonical payload that rules look at. Only well-typed parts are returned. */
import type { Kind } from '../problem';
import { isObject } from '../normalize';
import type { JsonPath } from './types';

export type Obj = Record<string, unknown>;
export interface At<T = Obj> {
  v: T;
  path: JsonPath;
}
export { isObject };

export function get(v: unknown, key: string): unknown {
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}

export function has(v: unknown, key: string): boolean {
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key);
}

export function str(v: unknown, key: string): string {
  const s = get(v, key);
  return typeof s === 'string' ? s : '';
}

/** The top-level response and, for slash commands, each `extra_responses` entry. */
export function responses(root: unknown, kind: Kind): At[] {
  if (!isObject(root)) return [];
  const out: At[] = [{ v: root, path: [] }];
  if (kind === 'command') {
    const extra = root.extra_responses;
    if (Array.isArray(extra)) extra.forEach((r, i) => isObject(r) && out.push({ v: r, path: ['extra_responses', i] }));
  }
  return out;
}

/** Attachments: top-level `attachments` for webhooks/commands, `props.attachments` for REST posts. */
const attachmentCache = new WeakMap<object, Map<Kind, At[]>>();

export function attachments(root: unknown, kind: Kind): At[] {
  const cached = isObject(root) ? attachmentCache.get(root)?.get(kind) : undefined;
  if (cached) return cached;
  const out: At[] = [];
  if (isObject(root)) {
    if (!attachmentCache.has(root)) attachmentCache.set(root, new Map());
    attachmentCache.get(root)!.set(kind, out);
  }
  if (kind === 'dialog') return out;
  for (const r of responses(root, kind)) {
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    if (Array.isArray(list)) list.forEach((a, i) => isObject(a) && out.push({ v: a, path: [...base, i] }));
  }
  return out;
}

export function fields(root: unknown, kind: Kind): At[] {
  const out: At[] = [];
  for (const a of attachments(root, kind)) {
    const list = a.v.fields;
    if (Array.isArray(list)) list.forEach((f, i) => isObject(f) && out.push({ v: f, path: [...a.path, 'fields', i] }));
  }
  return out;
}

export function actions(root: unknown, kind: Kind): At[] {
  const out: At[] = [];
  for (const a of attachments(root, kind)) {
    const list = a.v.actions;
    if (Array.isArray(list)) list.forEach((x, i) => isObject(x) && out.push({ v: x, path: [...a.path, 'actions', i] }));
  }
  return out;
}

export type TextRole = 'message' | 'pretext' | 'attachment-text' | 'title' | 'field-value' | 'field-title' | 'author_name' | 'footer' | 'fallback';

export interface TextAt extends At<string> {
  role: TextRole;
  /** True when the server applies its Slack processing to this payload part (not REST posts, not skip_slack_parsing). */
  slack: boolean;
  /** True when it is rendered as Markdown. */
  markdown: boolean;
}

/** Every user-visible string of a message payload, with how the server treats it. */
const textCache = new WeakMap<object, Map<Kind, TextAt[]>>();

export function texts(root: unknown, kind: Kind): TextAt[] {
  const cached = isObject(root) ? textCache.get(root)?.get(kind) : undefined;
  if (cached) return cached;
  const out: TextAt[] = [];
  if (isObject(root)) {
    if (!textCache.has(root)) textCache.set(root, new Map());
    textCache.get(root)!.set(kind, out);
  }
  if (kind === 'dialog') return out;
  for (const r of responses(root, kind)) {
    const skip = kind === 'post' || (kind === 'command' && get(r.v, 'skip_slack_parsing') === true);
    const key = kind === 'post' ? 'message' : 'text';
    const t = r.v[key];
    if (typeof t === 'string') out.push({ v: t, path: [...r.path, key], role: 'message', slack: !skip, markdown: true });
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    if (!Array.isArray(list)) continue;
    list.forEach((a, i) => {
      if (!isObject(a)) return;
      const p = [...base, i];
      const add = (k: string, role: TextRole, markdown: boolean) => {
        if (typeof a[k] === 'string') out.push({ v: a[k] as string, path: [...p, k], role, slack: !skip, markdown });
      };
      add('pretext', 'pretext', true);
      add('text', 'attachment-text', true);
      add('title', 'title', false);
      add('author_name', 'author_name', false);
      add('footer', 'footer', false);
      add('fallback', 'fallback', false);
      if (Array.isArray(a.fields)) {
        a.fields.forEach((f, j) => {
          if (!isObject(f)) return;
          if (typeof f.value === 'string') out.push({ v: f.value, path: [...p, 'fields', j, 'value'], role: 'field-value', slack: !skip, markdown: true });
          if (typeof f.title === 'string') out.push({ v: f.title, path: [...p, 'fields', j, 'title'], role: 'field-title', slack: !skip, markdown: false });
        });
      }
    });
  }
  return out;
}

/** Go's model.IsValidHTTPURL: an http:// or https:// prefix (case-sensitive) and a host. */
export function isValidHttpUrl(s: string): boolean {
  if (!s.startsWith('http://') && !s.startsWith('https://')) return false;
  try {
    const u = new URL(s);
    return u.host !== '';
  } catch {
    return false;
  }
}

/** UTF-8 byte length (dialog limits are in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Number of Unicode code points ("runes"), as Go's utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return `a ${typeof v}`;
}

export function label(path: JsonPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s || 'the payload';
}

/** Roles where the server expands <!channel>, <!here>, <!all> and <@USERID> (server/channels/app/slack.go). */
export const MENTION_ROLES: TextRole[] = ['message', 'pretext', 'attachment-text', 'title', 'field-value'];
/** Roles where the server converts <url|text> to a Markdown link. */
export const LINK_ROLES: TextRole[] = ['message', 'pretext', 'attachment-text', 'field-value'];
