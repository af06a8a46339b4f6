/**
 * POST /hooks/{id}, answering as the real server does (server source: server/channels/web/webhook.go
 * `incomingWebhook`, server/channels/app/webhook.go `HandleIncomingWebhook`): Content-Type handling,
 * Go-style decoding with the newline/tab repair, the order of checks (501, no text, invalid hook, channel,
 * locked, permissions), Slack markup, type rules, splitting into ≤ MaxPostSize-rune posts, `200 ok`.
 * The played version (state.config.version) picks the §8 behaviours: the repair (3.1), `short` strings (5.8),
 * `icon_emoji` (5.14), `priority` (≈ 9.11), the 4000-rune limit before 4.9.
 */
import {
  decodeFirstValue, isObject, optArray, optBool, optObject, optString, repairControlChars, slackBool,
  TypeMismatch, webhookFieldValue, field,
} from './goJson';
import { splitRunes } from '../core/server/runes';
import { expandAnnouncements, slackLinksToMarkdown } from '../core/server/slack';
import { readBlocks } from '../core/server/blocks';
import { noTextSpecified, refusedPostType, WEBHOOK_DROPPED_PROPS } from '../core/server/toPost';
import { appError, sendText, type Ctx } from './respond';
import { maxPostRunes, profileOf, supports } from './profile';
import { directChannel, findChannelByName, newId, type ChannelRecord, type PostRecord, type SandboxConfig, type SandboxState } from './state';

export interface IncomingWebhookRequest {
  text: string;
  username: string;
  icon_url: string;
  icon_emoji: string;
  channel: string;
  props: Record<string, unknown> | null;
  attachments: Array<Record<string, unknown>> | null;
  type: string;
  priority: { priority: string | null; requested_ack?: boolean; persistent_notifications?: boolean } | null;
}

const ATTACHMENT_STRINGS = ['fallback', 'color', 'pretext', 'author_name', 'author_link', 'author_icon', 'title', 'title_link', 'text', 'image_url', 'thumb_url', 'footer', 'footer_icon'];

/** What the played server version decodes (MATTERMOST_RULES.md §8); the newest behaviour when absent. */
export interface DecodeBehaviour {
  /** Raw newline/tab repair (since 3.1). */
  repair: boolean;
  /** `short` as "true"/"false" strings (since 5.8). */
  shortStrings: boolean;
  /** `priority` is a field (since ≈ 9.11); before, it is an unknown key. */
  priority: boolean;
}

const NEWEST: DecodeBehaviour = { repair: true, shortStrings: true, priority: true };

function decodeBehaviour(config: SandboxConfig): DecodeBehaviour {
  return { repair: supports(config, 'control-char-repair'), shortStrings: supports(config, 'short-string'), priority: supports(config, 'webhook-priority') };
}

function decodeAttachment(a: unknown, b: DecodeBehaviour): Record<string, unknown> | null {
  if (a === null) return null;
  if (!isObject(a)) throw new TypeMismatch('attachment must be an object');
  const out: Record<string, unknown> = {};
  for (const k of ATTACHMENT_STRINGS) {
    const v = optString(a, k);
    if (v !== '') out[k] = v;
  }
  const id = field(a, 'id');
  if (id !== undefined && id !== null) {
    if (typeof id !== 'number' || !Number.isInteger(id)) throw new TypeMismatch('attachment id must be an integer');
    out.id = id;
  }
  const ts = field(a, 'ts');
  if (ts !== undefined && ts !== null) out.ts = ts;
  const fields = optArray(a, 'fields');
  if (fields) {
    out.fields = fields.map(f => {
      if (f === null) return null;
      if (!isObject(f)) throw new TypeMismatch('field must be an object');
      const o: Record<string, unknown> = { title: optString(f, 'title'), value: webhookFieldValue(field(f, 'value')) };
      const short = field(f, 'short');
      if (!b.shortStrings && short !== undefined && typeof short !== 'boolean') throw new TypeMismatch('short must be a JSON boolean before 5.8');
      o.short = short === undefined ? false : slackBool(short);
      return o;
    });
  }
  const actions = optArray(a, 'actions');
  if (actions) {
    out.actions = actions.map(x => {
      if (x === null) return null;
      if (!isObject(x)) throw new TypeMismatch('action must be an object');
      for (const k of ['id', 'type', 'name', 'style', 'data_source', 'default_option', 'cookie']) optString(x, k);
      optBool(x, 'disabled');
      optObject(x, 'integration');
      optArray(x, 'options');
      return x;
    });
  }
  return out;
}

