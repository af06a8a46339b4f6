/**
 * Filling in and submitting a dialog as the Mattermost webapp and server do (MATTERMOST_RULES.md §5.4).
 *
 * Client-side checks follow the webapp's `checkDialogElementForError` (mattermost/mattermost,
 * webapp/channels/src/utils/dialog_utils.ts; found through the code search): a required element must
 * not be empty (`!value`, so an unchecked required bool counts as empty too), text and textarea need
 * `min_length`, and the email (`@`), number (`isNaN`) and url (`http://` or `https://`) subtypes;
 * a radio value must be one of the options; date is `YYYY-MM-DD`, datetime `YYYY-MM-DDTHH:mm:ssZ`, or
 * a relative value (today, tomorrow, yesterday, ±N d/w/M/H). `max_length` is not checked there: the
 * text input stops typing at it (150 for text, 3000 for textarea when it is 0), so here it is a check.
 * Values are typed as the webapp's `convertAppFormValuesToDialogSubmission` does: a number-subtype
 * text as a number when it parses, a bool as a boolean, everything else as a string; empty optional
 * elements are left out.
 *
 * The server POSTs `{type:"dialog_submission", callback_id, state, user_id, channel_id, team_id,
 * submission, cancelled}` (SubmitInteractiveDialog; `url` is blanked and omitted) to the dialog's url,
 * needs 200 (else 400 api.post.do_action.action_integration.app_error), and reads the answer as JSON
 * whatever its Content-Type; an answer that does not decode counts as empty. The webapp keeps the
 * dialog open when the answer has an `error`, or `errors` naming at least one element
 * (`checkIfErrorsMatchElements`); errors naming no element are ignored and the dialog closes.
 */
import { DIALOG_SUBMIT_FAILED } from '../server/integrations';
import type { InvokeContext } from './context';
import type { Answer } from './judge';
import { type InvokeRequest, parseEndpoint } from './request';

export interface DialogElement {
  name: string;
  displayName: string;
  type: string;
  subtype: string;
  default: string;
  placeholder: string;
  helpText: string;
  optional: boolean;
  minLength: number;
  maxLength: number;
  dataSource: string;
  options: Array<{ text: string; value: string }>;
  multiselect: boolean;
}

