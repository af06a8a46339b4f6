import * as vscode from 'vscode';
import { type ClickedAction, clickEffect, findAction } from '../../core/invoke/action';
import { type BlockClickEffect, blockClickInput, type ClickOrigin, findBlockAction, invokeBlockAction, isBlockPath, NO_ORIGIN, openUrlTarget } from '../../core/invoke/blockAction';
import { clickRecord, type StoredClick, storedClick } from '../../core/invoke/clickHistory';
import { defaultContext, type InvokeContext, newId } from '../../core/invoke/context';
import { invokeAction, invokeCommand, invokeOutgoing, type Invocation } from '../../core/invoke/invoke';
import type { Verdict } from '../../core/invoke/judge';
import { internalHostNote } from '../../core/invoke/note';
import type { DelayedAnswer } from '../../core/invoke/receiver';
import { InvokeInputError, type InvokeRequest, parseEndpoint } from '../../core/invoke/request';
import { isLoopbackHost } from '../../core/mattermost/origin';
import { redactBody, redactHeaders, redactUrl } from '../../core/mattermost/redact';
import type { SendOutcome, SendTarget } from '../../core/mattermost/send';
import type { Kind } from '../../core/payload/problem';
import { INTEGRATION_TIMEOUT_MS } from '../../core/server/integrations';
import type { Services } from '../services';
import { sessionReceiver, whenListening } from './localServer';
import { reportError } from './report';

// Adapters only (issue 14): what is sent and how it is judged is src/core/invoke. Here: the named
// definitions (setting mattermostPayloads.integrations), the token in SecretStorage, the questions,
// the log, and the answer opened as an untitled payload document with the preview beside it.

type What = 'command' | 'outgoing';
type InvokeTarget = Extract<SendTarget, { type: 'invoke' }>;

interface Definition {
  name: string;
  type: What;
  url: string;
  /** Slash command: the trigger (without "/"); outgoing webhook: the trigger word. */
  trigger: string;
  method: 'POST' | 'GET';
  contentType: 'form' | 'json';
  context: Partial<InvokeContext>;
}

/** What a command argument may carry (CodeLens, tests, Resend): the definition by name and the text. */
interface InvokeArg { name?: string; text?: string }

const SETTING = 'integrations';
const ALLOWED_KEY = 'mattermostPayloads.invokeAllowedOrigins';
const NOTE_DISMISSED_KEY = 'mattermostPayloads.invokeNoteDismissed';

