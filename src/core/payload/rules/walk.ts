/** Finds the parts of a canonical payload that rules look at. Only well-typed parts are returned. */
import type { Kind } from '../problem';
import { blocksOf } from '../../server/blocks';
import { isObject } from '../../server/normalize';
import type { Profile } from '../../server/profile';
import { attachmentLinksConverted, slackProcessed, type TextRole } from '../../server/slack';
import { postValidated, responsesOf, showsEphemeral } from '../../server/toPost';
import type { FixBuilder, JsonPath, Need } from './types';

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
      const head = Array.isArray(this.base) ? this.base : this.base.path;
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

/** A slash-command response Mattermost shows as an ephemeral post (the server model's showsEphemeral). */
export function isEphemeral(kind: Kind, response: unknown): boolean {
  return showsEphemeral(kind, response);
}

/**
 * False for the parts of an ephemeral slash-command response, whose post is never validated (the
 * server model's postValidated). `at` is an attachment, field or action found by the walkers below.
 */
export function validated(root: unknown, kind: Kind, at: At<unknown>): boolean {
  if (kind !== 'command') return true;
  const p = at.path;
  const list = get(root, 'extra_responses');
  const response: unknown = p[0] === 'extra_responses' ? (Array.isArray(list) ? list[p[1] as number] : undefined) : root;
  return postValidated(kind, response);
}

/** The top-level response and, for slash commands, each `extra_responses` entry. */
export function responses(root: unknown, kind: Kind): At[] {
  if (!isObject(root)) return [];
  const l = listsOf(root, kind);
  if (l.responses) return l.responses;
  return (l.responses = responsesOf(kind, root).map(r => ({ v: r.v, path: r.base })));
}

/**
 * Memo of the lists below for the document being linted: every rule asks for the same attachments,
 * fields, actions and texts, so each list is built once per lint (one walk), not once per rule.
 * One entry, held only while a lint runs (lint() calls `releaseLists`): a WeakMap keyed by every
 * linted root kept each dead document reachable through its ephemeron until a full GC, which made
 * every scavenge copy them (issue 6: GC was a quarter of the warm lint time).
 */
/** Every field declared up front: one object shape, whichever lists a lint asks for first. */
class Lists {
  responses: At[] | undefined = undefined;
  attachments: At[] | undefined = undefined;
  fields: At[] | undefined = undefined;
  actions: At[] | undefined = undefined;
  texts: TextAt[] | undefined = undefined;
  marked: TextAt[] | undefined = undefined;
  blocks: boolean | undefined = undefined;

  clear(): void {
    this.responses = this.attachments = this.fields = this.actions = undefined;
    this.texts = this.marked = undefined;
    this.blocks = undefined;
  }
}
let memoRoot: object | undefined;
let memoKind: Kind | undefined;
/** Reused from lint to lint (cleared, not replaced). */
const memoLists = new Lists();

function listsOf(root: unknown, kind: Kind): Lists {
  if (!isObject(root)) return new Lists();
  if (memoRoot !== root || memoKind !== kind) {
    memoRoot = root;
    memoKind = kind;
    memoLists.clear();
  }
  return memoLists;
}

/** Drops the memo of the last document (called at the end of each lint). */
export function releaseLists(): void {
  memoRoot = undefined;
  memoKind = undefined;
  memoLists.clear();
}

/** Whether a rule's precondition (Rule.needs) holds for this document, asked once per lint. */
export function holds(need: Need, root: unknown, kind: Kind, profile: Profile, unknownKeys: boolean): boolean {
  switch (need) {
    case 'blocks': {
      const l = listsOf(root, kind);
      return (l.blocks ??= blocksOf(kind, root, profile).length > 0);
    }
    case 'unknown-keys':
      return unknownKeys;
  }
}

/** Attachments: top-level `attachments` for webhooks/commands, `props.attachments` for REST posts. */
export function attachments(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.attachments) return l.attachments;
  const out: At[] = (l.attachments = []);
  if (kind === 'dialog') return out;
  // indexed loops here and in the rules: a for-of over these lists allocated its iterator on every lint
  const rs = responses(root, kind);
  for (let j = 0; j < rs.length; j++) {
    const r = rs[j];
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    if (!Array.isArray(list)) continue;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    for (let i = 0; i < list.length; i++) {
      const a: unknown = list[i];
      if (isObject(a)) out.push(new Item(a, base, i));
    }
  }
  return out;
}

export function fields(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.fields) return l.fields;
  const out: At[] = (l.fields = []);
  const as = attachments(root, kind);
  for (let j = 0; j < as.length; j++) {
    const a = as[j];
    const list = a.v.fields;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const f: unknown = list[i];
      if (isObject(f)) out.push(new Item(f, a, 'fields', i));
    }
  }
  return out;
}

export function actions(root: unknown, kind: Kind): At[] {
  const l = listsOf(root, kind);
  if (l.actions) return l.actions;
  const out: At[] = (l.actions = []);
  const as = attachments(root, kind);
  for (let j = 0; j < as.length; j++) {
    const a = as[j];
    const list = a.v.actions;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const x: unknown = list[i];
      if (isObject(x)) out.push(new Item(x, a, 'actions', i));
    }
  }
  return out;
}


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
  const rs = responses(root, kind);
  for (let j = 0; j < rs.length; j++) {
    const r = rs[j];
    const skip = !slackProcessed(kind, get(r.v, 'skip_slack_parsing'));
    const key = kind === 'post' ? 'message' : 'text';
    const t = r.v[key];
    if (typeof t === 'string' && (!onlyMarked || marked(t))) out.push(new TextItem(t, 'message', !skip, true, !skip, r.path, key));
    // ParseMessageAttachment runs for every non-REST attachment, skip_slack_parsing or not
    const links = attachmentLinksConverted(kind);
    const list = kind === 'post' ? get(get(r.v, 'props'), 'attachments') : r.v.attachments;
    if (!Array.isArray(list)) continue;
    const base: JsonPath = kind === 'post' ? [...r.path, 'props', 'attachments'] : [...r.path, 'attachments'];
    for (let i = 0; i < list.length; i++) {
      const a: unknown = list[i];
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
          const f: unknown = fl[j];
          if (!isObject(f)) continue;
          if (typeof f.value === 'string' && (!onlyMarked || marked(f.value))) out.push(new TextItem(f.value, 'field-value', !skip, true, links, base, i, 'fields', j, 'value'));
          if (typeof f.title === 'string' && (!onlyMarked || marked(f.title))) out.push(new TextItem(f.title, 'field-title', !skip, false, links, base, i, 'fields', j, 'title'));
        }
      }
    }
  }
  return out;
}

/** The value at a canonical path (undefined when a step is missing). */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

/** An attachment field's `short`: …, "fields", i, "short". */
export function isShortPath(path: JsonPath): boolean {
  return path[path.length - 1] === 'short' && path[path.length - 3] === 'fields';
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

/**
 * The fix that quotes a number as written (its raw digits), for field-value-format and attachment-ts
 * (a module function: a closure in the loop would capture the loop's variables, and V8 then allocates their context on every iteration, findings or not).
 */
export function quoteFix(path: JsonPath): FixBuilder {
  return t => {
    const raw = t.raw(path);
    if (raw === undefined) return undefined;
    const r = t.range(path);
    return { title: `Quote as "${raw}"`, edits: [{ start: r.start, end: r.end, newText: JSON.stringify(raw) }] };
  };
}