/** IncomingWebhookRequestFromJSON: decode, on failure repair and decode again. */
export function parseWebhookJson(text: string, b: DecodeBehaviour = NEWEST): IncomingWebhookRequest | undefined {
  return decodeHook(text, b) ?? (b.repair ? decodeHook(repairControlChars(text), b) : undefined);
}

function decodeHook(text: string, b: DecodeBehaviour): IncomingWebhookRequest | undefined {
  const d = decodeFirstValue(text);
  if (!d.ok) return undefined;
  const v = d.value;
  try {
    if (v === null) {
      return { text: '', username: '', icon_url: '', icon_emoji: '', channel: '', props: null, attachments: null, type: '', priority: null };
    }
    if (!isObject(v)) return undefined;
    const attachments = optArray(v, 'attachments');
    const prio = b.priority ? optObject(v, 'priority') : null;
    let priority: IncomingWebhookRequest['priority'] = null;
    if (prio) {
      const p = field(prio, 'priority');
      if (p !== undefined && p !== null && typeof p !== 'string') throw new TypeMismatch('priority.priority');
      priority = { priority: typeof p === 'string' ? p : null, requested_ack: optBool(prio, 'requested_ack'), persistent_notifications: optBool(prio, 'persistent_notifications') };
    }
    return {
      text: optString(v, 'text'),
      username: optString(v, 'username'),
      icon_url: optString(v, 'icon_url'),
      icon_emoji: optString(v, 'icon_emoji'),
      channel: optString(v, 'channel'),
      props: optObject(v, 'props'),
      attachments: attachments === null ? null : attachments.map(a => decodeAttachment(a, b)).filter((a): a is Record<string, unknown> => a !== null),
      type: optString(v, 'type'),
      priority,
    };
  } catch (e) {
    if (e instanceof TypeMismatch) return undefined;
    throw e;
  }
}

