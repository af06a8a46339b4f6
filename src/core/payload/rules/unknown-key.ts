// Follows MATTERMOST_RULES.md §1.1 (ignored keys), §2.1 (attachment keys not modelled), §6.2 (REST `filenames`),
// §8 (keys older servers do not know yet) and §9.1 (incoming-webhook keys newer than 11.6).
import type { Kind, Severity } from '../problem';
import { BEHAVIOURS, type BehaviourId, onServer, type Profile, support } from '../../server/profile';
import type { Shape } from '../../server/shapes';
import { ALL_KINDS, JsonPath, Rule, RuleContext } from './types';
import { actions, get, has, label, responses } from './walk';

export const unknownKey: Rule = {
  id: 'unknown-key',
  severity: 'warning',
  description: 'A key the server does not know at that place (top-level "blocks", "mrkdwn", "channel" in an outgoing response, …), which it silently ignores.',
  kinds: ALL_KINDS,
  dependsOn: ['extra-responses', 'skip-slack-parsing', 'webhook-priority', 'action-tooltip', 'webhook-root-id', 'webhook-silent', 'dialog-file-elements'],
  decoded(ctx) {
    const found = ctx.read.norm?.unknown;
    if (found === undefined) return;
    for (let i = 0; i < found.length; i++) {
      const u = found[i];
      if (u.path.length === 1 && u.key === '$schema') continue;
      if (handledElsewhere(ctx.kind, u.path, u.key)) continue;
      if (fileElementKey(ctx.kind, ctx.read.norm?.value, u.path, u.key) && support(ctx.profile, 'dialog-file-elements') === 'yes') continue;
      if (ctx.kind === 'incoming' && u.path.length === 1 && NEWER[u.key]) {
        ctx.report({ path: u.path, target: 'key', severity: 'information', message: newerMessage(ctx.profile, u.key) });
        continue;
      }
      ctx.report({ path: u.path, target: 'key', message: unknownKeyMessage(ctx.kind, u.path, u.key, u.parent), severity: unknownKeySeverity(ctx.kind, u.path, u.key) });
    }
  },
  check(ctx) {
    // Keys the current model knows but that the target server is too old for (§8): ignored there.
    const profile = ctx.profile;
    if (ctx.kind === 'command') {
      if (has(ctx.root, 'extra_responses')) olderServer(ctx, ['extra_responses'], 'extra-responses', 'the extra responses are not posted');
      const list = responses(ctx.root, ctx.kind);
      for (let k = 0; k < list.length; k++) {
        const r = list[k];
        if (r.v.skip_slack_parsing === true) olderServer(ctx, [...r.path, 'skip_slack_parsing'], 'skip-slack-parsing', 'the Slack processing (<url|text> links, <!channel> mentions) always runs on the text');
      }
    }
    if ((ctx.kind === 'incoming' || ctx.kind === 'outgoing') && has(ctx.root, 'priority')) {
      olderServer(ctx, ['priority'], 'webhook-priority', 'the post is made without a priority');
    }
    if (support(profile, 'action-tooltip') === 'no') {
      const items = actions(ctx.root, ctx.kind);
      for (let k = 0; k < items.length; k++) {
        const a = items[k];
        if (has(a.v, 'tooltip')) olderServer(ctx, [...a.path, 'tooltip'], 'action-tooltip', 'the button has no hover text');
      }
    }
  },
};

/** Incoming-webhook keys of servers newer than 11.6 (§9.1), with what they do there. */
const NEWER: Readonly<Record<string, { id: BehaviourId; does: string }>> = {
  root_id: { id: 'webhook-root-id', does: 'to post into a thread' },
  silent: { id: 'webhook-silent', does: 'to post without notifications' },
};

function newerMessage(profile: Profile, key: string): string {
  const n = NEWER[key];
  const after = BEHAVIOURS.find(x => x.id === n.id)?.after ?? '';
  return support(profile, n.id) === 'maybe'
    ? `${cap(onServer(profile))}, Mattermost may read \`${key}\` ${n.does}: servers after ${after} may use it, but it is not tied to a release yet; up to ${after} it is ignored.`
    : `${cap(onServer(profile))}, Mattermost ignores \`${key}\` in an incoming webhook; a newer server (after ${after}) may use it ${n.does}.`;
}

