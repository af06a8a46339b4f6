/**
 * A click on a Mattermost Blocks button or select in the preview (issue 14 item 3; MM_BLOCKS.md §5).
 * The preview's control carries only its block's source path; here: which drawn block that path is in
 * the payload as it is now (the server model's read, `blocksOf`), its registry entry and the model's
 * pairing verdict; the request the server sends to the registry url (§5.3); and what the answer does to
 * the previewed post (§5.2, §5.3): `update` (with the props rules), `type:"refresh"` (new blocks),
 * `ephemeral_text`, `goto_location` (named, not followed), `error`, `type:"dialog"` (a block dialog).
 * Pure but for invokeBlockAction, which sends the request it builds (as invoke.ts does for the others).
 */
import type { JsonPath } from '../json/locate';
import type { Kind } from '../payload/problem';
import { type BlocksRead, blocksOf, type MmBlock, readBlocks, type RegistryEntry, type SelectOption } from '../server/blocks';
import { isObj } from '../server/blocks-mm';
import { readPayload } from '../server/decode';
import type { Profile } from '../server/profile';
import type { InvokeContext } from './context';
import { call, type CallOptions } from './call';
import { type Answer, type AnswerDocument, judgeAction, noAnswer, type Verdict } from './judge';
import { lint } from '../payload/lint';
import { actionRequest, type InvokeRequest } from './request';

type Obj = Record<string, unknown>;

/** The props that hold blocks: a path under one of them is a block click, any other an attachment action. */
const BLOCK_PROPS = ['mm_blocks', 'blocks', 'cards'];

/** A path as the preview writes it for a block: keys and indexes through `props.<format>`. */
export function isBlockPath(path: unknown): path is JsonPath {
  if (!Array.isArray(path) || path.length < 3 || path.length > 80) return false;
  if (!path.every(k => (typeof k === 'string' && k.length <= 100) || (Number.isInteger(k) && (k as number) >= 0))) return false;
  return path.some((k, i) => k === 'props' && BLOCK_PROPS.includes(path[i + 1] as string));
}

export interface ClickedBlock {
  actionId: string;
  /** The button's label or the select's placeholder. */
  name: string;
  /** "select" asks which option (sent as context.selected_option); the request's `type` is "button" anyway. */
  control: 'button' | 'select';
  entry: RegistryEntry;
  /** The block's own click `query` (it wins over the registry's, external only). */
  query?: Record<string, string>;
  options: SelectOption[];
  dataSource: string;
  /** The post the block is in (its original props, for `update` and `refresh`). */
  origin: ClickOrigin;
}

/** The previewed post a click comes from: the payload's kind, the response object and its props. */
export interface ClickOrigin {
  kind: Kind;
  response: Obj;
  props: Obj;
}

/** No post known (a Resend whose document is gone): an `update` without props keeps none. */
export const NO_ORIGIN: ClickOrigin = Object.freeze({ kind: 'post', response: {}, props: {} });

type BlockLookup = { ok: true; block: ClickedBlock } | { ok: false; reason: string };

