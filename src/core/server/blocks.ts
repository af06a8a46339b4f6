/**
 * Mattermost Blocks, Slack Block Kit and Adaptive Cards: the one model of what a server from 11.10 on and
 * its clients do with `props.mm_blocks`, `props.mm_blocks_actions`, `props.blocks` and `props.cards`
 * (MM_BLOCKS.md; MATTERMOST_RULES.md §9.2). The linter's rules, the preview, the sandbox and the send path
 * read `readBlocks` / `blocksOf`; nothing else re-implements these behaviours.
 *
 * - The server stores the blocks as sent (no check of their shape); it collects action ids and runs the
 *   registry check (blocks-registry.ts), which rejects incoming webhooks (400) and only logs elsewhere.
 * - Clients render one format (the first non-empty array of mm_blocks → blocks → cards → attachments),
 *   translate Block Kit and Adaptive Cards (blocks-translate.ts), drop invalid blocks (blocks-mm.ts) and
 *   apply the render limits (blocks-limits.ts).
 * - The version gate (11.10, docs only) and `FeatureFlagMmBlocksEnabled` decide whether clients draw
 *   them at all. With the default profile (no server known) the model assumes a server that does.
 */
import type { JsonPath } from '../json/locate';
import type { Kind } from '../payload/problem';
import { applyRenderLimits } from './blocks-limits';
import { isObj, readMmBlocks, type Sink } from './blocks-mm';
import { collectReferences, pairingIssues, readRegistry } from './blocks-registry';
import { translateBlockKit, translateCards } from './blocks-translate';
import { compareVersions, DEFAULT_PROFILE, formatVersion, isDefaultProfile, parseVersion, type Profile, setting, support } from './profile';

// ------------------------------------------------------------------------------------------------
// The model's shapes

/** The four interactive formats of a post, in the clients' render order (MM_BLOCKS.md §1). */
type BlocksFormat = 'mm_blocks' | 'blocks' | 'cards' | 'attachments';

export type GapSize = 'none' | 'small' | 'medium' | 'large' | 'xlarge';

interface Node {
  /** Canonical path of the source this block comes from (an MM block, a Block Kit block or element, a card element). */
  path: JsonPath;
}

export interface TextBlock extends Node {
  type: 'text';
  text: string;
  is_subtle?: boolean;
  size?: 'small' | 'default';
}

export interface ImageBlock extends Node {
  type: 'image';
  url: string;
  alt_text: string;
  title?: string;
  size?: 'auto' | 'xsmall' | 'small' | 'medium' | 'large' | 'stretch';
  max_width?: number;
  max_height?: number;
  image_style?: 'default' | 'person';
  horizontal_alignment?: 'left' | 'center' | 'right';
}

interface DividerBlock extends Node {
  type: 'divider';
}

/** Styles clients recognise; anything else renders as the default style (MM_BLOCKS.md §2.5). */
export type ButtonStyle = 'default' | 'primary' | 'danger' | 'good' | 'success' | 'warning' | `#${string}`;

export interface ButtonBlock extends Node {
  type: 'button';
  text: string;
  action_id: string;
  /** Recognised style only (an unrecognised string is ignored by clients and left out here). */
  style?: ButtonStyle;
  tooltip?: string;
  disabled?: boolean;
  query?: Record<string, string>;
}

export interface SelectOption {
  text: string;
  value: string;
}

export interface StaticSelectBlock extends Node {
  type: 'static_select';
  action_id: string;
  placeholder: string;
  options?: SelectOption[];
  initial_option?: string;
  disabled?: boolean;
  data_source?: string;
  query?: Record<string, string>;
}

interface ContainerBlock extends Node {
  type: 'container';
  content: MmBlock[];
  border?: boolean;
  accent_color?: string;
  background?: 'none' | 'gray';
  flow?: 'vertical' | 'horizontal';
  /** As written; clients draw `medium` (12px) when it is omitted (MM_BLOCKS.md §9 #2). */
  gap?: GapSize;
  max_height?: 'none' | 'small' | 'medium' | 'large';
}

interface CollapsibleBlock extends Node {
  type: 'collapsible';
  header: MmBlock[];
  content: MmBlock[];
  /** As clients read it: collapsed unless `collapsed` is exactly false (MM_BLOCKS.md §2.8). */
  collapsed: boolean;
}

export interface ColumnBlock extends Node {
  type: 'column';
  items: MmBlock[];
  width?: 'auto' | 'stretch';
  gap?: GapSize;
}

interface ColumnSetBlock extends Node {
  type: 'column_set';
  columns: ColumnBlock[];
  gap?: GapSize;
}

