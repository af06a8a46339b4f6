/**
 * The server side of Mattermost Blocks (MM_BLOCKS.md §3): which action ids a post references
 * (CollectInteractiveActionIDsFromPost, on the raw props, not on what clients draw), how it reads the
 * action registry `props.mm_blocks_actions`, and ValidateMmBlocksActions with its exact error texts.
 */
import type { JsonPath } from '../json/locate';
import { isObj } from './blocks-mm';
import type { ActionRef, RegistryEntry, RegistryIssue } from './blocks';
import { utf8Length } from './runes';
import { isValidHttpUrl } from './urls';

type Obj = Record<string, unknown>;

const ACTION_ID = /^[A-Za-z0-9_-]+$/;
const MAX_REGISTRY_ENTRIES = 50;
const MAX_ACTION_ID_BYTES = 64;
const MAX_QUERY_ENTRIES = 50;
const MAX_QUERY_KEY_BYTES = 128;
const MAX_QUERY_VALUE_BYTES = 2048;
const MAX_CONTEXT_ENTRIES = 50;
const MAX_CONTEXT_KEY_BYTES = 128;

/** Go's %q for the ids and keys in the server's messages (JSON quoting matches it for printable text). */
const q = (s: string): string => JSON.stringify(s);

// ------------------------------------------------------------------------------------------------
// mmaction:// links

/** Code spans and fenced blocks, blanked (same length) so positions stay right. */
function withoutCode(s: string): string {
  let t = s.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[^\n]*(?=\n|$)|$)/gm, m => m.replace(/[^\n]/g, ' '));
  t = t.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, m => ' '.repeat(m.length));
  return t;
}

/**
 * `mmaction://<id>` in Markdown inline links, reference definitions and autolinks (§3.4). The id runs up
 * to the first `/`, `?` or `#` and must match the id rule, else the link is ignored. Returns each id
 * with its decoded-character range in `s`.
 */