function samePath(a: JsonPath, b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The drawn block at `path`, anywhere in the tree (containers, collapsibles, columns). */
function drawnAt(blocks: readonly MmBlock[], path: readonly unknown[]): MmBlock | undefined {
  for (const b of blocks) {
    if (samePath(b.path, path)) return b;
    const inner = b.type === 'container' ? b.content
      : b.type === 'collapsible' ? [...b.header, ...b.content]
        : b.type === 'column_set' ? b.columns
          : b.type === 'column' ? b.items : [];
    const found = drawnAt(inner, path);
    if (found) return found;
  }
  return undefined;
}

/**
 * The block button or select the preview's control at `path` stands for, in the payload `text` of
 * `kind` as it is now, with its registry entry; or why a click does nothing (the document changed, the
 * block is dropped or disabled, the id is unpaired, the entry is invalid or goes to a plugin).
 */
export function findBlockAction(text: string, kind: Kind, path: unknown, profile?: Profile): BlockLookup {
  if (!isBlockPath(path)) return { ok: false, reason: 'The preview did not say which block was clicked.' };
  const read = readPayload(text, kind);
  if (!read.ok) return { ok: false, reason: 'The payload cannot be read any more (it is not valid JSON); fix it, then click again.' };
  const reads = blocksOf(kind, read.value, profile);
  let block: MmBlock | undefined;
  let at: BlocksRead | undefined;
  for (const r of reads) {
    block = drawnAt(r.blocks, path);
    if (block) { at = r; break; }
  }
  if (!block || !at || (block.type !== 'button' && block.type !== 'static_select')) {
    return { ok: false, reason: 'That control is no longer drawn in the payload (it changed since the preview was drawn, or clients drop it); click it again in the updated preview.' };
  }
  const name = block.type === 'button' ? block.text : block.placeholder;
  const id = block.action_id;
  if (block.disabled === true) return { ok: false, reason: `"${name}" is disabled: Mattermost does not send a click for it.` };
  const rejected = at.pairing.serverError;
  if (rejected) return { ok: false, reason: `The server refuses this payload (${rejected.status} ${rejected.id}: ${rejected.message}), so there is no post to click.` };
  if (at.pairing.enforcement === 'nothing-posted' && at.pairing.issues.length > 0) {
    return { ok: false, reason: `Mattermost posts nothing for this answer (${at.pairing.issues[0].message}), so there is no post to click.` };
  }
  if (at.pairing.missing.some(r => r.actionId === id)) return { ok: false, reason: `"${name}" has no mm_blocks_actions entry for "${id}": a click does nothing (the server answers 404 api.post.do_action.action_id.app_error).` };
  const entry = at.registry && Object.prototype.hasOwnProperty.call(at.registry, id) ? at.registry[id] : undefined;
  if (!entry) {
    const issue = at.pairing.issues.find(i => i.path.length > 0 && (i.actionId === id || i.path[(at.registryPath ?? []).length] === id));
    return { ok: false, reason: `The mm_blocks_actions entry for "${id}" is not usable${issue ? ` (${issue.message})` : ' (mm_blocks_actions is not a map of entries)'}: a click does nothing.` };
  }
  if (entry.type === 'external' && !/^https?:\/\//i.test(entry.url)) {
    return { ok: false, reason: `"${name}" sends its clicks to ${entry.url}, which only a Mattermost server (a plugin) can call.` };
  }
  return {
    ok: true,
    block: {
      actionId: id, name, control: block.type === 'button' ? 'button' : 'select', entry, query: block.query,
      options: block.type === 'static_select' ? block.options ?? [] : [], dataSource: block.type === 'static_select' ? block.data_source ?? '' : '',
      origin: { kind, response: objAt(read.value, at.propsPath.slice(0, -1)), props: objAt(read.value, at.propsPath) },
    },
  };
}

// ------------------------------------------------------------------------------------------------
// The request

/** Go's url.QueryEscape: unreserved characters kept, space as "+", everything else %XX (upper case). */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/**
 * The url with `queries` merged in, in order (a later one wins a key), as the server does with
 * url.Values: the existing query parsed, each key set, then `Encode` (keys sorted, each value
 * re-encoded). With nothing to merge the url is left as written (inferred: the server merges only
 * when there is a query).
 */
export function mergeQuery(url: string, ...queries: (Record<string, string> | undefined)[]): string {
  const relative = url.startsWith('/');
  const u = new URL(url, 'http://relative.invalid');
  const merged = new Map<string, string[]>();
  const dec = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
  for (const part of u.search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    merged.set(k, [...(merged.get(k) ?? []), dec(eq < 0 ? '' : part.slice(eq + 1))]);
  }
  let any = false;
  for (const q of queries) {
    for (const [k, v] of Object.entries(q ?? {})) {
      merged.set(k, [v]);
      any = true;
    }
  }
  if (!any) return url;
  u.search = [...merged.keys()].sort().flatMap(k => merged.get(k)!.map(v => `${queryEscape(k)}=${queryEscape(v)}`)).join('&');
  return relative ? u.href.slice(u.origin.length) : u.href;
}

/** Where an openURL entry goes: the registry url plus the registry query only (§5.3); it is not called. */
export function openUrlTarget(entry: RegistryEntry): string {
  return mergeQuery(entry.url, entry.query);
}

/** What a block click sends: the registry url, the context and the clicker, kept for the history's Resend. */
export interface BlockClickInput {
  /** The registry url with the registry query and the block's click query merged in. */
  url: string;
  context: Record<string, unknown>;
  selectedOption?: string;
  postId: string;
  who: InvokeContext;
  /** As ActionInput.triggerId (issued by the local server so a dialog opened with it is recognised). */
  triggerId?: string;
}

/** The input of a click on an external entry: url with queries merged, registry context. */
export function blockClickInput(b: ClickedBlock, who: InvokeContext, postId: string, selectedOption?: string): BlockClickInput {
  return { url: mergeQuery(b.entry.url, b.entry.query, b.query), context: b.entry.context ?? {}, selectedOption, postId, who };
}

/**
 * PostActionIntegrationRequest for a block (§5.3): POST JSON, `type` always "button" (selects
 * included), `data_source` "", `context` = the registry context plus `selected_option`.
 */
export function blockActionRequest(i: BlockClickInput): InvokeRequest {
  return actionRequest({ url: i.url, context: i.context, type: 'button', dataSource: '', selectedOption: i.selectedOption, postId: i.postId, who: i.who, triggerId: i.triggerId });
}

// ------------------------------------------------------------------------------------------------
// The answer

/** Props the server carries over (or removes) from the original post when an `update` brings props (§5.3). */
const CARRIED_PROPS = ['from_webhook', 'from_bot', 'from_plugin', 'override_username', 'override_icon_url'];

/** The object at `path` in `root` ({} when there is none). */
function objAt(root: unknown, path: JsonPath): Obj {
  let node: unknown = root;
  for (const k of path) node = isObj(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[k] : undefined;
  return isObj(node) ? node : {};
}

/**
 * An `update` as the server applies it (§5.3, §3.3): no `props` keeps the original props; `props`
 * replace them, with the integration-only props carried over or removed as on the original; an
 * `mm_blocks_actions` is dropped when the original had none, and replaced by the original's when it
 * fails the registry check.
 */
export function applyUpdate(update: Obj, original: Obj): Obj {
  const out: Obj = { ...update };
  if (!isObj(update.props)) {
    if (update.props === undefined || update.props === null) out.props = { ...original };
    return out;
  }
  const props: Obj = { ...update.props };
  for (const k of CARRIED_PROPS) {
    if (Object.prototype.hasOwnProperty.call(original, k)) props[k] = original[k];
    else delete props[k];
  }
  if (Object.prototype.hasOwnProperty.call(props, 'mm_blocks_actions')) {
    if (original.mm_blocks_actions === undefined || original.mm_blocks_actions === null) delete props.mm_blocks_actions;
    else if (readBlocks({ ...out, props }, { kind: 'post' }).pairing.issues.length > 0) props.mm_blocks_actions = original.mm_blocks_actions;
  }
  out.props = props;
  return out;
}

export interface BlockClickEffect {
  verdict: Verdict;
  /** The documents that take the clicked post's place: the `update` or the refreshed post (kind post), linted. */
  replace: AnswerDocument[];
  ephemeral?: string;
  /** A `type:"dialog"` answer's `block_dialog`, as JSON text (not documented; shown, not built). */
  blockDialog?: string;
  /** An `error` passed through to the user. */
  error?: string;
  summary: string;
  level: 'info' | 'warning' | 'error';
}

function postDocument(value: Obj, label: string): AnswerDocument {
  const text = JSON.stringify(value, null, 2) + '\n';
  return { kind: 'post', text, label, problems: lint(text, 'post') };
}

/** What the answer to a block click does to the post it came from (§5.2, §5.3). */
export function blockClickEffect(a: Answer, channelId: string, origin: ClickOrigin): BlockClickEffect {
  const base = judgeAction(a, channelId);
  const empty = { replace: [] as AnswerDocument[], verdict: base };
  const done = (v: Verdict, extra: Partial<BlockClickEffect>): BlockClickEffect => {
    const level = v.outcome === 'shown' ? 'info' : v.outcome === 'nothing' ? 'warning' : 'error';
    return { ...empty, verdict: v, summary: v.summary, level, ...extra };
  };
  if (base.status !== 200 || base.outcome === 'failed' && base.documents.length === 0) return done(base, {});
  const parsed = readPayload(a.body.toString('utf8'), 'post');
  const r = parsed.ok && isObj(parsed.value) ? parsed.value : undefined;
  if (!r) return done(base, {});
  const { props, response, kind } = origin;
  const parts: string[] = [];
  const replace: AnswerDocument[] = [];
  let outcome: Verdict['outcome'] = 'nothing';
  const extra: Partial<BlockClickEffect> = {};
  const type = typeof r.type === 'string' ? r.type : '';
  if (typeof r.error === 'string' && r.error !== '') {
    extra.error = r.error;
    parts.push(`the integration answered the error "${r.error}", which Mattermost shows to the clicking user`);
    outcome = 'failed';
  }
  if (type === 'refresh' && Array.isArray(r.mm_blocks)) {
    const newProps: Obj = { ...props, mm_blocks: r.mm_blocks };
    if (r.mm_blocks_actions !== undefined) newProps.mm_blocks_actions = r.mm_blocks_actions;
    const post: Obj = kind === 'post' ? { ...response, props: newProps } : { channel_id: channelId, message: typeof response.text === 'string' ? response.text : '', props: newProps };
    if (kind !== 'post' && Array.isArray(response.attachments) && newProps.attachments === undefined) newProps.attachments = response.attachments;
    if (post.channel_id === undefined) post.channel_id = channelId;
    const check = readBlocks(post, { kind: 'post' });
    if (r.mm_blocks_actions !== undefined && check.pairing.issues.length > 0) {
      parts.push(`the refresh is refused: its mm_blocks_actions fails the check (${check.pairing.issues[0].message}), so the click fails (400 api.post.do_action.action_integration.app_error)`);
      outcome = 'failed';
    } else {
      replace.push(postDocument(post, 'refresh'));
      parts.push(`the post's blocks are replaced by the answer's mm_blocks (type "refresh")${r.mm_blocks_actions === undefined ? '; the answer has no mm_blocks_actions, so the buttons may keep the old registry' : ''}`);
      if (outcome !== 'failed') outcome = 'shown';
    }
  } else if (type === 'refresh') {
    parts.push('the answer is type "refresh" without an mm_blocks array: nothing is refreshed');
  }
  if (isObj(r.update)) {
    replace.push(postDocument(applyUpdate({ channel_id: channelId, ...r.update }, props), 'update'));
    parts.push('the post is replaced by `update`');
    if (outcome !== 'failed') outcome = 'shown';
  }
  if (base.action?.ephemeralText !== undefined) {
    extra.ephemeral = base.action.ephemeralText;
    parts.push('`ephemeral_text` shows as an ephemeral reply');
    if (outcome !== 'failed') outcome = 'shown';
  }
  if (type === 'dialog' && r.block_dialog !== undefined) {
    extra.blockDialog = JSON.stringify(r.block_dialog, null, 2) + '\n';
    parts.push('it opens a block dialog (`block_dialog`; its schema is not documented, so it is shown as JSON, not drawn)');
    if (outcome !== 'failed') outcome = 'shown';
  }
  const goto = base.action?.gotoLocation;
  if (goto) {
    parts.push(`the client goes to ${goto} (shown here, not followed)`);
    if (outcome !== 'failed') outcome = 'shown';
  }
  const errors = replace.flatMap(d => d.problems).filter(p => p.severity === 'error');
  if (errors.length > 0) outcome = 'failed';
  const summary = parts.length === 0
    ? 'The answer has no `update`, `ephemeral_text`, `goto_location`, `error` or refreshed `mm_blocks`: nothing changes.'
    : `${parts.join('; ').replace(/^./, c => c.toUpperCase())}.${errors.length ? ` But: ${errors[0].message}` : ''}`;
  const verdict: Verdict = { outcome, status: base.status, summary, documents: replace, action: base.action };
  return done(verdict, { ...extra, replace });
}

/** Build, send, apply: one block click as the server makes it. */
export async function invokeBlockAction(input: BlockClickInput, origin: ClickOrigin, opts?: CallOptions): Promise<{ request: InvokeRequest; ms: number; effect: BlockClickEffect }> {
  const request = blockActionRequest(input);
  const r = await call(request, opts);
  if (r.ok) return { request, ms: r.ms, effect: blockClickEffect(r.answer, input.who.channel_id, origin) };
  const verdict = noAnswer('action', r.reason);
  return { request, ms: r.ms, effect: { verdict, replace: [], summary: verdict.summary, level: 'error' } };
}
