/** Finds the parts of a canonical payload that rules look at. Only well-typed parts are returned. */
import type { Kind } from '../problem';
import { isObject } from '../normalize';
import type { JsonPath } from './types';

export type Obj = Record<string, unknown>;
export interface At<T = Obj> {
  v: T;
  /** Canonical path (built on first read: most items never need it). */
  readonly path: JsonPath;
}
export { isObject };

/** An item whose path is `base` + up to three segments, materialized only when read. */
class Item<T> implements At<T> {
  private p: JsonPath | undefined;
  constructor(
    readonly v: T,
    private readonly base: JsonPath | At<unknown>,
    private readonly a: string | number,
    private readonly b?: string | number,
    private readonly c?: string | number,
    private readonly d?: string | number,
  ) {}
  get path(): JsonPath {
    if (this.p === undefined) {
      const head = Array.isArray(this.base) ? this.base : (this.base as At<unknown>).path;
      const p = head.slice();
      p.push(this.a);
      if (this.b !== undefined) p.push(this.b);
      if (this.c !== undefined) p.push(this.c);
      if (this.d !== undefined) p.push(this.d);
      this.p = p;
    }
    return this.p;
  }
}

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

/**
 * True when `attachments` comes out of the server's decoding as null: absent, null, `[]`, or only
 * `null` entries (StringifyMessageAttachmentFieldValue returns a nil slice; MATTERMOST_RULES.md §1.3, §4.3).
 */
export function noAttachments(list: unknown): boolean {
  if (list === undefined || list === null) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== null) return false;
  return true;
}

/** A slash-command response Mattermost shows as an ephemeral post (response_type absent, "" or "ephemeral"). */
export function isEphemeral(kind: Kind, response: unknown): boolean {
  if (kind !== 'command' || !isObject(response)) return false;
  const rt = response.response_type;
  return rt === undefined || rt === null || rt === '' || rt === 'ephemeral';
}

/**
 * False for the parts of an ephemeral slash-command response: ephemeral posts are never saved, so
 * Post.IsValid and the log-only ValidateProps never run on them (MATTERMOST_RULES.md §2.4, §4.3).
 * `at` is an attachment, field or action found by the walkers below.
 */
export function validated(root: unknown, kind: Kind, at: At<unknown>): boolean {
  if (kind !== 'command') return true;
  const p = at.path;
  const response = p[0] === 'extra_responses' ? get(root, 'extra_responses') : root;
  return !isEphemeral(kind, p[0] === 'extra_responses' ? (Array.isArray(response) ? response[p[1] as number] : undefined) : response);
}

/** The top-level response and, for slash commands, each `extra_responses` entry. */
export function responses(root: unknown, kind: Kind): At[] {
  if (!isObject(root)) return [];
  const l = listsOf(root, kind);
  if (l.responses) return l.responses;
  const out: At[] = (l.responses = [{ v: root, path: [] }]);
  if (kind === 'command') {
    const extra = root.extra_responses;
    if (Array.isArray(extra)) extra.forEach((r, i) => isObject(r) && out.push({ v: r, path: ['extra_responses', i] }));
  }
  return out;
}

/**
 * Memo of the lists below for the document being linted: every rule asks for the same attachments,
 * fields, actions and texts, so each list is built once per lint (one walk), not once per rule.
 * One entry, held only while a lint runs (lint() calls `releaseLists`): a WeakMap keyed by every
 * linted root kept each dead document reachable through its ephemeron until a full GC, which made
 * every scavenge copy them (issue 6: GC was a quarter of the warm lint time).
 */
interface Lists {
  responses?: At[];
  attachments?: At[];
  fields?: At[];
  actions?: At[];
  texts?: TextAt[];
  marked?: TextAt[];
}
let memoRoot: object | undefined;
let memoKind: Kind | undefined;
let memoLists: Lists = {};