/**
 * A key the target server is too old to read: ignored there. The message names the server and the release
 * that added the key; "may" where the reference gives that release only approximately (§8 ≈).
 */
function olderServer(ctx: RuleContext, path: JsonPath, id: BehaviourId, loss: string): void {
  const profile: Profile = ctx.profile;
  if (support(profile, id) !== 'no') return;
  const b = BEHAVIOURS.find(x => x.id === id);
  const since = b?.since ?? '';
  const key = String(path[path.length - 1]);
  const message = b?.approximate
    ? `${cap(onServer(profile))}, \`${key}\` may be ignored: it is read only since about Mattermost ${since}, so ${loss}.`
    : `${cap(onServer(profile))}, \`${key}\` is ignored: it is read only since Mattermost ${since}, so ${loss}.`;
  ctx.report({ path, target: 'key', message });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Keys Slack tools send that Mattermost ignores without anything visible being lost: information,
 * not warning (a Slack habit). Top level, and inside an attachment.
 */
const SLACK_HABIT_TOP = new Set(['mrkdwn', 'link_names', 'unfurl_links', 'unfurl_media', 'fallback']);
const SLACK_HABIT_ATTACHMENT = new Set(['callback_id', 'attachment_type']);

/** The severity of an unknown key: information for ignored Slack habits, else the rule's warning. */
function unknownKeySeverity(kind: Kind, path: JsonPath, key: string): Severity | undefined {
  if (kind === 'dialog' || kind === 'post') return undefined;
  if (path.length === 1 && SLACK_HABIT_TOP.has(key)) return 'information';
  const inAttachment = typeof path[path.length - 2] === 'number' && path[path.length - 3] === 'attachments';
  if (inAttachment && SLACK_HABIT_ATTACHMENT.has(key)) return 'information';
  return undefined;
}

/** `allow_multiple` on a dialog `file` element: read by the servers that have file elements (docs: ≈ 11.10). */
function fileElementKey(kind: Kind, root: unknown, path: JsonPath, key: string): boolean {
  if (kind !== 'dialog' || key !== 'allow_multiple' || path.length !== 4 || path[0] !== 'dialog' || path[1] !== 'elements') return false;
  const elements = get(get(root, 'dialog'), 'elements');
  const e: unknown = Array.isArray(elements) ? elements[path[2] as number] : undefined;
  return get(e, 'type') === 'file';
}

/** Keys reported by a more specific rule instead (Slack habits, webhook-shaped REST posts). */
function handledElsewhere(kind: Kind, path: JsonPath, key: string): boolean {
  const parent = path[path.length - 2];
  const inAttachment = typeof parent === 'number' && path[path.length - 3] === 'attachments';
  if (inAttachment && (key.toLowerCase() === 'mrkdwn_in' || key.toLowerCase() === 'blocks')) return true;
  if (kind === 'post' && path.length === 1 && (key === 'text' || key === 'attachments')) return true;
  return false;
}

const TOP: Record<string, string> = {
  blocks: 'Mattermost ignores top-level Block Kit `blocks`: only `text` and `attachments` are shown (newer servers read Block Kit only from `props.blocks`).',
  mrkdwn: 'Mattermost ignores `mrkdwn`: text is always rendered as Markdown.',
  link_names: 'Mattermost ignores `link_names`: @mentions in the text always notify.',
  unfurl_links: 'Mattermost ignores `unfurl_links`: link previews follow the server and user settings.',
  unfurl_media: 'Mattermost ignores `unfurl_media`: link previews follow the server and user settings.',
  fallback: 'Mattermost ignores a top-level `fallback` (a Slack habit): notifications use `text`, and each attachment has its own `fallback`.',
  thread_ts: 'Mattermost ignores the Slack `thread_ts`: a webhook cannot reply in a thread this way.',
  root_id: 'Mattermost ignores `root_id` in a webhook request: it cannot reply in a thread this way.',
  as_user: 'Mattermost ignores `as_user`: the post is made by the hook\'s creator.',
};

const OTHER_KIND: Partial<Record<Kind, Record<string, string>>> = {
  incoming: {
    response_type: 'Mattermost ignores `response_type` in an incoming webhook (it is a slash-command field); the message is always posted to the channel.',
    channel_id: 'Mattermost ignores `channel_id` in an incoming webhook; use `channel` with a channel name.',
    extra_responses: 'Mattermost ignores `extra_responses` in an incoming webhook (it is a slash-command field).',
    message: 'Mattermost ignores `message` in an incoming webhook; the message goes in `text`.',
  },
  outgoing: {
    channel: 'Mattermost ignores `channel` in an outgoing-webhook response: the reply always goes to the channel of the triggering post.',
    channel_id: 'Mattermost ignores `channel_id` in an outgoing-webhook response: the reply always goes to the channel of the triggering post.',
    icon_emoji: 'Mattermost ignores `icon_emoji` in an outgoing-webhook response (only `icon_url` is read).',
    extra_responses: 'Mattermost ignores `extra_responses` in an outgoing-webhook response (only slash commands have them).',
    message: 'Mattermost ignores `message` in an outgoing-webhook response; the reply goes in `text`.',
  },
  command: {
    channel: 'Mattermost ignores `channel` in a slash-command response; use `channel_id` with a channel id.',
    icon_emoji: 'Mattermost ignores `icon_emoji` in a slash-command response (only `icon_url` is read).',
    message: 'Mattermost ignores `message` in a slash-command response; the message goes in `text`.',
  },
  post: {
    username: 'Mattermost ignores `username` in a REST post: the post is made by the authenticated user.',
    icon_url: 'Mattermost ignores `icon_url` in a REST post: overrides exist only for webhooks and commands.',
    channel: 'Mattermost ignores `channel` in a REST post; use `channel_id` with a channel id.',
    filenames: 'Mattermost ignores `filenames` in a REST post (the field is never read from JSON), so no file is attached; attach uploaded files with `file_ids`.',
  },
};

const ATTACHMENT: Record<string, string> = {
  callback_id: 'Mattermost ignores the Slack `callback_id`; put what your integration needs in each action\'s `integration.context`.',
  attachment_type: 'Mattermost ignores the Slack `attachment_type`.',
  author_subname: 'Mattermost ignores `author_subname`.',
};

let row = new Int32Array(32);

/** Levenshtein distance (one reused row, no allocation). */
function distance(a: string, b: string): number {
  const m = b.length;
  if (row.length <= m) row = new Int32Array(m + 1);
  const dp = row;
  for (let j = 0; j <= m; j++) dp[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const tmp = dp[j];
      const sub = prev + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = dp[j] + 1;
      const ins = dp[j - 1] + 1;
      dp[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      prev = tmp;
    }
  }
  return dp[m];
}

/**
 * "Did you mean" per struct shape and key, remembered: the same unknown key (a typo repeated in every
 * attachment) is looked up once. Bounded, since keys come from the documents.
 */
const suggestions = new Map<Shape, Map<string, string>>();

function suggestion(key: string, parent: Shape): string {
  let byShape = suggestions.get(parent);
  if (byShape === undefined) suggestions.set(parent, (byShape = new Map<string, string>()));
  let hint = byShape.get(key);
  if (hint !== undefined) return hint;
  hint = '';
  let best: string | undefined;
  let bestD = 3;
  const lower = key.toLowerCase();
  for (const name of parent.fields!.keys()) {
    // the distance is at least the difference in length: skip names that cannot beat the best
    if (Math.abs(lower.length - name.length) >= bestD) continue;
    const d = distance(lower, name);
    if (d < bestD) {
      best = name;
      bestD = d;
    }
  }
  if (best && bestD <= (key.length > 4 ? 2 : 1)) hint = ` (did you mean \`${best}\`?)`;
  if (byShape.size >= 1000) byShape.clear();
  byShape.set(key, hint);
  return hint;
}

/** The message for an unknown key at `path` (canonical, ending with the key). */
function unknownKeyMessage(kind: Kind, path: JsonPath, key: string, parent: Shape): string {
  if (path.length === 1) {
    const special = OTHER_KIND[kind]?.[key] ?? TOP[key];
    if (special) return special;
  }
  const inAttachment = typeof path[path.length - 2] === 'number' && path[path.length - 3] === 'attachments';
  if (inAttachment && ATTACHMENT[key]) return ATTACHMENT[key];
  const where = path.length === 1 ? '' : ` in ${label(path.slice(0, -1))}`;
  const hint = parent.fields ? suggestion(key, parent) : '';
  return `Mattermost ignores the unknown key \`${key}\`${where}${hint}.`;
}
