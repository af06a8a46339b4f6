import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDocument, waitFor, workspaceUri } from './util';

// Runs first (files are loaded in name order): nothing has opened a JSON file yet.
describe('activation', () => {
  it('is not active before a payload file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the development host`);
    // Give the host a moment: anything that would activate us at start-up has had its chance.
    await new Promise(r => setTimeout(r, 1500));
    // VS Code itself may open a JSON model at start-up (a settings file it reads or writes through a text
    // model fires onLanguage:jsonc), and close it again before this test starts (seen in about one run in three
    // under load). So what must hold is that nothing but a JSON document or the preview can activate it (no
    // start-up activation event), and that a Markdown document does not.
    const activeBefore = ext.isActive;
    const events = (ext.packageJSON as { activationEvents: string[] }).activationEvents;
    assert.deepStrictEqual(events.filter(e => !/^onLanguage:jsonc?$|^onWebviewPanel:mattermostPayloads\.preview$/.test(e)), [], 'an activation event other than a JSON document or the preview');
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# not a payload' });
    await vscode.window.showTextDocument(md);
    await new Promise(r => setTimeout(r, 500));
    if (!activeBefore) assert.strictEqual(ext.isActive, false, 'a Markdown document activated the extension');
  });

  it('activates when a payload file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await openDocument('good.incoming.json');
    await waitFor('activation', () => ext.isActive);
    assert.strictEqual(ext.isActive, true);
    assert.ok(workspaceUri('good.incoming.json'));
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands;
    assert.ok(contributed.length > 0);
    for (const { command } of contributed) {
      assert.ok(all.includes(command), `${command} is contributed but not registered`);
    }
  });

  it('Show Log opens the Mattermost Payloads log channel', async () => {
    await vscode.commands.executeCommand('mattermostPayloads.showLog');
    // The output view shows a channel whose document has the output scheme.
    const outputDoc = await waitFor('the log document', () =>
      vscode.workspace.textDocuments.find(d => d.uri.scheme === 'output' && /Mattermost Payloads/i.test(d.uri.path + d.uri.fragment)));
    assert.ok(outputDoc);
  });
});