function listsOf(root: unknown, kind: Kind): Lists {
  if (!isObject(root)) return {};
  if (memoRoot !== root || memoKind !== kind) {
    memoRoot = root;
    memoKind = kind;
    memoLists = {};
  }
  return memoLists;
}

/** Drops the memo of the last document (called at the end of each lint). */
export function releaseLists(): void {
  memoRoot = undefined;
  memoKind = undefined;
  memoLists = {};
}

/** Attachments: top-level `attachments` for webhooks/commands, `props.attachments` for REST posts. */
export function attachments(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.attachments) return l.attachments;
  const out: At[] = (l.attachments = []);
  if (kind === 'dialog') return out;
  for (const r of responses(root, kind)) {
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    if (!Array.isArray(list)) continue;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (isObject(a)) out.push(new Item(a, base, i));
    }
  }
  return out;
}

export function fields(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.fields) return l.fields;
  const out: At[] = (l.fields = []);
  for (const a of attachments(root, kind)) {
    const list = a.v.fields;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      if (isObject(f)) out.push(new Item(f, a, 'fields', i));
    }
  }
  return out;
}

export function actions(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.actions) return l.actions;
  const out: At[] = (l.actions = []);
  for (const a of attachments(root, kind)) {
    const list = a.v.actions;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      if (isObject(x)) out.push(new Item(x, a, 'actions', i));
    }
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
  /**
   * True when the server converts `<url|text>` in this part (where LINK_ROLES allow): also in the
   * attachments of a command response with skip_slack_parsing (MATTERMOST_RULES.md §2.5, §4.3).
   */
  links: boolean;
}

class TextItem extends Item<string> implements TextAt {
  constructor(
    v: string,
    readonly role: TextRole,
    readonly slack: boolean,
    readonly markdown: boolean,
    readonly links: boolean,
    base: JsonPath | At<unknown>,
    a: string | number,
    b?: string | number,
    c?: string | number,
    d?: string | number,
  ) {
    super(v, base, a, b, c, d);
  }
}

/** Every user-visible string of a message payload, with how the server treats it. */
export function texts(root: unknown, kind: Kind): TextAt[] {
  const l = listsOf(root, kind);
  if (l.texts) return l.texts;
  return (l.texts = collectTexts(root, kind, false));
}

/**
 * The texts that contain `*`, `<` or `|` (in document order, as in texts()): the only ones the Slack
 * rules (slack-bold, slack-mention, slack-link) look at, found without an item for every string.
 */
export function markedTexts(root: unknown, kind: Kind): TextAt[] {
  const l = listsOf(root, kind);
  if (l.marked) return l.marked;
  return (l.marked = l.texts ? l.texts.filter(t => marked(t.v)) : collectTexts(root, kind, true));
}

function marked(s: string): boolean {
  return s.indexOf('*') >= 0 || s.indexOf('<') >= 0 || s.indexOf('|') >= 0;
}

function addText(out: TextAt[], onlyMarked: boolean, s: unknown, k: string, role: TextRole, slack: boolean, markdown: boolean, links: boolean, base: JsonPath, i: number): void {
  if (typeof s === 'string' && (!onlyMarked || marked(s))) out.push(new TextItem(s, role, slack, markdown, links, base, i, k));
}

