/**
 * Webhook → post: what the server stores (or refuses) for a decoded payload of each kind
 * (MATTERMOST_RULES.md §1.3, §4.3, §5, §6.2): the checks that make it post nothing, the Slack
 * conversions of the message, the split into posts of at most MAX_POST_RUNES runes, and the
 * attachment field values as stored (`%v`). The linter's rules, the preview and the send path's
 * REST conversion (src/core/mattermost/toPost.ts) read these.
 */
import type { JsonPath } from '../json/locate';
import type { Kind } from '../payload/problem';
import { type BlocksRead, blocksAt, blocksOf, hasInteractiveMessageProps } from './blocks';
import { goV } from './goformat';
import { MAX_POST_RUNES } from './limits';
import { runeCount, splitRunes } from './runes';
import type { Profile } from './profile';
import { attachmentLinksConverted, convertSlackText, slackProcessed } from './slack';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Post types Post.IsValid accepts besides system_* and custom_* (`card` is not one, §1.4). */
export const KNOWN_POST_TYPES: readonly string[] = ['', 'slack_attachment', 'me', 'reminder', 'burn_on_read', 'add_bot_teams_channels'];

/** Props only integrations may set: webhooks drop or overwrite them, REST posts of users must not carry them. */
export const RESERVED_PROPS: readonly string[] = ['from_webhook', 'override_username', 'override_icon_url', 'override_icon_emoji', 'webhook_display_name', 'mm_blocks_actions'];

/** Props a webhook request cannot set: the server drops them from `props` (it sets them itself, or reads them elsewhere). */
export const WEBHOOK_DROPPED_PROPS: readonly string[] = ['from_webhook', 'override_username', 'override_icon_url', 'attachments'];

/** Props both webhook kinds overwrite with their own value (the hook's display name, §1.1, §4.4). */
export const WEBHOOK_OVERWRITTEN_PROPS: readonly string[] = ['webhook_display_name'];

/**
 * True when `attachments` comes out of the server's decoding as none: absent, null, `[]`, or only
 * `null` entries (StringifyMessageAttachmentFieldValue returns a nil slice; MATTERMOST_RULES.md §1.3 step 2, §4.3).
 */
export function noAttachments(list: unknown): boolean {
  if (list === undefined || list === null) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== null) return false;
  return true;
}

/**
 * A slash-command response Mattermost shows as an ephemeral post (response_type absent, null, "" or
 * "ephemeral"); false for every other kind and for the response types that post nothing.
 */
export function showsEphemeral(kind: Kind, response: unknown): boolean {
  if (kind !== 'command' || !isObj(response)) return false;
  const rt = response.response_type;
  return rt === undefined || rt === null || rt === '' || rt === 'ephemeral';
}

/**
 * Whether Post.IsValid and the log-only ValidateProps run on this response's post: not for an
 * ephemeral slash-command response, which is never saved (MATTERMOST_RULES.md §2.4, §4.3).
 */
export function postValidated(kind: Kind, response: unknown): boolean {
  return !showsEphemeral(kind, response);
}

/**
 * An outgoing-webhook response keeps `null` attachments (it does not remove them like the other kinds)
 * and dereferences them: nothing is posted (§4.4; the crash is inferred).
 */
function outgoingNullAttachment(kind: Kind, r: Obj): boolean {
  return kind === 'outgoing' && Array.isArray(r.attachments) && r.attachments.some(a => a === null);
}

/**
 * What the server does with a response's post `type` (§1.3 step 9, §1.4, §4.3, §4.4, §6.2):
 * - 'system': refused, a system_* type (webhooks, commands and REST alike);
 * - 'unknown': refused, neither known nor custom_*;
 * - 'dropped': an ephemeral command response is never validated and shown as a plain ephemeral post,
 *   so the type is lost (not an error);
 * - 'licensed': burn_on_read, refused (501) unless licence, feature flag and setting allow it;
 * undefined when accepted as sent. An incoming webhook with (non-null) attachments has its type forced
 * to slack_attachment first; a command response of another response_type posts nothing anyway.
 */
export type PostTypeFate = 'system' | 'unknown' | 'dropped' | 'licensed';

export function postTypeFate(kind: Kind, r: Obj): PostTypeFate | undefined {
  const t = r.type;
  if (typeof t !== 'string') return undefined;
  const system = t.startsWith('system_');
  if (!system && showsEphemeral(kind, r)) return t === '' || t === 'slack_attachment' ? undefined : 'dropped';
  if (kind === 'incoming' && !noAttachments(r.attachments)) return undefined; // overwritten
  const otherResponseType = kind === 'command' && r.response_type !== 'in_channel';
  if (t === 'burn_on_read') return otherResponseType ? undefined : 'licensed';
  if (KNOWN_POST_TYPES.includes(t) || t.startsWith('custom_')) return undefined;
  if (otherResponseType && !system) return undefined; // another response_type posts nothing
  return system ? 'system' : 'unknown';
}