/** One block as clients draw it (after translation, validation and the render limits). */
export type MmBlock = TextBlock | ImageBlock | DividerBlock | ButtonBlock | StaticSelectBlock | ContainerBlock | CollapsibleBlock | ColumnSetBlock | ColumnBlock;

/**
 * Why a source entry is not drawn:
 * - 'not-object': a non-object entry (null, string, number);
 * - 'unknown-type': a `type` clients do not know;
 * - 'wrong-type': a field of the wrong JSON type;
 * - 'enum': a value outside the field's allowed values;
 * - 'missing': a required field is missing or blank;
 * - 'empty': a container-like block with no valid child;
 * - 'child': a column_set with an invalid column, a select with an invalid option;
 * - 'untranslated': a Block Kit or Adaptive Card element outside the subset Mattermost translates;
 * - 'misplaced': a block that passes but renders nothing where it is (a top-level `column`).
 */
type DropCause = 'not-object' | 'unknown-type' | 'wrong-type' | 'enum' | 'missing' | 'empty' | 'child' | 'untranslated' | 'misplaced';

export interface Dropped {
  /** The entry that is not drawn. */
  path: JsonPath;
  /** The field at fault, when there is one (the finding's range); else `path`. */
  field?: JsonPath;
  /** The block or element, as named to the user: "`image` block", "Block Kit `context` block", "`Input.Text` card element". */
  block: string;
  cause: DropCause;
  /** Why, in the user's words, without the consequence ("`alt_text` is missing"). */
  reason: string;
  /** The source format the entry belongs to. */
  format: Exclude<BlocksFormat, 'attachments'>;
}

/** A value clients ignore without dropping the block (e.g. an unrecognised button style). */
export interface Ignored {
  path: JsonPath;
  block: string;
  reason: string;
  format: Exclude<BlocksFormat, 'attachments'>;
}

/** A key not in the block's documented fields: the strict web-app revision drops the block for it (MM_BLOCKS.md §2.1). */
export interface UnknownBlockKey {
  path: JsonPath;
  block: string;
  key: string;
}

export type RenderLimit = 'nodes' | 'depth' | 'characters';

export interface Truncation {
  /** The first block past (or, for characters, crossing) the limit. */
  path: JsonPath;
  limit: RenderLimit;
  /** How many blocks (nodes) or characters are lost from there on. */
  lost: number;
}

/** An action id the server counts as a reference (MM_BLOCKS.md §3.4). */
export interface ActionRef {
  actionId: string;
  /** The `action_id`/`id` value, or the text holding an `mmaction://` link. */
  path: JsonPath;
  /** Inside a text: the decoded character range of the link's id. */
  sub?: [number, number];
  /** Where the server found it. */
  from: 'message' | BlocksFormat;
  /** A Block Kit `static_select` accessory: the server counts it, clients do not draw it (§3.4). */
  notDrawn?: boolean;
}

/** One registry entry as the server resolves it (§3.1). */
export interface RegistryEntry {
  type: 'external' | 'openURL';
  url: string;
  /** external only; a string context parsed as the server does. */
  context?: Record<string, unknown>;
  /** String values only: the server silently discards the others. */
  query?: Record<string, string>;
}

/** One failed check of ValidateMmBlocksActions (§3.2), with the server's exact text. */
export interface RegistryIssue {
  /** The check number in MM_BLOCKS.md §3.2 (1–14). */
  check: number;
  message: string;
  path: JsonPath;
  target?: 'key' | 'value';
  /** For the pairing checks (12–14): the action id concerned. */
  actionId?: string;
}

/** What the server does when the registry check fails, for this kind (§3.3). */
type PairingEnforcement =
  /** incoming webhooks: 400 api.context.invalid_body.app_error */
  | 'rejected'
  /** outgoing-webhook responses: only logged, and no post is made */
  | 'nothing-posted'
  /** REST posts, slash-command responses: only logged, the post is created */
  | 'logged'
  /** the feature flag is off (or blocks are not known to this server): nothing is checked */
  | 'off';

interface Pairing {
  enforcement: PairingEnforcement;
  /** Referenced ids with no registry entry. */
  missing: ActionRef[];
  /** Registry entries nothing references (disabled controls do not reference). */
  unused: { actionId: string; path: JsonPath }[];
  /** Every failed check, in the order of §3.2 (the entries' own checks in document order). */
  issues: RegistryIssue[];
  /** The error the server answers with, when it rejects (incoming webhooks, flag on). */
  serverError?: { status: 400; id: string; message: string };
}