function collectTexts(root: unknown, kind: Kind, onlyMarked: boolean): TextAt[] {
  const out: TextAt[] = [];
  if (kind === 'dialog' || !isObject(root)) return out;
  for (const r of responses(root, kind)) {
    const skip = kind === 'post' || (kind === 'command' && get(r.v, 'skip_slack_parsing') === true);
    const key = kind === 'post' ? 'message' : 'text';
    const t = r.v[key];
    if (typeof t === 'string' && (!onlyMarked || marked(t))) out.push(new TextItem(t, 'message', !skip, true, !skip, r.path, key));
    // ParseMessageAttachment runs for every non-REST attachment, skip_slack_parsing or not
    const links = kind !== 'post';
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    if (!Array.isArray(list)) continue;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!isObject(a)) continue;
      // the attachment's texts (key, role, Markdown or not), unrolled: named loads, no tuple per key
      addText(out, onlyMarked, a.pretext, 'pretext', 'pretext', !skip, true, links, base, i);
      addText(out, onlyMarked, a.text, 'text', 'attachment-text', !skip, true, links, base, i);
      addText(out, onlyMarked, a.title, 'title', 'title', !skip, false, links, base, i);
      addText(out, onlyMarked, a.author_name, 'author_name', 'author_name', !skip, false, links, base, i);
      addText(out, onlyMarked, a.footer, 'footer', 'footer', !skip, false, links, base, i);
      addText(out, onlyMarked, a.fallback, 'fallback', 'fallback', !skip, false, links, base, i);
      const fl = a.fields;
      if (Array.isArray(fl)) {
        for (let j = 0; j < fl.length; j++) {
          const f = fl[j];
          if (!isObject(f)) continue;
          if (typeof f.value === 'string' && (!onlyMarked || marked(f.value))) out.push(new TextItem(f.value, 'field-value', !skip, true, links, base, i, 'fields', j, 'value'));
          if (typeof f.title === 'string' && (!onlyMarked || marked(f.title))) out.push(new TextItem(f.title, 'field-title', !skip, false, links, base, i, 'fields', j, 'title'));
        }
      }
    }
  }
  return out;
}

/** No port, no user info, no `xn--` label, last label starts with a letter (not an IPv4 number). */
export const SIMPLE_HTTP_URL = /^https?:\/\/(?![^/?#]*[xX][nN]--)(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][!-~]*)?$/;

/**
 * SIMPLE_HTTP_URL.test(s) for an `s` that starts with http:// or https://, in one loop over the
 * characters instead of a backtracking match (the test every attachment URL takes).
 */
export function simpleHttpUrl(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(4) === 115 /* s */ ? 8 : 7;
  let label = i; // start of the current host label
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (i === label) return false; // an empty label
      label = i + 1;
      continue;
    }
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    const lower = c | 0x20;
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
    // an xn-- (IDN) label goes to the URL parser
    if (lower === 120 && (s.charCodeAt(i + 1) | 0x20) === 110 && s.charCodeAt(i + 2) === 45 && s.charCodeAt(i + 3) === 45) return false;
  }
  // the last label is not empty and starts with a letter
  if (label >= i) return false;
  const f = s.charCodeAt(label) | 0x20;
  if (f < 97 || f > 122) return false;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** Go's model.IsValidHTTPURL: an http:// or https:// prefix (case-sensitive) and a host. */
export function isValidHttpUrl(s: string): boolean {
  // "http://" or "https://", compared by code unit (cheaper than two startsWith on every URL)
  if (s.charCodeAt(0) !== 104 || s.charCodeAt(1) !== 116 || s.charCodeAt(2) !== 116 || s.charCodeAt(3) !== 112) return false;
  const c4 = s.charCodeAt(4);
  const at = c4 === 115 /* s */ ? 5 : 4;
  if (s.charCodeAt(at) !== 58 || s.charCodeAt(at + 1) !== 47 || s.charCodeAt(at + 2) !== 47) return false;
  // Cheap accept for the common shape (a plain DNS host, then a path of printable ASCII), which the
  // URL parser always accepts; anything else (ports, user info, IP or IDN hosts, …) goes to it.
  if (simpleHttpUrl(s)) return true;
  try {
    const u = new URL(s);
    return u.host !== '';
  } catch {
    return false;
  }
}

const byteLength: ((s: string) => number) | undefined =
  typeof Buffer !== 'undefined' && typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? s => Buffer.byteLength(s, 'utf8')
    : undefined;

/** UTF-8 byte length (dialog limits are in bytes). */
export function utf8Length(s: string): number {
  // Native for long well-formed strings (the whole document); lone surrogates keep the loop's counting.
  if (byteLength !== undefined && s.length > 256 && (s as unknown as { isWellFormed(): boolean }).isWellFormed()) return byteLength(s);
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
