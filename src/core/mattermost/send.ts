/**
 * The send rules, as pure functions and small classes over a Memento-like store: when to ask before a
 * send, how targets are keyed and remembered, what a Resend targets, the "lint gate" (which errors stop
 * a send, which the user already accepted with "Send Anyway"), and the send history's records.
 *
 * The editor adapters (src/vscode/commands/send.ts, webhooks.ts) ask the questions these functions
 * return and store what they say to store; they hold no rule of their own. Unit tests:
 * test/unit/send/.
 */
import { createHash } from 'crypto';
import type { Kind, Problem } from '../payload/problem';
import { type Profile, sameProfile } from '../server/profile';
import { isLoopbackHost } from './origin';
import { redact } from './redact';
import type { Channel, TokenKind } from './types';

/** The part of VS Code's Memento the send rules need (workspace state). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** A modal question: the message, its detail, and the one choice that goes ahead. */
export interface Question { message: string; detail: string; go: string }

// ------------------------------------------------------------------ targets

export type SendTarget =
  | { type: 'webhook'; name: string; redactedUrl: string }
  | { type: 'api'; origin: string; channel: string; channelId: string; teamName?: string }
  /**
   * An integration invoked as Mattermost would (issue 14): a named definition (`file` records the text
   * typed), a dialog submission (`name` is its title), or a click on a button or menu (`name` is the
   * control's, `text` the stored click).
   */
  | { type: 'invoke'; what: 'command' | 'outgoing' | 'dialog' | 'action'; name: string; redactedUrl: string };

const INVOKED: Record<'command' | 'outgoing' | 'dialog' | 'action', string> = {
  command: 'slash command',
  outgoing: 'outgoing webhook',
  dialog: 'dialog',
  action: 'the integration of',
};

export function describeTarget(t: SendTarget): string {
  if (t.type === 'invoke') return `${INVOKED[t.what]} "${t.name}" (${t.redactedUrl})`;
  return t.type === 'webhook' ? `webhook "${t.name}" (${t.redactedUrl})` : `~${t.channel} on ${t.origin}`;
}

/**
 * A webhook target is its name AND its URL: a name that now points elsewhere is a new target. The URL
 * is only kept as a short hash (workspace state is not secret storage).
 */