export function mmactionLinks(s: string): { id: string; start: number; end: number }[] {
  if (!s.includes('mmaction://')) return [];
  const t = withoutCode(s);
  const out: { id: string; start: number; end: number }[] = [];
  const patterns = [/\]\(\s*<?mmaction:\/\/([^\s)>]*)/g, /^ {0,3}\[[^\]\n]+\]:\s*<?mmaction:\/\/([^\s>]*)/gm, /<mmaction:\/\/([^\s>]*)>/g];
  for (const re of patterns) {
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const tail = m[1];
      const id = tail.split(/[/?#]/)[0];
      if (!ACTION_ID.test(id)) continue;
      const start = m.index + m[0].indexOf('mmaction://') + 'mmaction://'.length;
      out.push({ id, start, end: start + id.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------------------------------------
// References

function linkRefs(text: unknown, path: JsonPath, from: ActionRef['from'], out: ActionRef[]): void {
  if (typeof text !== 'string') return;
  for (const l of mmactionLinks(text)) out.push({ actionId: l.id, path, sub: [l.start, l.end], from });
}

/** Disabled controls met by the walk in progress (not references). */
let inertOut: ActionRef[] = [];

function control(b: Obj, path: JsonPath, from: ActionRef['from'], out: ActionRef[], notDrawn?: boolean): void {
  const id = b.action_id;
  if (typeof id !== 'string' || id === '') return;
  const r: ActionRef = { actionId: id, path: [...path, 'action_id'], from };
  if (b.disabled === true) {
    inertOut.push(r);
    return;
  }
  if (notDrawn) r.notDrawn = true;
  out.push(r);
}

function mmRefs(list: unknown, path: JsonPath, out: ActionRef[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((b, i) => {
    if (!isObj(b)) return;
    const at = [...path, i];
    switch (b.type) {
      case 'button':
      case 'static_select':
        control(b, at, 'mm_blocks', out);
        break;
      case 'text':
        linkRefs(b.text, [...at, 'text'], 'mm_blocks', out);
        break;
      case 'container':
        mmRefs(b.content, [...at, 'content'], out);
        break;
      case 'collapsible':
        mmRefs(b.header, [...at, 'header'], out);
        mmRefs(b.content, [...at, 'content'], out);
        break;
      case 'column_set':
        if (Array.isArray(b.columns)) {
          b.columns.forEach((c, j) => {
            if (isObj(c) && c.type === 'column') mmRefs(c.items, [...at, 'columns', j, 'items'], out);
          });
        }
        break;
    }
  });
}

function bkText(v: unknown, path: JsonPath, out: ActionRef[]): void {
  if (typeof v === 'string') linkRefs(v, path, 'blocks', out);
  else if (isObj(v)) linkRefs(v.text, [...path, 'text'], 'blocks', out);
}

function blockKitRefs(list: unknown, path: JsonPath, out: ActionRef[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((b, i) => {
    if (!isObj(b)) return;
    const at = [...path, i];
    if (b.type === 'actions' && Array.isArray(b.elements)) {
      b.elements.forEach((e, j) => {
        if (isObj(e) && (e.type === 'button' || e.type === 'static_select')) control(e, [...at, 'elements', j], 'blocks', out);
      });
    } else if (b.type === 'section') {
      bkText(b.text, [...at, 'text'], out);
      if (Array.isArray(b.fields)) b.fields.forEach((f, j) => bkText(f, [...at, 'fields', j], out));
      const a = b.accessory;
      if (isObj(a) && (a.type === 'button' || a.type === 'static_select')) control(a, [...at, 'accessory'], 'blocks', out, a.type === 'static_select');
    } else if (b.type === 'markdown') {
      linkRefs(b.text, [...at, 'text'], 'blocks', out);
    } else if (b.type === 'header') {
      bkText(b.text, [...at, 'text'], out);
    }
  });
}

function submitRefs(list: unknown, path: JsonPath, out: ActionRef[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((a, i) => {
    if (isObj(a) && a.type === 'Action.Submit' && typeof a.id === 'string' && a.id !== '') out.push({ actionId: a.id, path: [...path, i, 'id'], from: 'cards' });
  });
}

function cardBodyRefs(list: unknown, path: JsonPath, out: ActionRef[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((e, i) => {
    if (!isObj(e)) return;
    const at = [...path, i];
    if (e.type === 'ActionSet') submitRefs(e.actions, [...at, 'actions'], out);
    else if (e.type === 'TextBlock') linkRefs(e.text, [...at, 'text'], 'cards', out);
    else if (e.type === 'Container') cardBodyRefs(e.items, [...at, 'items'], out);
    else if (e.type === 'ColumnSet' && Array.isArray(e.columns)) {
      e.columns.forEach((c, j) => {
        if (isObj(c)) cardBodyRefs(c.items, [...at, 'columns', j, 'items'], out);
      });
    }
  });
}

function cardRefs(list: unknown, path: JsonPath, out: ActionRef[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((card, i) => {
    if (!isObj(card)) return;
    cardBodyRefs(card.body, [...path, i, 'body'], out);
    submitRefs(card.actions, [...path, i, 'actions'], out);
  });
}

/**
 * Every action id the server counts as referenced (§3.4): `mmaction://` links in the message, enabled
 * mm_blocks controls and their text links, Block Kit controls and text links, Action.Submit ids and
 * TextBlock links in cards. `messagePath` is the path of `text`/`message`; `propsPath` of `props`.
 */
export function collectReferences(message: unknown, messagePath: JsonPath, props: Obj, propsPath: JsonPath): { references: ActionRef[]; inert: ActionRef[] } {
  const out: ActionRef[] = [];
  const inert: ActionRef[] = (inertOut = []);
  linkRefs(message, messagePath, 'message', out);
  mmRefs(props.mm_blocks, [...propsPath, 'mm_blocks'], out);
  blockKitRefs(props.blocks, [...propsPath, 'blocks'], out);
  cardRefs(props.cards, [...propsPath, 'cards'], out);
  inertOut = [];
  return { references: out, inert };
}

// ------------------------------------------------------------------------------------------------
// The registry

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%2e/gi, '.');
  }
}

/** A `..` path segment, after one percent-decode (`%2e%2e` is caught). */
function hasTraversal(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return safeDecode(path).split(/[/\\]/).some(seg => seg === '..');
}

/** The external-URL check: a plugin path, or a valid http(s) URL; no traversal. Undefined when fine. */
function externalUrlError(url: string): string | undefined {
  if (url === '') return 'must have a non-empty URL';
  const plugin = url.startsWith('/plugins/') || url.startsWith('plugins/');
  if (!plugin && !isValidHttpUrl(url)) return 'must have a valid integration URL';
  if (hasTraversal(url)) return 'integration URL must not contain path traversal segments';
  return undefined;
}

function openUrlError(url: string): string | undefined {
  if (url === '') return 'must have a non-empty URL';
  if (url.startsWith('/')) {
    if (url.startsWith('//')) return 'must not be a protocol-relative URL';
    if (url.startsWith('/plugins/')) return 'plugin paths are not allowed for openURL actions';
    if (hasTraversal(url)) return 'must not contain path traversal segments';
    return undefined;
  }
  if (!isValidHttpUrl(url)) return 'must have a valid http or https URL, or a path starting with /';
  return undefined;
}

export interface RegistryRead {
  entries?: Record<string, RegistryEntry>;
  /** The checks of §3.2 that fail on the registry alone (2–11). */
  issues: RegistryIssue[];
  /** Query values the server silently discards (not strings). */
  discarded: JsonPath[];
}

/** Reads `mm_blocks_actions` as the server does (§3.1) and runs the checks 2–11 of §3.2. */
export function readRegistry(reg: unknown, path: JsonPath): RegistryRead {
  const issues: RegistryIssue[] = [];
  const discarded: JsonPath[] = [];
  if (!isObj(reg)) {
    issues.push({ check: 2, message: 'mm_blocks_actions must be a map', path });
    return { issues, discarded };
  }
  const keys = Object.keys(reg);
  if (keys.length > MAX_REGISTRY_ENTRIES) issues.push({ check: 3, message: `mm_blocks_actions exceeds maximum of ${MAX_REGISTRY_ENTRIES} entries`, path, target: 'key' });
  const entries: Record<string, RegistryEntry> = {};
  for (const key of keys) {
    const at = [...path, key];
    const e = reg[key];
    if (utf8Length(key) > MAX_ACTION_ID_BYTES) {
      issues.push({ check: 4, message: `mm_blocks_actions key exceeds ${MAX_ACTION_ID_BYTES} chars`, path: at, target: 'key' });
      continue;
    }
    if (!ACTION_ID.test(key)) {
      issues.push({ check: 5, message: `mm_blocks_actions key ${q(key)} must contain only letters, numbers, underscores, or hyphens`, path: at, target: 'key' });
      continue;
    }
    if (!isObj(e)) {
      issues.push({ check: 6, message: `mm_blocks_actions entry ${q(key)} must be an object`, path: at });
      continue;
    }
    const type = e.type;
    const shape = (p: JsonPath) => issues.push({ check: 7, message: `mm_blocks_actions entry ${q(key)} has invalid type or shape`, path: p });
    if (type !== 'external' && type !== 'openURL') {
      shape(e.type === undefined ? at : [...at, 'type']);
      continue;
    }
    if (e.url !== undefined && typeof e.url !== 'string') {
      shape([...at, 'url']);
      continue;
    }
    const url = typeof e.url === 'string' ? e.url : '';
    const entry: RegistryEntry = { type, url };
    // query: string values only (the others are discarded), then the limits
    if (e.query !== undefined && e.query !== null) {
      if (!isObj(e.query)) {
        shape([...at, 'query']);
        continue;
      }
      const query: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.query)) {
        if (typeof v === 'string') query[k] = v;
        else discarded.push([...at, 'query', k]);
      }
      entry.query = query;
    }
    let context: Record<string, unknown> | undefined;
    if (e.context !== undefined && e.context !== null) {
      if (typeof e.context === 'string') {
        try {
          const parsed: unknown = JSON.parse(e.context);
          context = isObj(parsed) ? parsed : { context: e.context };
        } catch {
          context = { context: e.context };
        }
      } else if (isObj(e.context)) context = e.context;
      else {
        shape([...at, 'context']);
        continue;
      }
    }
    const urlError = type === 'external' ? externalUrlError(url) : openUrlError(url);
    if (urlError) {
      issues.push({ check: type === 'external' ? 8 : 11, message: `mm_blocks_actions entry ${q(key)}: ${urlError}`, path: e.url === undefined ? at : [...at, 'url'] });
      continue;
    }
    const queryIssue = entry.query && queryProblem(entry.query);
    if (queryIssue) {
      issues.push({ check: 9, message: `mm_blocks_actions entry ${q(key)} static query: ${queryIssue.message}`, path: queryIssue.key === undefined ? [...at, 'query'] : [...at, 'query', queryIssue.key], target: queryIssue.target });
      continue;
    }
    if (type === 'external' && context) {
      const ck = Object.keys(context);
      if (ck.length > MAX_CONTEXT_ENTRIES) {
        issues.push({ check: 10, message: `mm_blocks_actions entry ${q(key)} context exceeds maximum of ${MAX_CONTEXT_ENTRIES} entries`, path: [...at, 'context'] });
        continue;
      }
      const long = ck.find(k => utf8Length(k) > MAX_CONTEXT_KEY_BYTES);
      if (long !== undefined) {
        issues.push({ check: 10, message: `mm_blocks_actions entry ${q(key)} context key exceeds ${MAX_CONTEXT_KEY_BYTES} chars`, path: typeof e.context === 'string' ? [...at, 'context'] : [...at, 'context', long], target: typeof e.context === 'string' ? 'value' : 'key' });
        continue;
      }
      entry.context = context;
    }
    entries[key] = entry;
  }
  return { entries, issues, discarded };
}

/** The query limits (§3.1), shared by the registry and the click `query` of a block. */
function queryProblem(query: Record<string, string>): { message: string; key?: string; target?: 'key' | 'value' } | undefined {
  const keys = Object.keys(query);
  if (keys.length > MAX_QUERY_ENTRIES) return { message: `query exceeds maximum of ${MAX_QUERY_ENTRIES} entries` };
  for (const k of keys) {
    if (utf8Length(k) > MAX_QUERY_KEY_BYTES) return { message: `query key exceeds ${MAX_QUERY_KEY_BYTES} chars`, key: k, target: 'key' };
    if (utf8Length(query[k]) > MAX_QUERY_VALUE_BYTES) return { message: `query value for ${q(k)} exceeds ${MAX_QUERY_VALUE_BYTES} chars`, key: k, target: 'value' };
  }
  return undefined;
}

/**
 * The pairing checks (1, 12–14 of §3.2) between the references and the registry. `reg` is the raw prop
 * (undefined when absent), `entries` its keys as read.
 */
export function pairingIssues(refs: ActionRef[], reg: unknown, regPath: JsonPath): { issues: RegistryIssue[]; missing: ActionRef[]; unused: { actionId: string; path: JsonPath }[] } {
  const issues: RegistryIssue[] = [];
  const missing: ActionRef[] = [];
  const unused: { actionId: string; path: JsonPath }[] = [];
  if (reg === undefined || reg === null) {
    if (refs.length > 0) {
      issues.push({ check: 1, message: 'interactive content requires mm_blocks_actions', path: refs[0].path });
      missing.push(...refs);
    }
    return { issues, missing, unused };
  }
  if (!isObj(reg)) return { issues, missing, unused };
  const keys = Object.keys(reg);
  const referenced = new Set(refs.map(r => r.actionId));
  if (referenced.size === 0 && keys.length > 0) {
    issues.push({ check: 12, message: 'mm_blocks_actions must only define actions referenced by interactive content', path: regPath, target: 'key' });
    for (const k of keys) unused.push({ actionId: k, path: [...regPath, k] });
    return { issues, missing, unused };
  }
  const seen = new Set<string>();
  for (const r of refs) {
    if (Object.prototype.hasOwnProperty.call(reg, r.actionId)) continue;
    missing.push(r);
    if (seen.has(r.actionId)) continue;
    seen.add(r.actionId);
    issues.push({ check: 13, message: `mm_blocks_actions missing entry for action_id ${q(r.actionId)}`, path: r.path, actionId: r.actionId });
  }
  for (const k of keys) {
    if (referenced.has(k)) continue;
    unused.push({ actionId: k, path: [...regPath, k] });
    issues.push({ check: 14, message: `mm_blocks_actions entry ${q(k)} is not referenced by interactive content`, path: [...regPath, k], target: 'key', actionId: k });
  }
  return { issues, missing, unused };
}
