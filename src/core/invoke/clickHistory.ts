/**
 * Clicks in the send history (issue 14 item 6): what a click on an attachment action or a block control
 * sent, kept so that Resend sends the same action request again (with a fresh trigger_id) even when the
 * clicked document is gone. Actions carry no token; a record whose text looks like a secret is not kept
 * (historyRecord drops it) and then cannot be resent.
 */
import type { SendRecord } from '../mattermost/send';
import { redactUrl } from '../mattermost/redact';
import type { InvokeContext } from './context';

/** What a click sent, as stored in the history record's `text`. */
export interface StoredClick {
  /** 'attachment': an attachment action (§3.3 of MATTERMOST_RULES.md); 'block': an MM Blocks control. */
  source: 'attachment' | 'block';
  /** The button's or menu's name, for the history list. */
  name: string;
  /** integration.url, or the registry url with its query merged in. */
  url: string;
  context: Record<string, unknown>;
  /** The request's `type` ("button" or "select"; always "button" for blocks). */
  type: 'button' | 'select';
  selectedOption?: string;
  dataSource: string;
  postId: string;
  who: InvokeContext;
}

type ClickTarget = Extract<SendRecord['target'], { type: 'invoke' }>;

/** The history entry of a click: its target (the integration, redacted), status and summary, and what to resend. */
export function clickRecord(c: StoredClick, at: number, durationMs: number, status: number | undefined, outcome: 'sent' | 'failed', summary: string): Omit<SendRecord, 'id'> {
  const target: ClickTarget = { type: 'invoke', what: 'action', name: c.name, redactedUrl: redactUrl(c.url) };
  return {
    at, target, status: outcome, detail: `${status ?? 'no answer'}: ${summary}`, durationMs,
    file: `${c.source === 'block' ? 'block' : 'button'} "${c.name}"${c.selectedOption !== undefined ? ` → ${c.selectedOption}` : ''}`,
    text: JSON.stringify(c),
  };
}

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

/** The stored click of a history record's text, or undefined when it was not kept (or is not a click). */
export function storedClick(text: string | undefined): StoredClick | undefined {
  if (text === undefined) return undefined;
  let v: unknown;
  try { v = JSON.parse(text); } catch { return undefined; }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const c = v as Record<string, unknown>;
  const who = c.who as Record<string, unknown> | undefined;
  const whoKeys = ['team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name'];
  if ((c.source !== 'attachment' && c.source !== 'block') || !isStr(c.name) || !isStr(c.url) || !isStr(c.postId) || !isStr(c.dataSource)) return undefined;
  if (c.type !== 'button' && c.type !== 'select') return undefined;
  if (!c.context || typeof c.context !== 'object' || Array.isArray(c.context)) return undefined;
  if (c.selectedOption !== undefined && !isStr(c.selectedOption)) return undefined;
  if (!who || typeof who !== 'object' || !whoKeys.every(k => isStr(who[k]))) return undefined;
  return c as unknown as StoredClick;
}
