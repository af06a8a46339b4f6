import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { withSessionRetry } from '../../core/mattermost/client';
import { CancelledError } from '../../core/mattermost/errors';
import { isLoopbackHost } from '../../core/mattermost/origin';
import { redactUrl } from '../../core/mattermost/redact';
import { toPost } from '../../core/mattermost/toPost';
import { Account, Channel } from '../../core/mattermost/types';
import { Kind } from '../../core/payload/problem';
import { lintSettings, networkSettings } from '../config';
import { describeTarget, SendRecord, SendTarget } from '../history';
import { Services } from '../services';
import { client, reportError } from './report';
import { ensureTrusted } from '../trust';
import { accountFor, relogin } from './account';
import { addWebhook } from './webhooks';

const SENT_TARGETS = 'mattermostPayloads.sentTargets';
const LAST_CHANNEL = 'mattermostPayloads.lastChannel';

export interface SendOutcome { status: SendRecord['status'] | 'not sent'; detail: string; permalink?: string }

interface Source { uri: vscode.Uri; text: string; kind: Kind | undefined; name: string }

/** What a resend sends again: the recorded text, under the recorded file name. */
export interface Resend { text?: string; file: string; target: SendTarget }

/**
 * The active editor's text, unsaved changes included (the file is never modified), or, for a
 * resend, the recorded text under its recorded name.
 */
function source(s: Services, uri?: vscode.Uri, resend?: Resend): Source | undefined {
  const recorded = resend?.text !== undefined;
  const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : recorded ? undefined : vscode.window.activeTextEditor?.document;
  if (resend && resend.text !== undefined) {
    return { uri: doc?.uri ?? vscode.Uri.file(resend.file), text: resend.text, kind: doc ? s.kinds.kindOf(doc)?.kind : undefined, name: resend.file };
  }
  if (!doc) { void s.prompts.current.info('Open a payload file first.'); return undefined; }
  return { uri: doc.uri, text: doc.getText(), kind: s.kinds.kindOf(doc)?.kind, name: vscode.workspace.asRelativePath(doc.uri) };
}

/**
 * Lint first: if Mattermost would reject the payload, say why and offer "Send Anyway". Returns the
 * error rules the user accepted (none when there were no errors), or undefined when not to send.
 * Errors of rules in `accepted` were already shown and accepted, so they do not ask again.
 */
async function passesLint(s: Services, src: Source, kind: Kind, accepted?: ReadonlySet<string>, what = 'this payload'): Promise<ReadonlySet<string> | undefined> {
  const errors = s.lint(src.text, kind, { disabledRules: lintSettings(src.uri).disabledRules }).filter(p => p.severity === 'error' && !accepted?.has(p.rule));
  if (errors.length === 0) return accepted ?? new Set();
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const choice = await s.prompts.current.ask(`Mattermost will reject ${what}: ${errors[0].message}${more}`, 'See the Problems panel for every problem.', 'Send Anyway', 'Show Problems');
  if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice !== 'Send Anyway') return undefined;
  return new Set([...(accepted ?? []), ...errors.map(e => e.rule)]);
}

/**
 * Ask before the first send to a target in this workspace (setting), and always before plain http to
 * a non-loopback host. A target is remembered only after a successful send (rememberTarget).
 */
export async function confirmed(s: Services, targetKey: string | undefined, label: string, url: URL): Promise<boolean> {
  const plainHttp = url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  const first = targetKey !== undefined && !(s.context.workspaceState.get<string[]>(SENT_TARGETS) ?? []).includes(targetKey);
  if (plainHttp || (first && networkSettings().confirmBeforeSend)) {
    const detail = plainHttp
      ? 'This is plain http:// to a host that is not this machine: the payload and any credential can be read on the way.'
      : 'This is the first send to this target from this workspace (setting mattermostPayloads.confirmBeforeSend).';
    if (await s.prompts.current.ask(`Send the payload to ${label}?`, detail, 'Send') !== 'Send') return false;
  }
  return true;
}

async function rememberTarget(s: Services, targetKey: string): Promise<void> {
  const sent = s.context.workspaceState.get<string[]>(SENT_TARGETS) ?? [];
  if (!sent.includes(targetKey)) await s.context.workspaceState.update(SENT_TARGETS, [...sent, targetKey]);
}

