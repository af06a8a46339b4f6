import * as assert from 'node:assert/strict';
import { clearSecrets } from '../../../src/core/mattermost/redact';
import {
  apiLintKind, apiRefusal, apiTargetKey, channelChoices, confirmation, ConfirmationInput, defaultWebhook, describeTarget, HISTORY_KEY,
  HISTORY_LIMIT, HISTORY_MAX_TEXT, historyRecord, LintResult, lintGate, lintsConvertedBody, parseDefaultChannel, recordedChannel,
  resendFileGone, resendOf, reusableProblems, SendHistory, sendOrigin, SendRecord, SendTarget, SENT_TARGETS_KEY, SentTargets, StateStore,
  webhookDetail, webhookKindQuestion, webhookMovedQuestion, webhookTargetKey,
} from '../../../src/core/mattermost/send';
import { toPost } from '../../../src/core/mattermost/toPost';
import { lint } from '../../../src/core/payload/lint';
import type { Problem } from '../../../src/core/payload/problem';
import type { Channel } from '../../../src/core/mattermost/types';
import { DEFAULT_PROFILE, parseProfile, type Profile, profileForDestination, profileForVersion, type ProfileSources, sameProfile } from '../../../src/core/server/profile';

/** A Memento as the send rules see it, in memory. */
class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  updates = 0;
  get<T>(key: string): T | undefined { return this.values.get(key) as T | undefined; }
  update(key: string, value: unknown): Promise<void> { this.updates++; this.values.set(key, structuredClone(value)); return Promise.resolve(); }
}

const HOOK_KEY = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const HOOK_URL = `https://mm.example.com/hooks/${HOOK_KEY}`;

function problem(rule: string, severity: Problem['severity'], message = `${rule} message`): Problem {
  return { rule, severity, message, start: 0, end: 1 } as Problem;
}

describe('send rules: confirmation before a send', () => {
  const base: ConfirmationInput = { url: new URL('https://mm.example.com'), targetKey: 'api:https://mm.example.com:c1', sentBefore: false, confirmBeforeSend: true, label: '~town-square on https://mm.example.com' };

  it('asks before the first send to a target from this workspace when the setting is on', () => {
    const q = confirmation(base);
    assert.ok(q);
    assert.equal(q.message, 'Send the payload to ~town-square on https://mm.example.com?');
    assert.match(q.detail, /first send to this target from this workspace \(setting mattermostPayloads\.confirmBeforeSend\)/);
    assert.equal(q.go, 'Send');
  });

  it('does not ask again once the target was sent to', () => {
    assert.equal(confirmation({ ...base, sentBefore: true }), undefined);
  });

  it('does not ask for a first send when the setting is off', () => {
    assert.equal(confirmation({ ...base, confirmBeforeSend: false }), undefined);
  });

  it('a send that is never remembered (no target key: a webhook test message) asks only for plain http', () => {
    assert.equal(confirmation({ ...base, targetKey: undefined }), undefined);
    assert.ok(confirmation({ ...base, targetKey: undefined, url: new URL('http://mm.example.com/hooks/x') }));
  });

  it('always asks before plain http:// to a host that is not this machine: setting off, sent before', () => {
    for (const url of ['http://mm.example.com', 'http://10.0.0.5:8065', 'http://127.0.0.1.evil.test', 'http://localhost.example.com', 'http://[::2]']) {
      const q = confirmation({ ...base, url: new URL(url), sentBefore: true, confirmBeforeSend: false });
      assert.ok(q, url);
      assert.match(q.detail, /plain http:\/\/ to a host that is not this machine/, url);
    }
  });

  it('plain http to this machine is not asked about for itself', () => {
    for (const url of ['http://127.0.0.1:8065', 'http://localhost:8065', 'http://LOCALHOST', 'http://app.localhost', 'http://[::1]:8065', 'http://127.9.8.7']) {
      assert.equal(confirmation({ ...base, url: new URL(url), sentBefore: true, confirmBeforeSend: false }), undefined, url);
      // …but still counts as a first send when the setting is on
      assert.match(confirmation({ ...base, url: new URL(url) })?.detail ?? '', /first send/, url);
    }
  });

  it('https to a remote host is asked about only as a first send', () => {
    assert.equal(confirmation({ ...base, url: new URL('https://mm.example.com'), sentBefore: true }), undefined);
  });
});

