/**
 * Judges an integration's answer as the server does (MATTERMOST_RULES.md §4.2–4.4, §3.3), with the
 * server model (src/core/server) for every rule: what Mattermost would show, and the answer as a
 * payload document (`command`, `outgoing`, `post`) the linter and the preview read.
 */
import { lint } from '../payload/lint';
import type { Kind, Problem } from '../payload/problem';
import { readPayload } from '../server/decode';
import { commandAnswerIsJson, INTEGRATION_RESPONSE_LIMIT } from '../server/integrations';
import { postsOf } from '../server/toPost';

/** What came back over HTTP (at most the server's read limit, plus whether more was sent). */
export interface Answer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** More bytes were sent than the limit that was read. */
  over: boolean;
  /** A redirect's Location (redirects are reported, not followed). */
  location?: string;
}

/**
 * - shown: Mattermost shows the answer as its author meant;
 * - changed: it shows something, but not what was meant (a JSON answer shown as text, a cut body);
 * - failed: the command or click fails, or the answer is refused;
 * - nothing: nothing is shown or posted;
 * - no-answer: the integration could not be reached, or did not answer in time.
 */
type Outcome = 'shown' | 'changed' | 'failed' | 'nothing' | 'no-answer';

/** The answer as a payload document: linted and previewed like a file of that kind. */
export interface AnswerDocument {
  kind: Kind;
  text: string;
  /** What it is, e.g. "answer", "update", "ephemeral_text". */
  label: string;
  problems: Problem[];
}

export interface Verdict {
  outcome: Outcome;
  /** One or two sentences: what Mattermost would show or do, and why. */
  summary: string;
  status?: number;
  documents: AnswerDocument[];
  /** An action's answer (judgeAction): its ephemeral reply and where the client would go, as sent. */
  action?: { ephemeralText?: string; gotoLocation?: string };
}

/** 0 shown as meant (findings may be warnings), 1 failed, nothing or shown otherwise (or a lint error), 2 no answer. */
export function exitCodeOf(v: Verdict): 0 | 1 | 2 {
  if (v.outcome === 'no-answer') return 2;
  if (v.outcome !== 'shown') return 1;
  return v.documents.some(d => d.problems.some(p => p.severity === 'error')) ? 1 : 0;
}

function document(kind: Kind, text: string, label: string): AnswerDocument {
  return { kind, text, label, problems: lint(text, kind) };
}

function readText(a: Answer): { text: string; cut: boolean } {
  const cut = a.over || a.body.length > INTEGRATION_RESPONSE_LIMIT;
  return { text: a.body.subarray(0, INTEGRATION_RESPONSE_LIMIT).toString('utf8'), cut };
}

const MIB = '1 MiB';

/** The verdict for an integration that could not be reached or did not answer. */
export function noAnswer(what: 'command' | 'outgoing' | 'action', reason: string): Verdict {
  const fate = what === 'command'
    ? 'Mattermost would show that the command failed (500 api.command.execute_command.failed.app_error).'
    : what === 'outgoing' ? 'Mattermost would only log it and post nothing.' : 'The click would fail (400 api.post.do_action.action_integration.app_error).';
  return { outcome: 'no-answer', summary: `No answer: ${reason} ${fate}`, documents: [] };
}

function redirected(a: Answer): string {
  return `The integration answered ${a.status} with a redirect${a.location ? ` to ${a.location}` : ''}; this tool does not follow redirects (a real server's client may), so point the definition at the final URL.`;
}