/** A webhook target is its name AND its URL: a name that now points elsewhere is a new target. */
function webhookKey(name: string, url: string): string {
  return `webhook:${name}:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

async function withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try { return await task(controller.signal); } finally { sub.dispose(); }
  });
}

async function record(s: Services, src: Source, target: SendTarget, started: number, status: SendRecord['status'], detail: string): Promise<void> {
  await s.history.add({ at: started, target, status, detail, durationMs: Date.now() - started, file: src.name, text: src.text });
}

// ------------------------------------------------------------------ webhook

export async function sendToWebhook(s: Services, uri?: vscode.Uri, webhookName?: string, resend?: Resend): Promise<SendOutcome> {
  const none: SendOutcome = { status: 'not sent', detail: '' };
  if (!ensureTrusted('Sending to a webhook')) return { status: 'not sent', detail: 'Restricted Mode' };
  const src = source(s, uri, resend);
  if (!src) return none;
  if (src.kind && src.kind !== 'incoming') {
    const go = await s.prompts.current.ask(`This is a ${src.kind} payload, but webhooks take incoming-webhook payloads.`, 'Mattermost will read it as an incoming webhook.', 'Send Anyway');
    if (go !== 'Send Anyway') return none;
  }
  if (!(await passesLint(s, src, 'incoming'))) return none;
  const name = webhookName ?? await chooseWebhook(s);
  if (!name) return none;
  const url = await s.store.webhookUrl(name).catch(e => { reportError(s, 'send', e); return undefined; });
  if (!url) { void s.prompts.current.error(`No webhook named "${name}" is stored. Add it with "Mattermost: Manage Webhooks".`); return none; }
  const target: SendTarget = { type: 'webhook', name, redactedUrl: redactUrl(url) };
  if (resend?.target.type === 'webhook' && resend.target.redactedUrl !== target.redactedUrl) {
    const go = await s.prompts.current.ask(`Webhook "${name}" now points to ${target.redactedUrl}, not ${resend.target.redactedUrl} as when this was sent. Send there?`, 'The stored URL for this name has changed since.', 'Send');
    if (go !== 'Send') return none;
  }
  const key = webhookKey(name, url);
  if (!(await confirmed(s, key, `webhook "${name}"`, new URL(url)))) return none;
  const started = Date.now();
  try {
    const r = await withProgress(`Sending ${src.name} to webhook "${name}"…`, signal => client(s).postWebhook(url, src.text, { signal, timeoutMs: networkSettings().timeoutMs }));
    await rememberTarget(s, key);
    const detail = `${r.status} ${r.body.trim().slice(0, 40)}`;
    await record(s, src, target, started, 'sent', detail);
    s.logger.info('send', `${src.name} → ${describeTarget(target)}: ${detail} in ${Date.now() - started} ms`);
    void s.prompts.current.info(`Sent ${src.name} to webhook "${name}": Mattermost answered ${detail}.`);
    return { status: 'sent', detail };
  } catch (e) {
    return failed(s, src, target, started, e);
  }
}

async function chooseWebhook(s: Services): Promise<string | undefined> {
  const hooks = await s.store.webhooks().catch(e => { reportError(s, 'send', e); return undefined; });
  if (!hooks) return undefined;
  const preferred = networkSettings().defaultWebhook;
  if (preferred && hooks.some(h => h.name === preferred)) return preferred;
  if (preferred) void s.prompts.current.warn(`The default webhook "${preferred}" (mattermostPayloads.defaultWebhook) is not stored on this machine. Pick one, or add it under that name.`);
  type Item = vscode.QuickPickItem & { name?: string };
  const items: Item[] = hooks.map(h => ({ label: h.name, description: h.redactedUrl, name: h.name }));
  items.push({ label: '$(add) Add webhook…' });
  const picked = await s.prompts.current.pick(items, { title: 'Send Payload to Webhook', placeHolder: 'Which webhook?' });
  if (!picked) return undefined;
  return picked.name ?? addWebhook(s);
}

// ------------------------------------------------------------------ REST API

export async function sendViaApi(s: Services, uri?: vscode.Uri, resend?: Resend): Promise<SendOutcome> {
  const none: SendOutcome = { status: 'not sent', detail: '' };
  if (!ensureTrusted('Sending through the Mattermost API')) return { status: 'not sent', detail: 'Restricted Mode' };
  const src = source(s, uri, resend);
  if (!src) return none;
  if (src.kind === 'dialog') { void s.prompts.current.error('A dialog is opened by an integration with a trigger id, not posted to a channel.'); return none; }
  const accepted = await passesLint(s, src, src.kind ?? 'post');
  if (!accepted) return none;
  // A resend goes to the recorded server and channel, not to whatever the settings name now.
  const recorded = resend?.target.type === 'api' ? resend.target : undefined;
  let account = await accountFor(s, recorded?.origin);
  if (!account) return none;
  const channel = recorded
    ? { account, teamName: recorded.teamName ?? recorded.channel.split('/')[0], channel: { id: recorded.channelId, team_id: '', name: recorded.channel.split('/').pop() ?? recorded.channel, display_name: recorded.channel, type: 'O' } }
    : await chooseChannel(s, account);
  if (!channel) return none;
  account = channel.account;
  let converted: ReturnType<typeof toPost>;
  try { converted = toPost(src.text, channel.channel.id); } catch (e) { reportError(s, 'send', e); return none; }
  const body = converted.body;
  // What the REST API itself refuses (it does not split long messages as webhooks do); what the
  // user already accepted above is not asked again.
  if (src.kind !== 'post' && !(await passesLint(s, { ...src, text: JSON.stringify(body) }, 'post', accepted, 'this post through the API'))) return none;
  const target: SendTarget = { type: 'api', origin: account.origin, channel: `${channel.teamName}/${channel.channel.name}`, channelId: channel.channel.id, teamName: channel.teamName };
  const key = `api:${account.origin}:${channel.channel.id}`;
  if (!(await confirmed(s, key, `~${channel.channel.name} on ${account.origin}`, new URL(account.origin)))) return none;
  const started = Date.now();
  try {
    const created = await withProgress(`Posting ${src.name} to ~${channel.channel.name}…`, signal =>
      withSessionRetry(account!, a => client(s).createPost(a, body, { signal, teamName: channel.teamName, timeoutMs: networkSettings().timeoutMs }), () => relogin(s, account!.origin)));
    await rememberTarget(s, key);
    const dropped = converted.notes.filter(n => n.kind !== 'converted').map(n => n.message);
    const detail = `201 post ${created.post.id}`;
    await record(s, src, target, started, 'sent', detail);
    s.logger.info('send', `${src.name} → ${describeTarget(target)}: ${detail} in ${Date.now() - started} ms${dropped.length ? `; ${dropped.join(' ')}` : ''}`);
    void s.prompts.current.info(`Posted ${src.name} to ~${channel.channel.name}.${dropped.length ? ` Note: ${dropped.join(' ')}` : ''}`, ...(created.permalink ? ['Open Post'] : []))
      .then(a => { if (a && created.permalink) void vscode.env.openExternal(vscode.Uri.parse(created.permalink)); });
    return { status: 'sent', detail, permalink: created.permalink };
  } catch (e) {
    return failed(s, src, target, started, e);
  }
}

interface ChosenChannel { account: Account; teamName: string; channel: Channel }

async function chooseChannel(s: Services, account: Account): Promise<ChosenChannel | undefined> {
  const api = client(s);
  const preferred = networkSettings().defaultChannel;
  try {
    if (preferred) {
      const m = /^([^/\s]+)\/([^/\s]+)$/.exec(preferred);
      if (!m) { void s.prompts.current.error(`mattermostPayloads.defaultChannel must be "team/channel" by name, e.g. "engineering/town-square"; it is "${preferred}".`); return undefined; }
      const channel = await withSessionRetry(account, a => api.channelByName(a, m[1], m[2]), () => relogin(s, account.origin));
      return { account: (await s.store.account(account.origin)) ?? account, teamName: m[1], channel };
    }
    const teams = await withSessionRetry(account, a => api.myTeams(a), () => relogin(s, account.origin));
    account = (await s.store.account(account.origin)) ?? account;
    const last = s.context.workspaceState.get<{ origin: string; channelId: string }>(LAST_CHANNEL);
    type Item = vscode.QuickPickItem & { team?: string; channel?: Channel };
    const items: Item[] = [];
    for (const team of teams) {
      items.push({ label: team.display_name || team.name, kind: vscode.QuickPickItemKind.Separator });
      for (const c of await withSessionRetry(account, a => api.myChannels(a, team.id), () => relogin(s, account.origin))) {
        if (c.type !== 'O' && c.type !== 'P') continue;
        items.push({ label: `${c.type === 'P' ? '$(lock)' : '$(comment-discussion)'} ${c.display_name || c.name}`, description: `${team.name}/${c.name}`, team: team.name, channel: c });
      }
    }
    const lastItem = items.find(i => i.channel && last?.origin === account.origin && i.channel.id === last.channelId);
    if (lastItem) { items.splice(items.indexOf(lastItem), 1); items.unshift({ ...lastItem, detail: 'last used' }); }
    const picked = await s.prompts.current.pick(items, { title: `Send via API to ${account.origin}`, placeHolder: 'Which channel?', matchOnDescription: true });
    if (!picked?.channel || !picked.team) return undefined;
    await s.context.workspaceState.update(LAST_CHANNEL, { origin: account.origin, channelId: picked.channel.id });
    return { account, teamName: picked.team, channel: picked.channel };
  } catch (e) {
    reportError(s, 'send', e, 'Could not list channels. ');
    return undefined;
  }
}

async function failed(s: Services, src: Source, target: SendTarget, started: number, e: unknown): Promise<SendOutcome> {
  if (e instanceof CancelledError) {
    await record(s, src, target, started, 'cancelled', 'cancelled by you');
    s.logger.info('send', `${src.name} → ${describeTarget(target)}: cancelled`);
    return { status: 'cancelled', detail: 'cancelled' };
  }
  const text = reportError(s, 'send', e, `Sending ${src.name} to ${describeTarget(target)} failed. `);
  await record(s, src, target, started, 'failed', text);
  return { status: 'failed', detail: text };
}

// ------------------------------------------------------------------ history

export async function showHistory(s: Services): Promise<void> {
  if (!ensureTrusted('Resending from the send history')) return;
  const all = s.history.all();
  if (all.length === 0) { void s.prompts.current.info('Nothing has been sent from this workspace yet.'); return; }
  type Item = vscode.QuickPickItem & { record: SendRecord };
  const icon = { sent: '$(pass)', failed: '$(error)', cancelled: '$(circle-slash)' };
  const items: Item[] = all.map(r => ({
    label: `${icon[r.status]} ${r.file} → ${describeTarget(r.target)}`,
    description: `${new Date(r.at).toLocaleString()} · ${r.durationMs} ms`,
    detail: r.detail, record: r,
  }));
  const picked = await s.prompts.current.pick(items, { title: 'Mattermost: Send History (last 50)', placeHolder: 'Pick a send to resend it', matchOnDetail: true });
  if (!picked) return;
  await resend(s, picked.record);
}

async function resend(s: Services, r: SendRecord): Promise<SendOutcome | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const uri = folder ? vscode.Uri.joinPath(folder.uri, r.file) : undefined;
  const what = r.text !== undefined ? 'the same payload as then' : `${r.file} as it is now`;
  const go = await s.prompts.current.ask(`Resend to ${describeTarget(r.target)}?`, `This sends ${what} again.`, 'Resend');
  if (go !== 'Resend') return undefined;
  const doc = uri ? await vscode.workspace.openTextDocument(uri).then(d => d, () => undefined) : undefined;
  if (r.text === undefined) {
    if (!doc) { void s.prompts.current.error(`${r.file} no longer exists, and the payload was too large to keep in the history.`); return undefined; }
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true });
  }
  const again: Resend = { text: r.text, file: r.file, target: r.target };
  return r.target.type === 'webhook' ? sendToWebhook(s, doc?.uri, r.target.name, again) : sendViaApi(s, doc?.uri, again);
}
