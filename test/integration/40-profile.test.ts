import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { redactUrl } from '../../src/core/mattermost/redact';
import { startSandbox, Sandbox } from '../../src/sandbox/server';
import { SEED } from '../../src/sandbox/state';
import { ProfileStatusBar } from '../../src/vscode/profileStatus';
import { answer, input, pick, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { openDocument, ourDiagnostics, waitFor, workspacePath, workspaceUri } from './util';

const FILE = 'profile-hook.incoming.json';
// a numeric attachment ts: only logged as invalid since ≈ 10.6 (attachment-ts), nothing to say before
const PAYLOAD = '{\n  "text": "deployed",\n  "username": "ci-bot",\n  "icon_url": "https://example.com/ci.png",\n  "attachments": [{ "fallback": "f", "ts": 1700000000 }]\n}\n';
const PROFILE_FILE = '.mattermost/server.json';

/** Whether the test file has an attachment-ts finding, once it is `want`. */
async function tsFinding(what: string, want: boolean): Promise<void> {
  await waitFor(what, () => ourDiagnostics(workspaceUri(FILE)).some(d => d.code === 'attachment-ts') === want || undefined, 15000);
}

/** The override-needs-setting messages on the test file, once they satisfy `ok`. */
async function overrideMessages(what: string, ok: (messages: string[]) => boolean, timeoutMs = 15000): Promise<string[]> {
  let last: string[] = [];
  try {
    return await waitFor(what, () => {
      last = ourDiagnostics(workspaceUri(FILE)).filter(d => d.code === 'override-needs-setting').map(d => d.message);
      return ok(last) ? last : undefined;
    }, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}; the diagnostics said: ${JSON.stringify(last)}`, { cause: e });
  }
}

describe('target-server profile (against the sandbox on 127.0.0.1)', function () {
  let sandbox: Sandbox;
  let p: ScriptedPrompter;
  let bar: ProfileStatusBar;

  before(async () => {
    sandbox = await startSandbox();
    fs.writeFileSync(workspacePath(FILE), PAYLOAD);
    const { services } = await testApi();
    bar = new ProfileStatusBar(services.profiles, services.kinds);
    // nothing known about where this file goes: no saved profile for it, no profile file
    const origin = services.profiles.destinationOrigin(workspaceUri(FILE));
    if (origin) await services.profiles.forget(origin);
  });
  after(async () => {
    bar.dispose();
    const { services } = await testApi();
    await services.profiles.forget(sandbox.url);
    await vscode.workspace.getConfiguration('mattermostPayloads').update('serverProfile', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(workspacePath('.mattermost'), { recursive: true, force: true });
    await sandbox.close();
  });
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  it('with no profile known: the default, said in the status bar and in the findings', async () => {
    await openDocument(FILE);
    const m = await overrideMessages('the default-profile warnings', x => x.length === 2);
    assert.match(m.join('\n'), /unless your server enables EnablePostUsernameOverride/);
    assert.match(m.join('\n'), /unless your server enables EnablePostIconOverride/);
    await waitFor('the status bar to say "default profile"', () => bar.text === '$(server-environment) default profile');
    assert.match(bar.tooltip, /No server profile is known.*Mattermost 11\.6/);
  });

  it('a workspace profile file, added later: the findings follow it, and again when it changes', async function () {
    this.timeout(120000); // file-watcher events are slow on a loaded machine
    await openDocument(FILE);
    await vscode.workspace.getConfiguration('mattermostPayloads').update('serverProfile', PROFILE_FILE, vscode.ConfigurationTarget.Workspace);
    await waitFor('the status bar to warn that the file is missing', () => bar.text.endsWith('$(warning)'));
    assert.match(bar.tooltip, /\.mattermost\/server\.json: the file does not exist/);
    fs.mkdirSync(workspacePath('.mattermost'), { recursive: true });
    fs.writeFileSync(workspacePath(PROFILE_FILE), JSON.stringify({ Version: '9.11.6', EnablePostUsernameOverride: 'false', EnablePostIconOverride: 'false' }));
    const m = await overrideMessages('the warnings to name 9.11', x => x.length === 2 && x.every(s => s.startsWith('On Mattermost 9.11 (workspace file)')), 45000);
    assert.match(m[0], /EnablePostUsernameOverride is off: Mattermost ignores `username` and shows the hook's name/);
    assert.strictEqual(bar.text, '$(server-environment) Mattermost 9.11 · overrides off');
    fs.writeFileSync(workspacePath(PROFILE_FILE), JSON.stringify({ Version: '9.11.6', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'false' }));
    const after = await overrideMessages('only the icon warning', x => x.length === 1, 45000);
    assert.match(after[0], /^On Mattermost 9\.11 \(workspace file\), EnablePostIconOverride is off/);
    await waitFor('the status bar to follow the file', () => bar.text === '$(server-environment) Mattermost 9.11 · username override on');
  });

  it('the logged-in server wins: fetched at login, and again by Refresh Server Profile when it changes', async () => {
    sandbox.setProfile({ Version: '10.5.0', EnablePostUsernameOverride: 'false', EnablePostIconOverride: 'false' });
    await openDocument(FILE);
    p.script(input(sandbox.url), pick('Personal access token'), input(SEED.pat));
    await vscode.commands.executeCommand('mattermostPayloads.login');
    const atLogin = await overrideMessages('the warnings to name the logged-in 10.5', x => x.length === 2 && x.every(s => s.startsWith('On Mattermost 10.5 (logged-in server)')));
    assert.match(atLogin[1], /EnablePostIconOverride is off/);
    await waitFor('the status bar to show 10.5', () => bar.text === '$(server-environment) Mattermost 10.5 · overrides off');
    await tsFinding('no attachment-ts finding on 10.5 (nothing is validated before ≈ 10.6)', false);
    assert.ok(bar.tooltip.includes(sandbox.url));
    const fetched = sandbox.requests.filter(r => r.path === '/api/v4/config/client');
    assert.strictEqual(fetched.length, 1);
    assert.strictEqual(fetched[0].headers.authorization, `Bearer ${SEED.pat}`);

    // the server's settings change: nothing changes until the profile is refreshed
    sandbox.setProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' });
    const text = await vscode.commands.executeCommand<string>('mattermostPayloads.refreshServerProfile');
    assert.strictEqual(text, 'Mattermost 11.6 · overrides on');
    await overrideMessages('no override warning with the overrides on', x => x.length === 0);
    await tsFinding('the attachment-ts finding on 11.6', true);
    await waitFor('the status bar to show 11.6 with overrides on', () => bar.text === '$(server-environment) Mattermost 11.6 · overrides on');
    assert.match(p.texts(), /Server profile of http:\/\/127\.0\.0\.1:\d+: Mattermost 11\.6 · overrides on/);
    assert.ok(!p.texts().includes(SEED.pat), 'the token was shown');

    // the version changes too: an older server with the overrides off
    sandbox.setProfile({ Version: '9.8.1', EnablePostUsernameOverride: 'false', EnablePostIconOverride: 'true' });
    await vscode.commands.executeCommand('mattermostPayloads.refreshServerProfile');
    const older = await overrideMessages('the username warning on 9.8', x => x.length === 1);
    assert.match(older[0], /^On Mattermost 9\.8 \(logged-in server\), EnablePostUsernameOverride is off/);
    await tsFinding('no attachment-ts finding on 9.8 again', false);
    const { services } = await testApi();
    const saved = services.globalState.get<Record<string, { config: Record<string, string> }>>('mattermostPayloads.serverProfiles')?.[sandbox.url];
    assert.strictEqual(saved?.config.Version, '9.8.1');
    assert.ok(!JSON.stringify(services.globalState.get('mattermostPayloads.serverProfiles')).includes(SEED.pat));
  });

  it('a logged-in server\'s profile older than a day is fetched again when it is used', async () => {
    const { services } = await testApi();
    await openDocument(FILE);
    sandbox.setProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' });
    const before = sandbox.requests.filter(r => r.path === '/api/v4/config/client').length;
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60 * 1000;
    await services.profiles.save(sandbox.url, { Version: '9.8.1', EnablePostUsernameOverride: 'false' }, twoDaysAgo);
    await waitFor('a background fetch of the stale profile', () => sandbox.requests.filter(r => r.path === '/api/v4/config/client').length > before);
    await overrideMessages('the refreshed profile (overrides on) to apply', x => x.length === 0);
    assert.ok((services.profiles.saved(sandbox.url)?.fetchedAt ?? 0) > twoDaysAgo);
    assert.strictEqual(p.seen.length, 0, 'the background refresh prompted or told the user something');
  });

  it('a resend is linted against the profile of the server it goes to, not the default', async function () {
    this.timeout(60000);
    const { services } = await testApi();
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('confirmBeforeSend', false, vscode.ConfigurationTarget.Global);
    const url = sandbox.webhookUrl('normal');
    await services.store.saveWebhook('profile-hook', url);
    // `short` as a string: fine on the default (11.6) and on the sandbox, a 400 on servers before 5.8
    const text = '{ "text": "x", "attachments": [{ "fallback": "f", "fields": [{ "title": "a", "value": "b", "short": "true" }] }] }\n';
    const record = { at: Date.now(), target: { type: 'webhook', name: 'profile-hook', redactedUrl: redactUrl(url) } as const, status: 'sent' as const, detail: '200 ok', durationMs: 1, file: 'profile-resend.incoming.json', text };
    try {
      // the webhook's server is a logged-in 5.7: the resend asks first, and nothing is sent when not confirmed
      await services.profiles.save(sandbox.url, { Version: '5.7.0' });
      await services.history.add(record);
      sandbox.clearRequests();
      p.script(pick(/profile-resend\.incoming\.json/), answer('ask', 'Resend'), answer('ask', undefined));
      await vscode.commands.executeCommand('mattermostPayloads.showHistory');
      assert.match(p.texts(), /Mattermost will reject this payload: On Mattermost 5\.7, `short` must be a JSON true or false/);
      assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 0, 'sent although not confirmed');

      // the same server on 11.6: no question, sent once
      await services.profiles.save(sandbox.url, { Version: '11.6.0' });
      await services.history.add({ ...record, at: Date.now() });
      p = await withPrompter();
      p.script(pick(/profile-resend\.incoming\.json/), answer('ask', 'Resend'));
      await vscode.commands.executeCommand('mattermostPayloads.showHistory');
      assert.doesNotMatch(p.texts(), /will reject/);
      assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 1, 'resent once');
    } finally {
      await services.store.removeWebhook('profile-hook');
      await config.update('confirmBeforeSend', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
