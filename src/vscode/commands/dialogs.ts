import * as vscode from 'vscode';
import { call } from '../../core/invoke/call';
import { defaultContext, type InvokeContext } from '../../core/invoke/context';
import { checkElementValue, type DialogElement, type ElementValue, judgeCancellation, judgeSubmission, readDialog, submissionOf, submissionRequest, type SubmissionVerdict } from '../../core/invoke/dialogSubmit';
import { noAnswer } from '../../core/invoke/judge';
import type { OpenedDialogRequest } from '../../core/invoke/receiver';
import { addSecret, redactUrl } from '../../core/mattermost/redact';
import type { SendOutcome, SendTarget } from '../../core/mattermost/send';
import { readPayload } from '../../core/server/decode';
import { INTEGRATION_TIMEOUT_MS } from '../../core/server/integrations';
import type { Services } from '../services';
import { allowedEndpoint, endpointProblem, logRequest, noteInternalHost, openDocuments } from './invoke';
import { whenListening } from './localServer';

// Issue 14 item 4, the extension side: the session's local server (the Mattermost an integration
// calls back: response_url and dialogs/open), a dialog it opens shown as an untitled *.dialog.json
// with the preview beside it, and Submit / Cancel from the preview. What is checked, built and
// judged is src/core/invoke (receiver.ts, dialogOpen.ts, dialogSubmit.ts).

/** The preview panel keeps each dialog's last answer and shows it (PreviewPanel). */
const SET_ERRORS_COMMAND = 'mattermostPayloads.preview.dialogErrors';

// ------------------------------------------------------------------ dialogs opened by an integration

/** What Mattermost remembers of an open dialog, per untitled document (URI string). */
interface OpenDialog {
  url: string;
  callbackId: string;
  state: string;
  notifyOnCancel: boolean;
  who: InvokeContext;
}
const opened = new Map<string, OpenDialog>();

whenListening((r, s) => r.onDialog(d => void dialogOpened(s, d)));

async function dialogOpened(s: Services, d: OpenedDialogRequest): Promise<void> {
  const info = readDialog(d.value);
  if (!info) return;
  s.logger.info('invoke', `← dialogs/open: "${info.title}", submitted to ${redactUrl(info.url)}; answered 200 {"status":"OK"}.`);
  // what the server would log ("Interactive dialog is invalid"); the same findings show on the document
  for (const p of d.logged) s.logger.info('invoke', `  Interactive dialog is invalid (only logged): ${p.message}`);
  let text: string;
  try { text = JSON.stringify(JSON.parse(d.text), null, 2) + '\n'; } catch { text = d.text; }
  const base = (info.callbackId || 'dialog').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'dialog';
  const uris = await openDocuments({ outcome: 'shown', summary: '', documents: [{ kind: 'dialog', text, label: 'dialog', problems: [] }] }, base);
  for (const u of uris) opened.set(u.toString(), { url: info.url, callbackId: info.callbackId, state: info.state, notifyOnCancel: info.notifyOnCancel, who: d.who });
  void s.prompts.current.info(`The integration opened the dialog "${info.title}". Use ${info.submitLabel} or Cancel in the preview.`);
}

// ------------------------------------------------------------------ Submit and Cancel from the preview

interface DialogOutcome extends SendOutcome {
  verdict?: SubmissionVerdict;
  submission?: Record<string, unknown>;
}

function asDialogArg(arg: unknown): { uri: string; action: 'submit' | 'cancel' } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.uri !== 'string' || (a.action !== 'submit' && a.action !== 'cancel')) return undefined;
  return { uri: a.uri, action: a.action };
}

