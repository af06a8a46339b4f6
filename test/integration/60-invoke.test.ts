import * as assert from 'assert';
import type { ChildProcess } from 'child_process';
import * as vscode from 'vscode';
import { startExample } from '../support/example';
import { answer, input, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { ourDiagnostics, waitFor } from './util';

const COMMAND_TOKEN = 'example-command-token';
const HOOK_TOKEN = 'example-hook-token';

interface Outcome { status: string; detail: string; verdict?: { outcome: string; summary: string }; documents?: string[] }


function documentOf(uri: string): vscode.TextDocument {
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
  assert.ok(doc, `no open document ${uri}`);
  return doc;
}

async function closeUntitled(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('invoke a slash command and an outgoing webhook (against the example integration on 127.0.0.1)', function () {
  this.timeout(60000);
  let example: { child: ChildProcess; base: string };
  let p: ScriptedPrompter;
  const config = () => vscode.workspace.getConfiguration('mattermostPayloads');

  before(async () => {
    example = await startExample(true);
    await config().update('integrations', [
      { name: 'example', url: `${example.base}/command`, trigger: 'example' },
      { name: 'example-get', url: `${example.base}/command`, trigger: 'example', method: 'GET' },
      { name: 'faulty', url: `${example.base}/faulty`, trigger: 'faulty' },
      { name: 'echo', type: 'outgoing', url: `${example.base}/outgoing`, trigger: 'echo', contentType: 'json' },
    ], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('integrations', undefined, vscode.ConfigurationTarget.Global);
    await closeUntitled();
    example.child.kill();
  });
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  const invoke = (name: string, text: string) => vscode.commands.executeCommand<Outcome>('mattermostPayloads.invokeSlashCommand', { name, text });

  it('invokes a slash command: the token is asked once (password box) and kept in SecretStorage under the origin; the answer opens as a command payload', async () => {
    p.script(input(COMMAND_TOKEN));
    const r = await invoke('example', 'hello');
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    assert.deepStrictEqual(p.seen.filter(x => x.type === 'input').map(x => x.password), [true]);
    const { services } = await testApi();
    assert.strictEqual(await services.store.integrationToken(`${example.base}/command`, 'example'), COMMAND_TOKEN);
    assert.ok(!JSON.stringify(config()).includes(COMMAND_TOKEN), 'the token is in the settings');
    assert.ok(!p.texts().includes(COMMAND_TOKEN), 'the token was shown');
    // the once-per-endpoint note about AllowedUntrustedInternalConnections
    assert.match(p.texts(), /AllowedUntrustedInternalConnections names "127\.0\.0\.1"/);
    assert.strictEqual(r.documents?.length, 1);
    const doc = documentOf(r.documents[0]);
    assert.match(doc.uri.path, /\.command\.json$/);
    assert.match(doc.getText(), /Hello @local-user, you typed: hello/);
    assert.strictEqual((await testApi()).services.kinds.kindOf(doc)?.kind, 'command');
    // the preview beside it shows the answer
    const html = await waitFor('the preview of the answer', async () => {
      const h = await vscode.commands.executeCommand<string | undefined>('mattermostPayloads.preview.currentHtml');
      return h && h.includes('you typed: hello') ? h : undefined;
    });
    assert.match(html, /Update/);
    // recorded in the send history, with what was typed
    const last = services.history.all()[0];
    assert.deepStrictEqual([last.target.type, last.file, last.text], ['invoke', '/example hello', 'hello']);
  });

  it('GET works too; a stored token is not asked for again, and the note is shown once per host', async () => {
    p.script(input(COMMAND_TOKEN));
    const r = await invoke('example-get', 'hi');
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    p.script();
    const again = await invoke('example', 'again');
    assert.strictEqual(again.verdict?.outcome, 'shown', again.detail);
    assert.strictEqual(p.seen.filter(x => x.type === 'input').length, 1, 'the stored token was asked for again');
    assert.ok(!/AllowedUntrustedInternalConnections/.test(p.texts()), 'the note was shown twice for one host');
  });

  it('a faulty integration: diagnostics on the answer (nothing posted, invalid JSON), JSON sent as text, non-200', async () => {
    p.script(input('x'));
    const nothing = await invoke('faulty', 'nothing');
    assert.strictEqual(nothing.verdict?.outcome, 'nothing');
    const uri = vscode.Uri.parse(nothing.documents![0]);
    const d = await waitFor('nothing-posted diagnostic', () => { const x = ourDiagnostics(uri); return x.some(y => y.code === 'nothing-posted') ? x : undefined; });
    assert.ok(d.some(y => y.code === 'nothing-posted' && y.severity === vscode.DiagnosticSeverity.Error));

    const invalid = await invoke('faulty', 'invalid-json');
    assert.strictEqual(invalid.verdict?.outcome, 'failed');
    const iuri = vscode.Uri.parse(invalid.documents![0]);
    await waitFor('invalid-json diagnostic', () => ourDiagnostics(iuri).some(y => y.code === 'invalid-json'));

    const asText = await invoke('faulty', 'content-type');
    assert.strictEqual(asText.verdict?.outcome, 'changed');
    assert.match(asText.verdict.summary, /not exactly "application\/json"/);
    assert.deepStrictEqual(Object.keys(JSON.parse(documentOf(asText.documents![0]).getText()) as object), ['text']);

    const status = await invoke('faulty', 'status');
    assert.strictEqual(status.verdict?.outcome, 'failed');
    assert.deepStrictEqual(status.documents, []);
    assert.ok(p.seen.some(x => x.type === 'error' && /503, not 200/.test(x.text)));
  });

  it('delayed answers through response_url open as they come', async () => {
    p.script();
    const r = await invoke('example', 'later');
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    assert.match(documentOf(r.documents![0]).getText(), /Working on it/);
    const delayed = await waitFor('the delayed answer', () => vscode.workspace.textDocuments.find(d => /example-delayed-1-\d+\.command\.json$/.test(d.uri.path) && d.getText().includes('Done')));
    assert.match(delayed.getText(), /"in_channel"/);
    // the message follows once the document and its preview are open
    await waitFor('the delayed answer\'s message', () => p.seen.some(x => x.type === 'info' && /Delayed answer 1 of \/example/.test(x.text)));
  });

  it('triggers an outgoing webhook (JSON): the reply opens as an outgoing payload', async () => {
    p.script(input(HOOK_TOKEN));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.triggerOutgoingWebhook', { name: 'echo', text: 'echo hi there' });
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    const doc = documentOf(r.documents![0]);
    assert.match(doc.uri.path, /\.outgoing\.json$/);
    assert.match(doc.getText(), /said \\"hi there\\" \(after echo\)/);
    // linted by the editor as an outgoing-webhook answer, with no error
    const { services } = await testApi();
    const linted = await waitFor('the editor\'s lint of the reply', () => services.diagnostics.latestResult(doc.uri, doc.version));
    assert.strictEqual(linted.kind, 'outgoing');
    assert.deepStrictEqual(linted.problems.filter(x => x.severity === 'error').map(x => x.message), []);
  });

  it('another host is asked about first; declined, nothing is sent', async () => {
    await config().update('integrations', [{ name: 'remote', url: 'http://192.0.2.10/command', trigger: 'remote' }], vscode.ConfigurationTarget.Global);
    try {
      p.script(answer('ask', undefined));
      const r = await invoke('remote', 'x');
      assert.deepStrictEqual(r, { status: 'not sent', detail: '' });
      assert.match(p.texts(), /Send requests with this integration's token to http:\/\/192\.0\.2\.10\?/);
    } finally {
      await config().update('integrations', [
        { name: 'example', url: `${example.base}/command`, trigger: 'example' },
      ], vscode.ConfigurationTarget.Global);
    }
  });
});