export interface DialogInfo {
  /** Where the submission goes ("" for a bare dialog object). */
  url: string;
  callbackId: string;
  state: string;
  notifyOnCancel: boolean;
  title: string;
  submitLabel: string;
  elements: DialogElement[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The dialog in an open request `{trigger_id, url, dialog}` (or a bare dialog object), as the server model read it. */
export function readDialog(value: unknown): DialogInfo | undefined {
  if (!isObj(value)) return undefined;
  const d = isObj(value.dialog) ? value.dialog : value;
  const elements: DialogElement[] = [];
  for (const e of Array.isArray(d.elements) ? d.elements : []) {
    if (!isObj(e)) continue;
    elements.push({
      name: s(e.name), displayName: s(e.display_name), type: s(e.type), subtype: s(e.subtype), default: s(e.default),
      placeholder: s(e.placeholder), helpText: s(e.help_text), optional: e.optional === true, minLength: n(e.min_length),
      maxLength: n(e.max_length), dataSource: s(e.data_source), multiselect: e.multiselect === true,
      options: (Array.isArray(e.options) ? e.options : []).filter(isObj).map(o => ({ text: s(o.text), value: s(o.value) })),
    });
  }
  return {
    url: isObj(value.dialog) ? s(value.url) : '', callbackId: s(d.callback_id), state: s(d.state), notifyOnCancel: d.notify_on_cancel === true,
    title: s(d.title), submitLabel: s(d.submit_label) || 'Submit', elements,
  };
}

/** What the user entered for one element: text, a choice, several choices, a checkbox; undefined: nothing. */
export type ElementValue = string | string[] | boolean | undefined;

const RELATIVE_DATE = /^(today|tomorrow|yesterday|[+-]\d{1,4}[dwMH])$/;

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function dateError(type: string, value: string): string | undefined {
  if (RELATIVE_DATE.test(value)) return undefined;
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return /^\d{4}-\d{2}-\d{2}/.test(value) ? 'Date field must be in YYYY-MM-DD format' : 'Invalid date format';
    return realDate(+m[1], +m[2], +m[3]) ? undefined : 'Invalid date format';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value);
  if (!m) return /^\d{4}-\d{2}-\d{2}/.test(value) ? 'DateTime field must be in YYYY-MM-DDTHH:mm:ssZ format' : 'Invalid date format';
  return realDate(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60 && +m[6] < 60 ? undefined : 'Invalid date format';
}

/** The text input's maxlength in the webapp: max_length, or 150 (text) / 3000 (textarea) when it is 0. */
function inputMaxLength(el: DialogElement): number {
  return el.maxLength > 0 ? el.maxLength : el.type === 'textarea' ? 3000 : 150;
}

/** The webapp's error for a value, or undefined when it lets the value through. */
export function checkElementValue(el: DialogElement, value: ElementValue): string | undefined {
  const empty = Array.isArray(value) ? value.length === 0 : !value;
  if (empty && !el.optional) return 'This field is required.';
  if (el.type === 'text' || el.type === 'textarea') {
    const v = typeof value === 'string' ? value : '';
    if (v && v.length < el.minLength) return `Minimum input length is ${el.minLength}.`;
    if (v.length > inputMaxLength(el)) return `Maximum input length is ${inputMaxLength(el)} (the input stops there).`;
    if (el.subtype === 'email' && v && !v.includes('@')) return 'Must be a valid email address.';
    if (el.subtype === 'number' && v && Number.isNaN(Number(v))) return 'Must be a number.';
    if (el.subtype === 'url' && v && !v.includes('http://') && !v.includes('https://')) return 'URL must include http:// or https://.';
  } else if (el.type === 'radio') {
    if (typeof value === 'string' && !el.options.some(o => o.value === value)) return 'Must be a valid option';
  } else if (el.type === 'date' || el.type === 'datetime') {
    if (typeof value === 'string' && value) return dateError(el.type, value);
  }
  return undefined;
}

/** `submission{}` as the webapp types it; empty optional elements are left out. */
export function submissionOf(elements: DialogElement[], values: ReadonlyMap<string, ElementValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of elements) {
    const v = values.get(el.name);
    if (v === undefined) continue;
    if ((el.type === 'text' || el.type === 'textarea') && el.subtype === 'number') {
      const num = Number(v);
      out[el.name] = typeof v === 'string' && v.trim() !== '' && !Number.isNaN(num) ? num : String(v);
    } else if (el.type === 'bool') out[el.name] = v === true || v === 'true';
    else out[el.name] = Array.isArray(v) ? v : String(v);
  }
  return out;
}

export interface SubmitInput {
  dialog: DialogInfo;
  /** The dialog's url (dialog.url, or one the user gave for a bare dialog). */
  url: string;
  who: InvokeContext;
  submission: Record<string, unknown>;
  cancelled: boolean;
}

/** The POST the server sends to the dialog's url: a submission, or (notify_on_cancel) the cancellation with an empty submission. */
export function submissionRequest(i: SubmitInput): InvokeRequest {
  const u = parseEndpoint(i.url);
  const body = JSON.stringify({
    type: 'dialog_submission', callback_id: i.dialog.callbackId, state: i.dialog.state, user_id: i.who.user_id,
    channel_id: i.who.channel_id, team_id: i.who.team_id, submission: i.cancelled ? {} : i.submission, cancelled: i.cancelled,
  });
  return { method: 'POST', url: u.href, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body };
}

export interface SubmissionVerdict {
  /** closed: Mattermost closes the dialog; open: it stays open with errors; failed: the submission fails. */
  outcome: 'closed' | 'open' | 'failed' | 'no-answer';
  status?: number;
  summary: string;
  /** The general `error`, shown at the top of the dialog. */
  error?: string;
  /** `errors` for elements of the dialog, shown under them. */
  fieldErrors: Record<string, string>;
  /** `errors` keys that name no element: not shown. */
  ignored: string[];
  /** Side notes (Content-Type, `type`). */
  notes: string[];
}

const FAILED = `400 ${DIALOG_SUBMIT_FAILED}`;

/** The answer to a submission, as the server reads it and the webapp applies it. */
export function judgeSubmission(a: Answer, elementNames: readonly string[]): SubmissionVerdict {
  const base = { status: a.status, fieldErrors: {}, ignored: [], notes: [] as string[] };
  if (a.status !== 200) {
    return { ...base, outcome: 'failed', summary: `The integration answered ${a.status}, not 200: the submission fails (${FAILED}); the dialog may stay open with an error.` };
  }
  const ct = (a.contentType ?? '').split(';')[0].trim();
  if (ct !== 'application/json' && a.body.length > 0) base.notes.push(`The answer's Content-Type is ${ct ? `"${ct}"` : 'missing'}; the server reads the body as JSON anyway.`);
  const text = a.body.toString('utf8');
  if (text.trim() === '') return { ...base, outcome: 'closed', summary: 'An empty answer: Mattermost closes the dialog (that is fine).' };
  let r: unknown;
  try { r = JSON.parse(text); } catch { r = undefined; }
  if (!isObj(r)) {
    return { ...base, outcome: 'closed', summary: 'The answer is not a JSON object: the server reads it as an empty answer, so Mattermost may close the dialog as if it were accepted.' };
  }
  const error = typeof r.error === 'string' && r.error !== '' ? r.error : undefined;
  const fieldErrors: Record<string, string> = {};
  const ignored: string[] = [];
  if (isObj(r.errors)) {
    for (const [k, v] of Object.entries(r.errors)) {
      if (elementNames.includes(k)) fieldErrors[k] = typeof v === 'string' ? v : JSON.stringify(v);
      else ignored.push(k);
    }
  }
  const type = typeof r.type === 'string' ? r.type : '';
  if (type === 'form') base.notes.push('`type` is "form": newer Mattermost versions replace the dialog with `form` (a multi-step dialog); this preview shows the errors only.');
  if (type === 'navigate') base.notes.push('`type` is "navigate": newer Mattermost versions go to the URL the answer names; the preview does not follow it.');
  const named = Object.keys(fieldErrors);
  const ignoredNote = ignored.length ? ` \`errors\` names ${ignored.map(k => `"${k}"`).join(', ')}, which is no element of this dialog: Mattermost does not show ${ignored.length > 1 ? 'them' : 'it'}${named.length || error ? '' : ' and closes the dialog as if it were accepted'}.` : '';
  if (error || named.length) {
    const parts = [error ? `the error "${error}" at the top` : '', named.length ? `${named.length} field error${named.length > 1 ? 's' : ''} (${named.join(', ')})` : ''].filter(Boolean);
    return { ...base, outcome: 'open', error, fieldErrors, ignored, summary: `The dialog stays open with ${parts.join(' and ')}.${ignoredNote}` };
  }
  return { ...base, outcome: 'closed', ignored, summary: `Accepted: Mattermost closes the dialog.${ignoredNote}` };
}

/** The answer to a cancellation: the webapp closes the dialog whatever comes back. */
export function judgeCancellation(a: Answer): SubmissionVerdict {
  const base = { status: a.status, fieldErrors: {}, ignored: [], notes: [] };
  if (a.status !== 200) return { ...base, outcome: 'failed', summary: `The integration answered ${a.status} to the cancellation, not 200: the server logs a failure (${FAILED}); the dialog is closed anyway.` };
  return { ...base, outcome: 'closed', summary: 'The integration was told that the dialog was cancelled (notify_on_cancel), and answered 200.' };
}