/** mime.ParseMediaType's first step: `token[/token]` then parameters (bad parameters are ignored). */
export function mediaType(contentType: string): string | undefined {
  const base = contentType.split(';')[0].trim().toLowerCase();
  return /^[!#$%&'*+.^_`|~0-9a-z-]+(\/[!#$%&'*+.^_`|~0-9a-z-]+)?$/.test(base) ? base : undefined;
}

function slackExpand(s: string, state: SandboxState): string {
  // <@USERID> → @username needs the server's users, which only the sandbox has
  return expandAnnouncements(s)
    .replace(/<@([a-z0-9]{26})>/g, (m, id: string) => {
      const u = state.users.get(id);
      return u ? `@${u.username}` : m;
    });
}


export function handleWebhook(state: SandboxState, ctx: Ctx, hookId: string, contentTypeHeader: string | undefined, body: string): void {
  // --- decode (before any other check, like the real handler) ---
  let req: IncomingWebhookRequest | undefined;
  const ct = contentTypeHeader ?? '';
  let media = '';
  if (ct !== '') {
    const m = mediaType(ct);
    if (m === undefined) return appError(ctx, 400, 'api.webhook.incoming.error', 'Could not parse the Content-Type of the incoming webhook.');
    media = m;
  }
  if (media === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(body).get('payload') ?? '';
    req = parseWebhookJson(payload, decodeBehaviour(state.config));
  } else if (media === 'multipart/form-data') {
    return appError(ctx, 400, 'api.webhook.incoming.error', 'Could not decode the multipart payload of incoming webhook (the sandbox does not implement multipart).');
  } else {
    req = parseWebhookJson(body, decodeBehaviour(state.config));
  }
  if (!req) return appError(ctx, 400, 'model.incoming_hook.parse_data.app_error');

  // --- HandleIncomingWebhook ---
  if (!state.config.enableIncomingWebhooks) return appError(ctx, 501, 'web.incoming_webhook.disabled.app_error');
  const profile = profileOf(state.config);
  if (noTextSpecified({ text: req.text, attachments: req.attachments, props: req.props }, profile)) return appError(ctx, 400, 'web.incoming_webhook.text.app_error');
  const hook = state.hooks.get(hookId);
  if (!hook) return appError(ctx, 400, 'web.incoming_webhook.invalid.app_error');

  const text = slackExpand(req.text, state);
  const attachments = req.attachments?.map(a => {
    const out = { ...a };
    for (const k of ['pretext', 'text', 'title']) if (typeof out[k] === 'string') out[k] = slackExpand(out[k], state);
    if (Array.isArray(out.fields)) {
      out.fields = (out.fields as Array<Record<string, unknown> | null>).map(f => (f && typeof f.value === 'string' ? { ...f, value: slackLinksToMarkdown(slackExpand(f.value, state)) } : f));
    }
    for (const k of ['text', 'pretext']) if (typeof out[k] === 'string') out[k] = slackLinksToMarkdown(out[k]);
    return out;
  });
  let postType = req.type;
  const props: Record<string, unknown> = {};
  if (req.props) {
    for (const [k, v] of Object.entries(req.props)) {
      if (WEBHOOK_DROPPED_PROPS.includes(k)) continue;
      props[k] = v;
    }
  }
  if (attachments && attachments.length > 0) {
    props.attachments = attachments;
    postType = 'slack_attachment';
  }

  // --- channel resolution ---
  let channel: ChannelRecord | undefined;
  const override = req.channel;
  if (override !== '') {
    if (override.startsWith('@')) {
      const name = override.slice(1);
      const user = [...state.users.values()].find(u => u.username === name);
      if (!user) return appError(ctx, 400, 'web.incoming_webhook.user.app_error');
      channel = directChannel(state, hook.user_id, user.id);
    } else {
      const name = override.startsWith('#') ? override.slice(1) : override;
      channel = findChannelByName(state, hook.team_id, name);
      if (!channel) return appError(ctx, 404, 'web.incoming_webhook.channel.app_error');
    }
  } else {
    channel = state.channels.get(hook.channel_id);
    if (!channel) return appError(ctx, 404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  }
  if (hook.channel_locked && channel.id !== hook.channel_id) return appError(ctx, 403, 'web.incoming_webhook.channel_locked.app_error');
  if (!state.users.get(hook.user_id)) return appError(ctx, 403, 'web.incoming_webhook.user.app_error');
  if ((channel.type === 'P' || channel.type === 'D') && !channel.members.has(hook.user_id)) {
    return appError(ctx, 403, 'web.incoming_webhook.permissions.app_error');
  }

  // --- CreateWebhookPost ---
  // the action registry check, before the split (MM_BLOCKS.md §3.3): the server model's verdict and exact error
  const blocks = readBlocks({ text: req.text, attachments: req.attachments, props: req.props }, { kind: 'incoming', profile });
  const refused = blocks.pairing.serverError;
  if (refused) return appError(ctx, refused.status, refused.id, undefined, state.config.enableDeveloper ? refused.message : '');
  props.from_webhook = 'true';
  props.webhook_display_name = hook.display_name;
  const cfg = state.config;
  if (cfg.enablePostUsernameOverride) {
    const u = req.username || hook.username || 'webhook';
    props.override_username = u;
  }
  if (cfg.enablePostIconOverride) {
    const icon = req.icon_url || hook.icon_url;
    if (icon) props.override_icon_url = icon;
    if (req.icon_emoji && supports(cfg, 'icon-emoji')) props.override_icon_emoji = req.icon_emoji;
  }
  const metadata: Record<string, unknown> = {};
  if (req.priority) {
    if (req.priority.priority === null) return appError(ctx, 400, 'api.context.invalid_param.app_error', 'Invalid webhook.priority.priority parameter.');
    metadata.priority = req.priority;
  }
  const refusedType = refusedPostType('incoming', { type: postType, attachments });
  if (refusedType === 'system') return appError(ctx, 400, 'api.context.invalid_param.app_error', 'Invalid post.type parameter.');
  if (refusedType === 'unknown') return appError(ctx, 500, 'api.post.create_webhook_post.creating.app_error');

  const chunks = splitRunes(slackLinksToMarkdown(text), maxPostRunes(cfg));
  const now = Date.now();
  chunks.forEach((chunk, i) => {
    const last = i === chunks.length - 1;
    const p: Record<string, unknown> = { ...props };
    // attachments, blocks and the registry go on the last post of a split (MM_BLOCKS.md §4)
    if (!last) for (const k of ['attachments', 'mm_blocks', 'blocks', 'cards', 'mm_blocks_actions']) delete p[k];
    const post: PostRecord = {
      id: newId(), create_at: now + i, update_at: now + i, edit_at: 0, delete_at: 0, user_id: hook.user_id,
      channel_id: channel.id, root_id: '', message: chunk, type: postType, props: p, hashtags: '', pending_post_id: '', metadata,
    };
    state.posts.push(post);
  });
  sendText(ctx, 200, 'ok');
}
