import * as vscode from 'vscode';
import { withSessionRetry } from '../../core/mattermost/client';
import { CancelledError } from '../../core/mattermost/errors';
import { redactUrl } from '../../core/mattermost/redact';
import {
  AcceptedErrors, apiLintKind, apiRefusal, apiTargetKey, channelChoices, defaultWebhook, describeTarget, LAST_CHANNEL_KEY, LastChannel,
  lintGate, lintsConvertedBody, parseDefaultChannel, recordedChannel, registryLoss, Resend, resendFileGone, resendOf, reusableProblems, SendOutcome,
  SendRecord, SendTarget, SentTargets, sendOrigin, webhookDetail, webhookKindQuestion, webhookMovedQuestion, webhookTargetKey,
} from '../../core/mattermost/send';
import { type Profile, sameProfile } from '../../core/server/profile';
import { toPost } from '../../core/mattermost/toPost';
import { Account, BodyText, Channel } from '../../core/mattermost/types';
import { Kind } from '../../core/payload/problem';
import type { EditorDocument, Services } from '../services';
import { accountFor, relogin } from './account';
import { asked, confirmed } from './ask';
import { client, reportError } from './report';
import { resendInvocation } from './invoke';
import { addWebhook } from './webhooks';

// Adapters only: every decision is a rule in src/core/mattermost/send.ts; here are the questions,
// the requests and what is stored.

/** What is sent: the editor's text (unsaved changes included; the file is never modified), or a recorded one. */
interface Source {
  uri: vscode.Uri;
  /** A big editor text comes in slices (never joined unless something must parse it). */
  text: BodyText;
  kind: Kind | undefined;
  name: string;
  /** The document, when `text` is its text at `doc.version` (so the editor's lint result for it counts). */
  doc?: EditorDocument;
}

/** The active editor's document (or `uri`'s), or, for a resend of recorded text, that text under its recorded name. */
async function source(s: Services, uri?: vscode.Uri, resend?: Resend): Promise<Source | undefined> {
  if (resend?.text !== undefined) {
    const doc = uri ? await s.editor.document(uri) : undefined;
    return { uri: doc?.uri ?? s.editor.uriOf(resend.file), text: resend.text, kind: doc?.kind, name: resend.file };
  }
  const doc = await s.editor.document(uri);
  if (!doc) { void s.prompts.current.info('Open a payload file first.'); return undefined; }
  return { uri: doc.uri, text: doc.text, kind: doc.kind, name: doc.name, doc };
}

/**
 * The server profile for a send to `origin` (undefined: not known yet): the logged-in server there, the
 * workspace file, the default — the order the editor uses (ServerProfiles.profileForOrigin).
 */
function sendProfile(s: Services, src: Source, origin: string | undefined): Profile {
  return s.profiles.profileForOrigin(origin, src.uri);
}

/**
 * The lint gate, against the destination's server profile: the editor's latest lint result for this
 * document version when there is one (the same kind, rules and profile), else a lint now. Returns the
 * errors accepted so far, or undefined: do not send.
 */
async function passesLint(s: Services, src: Source, kind: Kind, profile: Profile, accepted?: AcceptedErrors, what?: string): Promise<AcceptedErrors | undefined> {
  const disabledRules = s.settings.disabledRules(src.uri);
  const latest = src.doc ? reusableProblems(s.lints.latest(src.doc), kind, disabledRules, { editor: s.profiles.profileFor(src.doc.uri), send: profile }) : undefined;
  const problems = latest ?? await s.lints.lint(joined(src.text), kind, { disabledRules, profile });
  const gate = lintGate(problems, accepted, what);
  if (!gate.ask) return gate.accepted;
  const choice = await s.prompts.current.ask(gate.ask.message, gate.ask.detail, gate.ask.go, gate.ask.showProblems);
  if (choice === gate.ask.showProblems) s.editor.showProblems();
  return choice === gate.ask.go ? gate.acceptedIfSent : undefined;
}

async function record(s: Services, src: Source, target: SendTarget, started: number, status: SendRecord['status'], detail: string): Promise<void> {
  await s.history.add({ at: started, target, status, detail, durationMs: Date.now() - started, file: src.name, text: typeof src.text === 'string' ? src.text : undefined });
}

/** The whole text, for what must parse it (a sliced text is over the history's size limit anyway). */
function joined(text: BodyText): string {
  return typeof text === 'string' ? text : text.join('');
}