/** The named definitions; workspace values only in a trusted workspace (this runs after the trust check). */
function definitions(what: What): Definition[] {
  const raw = vscode.workspace.getConfiguration('mattermostPayloads').get<unknown>(SETTING);
  if (!Array.isArray(raw)) return [];
  const out: Definition[] = [];
  for (const d of raw as Record<string, unknown>[]) {
    if (!d || typeof d !== 'object' || typeof d.name !== 'string' || typeof d.url !== 'string') continue;
    const type = d.type === 'outgoing' ? 'outgoing' : 'command';
    if (type !== what) continue;
    out.push({
      name: d.name, type, url: d.url,
      trigger: typeof d.trigger === 'string' ? d.trigger.replace(/^\//, '') : d.name,
      method: String(d.method).toUpperCase() === 'GET' ? 'GET' : 'POST',
      contentType: d.contentType === 'json' ? 'json' : 'form',
      context: d.context && typeof d.context === 'object' ? d.context : {},
    });
  }
  return out;
}

async function chooseDefinition(s: Services, what: What, arg: InvokeArg | undefined): Promise<Definition | undefined> {
  const defs = definitions(what);
  if (arg?.name) {
    const d = defs.find(x => x.name === arg.name);
    if (!d) void s.prompts.current.error(`No ${what === 'command' ? 'slash command' : 'outgoing webhook'} named "${arg.name}" in setting mattermostPayloads.integrations.`);
    return d;
  }
  type Item = vscode.QuickPickItem & { def?: Definition };
  const items: Item[] = defs.map(d => ({ label: what === 'command' ? `/${d.trigger}` : d.trigger, description: `${d.name} · ${d.method === 'GET' && what === 'command' ? 'GET ' : ''}${redactUrl(d.url)}`, def: d }));
  items.push({ label: '$(add) Enter a URL…', description: 'not saved; add definitions to setting mattermostPayloads.integrations' });
  const picked = await s.prompts.current.pick(items, { title: what === 'command' ? 'Invoke Slash Command' : 'Trigger Outgoing Webhook', placeHolder: 'Which integration?', matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.def) return picked.def;
  const url = await s.prompts.current.input({ title: 'The integration\'s URL', placeHolder: 'http://127.0.0.1:3050/command', validateInput: endpointProblem });
  if (!url) return undefined;
  const trigger = await s.prompts.current.input({ title: what === 'command' ? 'The trigger, without "/"' : 'The trigger word', value: what === 'command' ? 'command' : '' });
  if (!trigger) return undefined;
  let method: 'POST' | 'GET' = 'POST';
  let contentType: 'form' | 'json' = 'form';
  if (what === 'command') {
    const m = await s.prompts.current.pick([{ label: 'POST' }, { label: 'GET' }], { title: 'Request method' });
    if (!m) return undefined;
    method = m.label as 'POST' | 'GET';
  } else {
    const c = await s.prompts.current.pick([{ label: 'form' }, { label: 'json' }], { title: 'Content type' });
    if (!c) return undefined;
    contentType = c.label as 'form' | 'json';
  }
  return { name: trigger, type: what, url, trigger: trigger.replace(/^\//, ''), method, contentType, context: {} };
}

/** validateInput for a URL prompt: the endpoint's own error, or undefined when usable. */
export function endpointProblem(v: string): string | undefined {
  try { parseEndpoint(v); return undefined; } catch (e) { return (e as Error).message; }
}

/** An http(s) endpoint the user lets this workspace call: its URL, or undefined (the reason already said). */
export async function allowedEndpoint(s: Services, raw: string): Promise<URL | undefined> {
  let url: URL;
  try { url = parseEndpoint(raw); } catch (e) { void s.prompts.current.error(e instanceof InvokeInputError ? e.message : String(e)); return undefined; }
  return (await allowed(s, url)) ? url : undefined;
}

/** Loopback: no question. Any other origin: asked once (remembered in workspace state). */
async function allowed(s: Services, url: URL): Promise<boolean> {
  if (isLoopbackHost(url.hostname)) return true;
  const origins = s.state.get<string[]>(ALLOWED_KEY) ?? [];
  if (origins.includes(url.origin)) return true;
  const go = 'Send';
  const plain = url.protocol === 'http:' ? ' This is plain http:// to another machine: the request and its token can be read on the way.' : '';
  const choice = await s.prompts.current.ask(`Send requests with this integration's token to ${url.origin}?`, `Asked once per origin for this workspace.${plain}`, go);
  if (choice !== go) return false;
  await s.state.update(ALLOWED_KEY, [...origins, url.origin]);
  return true;
}

async function tokenFor(s: Services, def: Definition): Promise<string | undefined> {
  const stored = await s.store.integrationToken(def.url, def.name);
  if (stored) return stored;
  const token = await s.prompts.current.input({ title: `Token of "${def.name}" (${new URL(def.url).origin})`, prompt: 'Kept in VS Code secret storage for this origin, never in settings.', password: true, ignoreFocusOut: true });
  if (!token) return undefined;
  await s.store.saveIntegrationToken(def.url, def.name, token);
  return token;
}

/** Item 5: a real server calls loopback/private hosts only when AllowedUntrustedInternalConnections names them. Once per endpoint. */
const noted = new Set<string>();
export function noteInternalHost(s: Services, url: string): void {
  const note = internalHostNote(url);
  if (!note || noted.has(note.host) || (s.state.get<string[]>(NOTE_DISMISSED_KEY) ?? []).includes(note.host)) return;
  noted.add(note.host);
  s.logger.info('invoke', note.message);
  const copy = 'Copy Config Line';
  const never = 'Don\'t Show Again';
  void s.prompts.current.info(note.message, copy, never).then(async choice => {
    if (choice === copy) await vscode.env.clipboard.writeText(note.configLine);
    if (choice === never) await s.state.update(NOTE_DISMISSED_KEY, [...(s.state.get<string[]>(NOTE_DISMISSED_KEY) ?? []), note.host]);
  });
}

// ------------------------------------------------------------------ the session's response_url receiver

let answers = 0;

whenListening((r, s) => r.onAnswer(a => void delayed(s, a)));

async function delayed(s: Services, a: DelayedAnswer): Promise<void> {
  s.logger.info('invoke', `response_url of /${a.trigger}, answer ${a.use} of at most 5: ${a.verdict.summary}`);
  await openDocuments(a.verdict, `${a.trigger}-delayed-${a.use}`);
  void s.prompts.current.info(`Delayed answer ${a.use} of /${a.trigger}: ${a.verdict.summary}`);
}

// ------------------------------------------------------------------ documents

/** Answers open one after another (a delayed answer can arrive while the first one opens). */
let opening: Promise<unknown> = Promise.resolve();

export function openDocuments(v: Verdict, base: string): Promise<vscode.Uri[]> {
  const next = opening.then(() => openNow(v, base));
  opening = next.catch(() => undefined);
  return next;
}

async function openNow(v: Verdict, base: string): Promise<vscode.Uri[]> {
  const uris: vscode.Uri[] = [];
  for (const d of v.documents) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `${base}-${++answers}.${d.kind}.json` });
    const doc = await vscode.workspace.openTextDocument(uri);
    // a WorkspaceEdit, not TextEditor.edit: it holds even if another editor takes the focus meanwhile
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), d.text);
    await vscode.workspace.applyEdit(edit);
    if (doc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('mattermostPayloads.openPreviewToSide', uri);
    uris.push(uri);
  }
  return uris;
}