describe('send rules: target keys and remembered targets', () => {
  it('a webhook target is its name and its URL, and the key never holds the URL', () => {
    const key = webhookTargetKey('alerts', HOOK_URL);
    assert.match(key, /^webhook:alerts:[0-9a-f]{16}$/);
    assert.ok(!key.includes(HOOK_KEY) && !key.includes('mm.example.com'));
    assert.equal(webhookTargetKey('alerts', HOOK_URL), key, 'stable');
    assert.notEqual(webhookTargetKey('alerts', 'https://mm.example.com/hooks/zzzzzzzzzzzzzzzzzzzzzzzzzz'), key, 'a name that now points elsewhere is a new target');
    assert.notEqual(webhookTargetKey('alerts-2', HOOK_URL), key, 'another name is another target');
  });

  it('keeps the keys already stored in workspaces (sha-256 of the URL, first 16 hex digits)', () => {
    assert.equal(webhookTargetKey('x', 'https://a.test/hooks/abc'), 'webhook:x:b412fdd6a9915aa2');
  });

  it('an API target is the server origin and the channel id', () => {
    assert.equal(apiTargetKey('https://mm.example.com', 'c1'), 'api:https://mm.example.com:c1');
    assert.notEqual(apiTargetKey('https://mm.example.com:8443', 'c1'), apiTargetKey('https://mm.example.com', 'c1'));
  });

  it('remembers a target once, in workspace state, and reads what is stored', async () => {
    const state = new MemoryState();
    const sent = new SentTargets(state);
    assert.equal(sent.has('k1'), false);
    await sent.remember('k1');
    await sent.remember('k1');
    await sent.remember('k2');
    assert.deepEqual(state.get(SENT_TARGETS_KEY), ['k1', 'k2']);
    assert.equal(state.updates, 2, 'a known target is not written again');
    assert.equal(new SentTargets(state).has('k2'), true);
  });
});

describe('send rules: what is sent as what', () => {
  it('a webhook takes incoming payloads: another kind is asked about, an unknown or incoming one is not', () => {
    assert.equal(webhookKindQuestion(undefined), undefined);
    assert.equal(webhookKindQuestion('incoming'), undefined);
    const q = webhookKindQuestion('command');
    assert.equal(q?.message, 'This is a command payload, but webhooks take incoming-webhook payloads.');
    assert.equal(q?.go, 'Send Anyway');
  });

  it('the API refuses a dialog, lints a file that is not a payload as a post, and lints the converted body unless it is a post', () => {
    assert.match(apiRefusal('dialog') ?? '', /trigger id/);
    for (const k of ['incoming', 'command', 'outgoing', 'post', undefined] as const) assert.equal(apiRefusal(k), undefined);
    assert.equal(apiLintKind(undefined), 'post');
    assert.equal(apiLintKind('incoming'), 'incoming');
    assert.equal(lintsConvertedBody('post'), false);
    assert.equal(lintsConvertedBody('incoming'), true);
    assert.equal(lintsConvertedBody(undefined), true);
  });
});

