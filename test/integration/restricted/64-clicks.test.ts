import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as vscode from 'vscode';
import { withPrompter } from '../prompter';
import { workspacePath, workspaceUri } from '../util';

// Runs with Workspace Trust enabled and the test workspace NOT trusted.
describe('Restricted Mode: block clicks and definition lenses', () => {
  it('a block click sends nothing and asks nothing; definitions get no CodeLens', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => { requests++; res.end('{}'); });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/act`;
    const text = JSON.stringify({ text: 't', props: { mm_blocks: [{ type: 'button', text: 'Go', action_id: 'go' }], mm_blocks_actions: { go: { type: 'external', url } } } });
    const file = workspacePath('restricted-lenses.code-workspace');
    fs.writeFileSync(file, JSON.stringify({ folders: [{ path: '.' }], settings: { 'mattermostPayloads.integrations': [{ name: 'one', url }] } }, null, 2));
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
      const prompter = await withPrompter();
      const r = await vscode.commands.executeCommand('mattermostPayloads.clickPreviewAction', { uri: doc.uri.toString(), kind: 'incoming', path: ['props', 'mm_blocks', 0] });
      assert.deepStrictEqual(r, { status: 'not sent', detail: 'Restricted Mode' });
      assert.deepStrictEqual(prompter.seen, []);
      assert.strictEqual(requests, 0, 'a request reached the integration');
      const ws = await vscode.workspace.openTextDocument(workspaceUri('restricted-lenses.code-workspace'));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ws.uri);
      assert.deepStrictEqual((lenses ?? []).map(l => l.command?.title).filter(t => t?.startsWith('▶')), []);
    } finally {
      fs.rmSync(file, { force: true });
      server.close();
    }
  });
});