// ------------------------------------------------------------------ the commands

export interface InvokeOutcome extends SendOutcome {
  verdict?: Verdict;
  /** The untitled answer documents opened (URIs as strings). */
  documents?: string[];
}

export function logRequest(s: Services, req: InvokeRequest): void {
  const headers = JSON.stringify(redactHeaders(req.headers));
  s.logger.info('invoke', `→ ${req.method} ${redactUrl(req.url)} ${headers}${req.body !== undefined ? ` ${redactBody(req.body, req.headers['Content-Type'])}` : ''}`);
}

async function run(s: Services, what: What, arg: InvokeArg | undefined): Promise<InvokeOutcome> {
  const none: InvokeOutcome = { status: 'not sent', detail: '' };
  if (!s.trust.ensure(what === 'command' ? 'Invoking a slash command' : 'Triggering an outgoing webhook')) return { status: 'not sent', detail: 'Restricted Mode' };
  const def = await chooseDefinition(s, what, arg);
  if (!def) return none;
  const url = await allowedEndpoint(s, def.url);
  if (!url) return none;
  const token = await tokenFor(s, def).catch(e => { reportError(s, 'invoke', e); return undefined; });
  if (!token) return none;
  const text = arg?.text ?? await s.prompts.current.input({ title: what === 'command' ? `/${def.trigger} …` : 'The message that fires the hook', prompt: what === 'command' ? 'What the user types after the trigger' : `It starts with the trigger word "${def.trigger}"`, value: what === 'outgoing' ? `${def.trigger} ` : '' });
  if (text === undefined) return none;
  noteInternalHost(s, url.href);
  const context = defaultContext(def.context);
  const started = Date.now();
  const target: InvokeTarget = { type: 'invoke', what, name: def.name, redactedUrl: redactUrl(url.href) };
  const title = what === 'command' ? `Invoking /${def.trigger}…` : `Triggering "${def.trigger}"…`;
  let inv: Invocation;
  if (what === 'command') {
    const rcv = await sessionReceiver(s);
    const responseUrl = rcv.newHook(def.trigger);
    const triggerId = rcv.issueTriggerId(context);
    inv = await s.editor.withProgress(title, signal => invokeCommand({ url: url.href, method: def.method, token, trigger: def.trigger, text, responseUrl, context, triggerId }, { signal, timeoutMs: INTEGRATION_TIMEOUT_MS }));
  } else {
    inv = await s.editor.withProgress(title, signal => invokeOutgoing({ url: url.href, contentType: def.contentType, token, triggerWord: def.trigger, text, context }, { signal, timeoutMs: INTEGRATION_TIMEOUT_MS }));
  }
  logRequest(s, inv.request);
  const v = inv.verdict;
  s.logger.info('invoke', `← ${v.status ?? 'no answer'} in ${inv.ms} ms: ${v.summary}`);
  for (const d of v.documents) s.logger.debug('invoke', `${d.label} (${d.kind}): ${d.text.slice(0, 2000)}`);
  const ok = v.outcome === 'shown';
  await s.history.add({ at: started, target, status: v.outcome === 'no-answer' ? 'failed' : 'sent', detail: `${v.status ?? 'no answer'}: ${v.summary}`, durationMs: Date.now() - started, file: what === 'command' ? `/${def.trigger} ${text}` : text, text });
  const documents = (await openDocuments(v, `${def.trigger}-answer`)).map(u => u.toString());
  const p = s.prompts.current;
  void (ok ? p.info(v.summary) : v.outcome === 'no-answer' || v.outcome === 'failed' ? p.error(v.summary) : p.warn(v.summary));
  return { status: v.outcome === 'no-answer' ? 'failed' : 'sent', detail: v.summary, verdict: v, documents };
}