describe('send rules: the lint gate', () => {
  it('passes without errors, warnings and information included, keeping what was accepted', () => {
    const accepted = new Set(['x']);
    const gate = lintGate([problem('slack-bold', 'warning'), problem('text-split', 'information')], accepted);
    assert.equal(gate.ask, undefined);
    assert.equal(gate.ask === undefined && gate.accepted, accepted);
    const none = lintGate([]);
    assert.ok(none.ask === undefined && none.accepted.size === 0);
  });

  it('asks about the first error and counts the rest; Send Anyway accepts them all', () => {
    const gate = lintGate([problem('slack-bold', 'warning'), problem('short-not-boolean', 'error', 'short must be a boolean'), problem('invalid-url', 'error')]);
    assert.ok(gate.ask);
    assert.equal(gate.ask.message, 'Mattermost will reject this payload: short must be a boolean (and 1 more)');
    assert.equal(gate.ask.detail, 'See the Problems panel for every problem.');
    assert.equal(gate.ask.go, 'Send Anyway');
    assert.equal(gate.ask.showProblems, 'Show Problems');
    assert.deepEqual(gate.errors.map(e => e.rule), ['short-not-boolean', 'invalid-url']);
    assert.deepEqual([...gate.acceptedIfSent].sort(), ['invalid-url', 'short-not-boolean']);
    const one = lintGate([problem('no-text', 'error', 'no text')], undefined, 'this post through the API');
    assert.equal(one.ask?.message, 'Mattermost will reject this post through the API: no text');
  });

  it('an error already accepted is not asked about again; a new one is, and the accepted set grows', () => {
    const first = lintGate([problem('body-too-large', 'error')]);
    assert.ok(first.ask);
    const again = lintGate([problem('body-too-large', 'error'), problem('slack-bold', 'warning')], first.acceptedIfSent);
    assert.equal(again.ask, undefined);
    const more = lintGate([problem('body-too-large', 'error'), problem('message-too-long', 'error', 'too long')], first.acceptedIfSent);
    assert.ok(more.ask);
    assert.equal(more.ask.message, 'Mattermost will reject this payload: too long');
    assert.deepEqual([...more.acceptedIfSent].sort(), ['body-too-large', 'message-too-long']);
  });

  it('with the real linter: an oversized webhook payload accepted once is not asked about after the API conversion', () => {
    const big = JSON.stringify({ text: 'a big one', attachments: Array.from({ length: 40 }, (_, i) => ({ fallback: `part ${i}`, text: 'x'.repeat(8000) })) });
    const first = lintGate(lint(big, 'incoming'));
    assert.ok(first.ask, 'the webhook body is over the limit');
    assert.match(first.ask.message, /reads only the first 300512 bytes/);
    const body = JSON.stringify(toPost(big, 'abcdefghijklmnopqrstuvwxyz').body);
    const converted = lint(body, 'post');
    assert.ok(converted.some(p => p.severity === 'error' && first.acceptedIfSent.has(p.rule)), 'the conversion keeps the error');
    assert.equal(lintGate(converted, first.acceptedIfSent, 'this post through the API').ask, undefined);
    assert.ok(lintGate(converted, new Set(), 'this post through the API').ask, 'not accepted: asked');
  });
});

describe('send rules: reusing the editor\'s lint result', () => {
  const result: LintResult = { kind: 'incoming', disabledRules: ['slack-bold', 'invalid-url'], problems: [problem('no-text', 'error')] };

  it('reuses the result for the same kind and the same disabled rules, in any order', () => {
    assert.equal(reusableProblems(result, 'incoming', ['invalid-url', 'slack-bold']), result.problems);
    assert.equal(reusableProblems(result, 'incoming', ['invalid-url', 'slack-bold', 'slack-bold']), result.problems);
  });

  it('lints again without a result, for another kind, or with other disabled rules', () => {
    assert.equal(reusableProblems(undefined, 'incoming', []), undefined);
    assert.equal(reusableProblems(result, 'post', ['slack-bold', 'invalid-url']), undefined);
    assert.equal(reusableProblems(result, 'incoming', ['slack-bold']), undefined);
    assert.equal(reusableProblems(result, 'incoming', ['slack-bold', 'invalid-url', 'no-text']), undefined);
    assert.equal(reusableProblems({ ...result, disabledRules: [] }, 'incoming', []), result.problems);
  });
});