export interface BlocksRead {
  /** Canonical path of the `props` object ([] based, e.g. ['props'] or ['extra_responses', 0, 'props']). */
  propsPath: JsonPath;
  /** The one format clients render: the first non-empty array in mm_blocks → blocks → cards → attachments. */
  renders: BlocksFormat | null;
  /** The other formats present (non-empty arrays) that clients do not render. */
  ignored: { format: BlocksFormat; path: JsonPath }[];
  /** Whether clients of the target server draw mm_blocks/blocks/cards at all. */
  shown: boolean;
  /** Why not (profile before 11.10, or MmBlocksEnabled off), as a sentence. */
  whyHidden?: string;
  /** The version gate is inferred (docs only): messages say "may". */
  gateApproximate?: boolean;
  /** What clients draw for `renders` (mm_blocks, or Block Kit / cards translated), limits applied. Empty for attachments. */
  blocks: MmBlock[];
  /** Entries of the rendered format that clients drop, and untranslated elements. */
  dropped: Dropped[];
  /** Values clients ignore without dropping the block. */
  ignoredValues: Ignored[];
  /** Keys the strict web-app revision drops a block for. */
  unknownKeys: UnknownBlockKey[];
  /** The first block cut or dropped by a render limit, per limit (100 nodes, depth 32, 16000 characters). */
  truncated: Truncation[];
  /** The registry as the server reads it (undefined when absent or not an object). */
  registry?: Record<string, RegistryEntry>;
  /** Path of `mm_blocks_actions` when present. */
  registryPath?: JsonPath;
  /** Registry `query` values that are not strings: the server silently discards them. */
  discardedQuery: JsonPath[];
  /** Every action id the server counts as referenced, in document order. */
  references: ActionRef[];
  /** Disabled controls: not references, so their ids must not be in the registry (§3.4, §9 #6). */
  inert: ActionRef[];
  pairing: Pairing;
}

// ------------------------------------------------------------------------------------------------
// The model

type Obj = Record<string, unknown>;

/** The block formats only servers with Mattermost Blocks draw (attachments render everywhere). */
const BLOCK_FORMATS: readonly Exclude<BlocksFormat, 'attachments'>[] = ['mm_blocks', 'blocks', 'cards'];

const MM_BLOCKS_FLAG = 'FeatureFlagMmBlocksEnabled';

/** The first release with Mattermost Blocks (product docs, MM_BLOCKS.md §6). */
const MM_BLOCKS_SINCE = parseVersion('11.10.0');

/** The error id of a rejected incoming webhook (§3.3). */
const PAIRING_ERROR_ID = 'api.context.invalid_body.app_error';

export interface BlocksGate {
  /** Clients draw mm_blocks, blocks and cards. */
  shown: boolean;
  /** The server collects action ids and checks the registry (flag on, 11.10 or later). */
  checked: boolean;
  /** Why not, as a sentence for messages. */
  whyHidden?: string;
  /** The version boundary is docs-only: say "may". */
  approximate: boolean;
  /** No server is known: the model assumes one with Mattermost Blocks on. */
  assumed: boolean;
}

/**
 * Does the target server draw and check blocks? `FeatureFlagMmBlocksEnabled` (default on) and the 11.10
 * gate (product docs; §6). The default profile (no server known) is taken as such a server, so
 * authoring blocks does not turn every finding into "not shown".
 */
export function blocksGate(profile: Profile = DEFAULT_PROFILE): BlocksGate {
  // the default profile (no server known) is assumed to have them: support() answers 'yes' (assumedWhenUnknown)
  const s = support(profile, 'mm-blocks');
  if (s !== 'no') return { shown: true, checked: true, approximate: s === 'maybe', assumed: isDefaultProfile(profile) };
  const v = formatVersion(profile.version);
  const flagOff = setting(profile, MM_BLOCKS_FLAG) === 'false';
  const whyHidden = flagOff
    ? `the target server (Mattermost ${v}) has the MmBlocksEnabled feature flag off (${MM_BLOCKS_FLAG} is "false"), so clients show no mm_blocks, blocks or cards`
    : `the target server is Mattermost ${v}, and Mattermost Blocks start with 11.10 (product docs): older servers keep mm_blocks, blocks and cards as plain props that clients do not draw`;
  return { shown: false, checked: false, whyHidden, approximate: !flagOff, assumed: false };
}

function nonEmptyArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0;
}

/**
 * IncomingWebhookRequest.HasInteractiveMessageProps (MATTERMOST_RULES.md §9.1, MM_BLOCKS.md §4): a
 * non-empty `props.attachments` (servers with this check), or a non-empty `props.mm_blocks`,
 * `props.blocks` or `props.cards` while the flag is on. `mm_blocks_actions` alone does not count.
 */