export function invokeSlashCommand(s: Services, arg?: unknown): Promise<InvokeOutcome> {
  return run(s, 'command', asArg(arg));
}

export function triggerOutgoingWebhook(s: Services, arg?: unknown): Promise<InvokeOutcome> {
  return run(s, 'outgoing', asArg(arg));
}

/** Resend from the send history: the same definition (by name) and the same text; a click: the stored action request. */
export function resendInvocation(s: Services, target: InvokeTarget, text: string | undefined): Promise<InvokeOutcome> {
  if (target.what === 'dialog') {
    const detail = `A dialog submission is not resent from the history: submit "${target.name}" again from its preview.`;
    void s.prompts.current.info(detail);
    return Promise.resolve({ status: 'not sent', detail });
  }
  if (target.what === 'action') return resendClick(s, text);
  return run(s, target.what, { name: target.name, text });
}

function asArg(arg: unknown): InvokeArg | undefined {
  if (typeof arg === 'string') return { name: arg };
  if (arg && typeof arg === 'object') {
    const a = arg as Record<string, unknown>;
    return { name: typeof a.name === 'string' ? a.name : undefined, text: typeof a.text === 'string' ? a.text : undefined };
  }
  return undefined;
}

// ------------------------------------------------------------------ clicks in the preview (issue 14 item 3)

/** Who clicks: one user, team and channel for the session, so an integration sees the same clicker each time. */
let clicker: InvokeContext | undefined;
/** The post id each previewed document stands for: an `update` keeps the id of the post it replaces. */
const postIds = new Map<string, string>();

/** The preview's argument (PreviewPanel forwards it): the document it showed, as which kind, and the control's JSON path. */
function asClick(arg: unknown): { uri: string; kind: Kind; path: unknown } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  const kinds: Kind[] = ['incoming', 'command', 'outgoing', 'post'];
  if (typeof a.uri !== 'string' || !kinds.includes(a.kind as Kind)) return undefined;
  return { uri: a.uri, kind: a.kind as Kind, path: a.path };
}