export function webhookTargetKey(name: string, url: string): string {
  return `webhook:${name}:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/** An API target is the server's origin and the channel's id (not its name, which can change). */
export function apiTargetKey(origin: string, channelId: string): string {
  return `api:${origin}:${channelId}`;
}

export const SENT_TARGETS_KEY = 'mattermostPayloads.sentTargets';

/** The targets this workspace has sent to successfully (workspace state). */
export class SentTargets {
  constructor(private readonly state: StateStore) {}

  all(): string[] { return this.state.get<string[]>(SENT_TARGETS_KEY) ?? []; }

  has(key: string): boolean { return this.all().includes(key); }

  /** Called only after a successful send: a failed or cancelled one still asks next time. */
  async remember(key: string): Promise<void> {
    const sent = this.all();
    if (!sent.includes(key)) await this.state.update(SENT_TARGETS_KEY, [...sent, key]);
  }
}

// ------------------------------------------------------------------ confirmation

export interface ConfirmationInput {
  /** Where the request goes (webhook URL or server origin). */
  url: URL;
  /** The target's key; undefined for a send that is never remembered (a webhook test message). */
  targetKey: string | undefined;
  /** Whether this workspace has sent to targetKey before (SentTargets.has). */
  sentBefore: boolean;
  /** Setting mattermostPayloads.confirmBeforeSend. */
  confirmBeforeSend: boolean;
  /** How the question names the target, e.g. `webhook "alerts"`. */
  label: string;
  /** What the server will drop from this send (registryLoss): always asked, and said in the question. */
  loss?: string;
}

/** Plain http:// to a host that is not this machine: the payload and any credential can be read on the way. */
function isPlainHttpToRemote(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/**
 * The question to ask before a send, or undefined to send without asking: always before plain http
 * to a non-loopback host; before the first send to a target from this workspace when the setting is on.
 */
export function confirmation(i: ConfirmationInput): Question | undefined {
  const plainHttp = isPlainHttpToRemote(i.url);
  const first = i.targetKey !== undefined && !i.sentBefore;
  if (!plainHttp && !(first && i.confirmBeforeSend) && !i.loss) return undefined;
  const why = plainHttp
    ? 'This is plain http:// to a host that is not this machine: the payload and any credential can be read on the way.'
    : first && i.confirmBeforeSend
      ? 'This is the first send to this target from this workspace (setting mattermostPayloads.confirmBeforeSend).'
      : '';
  return {
    message: `Send the payload to ${i.label}?`,
    detail: [i.loss, why].filter(Boolean).join('\n\n'),
    go: i.loss ? 'Send Anyway' : 'Send',
  };
}

/**
 * What the server removes from a REST post because of who sends it: `props.mm_blocks_actions` is deleted
 * unless the session is an integration (bot, personal access token, OAuth app); a password session's post
 * is still created, with buttons that do nothing (MM_BLOCKS.md §3.5). Undefined when nothing is lost.
 */
export function registryLoss(body: { props?: Record<string, unknown> }, tokenKind: TokenKind): string | undefined {
  if (tokenKind !== 'session' || !body.props || !('mm_blocks_actions' in body.props)) return undefined;
  return 'You are logged in with a password: Mattermost (11.10 and later) removes props.mm_blocks_actions from posts made in a user session, ' +
    'so the post is created but its buttons and menus do nothing. Log in with a personal access token (or send as a bot) to keep the actions.';
}

// ------------------------------------------------------------------ what is sent as what

/** Webhooks take incoming-webhook payloads: the question before sending another kind, if any. */
export function webhookKindQuestion(kind: Kind | undefined): Question | undefined {
  if (!kind || kind === 'incoming') return undefined;
  return { message: `This is a ${kind} payload, but webhooks take incoming-webhook payloads.`, detail: 'Mattermost will read it as an incoming webhook.', go: 'Send Anyway' };
}

/** Why a payload of this kind cannot go through the REST API, if it cannot. */
export function apiRefusal(kind: Kind | undefined): string | undefined {
  return kind === 'dialog' ? 'A dialog is opened by an integration with a trigger id, not posted to a channel.' : undefined;
}

/** The kind a payload is linted as before a send through the REST API (not a payload file: a post). */
export function apiLintKind(kind: Kind | undefined): Kind {
  return kind ?? 'post';
}

/**
 * Whether the converted REST body is linted again as a post: what the API itself refuses (it does not
 * split long messages as webhooks do). A post payload is sent as it is, so it was linted as a post already.
 */
export function lintsConvertedBody(kind: Kind | undefined): boolean {
  return kind !== 'post';
}

// ------------------------------------------------------------------ lint gate

/** Rule ids of errors the user accepted with "Send Anyway" during this send. */
export type AcceptedErrors = ReadonlySet<string>;

export type LintGate =
  | { ask: undefined; accepted: AcceptedErrors }
  | { ask: Question & { showProblems: string }; errors: Problem[]; acceptedIfSent: AcceptedErrors };

/**
 * The lint gate: if Mattermost would reject the payload (an error not accepted yet), the question to
 * ask, with "Send Anyway" (which accepts these errors) and "Show Problems"; otherwise go on with what
 * was accepted so far. Errors of rules in `accepted` were already shown and accepted: they never ask
 * again (e.g. after the conversion for the REST API).
 */
export function lintGate(problems: readonly Problem[], accepted: AcceptedErrors = new Set(), what = 'this payload'): LintGate {
  const errors = problems.filter(p => p.severity === 'error' && !accepted.has(p.rule));
  if (errors.length === 0) return { ask: undefined, accepted };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    ask: { message: `Mattermost will reject ${what}: ${errors[0].message}${more}`, detail: 'See the Problems panel for every problem.', go: 'Send Anyway', showProblems: 'Show Problems' },
    errors,
    acceptedIfSent: new Set([...accepted, ...errors.map(e => e.rule)]),
  };
}

/** What the editor's latest lint of a document found, and what it linted it as. */
export interface LintResult { kind: Kind; disabledRules: readonly string[]; problems: Problem[] }

/**
 * The editor's latest lint result, when it answers the question the send asks: same kind, same
 * disabled rules, and the editor linted against the same server profile as the send's destination
 * (`profiles`: the editor's and the send's; the version is matched by whoever keeps the result).
 * Otherwise undefined: lint again.
 */
export function reusableProblems(latest: LintResult | undefined, kind: Kind, disabledRules: readonly string[], profiles?: { editor: Profile; send: Profile }): Problem[] | undefined {
  if (!latest || latest.kind !== kind) return undefined;
  if (profiles && !sameProfile(profiles.editor, profiles.send)) return undefined;
  const a = [...new Set(latest.disabledRules)].sort();
  const b = [...new Set(disabledRules)].sort();
  return a.length === b.length && a.every((r, i) => r === b[i]) ? latest.problems : undefined;
}

// ------------------------------------------------------------------ destinations

/**
 * The server origin a send goes to, for the lint gate's profile (profileForDestination): a webhook's URL
 * origin, the API's recorded (resend) or chosen account origin, else the editor's destination for the
 * file (mattermostPayloads.server, else the current account). Undefined when none is known.
 */
export function sendOrigin(to: { webhookUrl?: string; apiOrigin?: string; editorDestination?: string }): string | undefined {
  if (to.webhookUrl !== undefined) {
    try {
      return new URL(to.webhookUrl).origin;
    } catch {
      return undefined;
    }
  }
  return to.apiOrigin ?? to.editorDestination;
}

/** setting mattermostPayloads.defaultChannel: `team/channel` by name. */
export function parseDefaultChannel(value: string): { team: string; channel: string } | undefined {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  return m ? { team: m[1], channel: m[2] } : undefined;
}

/**
 * Which webhook "Send Payload to Webhook" uses without asking: the default named in the settings when
 * it is stored here; otherwise the user picks (with a warning when the default is not stored here).
 */
export function defaultWebhook(preferred: string | undefined, stored: readonly { name: string }[]): { use: string } | { pick: true; warning?: string } {
  if (preferred && stored.some(h => h.name === preferred)) return { use: preferred };
  return preferred
    ? { pick: true, warning: `The default webhook "${preferred}" (mattermostPayloads.defaultWebhook) is not stored on this machine. Pick one, or add it under that name.` }
    : { pick: true };
}

export const LAST_CHANNEL_KEY = 'mattermostPayloads.lastChannel';
export interface LastChannel { origin: string; channelId: string }

export interface ChannelChoice { team: string; teamLabel: string; channel: Channel; lastUsed: boolean }

/**
 * The channels offered for a send via the API, team by team: open and private ones only (a post is
 * not sent to a direct message from here), the one last used on this server first.
 */
export function channelChoices(teams: readonly { team: { name: string; display_name: string }; channels: readonly Channel[] }[], origin: string, last: LastChannel | undefined): ChannelChoice[] {
  const all: ChannelChoice[] = [];
  for (const { team, channels } of teams) {
    for (const channel of channels) {
      if (channel.type !== 'O' && channel.type !== 'P') continue;
      all.push({ team: team.name, teamLabel: team.display_name || team.name, channel, lastUsed: last?.origin === origin && last.channelId === channel.id });
    }
  }
  const i = all.findIndex(c => c.lastUsed);
  if (i > 0) all.unshift(...all.splice(i, 1));
  return all;
}

// ------------------------------------------------------------------ resend

/** What a resend sends again: the recorded text (when kept), under the recorded file name, to the recorded target. */
export interface Resend { text?: string; file: string; target: SendTarget }

/** Resend of a history record: the question to ask first, and what to send. */
export function resendOf(r: SendRecord): { ask: Question; again: Resend; needsFile: boolean } {
  const what = r.text !== undefined ? 'the same payload as then' : `${r.file} as it is now`;
  return {
    ask: { message: `Resend to ${describeTarget(r.target)}?`, detail: `This sends ${what} again.`, go: 'Resend' },
    again: { text: r.text, file: r.file, target: r.target },
    // too large (or secret-looking) to keep: the file is read again, so it must still exist
    needsFile: r.text === undefined,
  };
}

/** The message when a resend needs its file and the file is gone. */
export function resendFileGone(r: SendRecord): string {
  return `${r.file} no longer exists, and the payload was too large to keep in the history.`;
}

/** A resend to a webhook name whose stored URL changed since: the question to ask, if so. */
export function webhookMovedQuestion(resend: Resend | undefined, now: Extract<SendTarget, { type: 'webhook' }>): Question | undefined {
  if (resend?.target.type !== 'webhook' || resend.target.redactedUrl === now.redactedUrl) return undefined;
  return {
    message: `Webhook "${now.name}" now points to ${now.redactedUrl}, not ${resend.target.redactedUrl} as when this was sent. Send there?`,
    detail: 'The stored URL for this name has changed since.',
    go: 'Send',
  };
}

/**
 * A resend via the API goes to the recorded server and channel, not to whatever the settings name now.
 * Undefined when the resend (if any) is not an API one.
 */
export function recordedChannel(resend: Resend | undefined): { origin: string; teamName: string; channel: Channel } | undefined {
  if (resend?.target.type !== 'api') return undefined;
  const t = resend.target;
  return {
    origin: t.origin,
    teamName: t.teamName ?? t.channel.split('/')[0],
    channel: { id: t.channelId, team_id: '', name: t.channel.split('/').pop() ?? t.channel, display_name: t.channel, type: 'O' },
  };
}

// ------------------------------------------------------------------ outcome and history

export interface SendOutcome { status: SendRecord['status'] | 'not sent'; detail: string; permalink?: string }

/** How a webhook's answer is recorded and shown: status and the start of the body. */
export function webhookDetail(status: number, body: string): string {
  return `${status} ${body.trim().slice(0, 40)}`;
}

export interface SendRecord {
  id: string;
  at: number;
  target: SendTarget;
  status: 'sent' | 'failed' | 'cancelled';
  /** Redacted one-line outcome: "200 ok", the advice shown, … */
  detail: string;
  durationMs: number;
  file: string;
  /** The exact text sent, kept for Resend when it is small enough. */
  text?: string;
}

export const HISTORY_KEY = 'mattermostPayloads.sendHistory';
export const HISTORY_LIMIT = 50;
/** Texts longer than this (in UTF-16 units) are not kept; Resend reads the file again. */
export const HISTORY_MAX_TEXT = 100 * 1024;

/**
 * A history record as stored: the detail redacted; the text kept for Resend only when small and free
 * of anything that looks like a secret (interactive payloads can carry callback tokens).
 */
export function historyRecord(input: Omit<SendRecord, 'id'>, id: string): SendRecord {
  return {
    ...input,
    id,
    detail: redact(input.detail),
    text: input.text !== undefined && input.text.length <= HISTORY_MAX_TEXT && redact(input.text) === input.text ? input.text : undefined,
  };
}

function randomId(at: number): string {
  return `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The last 50 sends of this workspace, redacted, newest first (workspace state). */
export class SendHistory {
  constructor(private readonly state: StateStore, private readonly newId: (at: number) => string = randomId) {}

  all(): SendRecord[] { return this.state.get<SendRecord[]>(HISTORY_KEY) ?? []; }

  async add(input: Omit<SendRecord, 'id'>): Promise<SendRecord> {
    const entry = historyRecord(input, this.newId(input.at));
    await this.state.update(HISTORY_KEY, [entry, ...this.all()].slice(0, HISTORY_LIMIT));
    return entry;
  }

  async clear(): Promise<void> { await this.state.update(HISTORY_KEY, []); }
}