export function hasInteractiveMessageProps(props: unknown, profile: Profile = DEFAULT_PROFILE): boolean {
  if (!isObj(props)) return false;
  // props.attachments counts on servers that have this check (a known server of 11.10 or later, flag or not)
  const newer = !isDefaultProfile(profile) && compareVersions(profile.version, MM_BLOCKS_SINCE) >= 0;
  if (newer && nonEmptyArray(props.attachments)) return true;
  return blocksGate(profile).checked && BLOCK_FORMATS.some(f => nonEmptyArray(props[f]));
}

/** Where a response's message and attachments are, per kind (REST posts: `message`, `props.attachments`). */
function messagePath(kind: Kind, base: JsonPath): JsonPath {
  return [...base, kind === 'post' ? 'message' : 'text'];
}

function attachmentsOf(kind: Kind, response: Obj, propsPath: JsonPath, base: JsonPath): { list: unknown; path: JsonPath } {
  if (kind === 'post') return { list: isObj(response.props) ? response.props.attachments : undefined, path: [...propsPath, 'attachments'] };
  return { list: response.attachments, path: [...base, 'attachments'] };
}

/** What the server does when the registry check fails, for this kind (§3.3). */
function pairingEnforcement(kind: Kind, gate: BlocksGate): PairingEnforcement {
  if (!gate.checked) return 'off';
  if (kind === 'incoming') return 'rejected';
  if (kind === 'outgoing') return 'nothing-posted';
  return 'logged';
}

export interface ReadBlocksAt {
  kind: Kind;
  profile?: Profile;
  /** Path of the response object: [] or ['extra_responses', i]. */
  base?: JsonPath;
}

const EMPTY_PAIRING: Pairing = Object.freeze({ enforcement: 'off', missing: [], unused: [], issues: [] });

/** True when the response carries anything this model reads (so callers can skip the rest cheaply). */
function hasBlocksProps(response: unknown): boolean {
  const props = isObj(response) ? response.props : undefined;
  if (!isObj(props)) return typeof (response as Obj | undefined)?.text === 'string' && ((response as Obj).text as string).includes('mmaction://');
  return props.mm_blocks !== undefined || props.blocks !== undefined || props.cards !== undefined || props.mm_blocks_actions !== undefined
    || (typeof (response as Obj).text === 'string' && ((response as Obj).text as string).includes('mmaction://'))
    || (typeof (response as Obj).message === 'string' && ((response as Obj).message as string).includes('mmaction://'));
}

/**
 * Reads one response (or REST post) as an 11.10 server and its clients do: which format renders, the
 * blocks drawn (translated, validated, limited, each with its source path), what is dropped, the
 * references and the registry check.
 */