/** A menu's choice, sent as context.selected_option: one of its options, or a user or channel id. */
async function chooseOption(s: Services, action: ClickedAction): Promise<string | undefined> {
  if (action.dataSource === 'users' || action.dataSource === 'channels') {
    const what = action.dataSource === 'users' ? 'user' : 'channel';
    return s.prompts.current.input({ title: `${action.name || 'Menu'}: the ${what} id Mattermost would send`, prompt: `Sent as context.selected_option (a ${what} of the server, which this preview does not know).`, value: newId() });
  }
  const items = action.options.map(o => ({ label: o.text || o.value, description: o.value, value: o.value }));
  if (items.length === 0) {
    void s.prompts.current.warn(`"${action.name}" has no options to choose from.`);
    return undefined;
  }
  const picked = await s.prompts.current.pick(items, { title: action.name || 'Choose an option', placeHolder: 'Sent to the integration as context.selected_option' });
  return picked?.value;
}

/** What a click's answer does: an attachment action's effect (clickEffect) has the same shape, without the block-only parts. */
type Applied = BlockClickEffect;

/**
 * A button or menu clicked in the preview: the action request Mattermost sends to its integration.url
 * (attachments) or to its registry url (MM Blocks), asked and allowed as the invoke commands are, the
 * answer applied as Mattermost applies it.
 */
export async function clickPreviewAction(s: Services, arg?: unknown): Promise<InvokeOutcome> {
  const none: InvokeOutcome = { status: 'not sent', detail: '' };
  const click = asClick(arg);
  if (!click) return none;
  if (!s.trust.ensure('Sending a click to an integration')) return { status: 'not sent', detail: 'Restricted Mode' };
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === click.uri);
  if (!doc) return none;
  if (!clicker) clicker = defaultContext();
  const who = clicker;
  const postId = postIds.get(click.uri) ?? newId();
  if (isBlockPath(click.path)) return clickBlock(s, click.uri, findBlockAction(doc.getText(), click.kind, click.path), who, postId);
  const found = findAction(doc.getText(), click.kind, click.path);
  if (!found.ok) {
    void s.prompts.current.warn(found.reason);
    return { status: 'not sent', detail: found.reason };
  }
  const action = found.action;
  if (!(await allowedUrl(s, action.url))) return none;
  const selectedOption = action.type === 'select' ? await chooseOption(s, action) : undefined;
  if (action.type === 'select' && selectedOption === undefined) return none;
  postIds.set(click.uri, postId);
  const stored: StoredClick = { source: 'attachment', name: action.name || action.id || 'action', url: action.url, context: action.context, type: action.type, selectedOption, dataSource: action.dataSource, postId, who };
  return sendClick(s, stored, NO_ORIGIN, action.id || action.name);
}

/** An http(s) URL the user lets this workspace call (loopback always; others asked once per origin). */
async function allowedUrl(s: Services, raw: string): Promise<boolean> {
  const url = await allowedEndpoint(s, raw);
  if (url) noteInternalHost(s, url.href);
  return url !== undefined;
}

/** An MM Blocks button or select: found with the server model, its registry url called (openURL: only shown). */
async function clickBlock(s: Services, uri: string, found: ReturnType<typeof findBlockAction>, who: InvokeContext, postId: string): Promise<InvokeOutcome> {
  const none: InvokeOutcome = { status: 'not sent', detail: '' };
  if (!found.ok) {
    void s.prompts.current.warn(found.reason);
    return { status: 'not sent', detail: found.reason };
  }
  const b = found.block;
  if (b.entry.type === 'openURL') {
    const detail = `"${b.name}" opens ${openUrlTarget(b.entry)} (an openURL action: Mattermost calls no integration; the preview does not go there).`;
    s.logger.info('invoke', detail);
    void s.prompts.current.info(detail);
    return { status: 'not sent', detail };
  }
  const selectedOption = b.control === 'select' ? await chooseOption(s, { id: b.actionId, name: b.name, type: 'select', url: b.entry.url, context: {}, options: b.options, dataSource: b.dataSource }) : undefined;
  if (b.control === 'select' && selectedOption === undefined) return none;
  const input = blockClickInput(b, who, postId, selectedOption);
  if (!(await allowedUrl(s, input.url))) return none;
  postIds.set(uri, postId);
  const stored: StoredClick = { source: 'block', name: b.name || b.actionId, url: input.url, context: input.context, type: 'button', selectedOption, dataSource: '', postId, who };
  return sendClick(s, stored, b.origin, b.actionId);
}