// ------------------------------------------------------------------ webhook

export async function sendToWebhook(s: Services, uri?: vscode.Uri, webhookName?: string, resend?: Resend): Promise<SendOutcome> {
  const none: SendOutcome = { status: 'not sent', detail: '' };
  if (!s.trust.ensure('Sending to a webhook')) return { status: 'not sent', detail: 'Restricted Mode' };
  const src = await source(s, uri, resend);
  if (!src) return none;
  if (!(await asked(s, webhookKindQuestion(src.kind)))) return none;
  // a resend (or a named webhook) knows its server already: lint against that server's profile
  const knownUrl = webhookName ? await s.store.webhookUrl(webhookName).catch(() => undefined) : undefined;
  const profile = sendProfile(s, src, sendOrigin({ webhookUrl: knownUrl, editorDestination: s.profiles.destinationOrigin(src.uri) }));
  const accepted = await passesLint(s, src, 'incoming', profile);
  if (!accepted) return none;
  const name = webhookName ?? await chooseWebhook(s);
  if (!name) return none;
  const url = await s.store.webhookUrl(name).catch(e => { reportError(s, 'send', e); return undefined; });
  if (!url) { void s.prompts.current.error(`No webhook named "${name}" is stored. Add it with "Mattermost: Manage Webhooks".`); return none; }
  // the webhook chosen only now goes to a server with another profile: lint for it (accepted errors do not ask again)
  const destination = sendProfile(s, src, sendOrigin({ webhookUrl: url }));
  if (!sameProfile(destination, profile) && !(await passesLint(s, src, 'incoming', destination, accepted))) return none;
  const target = { type: 'webhook', name, redactedUrl: redactUrl(url) } as const;
  if (!(await asked(s, webhookMovedQuestion(resend, target)))) return none;
  const key = webhookTargetKey(name, url);
  if (!(await confirmed(s, key, `webhook "${name}"`, new URL(url)))) return none;
  const started = Date.now();
  try {
    const timeoutMs = s.settings.network().timeoutMs;
    const r = await s.editor.withProgress(`Sending ${src.name} to webhook "${name}"…`, signal => client(s).postWebhook(url, src.text, { signal, timeoutMs }));
    await new SentTargets(s.state).remember(key);
    const detail = webhookDetail(r.status, r.body);
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
  const choice = defaultWebhook(s.settings.network().defaultWebhook, hooks);
  if ('use' in choice) return choice.use;
  if (choice.warning) void s.prompts.current.warn(choice.warning);
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
  if (!s.trust.ensure('Sending through the Mattermost API')) return { status: 'not sent', detail: 'Restricted Mode' };
  const src = await source(s, uri, resend);
  if (!src) return none;
  const refusal = apiRefusal(src.kind);
  if (refusal) { void s.prompts.current.error(refusal); return none; }
  const recorded = recordedChannel(resend);
  // a resend goes to its recorded server; a new send to the editor's destination (checked again below)
  const profile = sendProfile(s, src, sendOrigin({ apiOrigin: recorded?.origin, editorDestination: s.profiles.destinationOrigin(src.uri) }));
  let accepted = await passesLint(s, src, apiLintKind(src.kind), profile);
  if (!accepted) return none;
  let account = await accountFor(s, recorded?.origin);
  if (!account) return none;
  const channel = recorded ? { account, teamName: recorded.teamName, channel: recorded.channel } : await chooseChannel(s, account);
  if (!channel) return none;
  account = channel.account;
  // the account chosen is on a server with another profile: lint for it (accepted errors do not ask again)
  const destination = sendProfile(s, src, account.origin);
  if (!sameProfile(destination, profile)) {
    accepted = await passesLint(s, src, apiLintKind(src.kind), destination, accepted);
    if (!accepted) return none;
  }
  let converted: ReturnType<typeof toPost>;
  try { converted = toPost(joined(src.text), channel.channel.id); } catch (e) { reportError(s, 'send', e); return none; }
  const body = converted.body;
  if (lintsConvertedBody(src.kind) && !(await passesLint(s, { uri: src.uri, text: JSON.stringify(body), kind: 'post', name: src.name }, 'post', destination, accepted, 'this post through the API'))) return none;
  const target: SendTarget = { type: 'api', origin: account.origin, channel: `${channel.teamName}/${channel.channel.name}`, channelId: channel.channel.id, teamName: channel.teamName };
  const key = apiTargetKey(account.origin, channel.channel.id);
  if (!(await confirmed(s, key, `~${channel.channel.name} on ${account.origin}`, new URL(account.origin), registryLoss(body, account.tokenKind)))) return none;
  const started = Date.now();
  try {
    const timeoutMs = s.settings.network().timeoutMs;
    const created = await s.editor.withProgress(`Posting ${src.name} to ~${channel.channel.name}…`, signal =>
      withSessionRetry(account, a => client(s).createPost(a, body, { signal, teamName: channel.teamName, timeoutMs }), () => relogin(s, account.origin)));
    await new SentTargets(s.state).remember(key);
    const dropped = converted.notes.filter(n => n.kind !== 'converted').map(n => n.message);
    const detail = `201 post ${created.post.id}`;
    await record(s, src, target, started, 'sent', detail);
    s.logger.info('send', `${src.name} → ${describeTarget(target)}: ${detail} in ${Date.now() - started} ms${dropped.length ? `; ${dropped.join(' ')}` : ''}`);
    void s.prompts.current.info(`Posted ${src.name} to ~${channel.channel.name}.${dropped.length ? ` Note: ${dropped.join(' ')}` : ''}`, ...(created.permalink ? ['Open Post'] : []))
      .then(a => { if (a && created.permalink) s.editor.openExternal(created.permalink); });
    return { status: 'sent', detail, permalink: created.permalink };
  } catch (e) {
    return failed(s, src, target, started, e);
  }
}

interface ChosenChannel { account: Account; teamName: string; channel: Channel }

async function chooseChannel(s: Services, account: Account): Promise<ChosenChannel | undefined> {
  const api = client(s);
  const preferred = s.settings.network().defaultChannel;
  try {
    if (preferred) {
      const named = parseDefaultChannel(preferred);
      if (!named) { void s.prompts.current.error(`mattermostPayloads.defaultChannel must be "team/channel" by name, e.g. "engineering/town-square"; it is "${preferred}".`); return undefined; }
      const channel = await withSessionRetry(account, a => api.channelByName(a, named.team, named.channel), () => relogin(s, account.origin));
      return { account: (await s.store.account(account.origin)) ?? account, teamName: named.team, channel };
    }
    const teams = await withSessionRetry(account, a => api.myTeams(a), () => relogin(s, account.origin));
    account = (await s.store.account(account.origin)) ?? account;
    const listed: { team: typeof teams[number]; channels: Channel[] }[] = [];
    for (const team of teams) listed.push({ team, channels: await withSessionRetry(account, a => api.myChannels(a, team.id), () => relogin(s, account.origin)) });
    type Item = vscode.QuickPickItem & { team?: string; channel?: Channel };
    const items: Item[] = [];
    let section: string | undefined;
    for (const c of channelChoices(listed, account.origin, s.state.get<LastChannel>(LAST_CHANNEL_KEY))) {
      if (!c.lastUsed && c.team !== section) { items.push({ label: c.teamLabel, kind: vscode.QuickPickItemKind.Separator }); section = c.team; }
      items.push({
        label: `${c.channel.type === 'P' ? '$(lock)' : '$(comment-discussion)'} ${c.channel.display_name || c.channel.name}`,
        description: `${c.team}/${c.channel.name}`, team: c.team, channel: c.channel, ...(c.lastUsed ? { detail: 'last used' } : {}),
      });
    }
    const picked = await s.prompts.current.pick(items, { title: `Send via API to ${account.origin}`, placeHolder: 'Which channel?', matchOnDescription: true });
    if (!picked?.channel || !picked.team) return undefined;
    await s.state.update(LAST_CHANNEL_KEY, { origin: account.origin, channelId: picked.channel.id } satisfies LastChannel);
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
  if (!s.trust.ensure('Resending from the send history')) return;
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
  const plan = resendOf(r);
  if (!(await asked(s, plan.ask))) return undefined;
  if (r.target.type === 'invoke') return resendInvocation(s, r.target, r.text);
  const doc = await s.editor.openWorkspaceFile(r.file);
  if (plan.needsFile) {
    if (!doc) { void s.prompts.current.error(resendFileGone(r)); return undefined; }
    await s.editor.show(doc.uri);
  }
  return r.target.type === 'webhook' ? sendToWebhook(s, doc?.uri, r.target.name, plan.again) : sendViaApi(s, doc?.uri, plan.again);
}