/** A post type the server refuses for this kind for sure: 'system' or 'unknown' (see postTypeFate). */
export function refusedPostType(kind: Kind, r: Obj): 'system' | 'unknown' | undefined {
  const fate = postTypeFate(kind, r);
  return fate === 'system' || fate === 'unknown' ? fate : undefined;
}

/** Webhooks: a `priority` object needs a non-null `priority` (400 webhook.priority.priority). */
export function priorityIncomplete(r: Obj): boolean {
  const p = r.priority;
  return isObj(p) && (p.priority === undefined || p.priority === null);
}

/** REST: metadata.priority on a reply (a non-empty root_id) is refused with 400 (§6.2). */
export function replyWithPriority(r: Obj): boolean {
  const m = r.metadata;
  const mp = isObj(m) ? m.priority : undefined;
  return mp !== undefined && mp !== null && typeof r.root_id === 'string' && r.root_id !== '';
}

/**
 * Incoming webhook: 400 "No text specified" when text is empty, there are no attachments (noAttachments)
 * and no interactive props (blocks.ts hasInteractiveMessageProps: mm_blocks, blocks, cards while the
 * MmBlocksEnabled flag is on, on servers that have them).
 */
export function noTextSpecified(root: Obj, profile?: Profile): boolean {
  const { text, attachments } = root;
  return (text === undefined || text === null || text === '') && noAttachments(attachments) && !hasInteractiveMessageProps(root.props, profile);
}

/** Outgoing-webhook response: nothing is posted without a `text` key (null counts as absent) and without attachments. */
export function outgoingPostsNothing(root: Obj): boolean {
  const att = root.attachments;
  if (root.text !== undefined && root.text !== null) return false;
  return att === undefined || att === null || (Array.isArray(att) && att.length === 0);
}

/** An outgoing webhook that answers with an empty body: not an error, nothing is posted. */
export const EMPTY_RESPONSE_POSTS_NOTHING = 'Mattermost posts nothing for an empty response.';

/** Slash-command response_type: only `in_channel` and `ephemeral` (the default, "") post. */
function commandResponsePosts(responseType: unknown): boolean {
  const rt = responseType ?? '';
  return rt === '' || rt === 'ephemeral' || rt === 'in_channel';
}

export function isEphemeral(responseType: unknown): boolean {
  return responseType !== 'in_channel';
}

/** An ephemeral slash-command response with empty text and no attachments (noAttachments) shows nothing. */
export function ephemeralShowsNothing(r: Obj): boolean {
  const { text, attachments } = r;
  return (text === undefined || text === null || text === '') && noAttachments(attachments);
}

/** The top-level response and, for slash commands, each object in `extra_responses`. */
export function responsesOf(kind: Kind, root: Obj): { v: Obj; base: JsonPath }[] {
  const out = [{ v: root, base: [] as JsonPath }];
  if (kind === 'command' && Array.isArray(root.extra_responses)) {
    root.extra_responses.forEach((r, i) => {
      if (isObj(r)) out.push({ v: r, base: ['extra_responses', i] });
    });
  }
  return out;
}

/** The message the server stores for one response: `text` (webhooks, commands) or `message` (REST), converted. */
export function storedMessage(kind: Kind, r: Obj): string {
  if (kind === 'post') return typeof r.message === 'string' ? r.message : '';
  const text = typeof r.text === 'string' ? r.text : '';
  return convertSlackText(text, 'message', slackProcessed(kind, r.skip_slack_parsing));
}

/**
 * An attachment field's `value` as stored: webhooks, commands and outgoing responses convert every
 * non-null value with `%v` and then apply the Slack conversions; REST props keep it as sent.
 */
export function storedFieldValue(kind: Kind, value: unknown, slack: boolean): unknown {
  if (value === undefined || value === null || kind === 'post') return value;
  return convertSlackText(goV(value), 'field-value', slack, attachmentLinksConverted(kind));
}

/** SplitWebhookPost: the messages of the posts a webhook creates. */
function splitMessage(message: string): string[] {
  return splitRunes(message, MAX_POST_RUNES);
}

export interface ResponsePosts {
  /** Path of the response object: [] or ['extra_responses', i]. */
  base: JsonPath;
  /** The message of each post created (one unless a webhook split it); empty when nothing is posted. */
  messages: string[];
  ephemeral: boolean;
  /** Whether the Slack conversions apply to this response's texts. */
  slack: boolean;
  /** Why this response posts nothing (the others may still post). */
  nothing?: string;
  /** Mattermost Blocks, Block Kit, cards and the action registry of this response (blocks.ts), when it has any. */
  blocks?: BlocksRead;
}

