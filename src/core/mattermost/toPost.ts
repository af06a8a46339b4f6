/**
 * Pure conversion of a webhook-shaped payload (`text`, `attachments`, `props`, `type`, …) or a post-shaped one
 * (`message`, `props`, …) into the body of POST /api/v4/posts for one channel, with notes that say what was
 * converted and what was dropped (MATTERMOST_RULES.md §1 and §6.2). What the server does (limits,
 * Slack conversions, post types, reserved props) comes from the server model (src/core/server).
 */
import { decodeBody } from '../server/decode';
import { MAX_POST_RUNES } from '../server/limits';
import { runeCount } from '../server/runes';
import { convertSlackText } from '../server/slack';
import { KNOWN_POST_TYPES, RESERVED_PROPS } from '../server/toPost';
import { PayloadError } from './errors';
import type { PostCreateBody } from './types';

type ConversionNoteKind = 'converted' | 'dropped' | 'warning';

interface ConversionNote {
  kind: ConversionNoteKind;
  /** The payload key concerned, e.g. "text", "username". */
  field: string;
  message: string;
}

export interface ToPostResult {
  body: PostCreateBody;
  notes: ConversionNote[];
}

/** Keys the REST conversion consumes on purpose. */
const HANDLED = new Set(['text', 'message', 'attachments', 'props', 'type', 'username', 'icon_url', 'icon_emoji', 'channel', 'channel_id', 'priority', 'root_id', 'file_ids', 'metadata', 'response_type', 'extra_responses', 'skip_slack_parsing', 'goto_location', 'trigger_id', 'id', 'user_id', 'create_at', 'update_at', 'pending_post_id']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/**
 * Converts `payload` (parsed JSON, or the JSON text) into a POST /api/v4/posts body for `channelId`.
 * Throws PayloadError when the payload is not a JSON object or has wrong types for the kept fields.
 */
export function toPost(payload: unknown, channelId: string): ToPostResult {
  let p: unknown = payload;
  if (typeof payload === 'string') {
    const decoded = decodeBody(payload, 'post');
    if (!decoded.ok) throw new PayloadError('The payload is not valid JSON.');
    p = decoded.value;
  }
  if (!isObject(p)) throw new PayloadError('The payload must be a JSON object.');
  if (typeof channelId !== 'string' || channelId === '') throw new PayloadError('Pick a channel to send to.');

  const notes: ConversionNote[] = [];
  const note = (kind: ConversionNoteKind, field: string, message: string): void => { notes.push({ kind, field, message }); };

  // --- message ---
  let message = '';
  const hasMessage = 'message' in p && p.message !== null && p.message !== undefined;
  const hasText = 'text' in p && p.text !== null && p.text !== undefined;
  if (hasMessage) {
    if (typeof p.message !== 'string') throw new PayloadError('"message" must be a string.');
    message = p.message;
    if (hasText) note('dropped', 'text', '"text" was ignored because "message" is present.');
  } else if (hasText) {
    if (typeof p.text !== 'string') throw new PayloadError('"text" must be a string.');
    message = p.text;
    note('converted', 'text', '"text" was sent as the post\'s "message".');
  }
  // what a webhook would do to the text and the REST API does not
  const converted = convertSlackText(message, 'message', true);
  if (converted !== message) {
    note('converted', 'message', 'Slack markup (<!channel>, <url|text>) was converted the way a webhook would.');
    message = converted;
  }
  if (runeCount(message) > MAX_POST_RUNES) {
    note('warning', 'message', `The message has ${runeCount(message)} characters; the API refuses more than ${MAX_POST_RUNES} (a webhook would split it).`);
  }

  // --- props ---
  let props: Record<string, unknown> | undefined;
  if ('props' in p && p.props !== null && p.props !== undefined) {
    if (!isObject(p.props)) throw new PayloadError('"props" must be an object.');
    props = { ...p.props };
    for (const key of RESERVED_PROPS) {
      // the action registry is carried unchanged: the server keeps it for integration sessions (MM_BLOCKS.md §3.5)
      if (key === 'mm_blocks_actions') continue;
      if (key in props) {
        delete props[key];
        note('dropped', `props.${key}`, `props.${key} is reserved for integrations and was removed (the server refuses or ignores it on your own posts).`);
      }
    }
  }

  // --- attachments ---
  let hasAttachments = false;
  if ('attachments' in p && p.attachments !== null && p.attachments !== undefined) {
    if (!Array.isArray(p.attachments)) throw new PayloadError('"attachments" must be an array.');
    const list = p.attachments.filter(a => a !== null);
    if (list.length !== p.attachments.length) note('dropped', 'attachments', 'null entries in "attachments" were removed.');
    props = props ?? {};
    if ('attachments' in props) note('dropped', 'props.attachments', 'props.attachments was replaced by the top-level "attachments".');
    props.attachments = list;
    hasAttachments = list.length > 0;
    note('converted', 'attachments', '"attachments" was sent as props.attachments.');
  } else if (props && Array.isArray(props.attachments)) {
    hasAttachments = props.attachments.length > 0;
  }

  // --- type ---
  let type: string | undefined;
  if ('type' in p && p.type !== null && p.type !== undefined) {
    if (typeof p.type !== 'string') throw new PayloadError('"type" must be a string.');
    type = p.type;
  }
  if (hasAttachments && type !== 'slack_attachment') {
    if (type !== undefined && type !== '') note('converted', 'type', `"type": "${type}" was replaced by "slack_attachment", as a webhook does when attachments are present.`);
    type = 'slack_attachment';
  } else if (type !== undefined && type.startsWith('system_')) {
    note('dropped', 'type', `"type": "${type}" was removed: system post types cannot be created this way.`);
    type = undefined;
  } else if (type !== undefined && !KNOWN_POST_TYPES.includes(type) && !type.startsWith('custom_')) {
    note('dropped', 'type', `"type": "${type}" was removed: the server only accepts "", "slack_attachment", known types or "custom_…".`);
    type = undefined;
  }

  // --- fields the REST API cannot honour ---
  for (const key of ['username', 'icon_url', 'icon_emoji'] as const) {
    if (key in p && p[key] !== null && p[key] !== undefined && p[key] !== '') {
      note('dropped', key, `"${key}" was dropped: a post sent through the API appears as your account; name and icon overrides only apply to webhooks (and bots) when the server allows overrides.`);
    }
  }
  if ('channel' in p && p.channel !== undefined && p.channel !== null && p.channel !== '') {
    note('dropped', 'channel', '"channel" was dropped: the channel you picked is used.');
  }
  if ('channel_id' in p && p.channel_id !== undefined && p.channel_id !== channelId) {
    note('dropped', 'channel_id', '"channel_id" in the payload was replaced by the channel you picked.');
  }
  if ('file_ids' in p && p.file_ids !== undefined && p.file_ids !== null) {
    note('dropped', 'file_ids', '"file_ids" was dropped: files must be uploaded first.');
  }
  for (const key of ['response_type', 'extra_responses', 'skip_slack_parsing', 'goto_location', 'trigger_id']) {
    if (key in p) note('dropped', key, `"${key}" only means something in a slash-command response and was dropped.`);
  }
  for (const key of ['id', 'user_id', 'create_at', 'update_at', 'pending_post_id']) {
    if (key in p) note('dropped', key, `"${key}" is set by the server and was dropped.`);
  }
  for (const key of Object.keys(p)) {
    if (!HANDLED.has(key)) note('dropped', key, `"${key}" is not a Mattermost post field and was ignored${key === 'blocks' ? ' (Slack Block Kit goes in props.blocks)' : ''}.`);
  }

  const body: PostCreateBody = { channel_id: channelId, message };
  if ('root_id' in p && typeof p.root_id === 'string' && p.root_id !== '') body.root_id = p.root_id;
  if (type !== undefined && type !== '') body.type = type;
  if (props !== undefined) body.props = props;

  // --- priority (webhook: top level; post: metadata.priority) ---
  const prio = isObject(p.priority) ? p.priority : isObject(p.metadata) && isObject(p.metadata.priority) ? p.metadata.priority : undefined;
  if (prio) {
    if (typeof prio.priority !== 'string') {
      note('dropped', 'priority', '"priority" was dropped: "priority.priority" must be a string.');
    } else {
      const out: { priority: string; requested_ack?: boolean; persistent_notifications?: boolean } = { priority: prio.priority };
      if (typeof prio.requested_ack === 'boolean') out.requested_ack = prio.requested_ack;
      if (typeof prio.persistent_notifications === 'boolean') out.persistent_notifications = prio.persistent_notifications;
      body.metadata = { priority: out };
      if (isObject(p.priority)) note('converted', 'priority', '"priority" was sent as metadata.priority.');
    }
  }
  const kept = props;
  const hasBlocks = kept !== undefined && ['mm_blocks', 'blocks', 'cards'].some(k => { const v = kept[k]; return Array.isArray(v) && v.length > 0; });
  if (message === '' && !hasAttachments && !hasBlocks) {
    note('warning', 'message', 'The post has no message, no attachments and no blocks.');
  }
  return { body, notes };
}