describe('send rules: the lint gate uses the destination\'s server profile (issue 11)', () => {
  const HOOK = 'http://127.0.0.1:8065/hooks/abcdefghijklmnopqrstuvwxyz';
  const old = parseProfile({ Version: '5.7.0' }, 'logged-in server', 'http://127.0.0.1:8065');
  const file = parseProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true' }, 'workspace file', '.mattermost/server.json');
  const sources = (saved: Record<string, Profile>, f?: Profile): ProfileSources => ({ loggedIn: o => saved[o], file: f });
  // `short` as a string: a 400 on servers before 5.8, fine after
  const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'true' }] }] });
  const gateFor = (profile: Profile) => lintGate(lint(text, 'incoming', { profile }));

  it('the destination: a webhook\'s URL origin, else the API\'s recorded or chosen origin, else the editor\'s', () => {
    assert.equal(sendOrigin({ webhookUrl: HOOK, editorDestination: 'http://127.0.0.1:9000' }), 'http://127.0.0.1:8065');
    assert.equal(sendOrigin({ webhookUrl: 'not a url', editorDestination: 'http://127.0.0.1:9000' }), undefined);
    assert.equal(sendOrigin({ apiOrigin: 'http://127.0.0.1:8065', editorDestination: 'http://127.0.0.1:9000' }), 'http://127.0.0.1:8065');
    assert.equal(sendOrigin({ editorDestination: 'http://127.0.0.1:9000' }), 'http://127.0.0.1:9000');
    assert.equal(sendOrigin({}), undefined);
  });

  it('first found wins, as in the editor: the logged-in server for that origin, the workspace file, the default', () => {
    const saved = { 'http://127.0.0.1:8065': old };
    assert.equal(profileForDestination('http://127.0.0.1:8065', sources(saved, file)), old);
    assert.equal(profileForDestination('http://127.0.0.1:9000', sources(saved, file)), file);
    assert.equal(profileForDestination(undefined, sources(saved, file)), file);
    assert.equal(profileForDestination('http://127.0.0.1:9000', sources(saved)), DEFAULT_PROFILE);
  });

  it('a resend to a webhook on a 5.7 server is gated by that server: the string short stops it; elsewhere it does not', () => {
    const resendTo = (saved: Record<string, Profile>, f?: Profile) => profileForDestination(sendOrigin({ webhookUrl: HOOK }), sources(saved, f));
    const on57 = gateFor(resendTo({ 'http://127.0.0.1:8065': old }));
    assert.ok(on57.ask, 'asked before sending to the 5.7 server');
    assert.match(on57.ask.message, /^Mattermost will reject this payload: On Mattermost 5\.7, `short` must be a JSON true or false/);
    // no profile kept for that server: the workspace file, then the default (both accept the string form)
    assert.equal(gateFor(resendTo({}, file)).ask, undefined);
    assert.equal(gateFor(resendTo({})).ask, undefined);
    assert.equal(gateFor(resendTo({ 'http://127.0.0.1:9999': old })).ask, undefined, 'another server\'s profile does not count');
  });

  it('reuses the editor\'s result only when the editor linted against the same version and settings', () => {
    const result: LintResult = { kind: 'incoming', disabledRules: [], problems: [] };
    assert.equal(reusableProblems(result, 'incoming', [], { editor: DEFAULT_PROFILE, send: old }), undefined);
    assert.equal(reusableProblems(result, 'incoming', [], { editor: DEFAULT_PROFILE, send: file }), undefined, 'another setting');
    // the same server from another source (a CLI --server-version 11.6 is the default's version and settings)
    assert.equal(reusableProblems(result, 'incoming', [], { editor: DEFAULT_PROFILE, send: profileForVersion('11.6.0') }), result.problems);
    assert.ok(sameProfile(parseProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'false' }, 'workspace file'), DEFAULT_PROFILE), 'a default written out');
    assert.ok(!sameProfile(profileForVersion('11.5'), DEFAULT_PROFILE));
  });
});

