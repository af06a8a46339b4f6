// Clicks on Mattermost Blocks in a real VS Code (issue 14 items 3 and 6): the example integration's
// "blocks" answer is invoked, its Refresh button and menu are clicked as the preview's command link
// does (the shown document, its kind and the block's path), the refreshed post opens as a post document;
// the clicks are in the send history and Resend sends once after asking; CodeLens on definitions.
import * as assert from 'assert';
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { startExample } from '../exampleIntegration';
import { answer, input, pick, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { waitFor, workspacePath, workspaceUri } from './util';

const REFRESH = ['props', 'mm_blocks', 0, 'content', 1, 'content', 0];
const MENU = ['props', 'mm_blocks', 0, 'content', 1, 'content', 1];
const DOCS = ['props', 'mm_blocks', 0, 'content', 1, 'content', 2];

interface Outcome { status: string; detail: string; verdict?: { outcome: string; summary: string }; documents?: string[] }


function textOf(uri: string): string {
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
  assert.ok(doc, `no open document ${uri}`);
  return doc.getText();
}

const click = (uri: string, kind: string, p: unknown[]) => vscode.commands.executeCommand<Outcome>('mattermostPayloads.clickPreviewAction', { uri, kind, path: p });

describe('clicking Mattermost Blocks (against the example integration on 127.0.0.1)', function () {
  this.timeout(60000);
  let example: { child: ChildProcess; base: string };
  let p: ScriptedPrompter;
  let answerUri = '';
  const config = () => vscode.workspace.getConfiguration('mattermostPayloads');

  before(async () => {
    example = await startExample();
    await config().update('integrations', [{ name: 'blocks-example', url: `${example.base}/command`, trigger: 'example' }], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('integrations', undefined, vscode.ConfigurationTarget.Global);
    for (const doc of vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'untitled')) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    example.child.kill();
  });
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, 'not every scripted answer was used'));

  it('a block button click sends the action request and the refreshed post opens as a post document, linted, with its preview', async () => {
    const { services } = await testApi();
    if (!(await services.store.integrationToken(`${example.base}/command`, 'blocks-example'))) p.script(input('example-command-token'));
    const r = await vscode.commands.executeCommand<Outcome>('mattermostPayloads.invokeSlashCommand', { name: 'blocks-example', text: 'blocks' });
    assert.strictEqual(r.verdict?.outcome, 'shown', r.detail);
    answerUri = r.documents![0];
    assert.match(textOf(answerUri), /Refreshed 0 times/);

    const c = await click(answerUri, 'command', REFRESH);
    assert.strictEqual(c.status, 'sent', c.detail);
    assert.strictEqual(c.verdict?.outcome, 'shown', c.detail);
    assert.strictEqual(c.documents?.length, 1);
    assert.match(c.documents[0], /refresh-refresh-\d+\.post\.json$/);
    const post = JSON.parse(textOf(c.documents[0])) as { message: string; props: { mm_blocks_actions: { refresh: { context: { count: number } } } } };
    assert.strictEqual(post.message, 'Hello @local-user, here are Mattermost Blocks.');
    assert.match(textOf(c.documents[0]), /Refreshed 1 time\b/);
    assert.strictEqual(post.props.mm_blocks_actions.refresh.context.count, 1);
    // linted as a post, without errors
    const uri = vscode.Uri.parse(c.documents[0]);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === c.documents![0])!;
    const linted = await waitFor('the editor\'s lint of the refreshed post', () => services.diagnostics.latestResult(uri, doc.version));
    assert.strictEqual(linted.kind, 'post');
    assert.deepStrictEqual(linted.problems.filter(x => x.severity === 'error').map(x => x.message), []);
    // the preview beside it shows the new blocks, and its Refresh button is a command link again
    const html = await waitFor('the preview of the refreshed post', async () => {
      const h = await vscode.commands.executeCommand<string | undefined>('mattermostPayloads.preview.currentHtml');
      return h && h.includes('Refreshed 1 time') ? h : undefined;
    });
    assert.match(html, /<a class="mm-bbtn[^"]*" data-testid="block-button"[^>]*href="command:mattermostPayloads\.preview\.action\?/);

    // clicking the refreshed post counts on from its registry context
    const again = await click(c.documents[0], 'post', REFRESH);
    assert.match(textOf(again.documents![0]), /Refreshed 2 times/);
  });

  it('a menu asks which option and sends it as context.selected_option; openURL shows its target and sends nothing', async () => {
    p.script(pick('Production'));
    const m = await click(answerUri, 'command', MENU);
    assert.strictEqual(m.verdict?.outcome, 'shown', m.detail);
    assert.match(textOf(m.documents![0]), /picked \*\*production\*\*/);

    const { services } = await testApi();
    const records = services.history.all().length;
    const d = await click(answerUri, 'command', DOCS);
    assert.strictEqual(d.status, 'not sent');
    assert.match(d.detail, /"Docs" opens https:\/\/developers\.mattermost\.com\/integrate\/\?ref=example \(an openURL action/);
    assert.strictEqual(services.history.all().length, records, 'an openURL click is not a request');
  });

  it('a changed document is refused, not guessed', async () => {
    const r = await click(answerUri, 'command', ['props', 'mm_blocks', 0, 'content', 7]);
    assert.strictEqual(r.status, 'not sent');
    assert.match(r.detail, /no longer drawn/);
    assert.ok(p.seen.some(x => x.type === 'warn' && /no longer drawn/.test(x.text)));
  });

  it('clicks are in the send history; Resend sends the stored request once, after asking; declined, nothing', async () => {
    const { services } = await testApi();
    const last = services.history.all()[0];
    assert.deepStrictEqual(last.target, { type: 'invoke', what: 'action', name: 'Pick an environment', redactedUrl: `${example.base}/action/refresh` });
    assert.strictEqual(last.status, 'sent');
    assert.match(last.detail, /^200: The post's blocks are replaced/);
    const count = services.history.all().length;

    p.script(pick(/block "Pick an environment" → production/), answer('ask', undefined));
    await vscode.commands.executeCommand('mattermostPayloads.showHistory');
    assert.strictEqual(services.history.all().length, count, 'declined, but something was sent');

    p.script(pick(/block "Pick an environment" → production/), answer('ask', 'Resend'));
    await vscode.commands.executeCommand('mattermostPayloads.showHistory');
    assert.strictEqual(services.history.all().length, count + 1, 'not sent exactly once');
    assert.match(p.texts(), /Resend to the integration of "Pick an environment"/);
    const resent = services.history.all()[0];
    assert.deepStrictEqual(resent.target, last.target);
    assert.strictEqual(resent.text, last.text, 'the same stored request');
    // the resend's answer opened too (the menu's choice from the history)
    await waitFor('the resent click\'s refreshed post', () => vscode.workspace.textDocuments.filter(d => /-refresh-\d+\.post\.json$/.test(d.uri.path) && d.getText().includes('picked **production**')).length >= 2 || undefined);
  });

  it('CodeLens "▶ Invoke /trigger" above each definition of a *.code-workspace file', async () => {
    const file = workspacePath('lenses.code-workspace');
    fs.writeFileSync(file, JSON.stringify({ folders: [{ path: '.' }], settings: { 'mattermostPayloads.integrations': [
      { name: 'one', url: 'http://127.0.0.1:1/c', trigger: 'deploy' },
      { name: 'two', type: 'outgoing', url: 'http://127.0.0.1:1/o', trigger: 'ship' },
    ] } }, null, 2));
    try {
      const uri = workspaceUri('lenses.code-workspace');
      await vscode.window.showTextDocument(uri);
      const lenses = await waitFor('the definition lenses', async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        const ours = (l ?? []).filter(x => x.command?.title.startsWith('▶'));
        return ours.length === 2 ? ours : undefined;
      });
      assert.deepStrictEqual(lenses.map(l => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]), [
        [8, '▶ Invoke /deploy', 'mattermostPayloads.invokeSlashCommand', [{ name: 'one' }]],
        [13, "▶ Trigger outgoing 'ship'", 'mattermostPayloads.triggerOutgoingWebhook', [{ name: 'two' }]],
      ]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });
});
