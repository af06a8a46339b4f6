import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { startSandbox, Sandbox } from '../../../src/sandbox/server';
import { networkSettings } from '../../../src/vscode/config';
import { testApi, withPrompter } from '../prompter';
import { openDocument, ourDiagnostics, waitFor, workspacePath, workspaceUri } from '../util';

// This suite runs with Workspace Trust enabled and the test workspace NOT trusted.
describe('Restricted Mode (untrusted workspace)', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox(); });
  after(async () => { await sandbox.close(); });

  it('runs untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('still lints', async () => {
    await openDocument('bad.incoming.json');
    const d = await waitFor('diagnostics', () => { const x = ourDiagnostics(workspaceUri('bad.incoming.json')); return x.length >= 4 ? x : undefined; });
    assert.ok(d.some(x => x.code === 'short-not-boolean' && x.severity === vscode.DiagnosticSeverity.Error));
  });

  it('every network command refuses without asking anything or sending anything', async () => {
    const { services } = await testApi();
    await services.store.saveWebhook('sandbox-hook', sandbox.webhookUrl('normal'));
    const prompter = await withPrompter();
    await openDocument('good.incoming.json');
    const results: Record<string, unknown> = {};
    for (const id of ['login', 'logout', 'switchAccount', 'showCurrentUser', 'sendToWebhook', 'sendViaApi', 'manageWebhooks']) {
      results[id] = await vscode.commands.executeCommand(`mattermostPayloads.${id}`);
    }
    assert.deepStrictEqual(results, {
      login: undefined, logout: false, switchAccount: undefined, showCurrentUser: undefined,
      sendToWebhook: { status: 'not sent', detail: 'Restricted Mode' }, sendViaApi: { status: 'not sent', detail: 'Restricted Mode' },
      manageWebhooks: undefined,
    });
    assert.deepStrictEqual(prompter.seen, [], 'a command asked or told something through its own prompts');
    assert.strictEqual(sandbox.requests.length, 0, 'a request reached the server');
  });

  it('ignores workspace values of destination settings until trusted', async () => {
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('server', 'http://127.0.0.1:9/from-workspace', vscode.ConfigurationTarget.Workspace);
    await config.update('confirmBeforeSend', false, vscode.ConfigurationTarget.Workspace);
    try {
      // The value is in the workspace's settings file…
      const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'settings.json')));
      assert.match(file, /from-workspace/);
      // …and is not used (VS Code hides restricted values too; we check isTrusted ourselves as well).
      const s = networkSettings();
      assert.strictEqual(s.server, undefined);
      assert.strictEqual(s.confirmBeforeSend, true);
    } finally {
      await config.update('server', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('confirmBeforeSend', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the preview works, and ignores a workspace value that would load remote images', async () => {
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('preview.loadRemoteImages', true, vscode.ConfigurationTarget.Workspace);
    try {
      fs.writeFileSync(workspacePath('image.incoming.json'), JSON.stringify({ text: 'look', attachments: [{ fallback: 'x', image_url: 'https://images.example.test/a.png' }] }));
      await openDocument('image.incoming.json');
      await vscode.commands.executeCommand('mattermostPayloads.openPreviewToSide');
      const html = await waitFor('the preview HTML', async () => {
        const h = await vscode.commands.executeCommand<string | undefined>('mattermostPayloads.preview.currentHtml');
        return h && h.includes('data-testid="preview"') && h.includes('look') ? h : undefined;
      });
      assert.match(html, /data-testid="image-placeholder"/);
      assert.ok(!/<img[^>]+src="https:\/\/images\.example\.test/.test(html), 'a remote image would load');
      // The webview's own source is an https origin; what must be absent is the bare `https:` scheme source.
      assert.ok(!/img-src[^;"]*\shttps:(?=[\s;"])/.test(html), 'the CSP allows remote images');
    } finally {
      await config.update('preview.loadRemoteImages', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