export function readBlocks(response: Obj, at: ReadBlocksAt): BlocksRead {
  const base = at.base ?? [];
  const propsPath = [...base, 'props'];
  const gate = blocksGate(at.profile);
  const props: Obj = isObj(response.props) ? response.props : {};
  const att = attachmentsOf(at.kind, response, propsPath, base);

  // which format renders (the first non-empty array); with blocks hidden, only attachments can
  const present: { format: BlocksFormat; path: JsonPath }[] = [];
  for (const f of BLOCK_FORMATS) if (nonEmptyArray(props[f])) present.push({ format: f, path: [...propsPath, f] });
  if (nonEmptyArray(att.list) && att.list.some(a => a !== null)) present.push({ format: 'attachments', path: att.path });
  const candidates = gate.shown ? present : present.filter(p => p.format === 'attachments');
  const renders = candidates.length > 0 ? candidates[0].format : null;
  const ignored = present.filter(p => p.format !== renders);

  // what clients draw
  const sink: Sink = { dropped: [], ignoredValues: [], unknownKeys: [] };
  let drawn: MmBlock[] = [];
  const first = present.find(p => p.format !== 'attachments');
  const source = renders !== null && renders !== 'attachments' ? renders : !gate.shown && first ? first.format : null;
  if (source === 'mm_blocks') drawn = readMmBlocks(props.mm_blocks as unknown[], [...propsPath, 'mm_blocks'], sink);
  else if (source === 'blocks') drawn = translateBlockKit(props.blocks as unknown[], [...propsPath, 'blocks'], sink);
  else if (source === 'cards') drawn = translateCards(props.cards as unknown[], [...propsPath, 'cards'], sink);
  drawn = dropMisplacedColumns(drawn, source, sink.dropped);
  const limited = applyRenderLimits(drawn);

  // the server side: references and the registry
  const { references, inert } = collectReferences(response[at.kind === 'post' ? 'message' : 'text'], messagePath(at.kind, base), props, propsPath);
  const hasRegistry = Object.prototype.hasOwnProperty.call(props, 'mm_blocks_actions') && props.mm_blocks_actions !== null;
  const registryPath = hasRegistry ? [...propsPath, 'mm_blocks_actions'] : undefined;
  let pairing: Pairing = EMPTY_PAIRING;
  let registry: BlocksRead['registry'];
  let discardedQuery: JsonPath[] = [];
  if (hasRegistry || references.length > 0) {
    const read = hasRegistry ? readRegistry(props.mm_blocks_actions, registryPath!) : { issues: [], discarded: [] };
    registry = 'entries' in read ? read.entries : undefined;
    discardedQuery = read.discarded;
    const pair = pairingIssues(references, hasRegistry ? props.mm_blocks_actions : undefined, registryPath ?? [...propsPath, 'mm_blocks_actions']);
    const issues: RegistryIssue[] = [...read.issues, ...pair.issues].sort((a, b) => a.check - b.check);
    const enforcement = pairingEnforcement(at.kind, gate);
    pairing = { enforcement, missing: pair.missing, unused: pair.unused, issues };
    if (enforcement === 'rejected' && issues.length > 0) pairing.serverError = { status: 400, id: PAIRING_ERROR_ID, message: issues[0].message };
  }

  const out: BlocksRead = {
    propsPath, renders, ignored, shown: gate.shown, blocks: gate.shown && source !== null ? limited.blocks : [],
    dropped: sink.dropped, ignoredValues: sink.ignoredValues, unknownKeys: sink.unknownKeys, truncated: limited.truncated,
    references, inert, pairing, discardedQuery,
  };
  if (!gate.shown) out.whyHidden = gate.whyHidden;
  if (gate.approximate) out.gateApproximate = true;
  if (registry) out.registry = registry;
  if (registryPath) out.registryPath = registryPath;
  return out;
}

/** A `column` outside a column_set passes the checks but renders nothing (§2.9). */
function dropMisplacedColumns(list: MmBlock[], format: BlocksFormat | null, dropped: Dropped[]): MmBlock[] {
  const walk = (blocks: MmBlock[]): MmBlock[] =>
    blocks.filter(b => {
      if (b.type === 'column') {
        if (format) dropped.push({ path: b.path, field: [...b.path, 'type'], block: '`column` block', cause: 'misplaced', reason: 'a `column` is only drawn inside a `column_set`', format: format as Dropped['format'] });
        return false;
      }
      if (b.type === 'container') b.content = walk(b.content);
      else if (b.type === 'collapsible') {
        b.header = walk(b.header);
        b.content = walk(b.content);
      } else if (b.type === 'column_set') for (const c of b.columns) c.items = walk(c.items);
      return true;
    });
  return walk(list);
}

// ------------------------------------------------------------------------------------------------
// Per payload, memoized (every rule of one lint asks for the same)

/**
 * One entry (the last payload read), like the rules' walk memo: a WeakMap keyed by every linted root
 * kept dead documents reachable until a full GC (issue 6).
 */
let memo: { root: object; profile: Profile | undefined; kind: Kind; reads: BlocksRead[] } | undefined;

/**
 * readBlocks for each response of a payload that carries blocks, a registry or `mmaction://` links: the
 * top-level one and, for slash commands, each `extra_responses` object. Dialogs have none.
 */
export function blocksOf(kind: Kind, root: unknown, profile?: Profile): BlocksRead[] {
  if (kind === 'dialog' || !isObj(root)) return [];
  if (memo && memo.root === root && memo.profile === profile && memo.kind === kind) return memo.reads;
  const reads: BlocksRead[] = [];
  const one = (r: unknown, base: JsonPath) => {
    if (isObj(r) && hasBlocksProps(r)) reads.push(readBlocks(r, { kind, profile, base }));
  };
  one(root, []);
  if (kind === 'command' && Array.isArray(root.extra_responses)) root.extra_responses.forEach((r, i) => one(r, ['extra_responses', i]));
  memo = { root, profile, kind, reads };
  return reads;
}

/** The read of the response at `base` ([] or ['extra_responses', i]), if it carries blocks. */
export function blocksAt(reads: readonly BlocksRead[], base: JsonPath): BlocksRead | undefined {
  const want = [...base, 'props'].join('\u0000');
  return reads.find(r => r.propsPath.join('\u0000') === want);
}
