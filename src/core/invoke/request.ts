/**
 * The requests Mattermost sends to an integration, built exactly as the reference says:
 * slash commands (MATTERMOST_RULES.md §4.3 "Outbound request"), outgoing webhooks (§4.4 "Outbound
 * payload") and interactive actions (§3.3). Pure: building never sends.
 */
import { type InvokeContext, newId, newTriggerId } from './context';

export interface InvokeRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** undefined for GET. */
  body?: string;
  /** The trigger id issued with this request (commands and actions), so a dialog opened with it can be recognised. */
  triggerId?: string;
}

const FORM = 'application/x-www-form-urlencoded';

export class InvokeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvokeInputError';
  }
}

/** An http(s) URL with no credentials in it, or an InvokeInputError. */
export function parseEndpoint(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvokeInputError(`"${url}" is not a URL; give the integration's full http:// or https:// address.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvokeInputError(`${u.protocol}// is not supported: Mattermost calls integrations over http:// or https://.`);
  if (u.username || u.password) throw new InvokeInputError('The URL must not carry a user name or password.');
  return u;
}

function form(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}

export interface CommandInput {
  url: string;
  method: 'POST' | 'GET';
  token: string;
  /** The command's trigger word, without the slash. */
  trigger: string;
  /** What the user typed after the trigger. */
  text: string;
  /** Where delayed answers go (the local receiver's hook URL). */
  responseUrl: string;
  context: InvokeContext;
  /** The trigger id to send (the session receiver issues it, so a dialog opened with it is recognised); default: a fresh one. */
  triggerId?: string;
}

/**
 * A slash command: form fields token, team_id, team_domain, channel_id, channel_name, user_id,
 * user_name, command, text, trigger_id, response_url; `Authorization: Token <token>`; POST with a
 * form body, or GET with the fields appended to the URL's query.
 */
export function commandRequest(i: CommandInput): InvokeRequest {
  const u = parseEndpoint(i.url);
  const triggerId = i.triggerId ?? newTriggerId(i.context.user_id).triggerId;
  const c = i.context;
  const fields: [string, string][] = [
    ['token', i.token],
    ['team_id', c.team_id],
    ['team_domain', c.team_domain],
    ['channel_id', c.channel_id],
    ['channel_name', c.channel_name],
    ['user_id', c.user_id],
    ['user_name', c.user_name],
    ['command', `/${i.trigger.replace(/^\//, '')}`],
    ['text', i.text],
    ['trigger_id', triggerId],
    ['response_url', i.responseUrl],
  ];
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Token ${i.token}` };
  if (i.method === 'GET') {
    u.search = u.search ? `${u.search.slice(1)}&${form(fields)}` : form(fields);
    return { method: 'GET', url: u.href, headers, triggerId };
  }
  return { method: 'POST', url: u.href, headers: { ...headers, 'Content-Type': FORM }, body: form(fields), triggerId };
}

export interface OutgoingInput {
  url: string;
  contentType: 'form' | 'json';
  token: string;
  triggerWord: string;
  /** The whole message that fired the hook (it starts with, or contains, the trigger word). */
  text: string;
  context: InvokeContext;
  /** Milliseconds since the epoch when the triggering post was made (default: now). */
  now?: number;
}

/**
 * An outgoing webhook: token, team_id, team_domain, channel_id, channel_name, timestamp, user_id,
 * user_name, post_id, text, trigger_word, file_ids; form-encoded with `timestamp` in seconds, or JSON
 * with `timestamp` in milliseconds.
 */
export function outgoingRequest(i: OutgoingInput): InvokeRequest {
  const u = parseEndpoint(i.url);
  const c = i.context;
  const ms = i.now ?? Date.now();
  const postId = newId();
  if (i.contentType === 'json') {
    const body = JSON.stringify({
      token: i.token, team_id: c.team_id, team_domain: c.team_domain, channel_id: c.channel_id, channel_name: c.channel_name,
      timestamp: ms, user_id: c.user_id, user_name: c.user_name, post_id: postId, text: i.text, trigger_word: i.triggerWord, file_ids: '',
    });
    return { method: 'POST', url: u.href, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body };
  }
  const body = form([
    ['token', i.token], ['team_id', c.team_id], ['team_domain', c.team_domain], ['channel_id', c.channel_id], ['channel_name', c.channel_name],
    ['timestamp', String(Math.floor(ms / 1000))], ['user_id', c.user_id], ['user_name', c.user_name], ['post_id', postId], ['text', i.text],
    ['trigger_word', i.triggerWord], ['file_ids', ''],
  ]);
  return { method: 'POST', url: u.href, headers: { 'Content-Type': FORM, Accept: 'application/json' }, body };
}

export interface ActionInput {
  /** integration.url of the button or select. */
  url: string;
  /** integration.context, as the payload has it (an object). */
  context: Record<string, unknown>;
  /** "button" or "select". */
  type?: 'button' | 'select';
  /** A select's chosen option: sent as context.selected_option. */
  selectedOption?: string;
  dataSource?: string;
  postId?: string;
  who: InvokeContext;
  /** As CommandInput.triggerId. */
  triggerId?: string;
}

/**
 * A click on an interactive button or select: POST JSON {user_id, user_name, channel_id, channel_name,
 * team_id, team_domain, post_id, trigger_id, type, data_source, context}; a select adds
 * context.selected_option (§3.3).
 */
export function actionRequest(i: ActionInput): InvokeRequest {
  const u = parseEndpoint(i.url);
  const w = i.who;
  const triggerId = i.triggerId ?? newTriggerId(w.user_id).triggerId;
  const context = i.selectedOption !== undefined ? { ...i.context, selected_option: i.selectedOption } : i.context;
  const body = JSON.stringify({
    user_id: w.user_id, user_name: w.user_name, channel_id: w.channel_id, channel_name: w.channel_name, team_id: w.team_id,
    team_domain: w.team_domain, post_id: i.postId ?? newId(), trigger_id: triggerId, type: i.type ?? 'button', data_source: i.dataSource ?? '', context,
  });
  return { method: 'POST', url: u.href, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body, triggerId };
}