/** One quick input per element, as the webapp's control for it; undefined when the user gave up. */
async function ask(s: Services, el: DialogElement, title: string): Promise<{ value: ElementValue } | undefined> {
  const p = s.prompts.current;
  const label = `${el.displayName || el.name}${el.optional ? ' (optional)' : ''}`;
  // as in the webapp, values are checked when the whole dialog is submitted (the errors then show
  // under the fields); only dates are checked as they are typed (the webapp's date picker)
  const input = async (o: vscode.InputBoxOptions) => {
    const v = await p.input({ title, prompt: label, value: el.default, placeHolder: el.placeholder || undefined, ...o });
    return v === undefined ? undefined : { value: v === '' && el.optional ? undefined : v };
  };
  type Item = vscode.QuickPickItem & { value?: string };
  const none: Item[] = el.optional ? [{ label: '(none)', description: 'leave it empty' }] : [];
  switch (el.type) {
    case 'text':
    case 'textarea':
      return input({ password: el.subtype === 'password', prompt: `${label}${el.helpText ? ` — ${el.helpText}` : ''}` });
    case 'select': {
      if (el.dataSource === 'users' || el.dataSource === 'channels') {
        const what = el.dataSource === 'users' ? 'user' : 'channel';
        return input({ prompt: `${label}: the ${what} id Mattermost would send (this preview does not know the server's ${what}s)` });
      }
      if (el.dataSource === 'dynamic') return input({ prompt: `${label}: the value an option from the data_source_url would have` });
      const items: Item[] = [...none, ...el.options.map(o => ({ label: o.text || o.value, description: o.value, value: o.value, picked: o.value === el.default }))];
      if (el.multiselect) {
        const picked = await p.pick(items.filter(i => i.value !== undefined), { title, placeHolder: label, canPickMany: true }) as unknown as Item[] | Item | undefined;
        if (picked === undefined) return undefined;
        return { value: (Array.isArray(picked) ? picked : [picked]).map(i => i.value!).filter(Boolean) };
      }
      const picked = await p.pick(items, { title, placeHolder: label });
      return picked && { value: picked.value };
    }
    case 'radio': {
      const picked = await p.pick([...none, ...el.options.map(o => ({ label: o.text || o.value, description: o.value, value: o.value }))], { title, placeHolder: label });
      return picked && { value: picked.value };
    }
    case 'bool': {
      const items = [{ label: 'true', description: el.placeholder }, { label: 'false' }];
      const picked = await p.pick(el.default === 'true' ? items : [items[1], items[0]], { title, placeHolder: `${label}: checked?` });
      return picked && { value: picked.label === 'true' };
    }
    case 'date':
    case 'datetime': {
      const format = el.type === 'date' ? 'YYYY-MM-DD, or today, tomorrow, yesterday, +2d, -1w' : 'YYYY-MM-DDTHH:mm:ssZ, or a relative value (+2d)';
      return input({ prompt: `${label}: ${format}`, validateInput: v => (v === '' ? undefined : checkElementValue({ ...el, optional: true }, v)) });
    }
    default:
      return { value: undefined };
  }
}

async function setErrors(uri: string, errors: { error?: string; fields?: Record<string, string> } | undefined): Promise<void> {
  await vscode.commands.executeCommand(SET_ERRORS_COMMAND, uri, errors);
}

/**
 * Submit or Cancel clicked in a dialog's preview (the panel forwards `{uri, action}`): asks for the
 * values, checks them as the webapp does, POSTs the submission (or the cancellation, with
 * notify_on_cancel) to the dialog's url, and shows the answer's errors in the preview.
 */