/** The verdict for a slash-command answer (§4.2, §4.3); `kind` 'command' is also how delayed answers are read. */
export function judgeCommand(a: Answer, trigger = 'command'): Verdict {
  const status = a.status;
  if (status >= 300 && status < 400) return { outcome: 'failed', status, summary: redirected(a), documents: [] };
  if (status !== 200) {
    return { outcome: 'failed', status, documents: [], summary: `The integration answered ${status}, not 200: Mattermost shows that /${trigger} failed (500 api.command.execute_command.failed_resp.app_error) and ignores the body.` };
  }
  const { text, cut } = readText(a);
  if (!commandAnswerIsJson(a.contentType)) {
    const shown = JSON.stringify({ text }, null, 2) + '\n';
    const ct = a.contentType ? `"${a.contentType}"` : 'no Content-Type';
    if (text.trim() === '') {
      return { outcome: 'nothing', status, documents: [document('command', shown, 'answer shown as text')], summary: `The answer is empty (with ${ct}): Mattermost shows nothing.` };
    }
    const looksJson = readPayload(text, 'command').ok && /^\s*[{[]/.test(text);
    if (looksJson) {
      return { outcome: 'changed', status, documents: [document('command', shown, 'answer shown as text')], summary: `The answer is JSON but its Content-Type is ${ct}, not exactly "application/json": Mattermost shows the whole body as the text of an ephemeral message.` };
    }
    return {
      outcome: cut ? 'changed' : 'shown', status, documents: [document('command', shown, 'answer shown as text')],
      summary: cut ? `The text answer is over ${MIB}: Mattermost reads the first ${MIB} only and shows it as an ephemeral message.` : `A text answer (${ct}): Mattermost shows it as the text of an ephemeral message.`,
    };
  }
  const read = readPayload(text, 'command');
  if (!read.ok) {
    const why = read.decoded.empty ? 'the body is empty' : cut ? `the body is over ${MIB} and Mattermost reads only the first ${MIB}, which is not valid JSON` : `the body is not valid JSON (${read.decoded.reason})`;
    return { outcome: 'failed', status, documents: [document('command', text, 'answer')], summary: `Content-Type is application/json but ${why}: Mattermost shows that /${trigger} failed (500 api.command.execute_command.failed.app_error).` };
  }
  const doc = document('command', text, 'answer');
  return fromPosts('command', read.value, doc, status);
}

function fromPosts(kind: 'command' | 'outgoing', value: unknown, doc: AnswerDocument, status: number): Verdict {
  const errors = doc.problems.filter(p => p.severity === 'error');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { outcome: 'failed', status, documents: [doc], summary: errors[0]?.message ?? 'The answer is not a JSON object.' };
  }
  const posts = postsOf(kind, value as Record<string, unknown>);
  if (posts.refused) return { outcome: 'failed', status, documents: [doc], summary: posts.refused.reason };
  const shown = posts.responses.filter(r => !r.nothing);
  if (shown.length === 0) {
    return { outcome: 'nothing', status, documents: [doc], summary: posts.responses[0]?.nothing ?? 'Mattermost posts nothing for this answer.' };
  }
  if (errors.length) return { outcome: 'failed', status, documents: [doc], summary: errors[0].message };
  const what = kind === 'outgoing'
    ? 'Mattermost posts the reply'
    : shown.map(r => (r.ephemeral ? 'an ephemeral message' : 'a post in the channel')).join(', then ').replace(/^./, c => `Mattermost shows ${c}`);
  const skipped = posts.responses.length - shown.length;
  return { outcome: 'shown', status, documents: [doc], summary: `${what}${skipped ? ` (${skipped} of the responses post nothing)` : ''}.` };
}

/** The verdict for an outgoing-webhook answer (§4.4): always read as JSON, whatever its Content-Type. */
export function judgeOutgoing(a: Answer): Verdict {
  const status = a.status;
  if (status >= 300 && status < 400) return { outcome: 'failed', status, summary: redirected(a), documents: [] };
  const { text, cut } = readText(a);
  const note = status !== 200 ? ` (It answered ${status}; the reference names no status check for outgoing webhooks, so the body is read anyway.)` : '';
  const read = readPayload(text, 'outgoing');
  if (!read.ok) {
    if (read.decoded.empty) return { outcome: 'nothing', status, documents: [], summary: `${'The answer is empty: Mattermost posts nothing (which is fine if nothing was meant).'}${note}` };
    const why = cut ? `the body is over ${MIB} and the first ${MIB} is not valid JSON` : `the body is not valid JSON (${read.decoded.reason})`;
    return { outcome: 'failed', status, documents: [document('outgoing', text, 'answer')], summary: `Mattermost reads an outgoing-webhook answer as JSON whatever its Content-Type, and ${why}: it logs the error and posts nothing.${note}` };
  }
  const v = fromPosts('outgoing', read.value, document('outgoing', text, 'answer'), status);
  return note ? { ...v, summary: v.summary + note } : v;
}

/**
 * The verdict for an action's answer (§3.3): HTTP 200 or the click fails; `{update, ephemeral_text,
 * skip_slack_parsing, goto_location}`. `update` replaces the post (it keeps its channel: `channelId`
 * is added when the update has none, so it lints as the post it becomes); `ephemeral_text` shows as an
 * ephemeral reply.
 */
export function judgeAction(a: Answer, channelId: string): Verdict {
  const status = a.status;
  if (status !== 200) {
    return { outcome: 'failed', status, documents: [], summary: `The integration answered ${status}, not 200: the click fails (400 api.post.do_action.action_integration.app_error).` };
  }
  const { text } = readText(a);
  if (text.trim() === '') return { outcome: 'nothing', status, documents: [], summary: 'An empty answer: nothing changes in the channel (Mattermost may accept it silently).' };
  const read = readPayload(text, 'post');
  if (!read.ok || read.value === null || typeof read.value !== 'object' || Array.isArray(read.value)) {
    return { outcome: 'failed', status, documents: [], summary: `The answer is not a JSON object${read.ok ? '' : ` (${read.decoded.reason})`}: the click may fail (400 api.post.do_action.action_integration.app_error).` };
  }
  const r = read.value as Record<string, unknown>;
  const documents: AnswerDocument[] = [];
  const parts: string[] = [];
  if (r.update !== undefined && r.update !== null && typeof r.update === 'object') {
    const update = { channel_id: channelId, ...(r.update as Record<string, unknown>) };
    documents.push(document('post', JSON.stringify(update, null, 2) + '\n', 'update'));
    parts.push('the post is replaced by `update`');
  }
  if (typeof r.ephemeral_text === 'string' && r.ephemeral_text !== '') {
    documents.push(document('command', JSON.stringify({ text: r.ephemeral_text }, null, 2) + '\n', 'ephemeral_text'));
    parts.push('`ephemeral_text` shows as an ephemeral reply');
  }
  if (typeof r.goto_location === 'string' && r.goto_location !== '') parts.push(`the client goes to ${r.goto_location}`);
  const action = {
    ephemeralText: typeof r.ephemeral_text === 'string' && r.ephemeral_text !== '' ? r.ephemeral_text : undefined,
    gotoLocation: typeof r.goto_location === 'string' && r.goto_location !== '' ? r.goto_location : undefined,
  };
  if (parts.length === 0) return { outcome: 'nothing', status, documents, action, summary: 'The answer has no `update`, `ephemeral_text` or `goto_location`: nothing changes.' };
  const errors = documents.flatMap(d => d.problems).filter(p => p.severity === 'error');
  return { outcome: errors.length ? 'failed' : 'shown', status, documents, action, summary: `${parts.join('; ').replace(/^./, c => c.toUpperCase())}.${errors.length ? ` But: ${errors[0].message}` : ''}` };
}
