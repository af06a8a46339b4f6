import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import { withPrompter } from '../prompter';

// Runs with Workspace Trust enabled and the test workspace NOT trusted.
describe('Restricted Mode: invoking integrations', () => {
  it('Invoke Slash Command and Trigger Outgoing Webhook refuse without asking or sending anything', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => { requests++; res.end('{}'); });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('integrations', [{ name: 'cmd', url: `${base}/command` }, { name: 'hook', type: 'outgoing', url: `${base}/outgoing`, trigger: 'go' }], vscode.ConfigurationTarget.Global);
    try {
      const prompter = await withPrompter();
      const cmd = await vscode.commands.executeCommand('mattermostPayloads.invokeSlashCommand', { name: 'cmd', text: 'x' });
      const hook = await vscode.commands.executeCommand('mattermostPayloads.triggerOutgoingWebhook', { name: 'hook', text: 'go x' });
      assert.deepStrictEqual([cmd, hook], [{ status: 'not sent', detail: 'Restricted Mode' }, { status: 'not sent', detail: 'Restricted Mode' }]);
      assert.deepStrictEqual(prompter.seen, [], 'a command asked or told something through its own prompts');
      assert.strictEqual(requests, 0, 'a request reached the integration');
    } finally {
      await config.update('integrations', undefined, vscode.ConfigurationTarget.Global);
      server.close();
    }
  });

  it('a dialog\'s Submit and Cancel and the local server refuse: nothing is sent, no server is started', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => { requests++; res.end('{}'); });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/dialog`;
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ trigger_id: 'x', url, dialog: { title: 'T', notify_on_cancel: true, elements: [] } }) });
      const prompter = await withPrompter();
      const submit = await vscode.commands.executeCommand('mattermostPayloads.dialogAction', { uri: doc.uri.toString(), action: 'submit' });
      const cancel = await vscode.commands.executeCommand('mattermostPayloads.dialogAction', { uri: doc.uri.toString(), action: 'cancel' });
      const local = await vscode.commands.executeCommand('mattermostPayloads.copyLocalServerUrl');
      assert.deepStrictEqual([submit, cancel, local], [{ status: 'not sent', detail: 'Restricted Mode' }, { status: 'not sent', detail: 'Restricted Mode' }, undefined]);
      assert.deepStrictEqual(prompter.seen, [], 'a command asked or told something through its own prompts');
      assert.strictEqual(requests, 0, 'a request reached the integration');
    } finally {
      server.close();
    }
  });
});