export async function dialogAction(s: Services, arg?: unknown): Promise<DialogOutcome> {
  const none: DialogOutcome = { status: 'not sent', detail: '' };
  const a = asDialogArg(arg);
  if (!a) return none;
  if (!s.trust.ensure(a.action === 'submit' ? 'Submitting a dialog to an integration' : 'Cancelling a dialog')) return { status: 'not sent', detail: 'Restricted Mode' };
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === a.uri);
  if (!doc) return none;
  const read = readPayload(doc.getText(), 'dialog');
  const info = read.ok ? readDialog(read.value) : undefined;
  if (!info) {
    void s.prompts.current.warn('The dialog cannot be read (it is not a JSON object); fix it, then click again.');
    return none;
  }
  const p = s.prompts.current;
  // opened by an integration: what Mattermost got then; a file the user wrote: a fresh context
  const known = opened.get(a.uri);
  const dialog: OpenDialog = known ?? { url: info.url, callbackId: info.callbackId, state: info.state, notifyOnCancel: info.notifyOnCancel, who: defaultContext() };
  if (a.action === 'cancel' && !dialog.notifyOnCancel) {
    const message = `Cancelled "${info.title}": notify_on_cancel is not set, so Mattermost closes the dialog without telling the integration. Nothing was sent.`;
    s.logger.info('invoke', message);
    await setErrors(a.uri, undefined);
    void p.info(message);
    return { status: 'not sent', detail: message };
  }
  let target = dialog.url;
  if (!target) {
    const given = await p.input({ title: `Where does "${info.title}" submit to?`, prompt: 'A dialog file without `url`: the integration\'s submission URL (the open request\'s url)', placeHolder: 'http://127.0.0.1:3050/dialog', validateInput: endpointProblem });
    if (!given) return none;
    target = dialog.url = given;
    opened.set(a.uri, dialog);
  }
  const url = await allowedEndpoint(s, target);
  if (!url) return none;

  const values = new Map<string, ElementValue>();
  if (a.action === 'submit') {
    const title = `${info.title || 'Dialog'}: ${info.submitLabel}`;
    for (const el of info.elements) {
      const got = await ask(s, el, title);
      if (!got) return none;
      values.set(el.name, got.value);
    }
    // the webapp checks every element before it submits, and shows the errors under them instead
    const fields: Record<string, string> = {};
    for (const el of info.elements) {
      const err = checkElementValue(el, values.get(el.name));
      if (err) fields[el.name] = err;
    }
    if (Object.keys(fields).length) {
      await setErrors(a.uri, { fields });
      const message = `Mattermost would not submit "${info.title}": ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')} (shown in the preview). Nothing was sent.`;
      s.logger.info('invoke', message);
      void p.warn(message);
      return { status: 'not sent', detail: message };
    }
  }
  noteInternalHost(s, url.href);
  const cancelled = a.action === 'cancel';
  const submission = submissionOf(info.elements, values);
  // callback_id and state as the integration sent them when it opened the dialog
  const request = submissionRequest({ dialog: { ...info, callbackId: dialog.callbackId, state: dialog.state }, url: url.href, who: dialog.who, submission, cancelled });
  // password fields are masked in the log like any other secret
  const unmask = info.elements.filter(e => e.subtype === 'password').map(e => addSecret(typeof values.get(e.name) === 'string' ? values.get(e.name) as string : undefined));
  const started = Date.now();
  const r = await s.editor.withProgress(cancelled ? `Telling the integration "${info.title}" was cancelled…` : `Submitting "${info.title}"…`, signal => call(request, { signal, timeoutMs: INTEGRATION_TIMEOUT_MS }));
  logRequest(s, request);
  for (const u of unmask) u();
  const v: SubmissionVerdict = r.ok
    ? cancelled ? judgeCancellation(r.answer) : judgeSubmission(r.answer, info.elements.map(e => e.name))
    : { outcome: 'no-answer', summary: noAnswer('action', r.reason).summary, fieldErrors: {}, ignored: [], notes: [] };
  s.logger.info('invoke', `← ${v.status ?? 'no answer'} in ${r.ms} ms: ${v.summary}${v.notes.length ? ` ${v.notes.join(' ')}` : ''}`);
  const historyTarget: SendTarget = { type: 'invoke', what: 'dialog', name: info.title || dialog.callbackId || 'dialog', redactedUrl: redactUrl(url.href) };
  await s.history.add({ at: started, target: historyTarget, status: v.outcome === 'no-answer' ? 'failed' : 'sent', detail: `${v.status ?? 'no answer'}: ${v.summary}`, durationMs: Date.now() - started, file: `${cancelled ? 'cancel' : 'submit'} "${info.title}"` });
  if (!cancelled) await setErrors(a.uri, v.outcome === 'open' ? { error: v.error, fields: v.fieldErrors } : undefined);
  const summary = v.outcome === 'closed' && !cancelled ? `${v.summary} (The dialog document stays open here.)` : v.summary;
  void (v.outcome === 'closed' ? p.info(summary) : v.outcome === 'open' ? p.warn(summary) : p.error(summary));
  return { status: v.outcome === 'no-answer' ? 'failed' : 'sent', detail: v.summary, verdict: v, submission };
}