describe('send rules: destinations', () => {
  it('reads the default channel as team/channel by name', () => {
    assert.deepEqual(parseDefaultChannel('engineering/town-square'), { team: 'engineering', channel: 'town-square' });
    for (const bad of ['town-square', 'a/b/c', '/b', 'a/', 'a b/c', '']) assert.equal(parseDefaultChannel(bad), undefined, bad);
  });

  it('uses the default webhook when stored here, else lets the user pick (warning when it is not stored)', () => {
    const stored = [{ name: 'alerts' }, { name: 'ops' }];
    assert.deepEqual(defaultWebhook('ops', stored), { use: 'ops' });
    assert.deepEqual(defaultWebhook(undefined, stored), { pick: true });
    const missing = defaultWebhook('gone', stored);
    assert.ok('pick' in missing);
    assert.match(missing.warning ?? '', /The default webhook "gone" \(mattermostPayloads\.defaultWebhook\) is not stored on this machine/);
  });

  it('offers open and private channels, team by team, the last used on this server first', () => {
    const ch = (id: string, type: string): Channel => ({ id, team_id: 't', name: `n-${id}`, display_name: `D ${id}`, type });
    const teams = [
      { team: { name: 'alpha', display_name: 'Alpha' }, channels: [ch('a1', 'O'), ch('a2', 'D'), ch('a3', 'P')] },
      { team: { name: 'beta', display_name: '' }, channels: [ch('b1', 'G'), ch('b2', 'O')] },
    ];
    const ids = (c: ReturnType<typeof channelChoices>) => c.map(x => `${x.team}/${x.channel.id}${x.lastUsed ? '*' : ''}`);
    assert.deepEqual(ids(channelChoices(teams, 'https://a', undefined)), ['alpha/a1', 'alpha/a3', 'beta/b2']);
    assert.deepEqual(ids(channelChoices(teams, 'https://a', { origin: 'https://a', channelId: 'b2' })), ['beta/b2*', 'alpha/a1', 'alpha/a3']);
    assert.deepEqual(ids(channelChoices(teams, 'https://a', { origin: 'https://other', channelId: 'b2' })), ['alpha/a1', 'alpha/a3', 'beta/b2'], 'last used on another server');
    assert.deepEqual(ids(channelChoices(teams, 'https://a', { origin: 'https://a', channelId: 'a2' })), ['alpha/a1', 'alpha/a3', 'beta/b2'], 'a direct message is never offered');
    assert.equal(channelChoices(teams, 'https://a', undefined)[2].teamLabel, 'beta', 'a team without display name is shown by name');
  });
});

describe('send rules: resend', () => {
  const webhook: SendTarget = { type: 'webhook', name: 'alerts', redactedUrl: 'https://mm.example.com/hooks/••••••' };
  const api: SendTarget = { type: 'api', origin: 'https://mm.example.com', channel: 'eng/town-square', channelId: 'c1', teamName: 'eng' };
  const rec = (over: Partial<SendRecord>): SendRecord => ({ id: '1', at: 0, target: webhook, status: 'sent', detail: '200 ok', durationMs: 3, file: 'a.incoming.json', ...over });

  it('resends the recorded text when kept, else the file as it is now (which must exist)', () => {
    const kept = resendOf(rec({ text: '{"text":"then"}' }));
    assert.equal(kept.ask.message, 'Resend to webhook "alerts" (https://mm.example.com/hooks/••••••)?');
    assert.equal(kept.ask.detail, 'This sends the same payload as then again.');
    assert.equal(kept.ask.go, 'Resend');
    assert.deepEqual(kept.again, { text: '{"text":"then"}', file: 'a.incoming.json', target: webhook });
    assert.equal(kept.needsFile, false);
    const file = resendOf(rec({ target: api }));
    assert.equal(file.ask.message, 'Resend to ~eng/town-square on https://mm.example.com?');
    assert.equal(file.ask.detail, 'This sends a.incoming.json as it is now again.');
    assert.equal(file.needsFile, true);
    assert.equal(file.again.text, undefined);
    assert.match(resendFileGone(rec({})), /^a\.incoming\.json no longer exists/);
  });

  it('asks when the webhook name now points to another URL, and only then', () => {
    const again = { file: 'a', target: webhook };
    assert.equal(webhookMovedQuestion(again, webhook), undefined);
    assert.equal(webhookMovedQuestion(undefined, webhook), undefined, 'not a resend');
    assert.equal(webhookMovedQuestion({ file: 'a', target: api }, webhook), undefined);
    const moved = { ...webhook, redactedUrl: 'https://other.example.com/hooks/••••••' } as const;
    const q = webhookMovedQuestion(again, moved);
    assert.equal(q?.message, 'Webhook "alerts" now points to https://other.example.com/hooks/••••••, not https://mm.example.com/hooks/•••••• as when this was sent. Send there?');
    assert.equal(q?.go, 'Send');
  });

  it('an API resend goes to the recorded server and channel, whatever the settings say now', () => {
    assert.deepEqual(recordedChannel({ file: 'a', target: api }), {
      origin: 'https://mm.example.com', teamName: 'eng',
      channel: { id: 'c1', team_id: '', name: 'town-square', display_name: 'eng/town-square', type: 'O' },
    });
    // records written before the team name was kept
    const old = recordedChannel({ file: 'a', target: { type: 'api', origin: 'https://mm.example.com', channel: 'ops/alerts', channelId: 'c2' } });
    assert.equal(old?.teamName, 'ops');
    assert.equal(old?.channel.name, 'alerts');
    assert.equal(recordedChannel({ file: 'a', target: webhook }), undefined);
    assert.equal(recordedChannel(undefined), undefined);
  });
});

