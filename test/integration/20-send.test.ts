import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { startSandbox, Sandbox } from '../../src/sandbox/server';
import { SEED } from '../../src/sandbox/state';
import { answer, input, pick, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { openDocument, restoreDocument, workspacePath, workspaceUri } from './util';

const PAYLOAD = '{\n  "text": "Deploy **finished** :rocket:",\n  "attachments": [{ "fallback": "build 42", "color": "good", "title": "Build 42", "text": "all green" }]\n}\n';

describe('log in and send (against the sandbox on 127.0.0.1)', function () {
  let sandbox: Sandbox;
  let p: ScriptedPrompter;

  before(async () => {
    sandbox = await startSandbox();
    fs.writeFileSync(workspacePath('send-me.incoming.json'), PAYLOAD);
    await vscode.workspace.getConfiguration('mattermostPayloads').update('confirmBeforeSend', false, vscode.ConfigurationTarget.Global);
    // VS Code for the web (code-server) saves after 1 s by default: "unsaved changes" must stay unsaved
    // however long a send takes on a loaded machine.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('mattermostPayloads').update('confirmBeforeSend', undefined, vscode.ConfigurationTarget.Global);
    await sandbox.close();
  });
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  /** Every request the sandbox received, with all headers and bodies, as one string. */
  const everythingSent = () => JSON.stringify(sandbox.requests);

  it('logs in with a personal access token, kept in SecretStorage under the server origin', async () => {
    p.script(input(sandbox.url), pick('Personal access token'), input(SEED.pat));
    const summary = await vscode.commands.executeCommand<{ origin: string; username: string }>('mattermostPayloads.login');
    assert.deepStrictEqual({ origin: summary?.origin, username: summary?.username }, { origin: sandbox.url, username: 'sandbox' });
    const { services } = await testApi();
    const account = await services.store.account(sandbox.url);
    assert.strictEqual(account?.token, SEED.pat);
    assert.strictEqual(account?.tokenKind, 'pat');
    const me = sandbox.requests.find(r => r.path === '/api/v4/users/me');
    assert.strictEqual(me?.headers.authorization, `Bearer ${SEED.pat}`);
    // Never in settings or messages.
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('mattermostPayloads')).includes(SEED.pat));
    assert.ok(!p.texts().includes(SEED.pat));
    assert.match(p.texts(), /Logged in to http:\/\/127\.0\.0\.1:\d+ as @sandbox/);
    // the token is typed into a password box
    assert.deepStrictEqual(p.seen.filter(x => x.type === 'input').map(x => x.password), [false, true]);
  });

  it('logs in with password and MFA; the password is never stored', async () => {
    p.script(input(sandbox.url), pick('Password'), input(SEED.mfaUser.username), input(SEED.mfaUser.password), input(SEED.mfaUser.mfaCode));
    const summary = await vscode.commands.executeCommand<{ username: string; tokenKind: string }>('mattermostPayloads.login');
    assert.strictEqual(summary?.username, 'mfa-user');
    assert.strictEqual(summary?.tokenKind, 'session');
    const logins = sandbox.requests.filter(r => r.path === '/api/v4/users/login');
    assert.strictEqual(logins.length, 2, 'first without the MFA code, then with it');
    assert.strictEqual((JSON.parse(logins[1].body) as { token: string }).token, SEED.mfaUser.mfaCode);
    const { services } = await testApi();
    const account = await services.store.account(sandbox.url);
    assert.strictEqual(account?.tokenKind, 'session');
    assert.ok(account.token.length > 10);
    const allSecrets = await Promise.all((await services.store.accounts()).map(a => services.secrets.get(`mattermostPayloads.account:${a.origin}`)));
    assert.ok(!allSecrets.join('').includes(SEED.mfaUser.password), 'the password was stored');
    assert.ok(!p.texts().includes(account.token));
    // The password and the MFA code are asked for in password boxes (a plain input box's value was
    // found in a browser-hosted VS Code's session-restore file); the server URL and login id are not.
    const inputs = p.seen.filter(x => x.type === 'input');
    assert.deepStrictEqual(inputs.map(x => x.password), [false, false, true, true], inputs.map(x => x.text).join(' | '));
    assert.match(inputs[3].text, /MFA/);
  });

  it('sends the editor text, unsaved changes included, to a named webhook, without touching the file', async () => {
    const { services } = await testApi();
    await services.store.saveWebhook('sandbox-hook', sandbox.webhookUrl('normal'));
    const editor = await openDocument('send-me.incoming.json');
    await editor.edit(b => b.replace(new vscode.Range(1, 11, 1, 17), 'Rollout'));
    const unsaved = editor.document.getText();
    assert.ok(editor.document.isDirty);
    p.script(pick('sandbox-hook'));
    const before = sandbox.posts.length;
    const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
    assert.deepStrictEqual(outcome, { status: 'sent', detail: '200 ok' });
    const hookCalls = sandbox.requests.filter(r => r.path.startsWith('/hooks/'));
    assert.strictEqual(hookCalls.length, 1);
    assert.strictEqual(hookCalls[0].body, unsaved, 'the exact editor text is sent');
    assert.strictEqual(sandbox.posts.length, before + 1);
    assert.match(sandbox.posts[sandbox.posts.length - 1].message, /Rollout \*\*finished\*\*/);
    assert.strictEqual(fs.readFileSync(workspacePath('send-me.incoming.json'), 'utf8'), PAYLOAD, 'the file on disk changed');
    assert.strictEqual(editor.document.getText(), unsaved, 'the editor text changed');
    assert.match(p.texts(), /Sent send-me\.incoming\.json to webhook "sandbox-hook": Mattermost answered 200 ok/);
    assert.ok(!p.texts().includes(SEED.hooks.normal.id), 'the webhook key was shown');
    const history = services.history.all();
    assert.strictEqual(history[0].status, 'sent');
    assert.ok(!JSON.stringify(history).includes(SEED.hooks.normal.id), 'the webhook key is in the history');
    await restoreDocument(editor.document, PAYLOAD);
  });

  it('does not send a payload Mattermost would reject unless told to', async () => {
    fs.writeFileSync(workspacePath('rejected.incoming.json'), '{ "attachments": [{ "fields": [{ "title": "a", "value": "b", "short": "yes" }] }] }\n');
    await openDocument('rejected.incoming.json');
    p.script(answer('ask', undefined));
    const before = sandbox.requests.length;
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
    assert.strictEqual(outcome?.status, 'not sent');
    assert.strictEqual(sandbox.requests.length, before, 'a request was sent');
    assert.match(p.texts(), /Mattermost will reject this payload/);
  });

  it('sends via the API to a channel picked from the user\'s teams, converting text and attachments', async () => {
    await openDocument('send-me.incoming.json');
    p.script(pick('sandbox/town-square'));
    const outcome = await vscode.commands.executeCommand<{ status: string; permalink?: string }>('mattermostPayloads.sendViaApi');
    assert.strictEqual(outcome?.status, 'sent', p.texts());
    const create = sandbox.requests.filter(r => r.method === 'POST' && r.path === '/api/v4/posts');
    assert.strictEqual(create.length, 1);
    const body = JSON.parse(create[0].body) as { channel_id: string; message: string; props: { attachments: { title: string }[] } };
    assert.strictEqual(body.channel_id, SEED.channels.townSquare.id);
    assert.strictEqual(body.message, 'Deploy **finished** :rocket:');
    assert.strictEqual(body.props.attachments[0].title, 'Build 42');
    assert.match(outcome.permalink ?? '', new RegExp(`^${sandbox.url}/sandbox/pl/\\w+$`));
  });

  it('via the API asks once about an error the conversion keeps: what was accepted is not asked again', async () => {
    // over the server's 300 000 + 512-byte limit as a webhook body and, converted, as a REST body
    const big = { text: 'a big one', attachments: Array.from({ length: 40 }, (_, i) => ({ fallback: `part ${i}`, text: 'x'.repeat(8000) })) };
    fs.writeFileSync(workspacePath('oversized-api.incoming.json'), JSON.stringify(big, null, 2) + '\n');
    await openDocument('oversized-api.incoming.json');
    p.script(answer('ask', 'Send Anyway'), pick('sandbox/town-square'));
    const posts = () => sandbox.requests.filter(r => r.method === 'POST' && r.path === '/api/v4/posts').length;
    const before = posts();
    const seen = p.seen.length;
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    const asks = p.seen.slice(seen).filter(x => x.type === 'ask' && /will reject/.test(x.text));
    assert.strictEqual(asks.length, 1, p.texts());
    assert.match(asks[0].text, /reads only the first 300512 bytes/);
    // sent as the user said, once; the sandbox refuses the size as the server does
    assert.strictEqual(posts(), before + 1);
    assert.strictEqual(outcome?.status, 'failed');
  });

  it('on a 401 asks to log in again and resends exactly once', async () => {
    await openDocument('send-me.incoming.json');
    sandbox.clearRequests();
    sandbox.expireSessions();
    p.script(
      answer('warn', 'Log In'), input(sandbox.url), pick('Password'), input(SEED.mfaUser.username), input(SEED.mfaUser.password), input(SEED.mfaUser.mfaCode),
      pick('sandbox/town-square'),
    );
    // Teams are listed with the expired session first: that 401 is what triggers the new login.
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    assert.strictEqual(outcome?.status, 'sent', p.texts());
    const teamCalls = sandbox.requests.filter(r => r.path === '/api/v4/users/me/teams');
    assert.strictEqual(teamCalls.length, 2, 'teams: once with the expired token, once after the new login');
    assert.strictEqual(sandbox.requests.filter(r => r.path === '/api/v4/posts').length, 1);
  });

  it('a 401 on the post itself is resent once after the new login, never twice', async () => {
    await openDocument('send-me.incoming.json');
    sandbox.clearRequests();
    sandbox.inject({ kind: 'unauthorized', path: '/api/v4/posts', count: 'always' });
    p.script(
      pick('sandbox/town-square'),
      answer('warn', 'Log In'), input(sandbox.url), pick('Password'), input(SEED.mfaUser.username), input(SEED.mfaUser.password), input(SEED.mfaUser.mfaCode),
    );
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    sandbox.clearFaults();
    assert.strictEqual(outcome?.status, 'failed');
    assert.strictEqual(sandbox.requests.filter(r => r.path === '/api/v4/posts').length, 2, 'the post is sent once, then resent exactly once');
  });

  it('explains a Mattermost error and records it in the send history', async () => {
    await openDocument('send-me.incoming.json');
    sandbox.setConfig({ enableIncomingWebhooks: false });
    p.script(pick('sandbox-hook'));
    const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
    sandbox.setConfig({ enableIncomingWebhooks: true });
    assert.strictEqual(outcome?.status, 'failed');
    assert.match(outcome.detail, /incoming webhooks/i);
    const { services } = await testApi();
    assert.strictEqual(services.history.all()[0].status, 'failed');
  });

  it('logs out: tells the server, forgets the token', async () => {
    const { services } = await testApi();
    sandbox.clearRequests();
    const before = await services.store.account(sandbox.url);
    assert.strictEqual(before?.tokenKind, 'session');
    const outcome = await vscode.commands.executeCommand<boolean>('mattermostPayloads.logout');
    assert.strictEqual(outcome, true);
    assert.strictEqual(sandbox.requests.filter(r => r.path === '/api/v4/users/logout').length, 1);
    assert.strictEqual(await services.store.account(sandbox.url), undefined);
    assert.strictEqual(await services.secrets.get(`mattermostPayloads.account:${sandbox.url}`), undefined);
  });

  it('never put a credential in a log line', async () => {
    const log = vscode.workspace.textDocuments.find(d => d.uri.scheme === 'output' && /Mattermost Payloads/i.test(d.uri.path + d.uri.fragment));
    await vscode.commands.executeCommand('mattermostPayloads.showLog');
    const doc = log ?? vscode.workspace.textDocuments.find(d => d.uri.scheme === 'output' && /Mattermost Payloads/i.test(d.uri.path + d.uri.fragment));
    assert.ok(doc, 'log document not found');
    const text = doc.getText();
    assert.match(text, /\[send\]/, 'the log has the send lines');
    for (const secret of [SEED.pat, SEED.hooks.normal.id, SEED.mfaUser.password]) assert.ok(!text.includes(secret), 'a secret is in the log');
    assert.ok(everythingSent().length > 0);
    assert.ok(workspaceUri());
  });
});