/** Sends a click (from the preview, or again from the history), records it, and applies the answer. */
async function sendClick(s: Services, c: StoredClick, origin: ClickOrigin, slug: string): Promise<InvokeOutcome> {
  const started = Date.now();
  const opts = (signal: AbortSignal) => ({ signal, timeoutMs: INTEGRATION_TIMEOUT_MS });
  // a fresh trigger id from the local server for every send (Resend too), so a dialog the integration opens with it is recognised
  const triggerId = (await sessionReceiver(s)).issueTriggerId(c.who);
  const { request, ms, applied } = await s.editor.withProgress<{ request: InvokeRequest; ms: number; applied: Applied }>(`Clicking "${c.name}"…`, async signal => {
    if (c.source === 'block') {
      const r = await invokeBlockAction({ url: c.url, context: c.context, selectedOption: c.selectedOption, postId: c.postId, who: c.who, triggerId }, origin, opts(signal));
      return { request: r.request, ms: r.ms, applied: r.effect };
    }
    const inv = await invokeAction({ url: c.url, context: c.context, type: c.type, selectedOption: c.selectedOption, dataSource: c.dataSource, postId: c.postId, who: c.who, triggerId }, opts(signal));
    return { request: inv.request, ms: inv.ms, applied: { ...clickEffect(inv.verdict), verdict: inv.verdict } };
  });
  logRequest(s, request);
  const v = applied.verdict;
  s.logger.info('invoke', `← ${v.status ?? 'no answer'} in ${ms} ms: ${applied.summary}`);
  for (const d of applied.replace) s.logger.debug('invoke', `${d.label} (${d.kind}): ${d.text.slice(0, 2000)}`);
  const status = v.outcome === 'no-answer' ? 'failed' : 'sent';
  await s.history.add(clickRecord(c, started, Date.now() - started, v.status, status, applied.summary));
  const base = slug.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'action';
  const uris: vscode.Uri[] = [];
  for (const d of applied.replace) uris.push(...await openDocuments({ ...v, documents: [d] }, `${base}-${d.label}`));
  for (const u of uris) postIds.set(u.toString(), c.postId);
  const p = s.prompts.current;
  if (applied.blockDialog !== undefined) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `${base}-block-dialog-${++answers}.json` });
    await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), applied.blockDialog);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(uri, { preview: false });
    uris.push(uri);
    void p.info(`"${c.name}" opens a block dialog: its JSON is shown as it came (block dialogs are not documented, so the preview does not draw them).`);
  }
  if (applied.error !== undefined) void p.error(`"${c.name}": the integration answered an error, which Mattermost shows: ${applied.error}`);
  if (applied.ephemeral !== undefined) void p.info(`Ephemeral reply to "${c.name}" (only the clicking user sees it): ${applied.ephemeral}`);
  void (applied.level === 'info' ? p.info(applied.summary) : applied.level === 'warning' ? p.warn(applied.summary) : p.error(applied.summary));
  return { status, detail: applied.summary, verdict: v, documents: uris.map(u => u.toString()) };
}

/** Resend of a click from the send history (already confirmed there): the stored request, a fresh trigger_id. */
async function resendClick(s: Services, text: string | undefined): Promise<InvokeOutcome> {
  const c = storedClick(text);
  if (!c) {
    const why = 'This click was not kept in the send history (it looked like it carries a secret, or it was too large): click the button again in the preview.';
    void s.prompts.current.error(why);
    return { status: 'not sent', detail: why };
  }
  if (!s.trust.ensure('Sending a click to an integration')) return { status: 'not sent', detail: 'Restricted Mode' };
  if (!(await allowedUrl(s, c.url))) return { status: 'not sent', detail: '' };
  return sendClick(s, c, NO_ORIGIN, c.name);
}