describe('send rules: history records', () => {
  afterEach(() => clearSecrets());
  const target: SendTarget = { type: 'webhook', name: 'alerts', redactedUrl: 'https://mm.example.com/hooks/••••••' };
  const input = (over: Partial<SendRecord> = {}): Omit<SendRecord, 'id'> => ({ at: 1000, target, status: 'sent', detail: '200 ok', durationMs: 5, file: 'a.incoming.json', text: '{"text":"hi"}', ...over });

  it('describes targets without secrets', () => {
    assert.equal(describeTarget(target), 'webhook "alerts" (https://mm.example.com/hooks/••••••)');
    assert.equal(describeTarget({ type: 'api', origin: 'https://mm.example.com', channel: 'eng/x', channelId: 'c' }), '~eng/x on https://mm.example.com');
  });

  it('redacts the detail and keeps a small, secret-free text for Resend', () => {
    const r = historyRecord(input({ detail: `failed: POST ${HOOK_URL} answered 500` }), 'id-1');
    assert.equal(r.id, 'id-1');
    assert.ok(!r.detail.includes(HOOK_KEY), r.detail);
    assert.match(r.detail, /failed: POST https:\/\/mm\.example\.com\/hooks\/\S+ answered 500/);
    assert.equal(r.text, '{"text":"hi"}');
  });

  it('does not keep a text that looks like it holds a secret, or one over the size limit', () => {
    assert.equal(historyRecord(input({ text: JSON.stringify({ text: 'x', attachments: [{ actions: [{ integration: { url: HOOK_URL } }] }] }) }), 'i').text, undefined);
    assert.equal(historyRecord(input({ text: JSON.stringify({ text: 'x', props: { token: 'k7xq3mbn9pfo5ewz1tcy8ud6ra' } }) }), 'i').text, undefined);
    const limit = '{"text":"' + 'y'.repeat(HISTORY_MAX_TEXT - 12) + '"}';
    assert.equal(limit.length, HISTORY_MAX_TEXT - 1);
    assert.equal(historyRecord(input({ text: limit }), 'i').text, limit);
    const over = '{"text":"' + 'y'.repeat(HISTORY_MAX_TEXT) + '"}';
    assert.equal(historyRecord(input({ text: over }), 'i').text, undefined);
    assert.equal(historyRecord(input({ text: undefined }), 'i').text, undefined);
  });

  it('keeps the last 50 sends, newest first, in workspace state', async () => {
    const state = new MemoryState();
    let n = 0;
    const history = new SendHistory(state, at => `${at}-${n++}`);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await history.add(input({ at: i, file: `f${i}.incoming.json` }));
    const all = history.all();
    assert.equal(all.length, HISTORY_LIMIT);
    assert.equal(all[0].file, `f${HISTORY_LIMIT + 4}.incoming.json`);
    assert.equal(all[0].id, `${HISTORY_LIMIT + 4}-${HISTORY_LIMIT + 4}`);
    assert.equal(all[HISTORY_LIMIT - 1].file, 'f5.incoming.json');
    assert.deepEqual(state.get(HISTORY_KEY), all);
    await history.clear();
    assert.deepEqual(history.all(), []);
  });

  it('the default record id is unique per send', async () => {
    const history = new SendHistory(new MemoryState());
    const a = await history.add(input());
    const b = await history.add(input());
    assert.notEqual(a.id, b.id);
    assert.match(a.id, /^rs-[a-z0-9]+$/);
  });

  it('a webhook answer is recorded as its status and the start of its body', () => {
    assert.equal(webhookDetail(200, 'ok\n'), '200 ok');
    assert.equal(webhookDetail(200, `  ${'z'.repeat(60)}`), `200 ${'z'.repeat(40)}`);
  });
});