export interface PostsOutcome {
  /** The request as a whole is refused or fails: nothing is posted. */
  refused?: { reason: string; path: JsonPath };
  responses: ResponsePosts[];
}

/**
 * What the server posts for a decoded, well-typed payload of a message kind (not dialogs). Type errors
 * are the decoder's business (the linter's schema check); this starts from a value that decoded.
 */
export function postsOf(kind: Kind, root: Obj, profile?: Profile): PostsOutcome {
  const responses: ResponsePosts[] = [];
  if (kind === 'incoming' && noTextSpecified(root, profile)) {
    return { refused: { reason: 'Mattermost rejects this webhook (400 "No text specified"): text is empty and there are no attachments.', path: ['text'] }, responses };
  }
  const reads = blocksOf(kind, root, profile);
  const top = blocksAt(reads, []);
  if (kind === 'incoming' && top?.pairing.serverError) {
    const e = top.pairing.serverError;
    return { refused: { reason: `Mattermost rejects this webhook (400 ${e.id}): ${e.message}.`, path: top.registryPath ?? top.propsPath }, responses };
  }
  if ((kind === 'incoming' || kind === 'outgoing') && priorityIncomplete(root)) {
    return { refused: { reason: 'Mattermost refuses the post (400 webhook.priority.priority): a `priority` object needs a non-null `priority`.', path: ['priority'] }, responses };
  }
  if (outgoingNullAttachment(kind, root)) {
    const i = (root.attachments as unknown[]).indexOf(null);
    return { refused: { reason: 'Mattermost posts nothing: an outgoing-webhook response keeps a null attachment and fails on it.', path: ['attachments', i] }, responses };
  }
  if (kind === 'post' && replyWithPriority(root)) {
    return { refused: { reason: 'Mattermost rejects the post (400): only a root post can have a priority, and this one has a `root_id`.', path: ['metadata', 'priority'] }, responses };
  }
  for (const { v, base } of responsesOf(kind, root)) {
    const type = refusedPostType(kind, v);
    if (type !== undefined) {
      return { refused: { reason: `Creating the post fails: ${JSON.stringify(v.type)} is ${type === 'system' ? 'a system post type' : 'not a known post type'}, so nothing is posted.`, path: [...base, 'type'] }, responses: [] };
    }
    const slack = slackProcessed(kind, v.skip_slack_parsing);
    const message = storedMessage(kind, v);
    if (kind === 'command') {
      if (!commandResponsePosts(v.response_type)) {
        responses.push({ base, messages: [], ephemeral: false, slack, nothing: `Mattermost posts nothing for this response_type (${JSON.stringify(v.response_type)}): only "in_channel" and "ephemeral" are used.` });
        continue;
      }
      const ephemeral = isEphemeral(v.response_type);
      if (ephemeral && ephemeralShowsNothing(v)) {
        responses.push({ base, messages: [], ephemeral, slack, nothing: 'Mattermost posts nothing: an ephemeral response needs text or attachments.' });
        continue;
      }
      const n = runeCount(message);
      if (!ephemeral && n > MAX_POST_RUNES) {
        return { refused: { reason: `The message is ${n} runes, over Mattermost's ${MAX_POST_RUNES}: creating the post fails and so does the command (500 create_post_failed).`, path: [...base, 'text'] }, responses: [] };
      }
      responses.push({ base, messages: [message], ephemeral, slack });
      continue;
    }
    if (kind === 'post') {
      const n = runeCount(message);
      if (n > MAX_POST_RUNES) {
        return { refused: { reason: `Mattermost rejects this post (400 model.post.is_valid.message_length.app_error): the message is ${n} runes, over ${MAX_POST_RUNES}. The REST API does not split.`, path: ['message'] }, responses: [] };
      }
      responses.push({ base, messages: [message], ephemeral: false, slack });
      continue;
    }
    if (kind === 'outgoing' && outgoingPostsNothing(v)) {
      responses.push({ base, messages: [], ephemeral: false, slack, nothing: 'Mattermost posts nothing for this response: there is no "text" key and no attachments.' });
      continue;
    }
    const failed = kind === 'outgoing' ? top?.pairing : undefined;
    if (failed && failed.enforcement === 'nothing-posted' && failed.issues.length > 0) {
      responses.push({ base, messages: [], ephemeral: false, slack, nothing: `Mattermost posts nothing for this response: the action registry check fails (${failed.issues[0].message}), which the server only logs.` });
      continue;
    }
    responses.push({ base, messages: splitMessage(message), ephemeral: false, slack });
  }
  for (const r of responses) {
    const b = blocksAt(reads, r.base);
    if (b) r.blocks = b;
  }
  return { responses };
}
