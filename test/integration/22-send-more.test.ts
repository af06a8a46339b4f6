import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as vscode from 'vscode';
import { startSandbox, Sandbox } from '../../src/sandbox/server';
import { SEED } from '../../src/sandbox/state';
import { answer, input, pick, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { openDocument, ourDiagnostics, waitFor, workspacePath } from './util';

/** Counts the lints the send path runs itself (Services.lints.lint) until restore(). */
async function countLints(): Promise<{ calls: { kind: string; text: string }[]; restore(): void }> {
  const { services } = await testApi();
  const original = services.lints.lint;
  const calls: { kind: string; text: string }[] = [];
  services.lints.lint = (text, kind, options) => { calls.push({ kind, text }); return original(text, kind, options); };
  return { calls, restore: () => { services.lints.lint = original; } };
}

describe('webhooks, history, timeouts, CodeLens', () => {
  let sandbox: Sandbox;
  let p: ScriptedPrompter;
  const config = () => vscode.workspace.getConfiguration('mattermostPayloads');

  before(async () => {
    sandbox = await startSandbox();
    fs.writeFileSync(workspacePath('more.incoming.json'), '{ "text": "from the more suite" }\n');
    await config().update('confirmBeforeSend', false, vscode.ConfigurationTarget.Global);
    const { services } = await testApi();
    await services.store.saveAccount({ origin: sandbox.url, token: SEED.pat, tokenKind: 'pat', user: { id: SEED.user.id, username: SEED.user.username } });
    await services.store.saveWebhook('more-hook', sandbox.webhookUrl('normal'));
  });
  after(async () => {
    await config().update('confirmBeforeSend', undefined, vscode.ConfigurationTarget.Global);
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultWebhook', undefined, vscode.ConfigurationTarget.Global);
    const { services } = await testApi();
    await services.store.removeAccount(sandbox.url);
    await sandbox.close();
  });
  beforeEach(async () => { p = await withPrompter(); sandbox.clearRequests(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  it('Show Current User checks the stored login against /users/me', async () => {
    const text = await vscode.commands.executeCommand<string>('mattermostPayloads.showCurrentUser');
    assert.match(text ?? '', new RegExp(`Logged in to ${sandbox.url.replace(/\./g, '\\.')} as @sandbox \\(sandbox@sandbox\\.test\\), with a personal access token`));
    assert.strictEqual(sandbox.requests.filter(r => r.path === '/api/v4/users/me').length, 1);
  });

  it('Manage Webhooks tests, renames and removes a named webhook', async () => {
    const { services } = await testApi();
    p.script(pick('more-hook'), pick('Test'));
    await vscode.commands.executeCommand('mattermostPayloads.manageWebhooks');
    assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 1, 'the test message was sent');
    assert.match(p.texts(), /Webhook "more-hook" answered 200 ok/);

    p.script(pick('more-hook'), pick('Rename'), input('renamed-hook'));
    await vscode.commands.executeCommand('mattermostPayloads.manageWebhooks');
    const names = (await services.store.webhooks()).map(w => w.name);
    assert.ok(names.includes('renamed-hook') && !names.includes('more-hook'), names.join(', '));
    assert.strictEqual(await services.store.webhookUrl('more-hook'), undefined);
    assert.strictEqual(await services.store.webhookUrl('renamed-hook'), sandbox.webhookUrl('normal'));

    p.script(pick('renamed-hook'), pick('Remove'), answer('ask', 'Remove'));
    await vscode.commands.executeCommand('mattermostPayloads.manageWebhooks');
    assert.strictEqual(await services.store.webhookUrl('renamed-hook'), undefined);
    assert.ok(!(await services.store.webhooks()).some(w => w.name === 'renamed-hook'));
    await services.store.saveWebhook('more-hook', sandbox.webhookUrl('normal'));
  });

  it('uses the default webhook named in settings without asking', async () => {
    await config().update('defaultWebhook', 'more-hook', vscode.ConfigurationTarget.Global);
    await openDocument('more.incoming.json');
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
    assert.strictEqual(outcome?.status, 'sent');
    assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 1);
  });

  it('gives up after the request timeout and says so', async () => {
    await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    sandbox.inject({ kind: 'delay', ms: 3000, path: '/hooks/' });
    await openDocument('more.incoming.json');
    const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
    sandbox.clearFaults();
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    assert.strictEqual(outcome?.status, 'failed');
    assert.match(outcome.detail, /did not answer|timed out|timeout/i);
  });

  it('lists sends in the history and resends one after asking', async () => {
    const { services } = await testApi();
    const before = services.history.all();
    assert.ok(before.length >= 2);
    assert.ok(before.length <= 50);
    p.script(pick(/more\.incoming\.json/), answer('ask', 'Resend'));
    await vscode.commands.executeCommand('mattermostPayloads.showHistory');
    assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 1, 'resent once');
    assert.strictEqual(services.history.all()[0].status, 'sent');
  });

  it('shows Send and Preview CodeLenses on a payload file, none on other JSON', async () => {
    const doc = (await openDocument('more.incoming.json')).document;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map(l => l.command?.title ?? '');
    assert.deepStrictEqual(titles.filter(t => /Send|Preview/.test(t)), ['$(send) Send to more-hook', '$(cloud-upload) Send via API', '$(open-preview) Preview']);
    fs.writeFileSync(workspacePath('plain.json'), '{ "a": 1 }\n');
    const plain = (await openDocument('plain.json')).document;
    const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', plain.uri);
    assert.deepStrictEqual(none.map(l => l.command?.title), []);
  });

  it('waits out a 429 with Retry-After once, then delivers', async () => {
    sandbox.inject({ kind: 'rateLimit', retryAfterSeconds: 1, path: '/hooks/' });
    await openDocument('more.incoming.json');
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
    assert.strictEqual(outcome?.status, 'sent');
    assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 2, 'the 429, then the one resend');
  });

  it('reports a 429 whose Retry-After is past the bound, without spinning', async () => {
    sandbox.inject({ kind: 'rateLimit', retryAfterSeconds: 120, path: '/hooks/', count: 'always' });
    await openDocument('more.incoming.json');
    const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
    sandbox.clearFaults();
    assert.strictEqual(outcome?.status, 'failed');
    assert.match(outcome.detail, /Rate limited.*120 s/);
    assert.strictEqual(sandbox.requests.filter(r => r.path.startsWith('/hooks/')).length, 1);
  });

  it('does not follow a redirect to another origin: nothing reaches it, the user is told where it pointed', async () => {
    const captured: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => { captured.push(req.headers); res.end('ok'); });
    await new Promise<void>(r => other.listen(0, '127.0.0.1', r));
    const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    try {
      sandbox.inject({ kind: 'redirect', status: 307, location: `${otherUrl}/hooks/${SEED.hooks.normal.id}`, path: '/hooks/' });
      await openDocument('more.incoming.json');
      const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
      assert.strictEqual(outcome?.status, 'failed');
      assert.match(outcome.detail, /redirect/i);
      assert.ok(outcome.detail.includes(otherUrl), 'the Location is reported');
      assert.ok(!outcome.detail.includes(SEED.hooks.normal.id), 'the webhook key in the Location is redacted');
      assert.strictEqual(captured.length, 0, 'a request reached the other origin');
    } finally {
      sandbox.clearFaults();
      await new Promise(r => other.close(r));
    }
  });

  it('always asks before plain http to a host that is not this machine (and sends nothing when declined)', async () => {
    const { services } = await testApi();
    await services.store.saveWebhook('remote-plain-http', 'http://mattermost.example.test/hooks/abcdefghijklmnopqrstuvwxyz');
    await config().update('defaultWebhook', 'remote-plain-http', vscode.ConfigurationTarget.Global);
    try {
      await openDocument('more.incoming.json');
      p.script(answer('ask', undefined));
      const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
      assert.strictEqual(outcome?.status, 'not sent');
      assert.match(p.texts(), /plain http:\/\/ to a host that is not this machine/);
    } finally {
      await config().update('defaultWebhook', 'more-hook', vscode.ConfigurationTarget.Global);
      await services.store.removeWebhook('remote-plain-http');
    }
  });

  it('a send reuses the editor\'s lint result for the document version; it lints only what the editor has not', async () => {
    const { services } = await testApi();
    fs.writeFileSync(workspacePath('reuse.incoming.json'), '{ "text": "t", "attachments": [{ "fields": [{ "title": "a", "value": "b", "short": "yes" }] }] }\n');
    const doc = (await openDocument('reuse.incoming.json')).document;
    await waitFor('the editor\'s diagnostics', () => ourDiagnostics(doc.uri).some(d => d.code === 'short-not-boolean'));
    const lints = await countLints();
    try {
      p.script(answer('ask', undefined));
      const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
      assert.strictEqual(outcome?.status, 'not sent');
      assert.match(p.texts(), /Mattermost will reject this payload: .*short/);
      assert.strictEqual(lints.calls.length, 0, 'the send linted the document again');

      // Another kind chosen for the file: the editor's result is for that kind, the webhook reads it as incoming.
      await services.kinds.choose(doc.uri, 'command');
      await waitFor('the relint as command', () => services.lints.latest({ uri: doc.uri, version: doc.version, text: '', kind: undefined, name: '' })?.kind === 'command');
      p.script(answer('ask', 'Send Anyway'), answer('ask', undefined));
      const again = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook');
      assert.strictEqual(again?.status, 'not sent');
      assert.deepStrictEqual(lints.calls.map(c => c.kind), ['incoming'], 'linted once, as incoming');
      assert.strictEqual(lints.calls[0].text, doc.getText());
      assert.strictEqual(sandbox.requests.length, 0, 'a request was sent');
    } finally {
      lints.restore();
      await services.kinds.choose(doc.uri, undefined);
    }
  });

  it('resends the recorded payload even after its file is gone', async () => {
    const text = '{ "text": "sent from a file that is deleted afterwards" }\n';
    fs.writeFileSync(workspacePath('gone.incoming.json'), text);
    await openDocument('gone.incoming.json');
    assert.strictEqual((await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendToWebhook'))?.status, 'sent');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(workspacePath('gone.incoming.json'));
    await openDocument('more.incoming.json'); // another payload is active: it must not be sent instead
    sandbox.clearRequests();
    p.script(pick(/gone\.incoming\.json/), answer('ask', 'Resend'));
    const lints = await countLints();
    try {
      await vscode.commands.executeCommand('mattermostPayloads.showHistory');
    } finally {
      lints.restore();
    }
    // the recorded text has no lint result in the editor: it is linted, once, as what it is sent as
    assert.deepStrictEqual(lints.calls, [{ kind: 'incoming', text }]);
    const calls = sandbox.requests.filter(r => r.path.startsWith('/hooks/'));
    assert.strictEqual(calls.length, 1);
    assert.strictEqual(calls[0].body, text);
    const { services } = await testApi();
    assert.strictEqual(services.history.all()[0].file, 'gone.incoming.json');
  });

  it('resends via the API to the recorded channel, even after the default channel setting changed', async () => {
    await config().update('defaultChannel', 'sandbox/town-square', vscode.ConfigurationTarget.Global);
    try {
      await openDocument('more.incoming.json');
      assert.strictEqual((await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi'))?.status, 'sent');
      await config().update('defaultChannel', 'sandbox/off-topic', vscode.ConfigurationTarget.Global);
      sandbox.clearRequests();
      p.script(pick(/more\.incoming\.json → ~sandbox\/town-square/), answer('ask', 'Resend'));
      await vscode.commands.executeCommand('mattermostPayloads.showHistory');
      const posts = sandbox.requests.filter(r => r.method === 'POST' && r.path === '/api/v4/posts');
      assert.strictEqual(posts.length, 1);
      assert.strictEqual((JSON.parse(posts[0].body) as { channel_id: string }).channel_id, SEED.channels.townSquare.id, 'resent somewhere else');
    } finally {
      await config().update('defaultChannel', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
