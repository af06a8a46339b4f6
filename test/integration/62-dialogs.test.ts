import * as assert from 'assert';
import * as vscode from 'vscode';
import { input, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { type RunningExample, startExample } from '../exampleIntegration';
import { endExampleSuite, ourDiagnostics, waitFor } from './util';

const COMMAND_TOKEN = 'example-command-token';

interface Outcome { status: string; detail: string; verdict?: { outcome: string; summary: string; fieldErrors?: Record<string, string> }; documents?: string[]; submission?: Record<string, unknown> }

const currentHtml = () => vscode.commands.executeCommand<string | undefined>('mattermostPayloads.preview.currentHtml');

/** The argument of the preview's command link around `label` (what a click in the webview runs). */
function linkArg(html: string, label: string): unknown {
  const re = new RegExp(`href="command:mattermostPayloads\\.preview\\.action\\?([^"]+)"[^>]*>${label}<`);
  const m = re.exec(html);
  assert.ok(m, `no command link "${label}" in the preview`);
  return (JSON.parse(decodeURIComponent(m[1])) as unknown[])[0];
}

describe('dialogs: an integration opens one at the local server, the user submits it from the preview', function () {
  this.timeout(60000);
  let example: RunningExample;
  let p: ScriptedPrompter;
  let dialogUri: vscode.Uri;
  const config = () => vscode.workspace.getConfiguration('mattermostPayloads');

  before(async () => {
    p = await withPrompter();
    const url = await vscode.commands.executeCommand<string>('mattermostPayloads.copyLocalServerUrl');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), url);
    example = await startExample({ MATTERMOST_URL: url });
    await config().update('integrations', [{ name: 'example-dialogs', url: `${example.base}/command`, trigger: 'example' }], vscode.ConfigurationTarget.Global);
  });
  after(() => endExampleSuite(example));
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  it('"Open dialog" clicked in the preview: the dialog opens as a *.dialog.json with its diagnostics and a preview with Submit', async () => {
    p.script(input(COMMAND_TOKEN));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.invokeSlashCommand', { name: 'example-dialogs', text: 'hi' });
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    const html = await waitFor('the answer in the preview', async () => { const h = await currentHtml(); return h?.includes('you typed: hi') ? h : undefined; });
    // the click as the webview's command link runs it
    const click = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.preview.action', linkArg(html, 'Open dialog'));
    assert.strictEqual(click.status, 'sent', click.detail);
    assert.match(p.texts(), /answer: 200/, 'the example did not get 200 from dialogs/open');
    // the untitled document opens first and gets its text by an edit just after: wait for the text
    const doc = await waitFor('the dialog document', () => vscode.workspace.textDocuments.find(d => /example-\d+\.dialog\.json$/.test(d.uri.path) && d.getText().trim().endsWith('}')));
    dialogUri = doc.uri;
    assert.strictEqual(doc.uri.scheme, 'untitled');
    const body = JSON.parse(doc.getText()) as { url: string; dialog: { title: string } };
    assert.deepStrictEqual([body.url, body.dialog.title], [`${example.base}/dialog`, 'Example dialog']);
    assert.match(doc.getText(), /\n {2}"dialog": \{\n/, 'not pretty-printed');
    const { services } = await testApi();
    assert.strictEqual(services.kinds.kindOf(doc)?.kind, 'dialog');
    // the IsValid finding the server would only log, as a warning on the document
    const d = await waitFor('the IsValid diagnostic', () => { const x = ourDiagnostics(doc.uri); return x.some(y => y.code === 'dialog-element-invalid') ? x : undefined; });
    assert.ok(d.some(y => y.code === 'dialog-element-invalid' && y.severity === vscode.DiagnosticSeverity.Warning));
    const dialogHtml = await waitFor('the dialog in the preview', async () => { const h = await currentHtml(); return h?.includes('data-testid="dialog"') ? h : undefined; });
    assert.deepStrictEqual(linkArg(dialogHtml, 'Send'), { dialog: 'submit' });
    // said once the dialog is remembered for Submit/Cancel (after its document and preview opened)
    await waitFor('the "opened the dialog" message', () => /opened the dialog "Example dialog"/.test(p.texts()) || undefined);
  });

  it('Submit: a value the webapp lets through gets the integration\'s field error, shown under the field in the preview', async () => {
    p.script(input('ada'), input(''));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.dialogAction', { uri: dialogUri.toString(), action: 'submit' });
    assert.strictEqual(r.verdict?.outcome, 'open', r.detail);
    assert.deepStrictEqual(r.verdict.fieldErrors, { name: 'Names start with a capital letter.' });
    assert.deepStrictEqual(r.submission, { name: 'ada' });
    const html = await waitFor('the field error in the preview', async () => { const h = await currentHtml(); return h?.includes('dialog-field-error') ? h : undefined; });
    assert.match(html, /data-name="name"[^]*?data-testid="dialog-field-error"[^>]*>Names start with a capital letter\.</);
    const { services } = await testApi();
    const last = services.history.all()[0];
    assert.deepStrictEqual([last.target.type, (last.target as { what: string }).what, last.file], ['invoke', 'dialog', 'submit "Example dialog"']);
  });

  it('the webapp\'s own checks: a value it refuses is not sent, and its error shows in the preview', async () => {
    const before = example.out();
    p.script(input('A'), input(''));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.dialogAction', { uri: dialogUri.toString(), action: 'submit' });
    assert.strictEqual(r.status, 'not sent', r.detail);
    assert.match(r.detail, /Minimum input length is 2/);
    const html = await waitFor('the webapp\'s error in the preview', async () => { const h = await currentHtml(); return h?.includes('Minimum input length is 2.') ? h : undefined; });
    assert.match(html, /data-testid="dialog-field-error"[^>]*>Minimum input length is 2\.</);
    assert.strictEqual(example.out(), before);
  });

  it('Submit a valid value: the integration accepts, Mattermost would close the dialog, the errors are gone', async () => {
    p.script(input('Ada'), input('12'));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.preview.action', { dialog: 'submit' });
    assert.strictEqual(r.verdict?.outcome, 'closed', r.detail);
    assert.deepStrictEqual(r.submission, { name: 'Ada', size: 12 });
    await waitFor('the submission at the example', () => /dialog submitted \(callback_id example, state step-1\): \{"name":"Ada","size":12\}/.test(example.out()));
    await waitFor('the errors gone from the preview', async () => !(await currentHtml())?.includes('dialog-field-error'));
    assert.match(p.texts(), /Mattermost closes the dialog/);
  });

  it('Cancel with notify_on_cancel: the cancellation reaches the integration as the server sends it', async () => {
    p.script();
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.dialogAction', { uri: dialogUri.toString(), action: 'cancel' });
    assert.strictEqual(r.verdict?.outcome, 'closed', r.detail);
    await waitFor('the cancellation at the example', () => /dialog cancelled \(callback_id example, state step-1, user [a-z0-9]{26}\)/.test(example.out()));
  });

  it('a dialog file the user wrote (no session) is submitted with a fresh context; without notify_on_cancel Cancel sends nothing', async () => {
    const text = JSON.stringify({ trigger_id: 'x', url: `${example.base}/dialog`, dialog: { callback_id: 'mine', title: 'Mine', elements: [{ display_name: 'Name', name: 'name', type: 'text' }] } }, null, 2);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    p.script(input('Bob'));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.dialogAction', { uri: doc.uri.toString(), action: 'submit' });
    assert.strictEqual(r.verdict?.outcome, 'closed', r.detail);
    await waitFor('the submission at the example', () => /dialog submitted \(callback_id mine, state \): \{"name":"Bob"\}/.test(example.out()));
    const before = example.out();
    const c = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.dialogAction', { uri: doc.uri.toString(), action: 'cancel' });
    assert.strictEqual(c.status, 'not sent');
    assert.match(c.detail, /notify_on_cancel is not set.*Nothing was sent/);
    assert.strictEqual(example.out(), before);
  });
});
