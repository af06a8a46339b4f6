import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { openDocument, waitFor, workspacePath } from './util';

const labels = (list: vscode.CompletionList) => list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));

describe('completion, hover and snippets from the contributed schemas', () => {
  it('completes colour values inside an attachment of an incoming webhook', async () => {
    fs.writeFileSync(workspacePath('complete.incoming.json'), '{\n  "text": "x",\n  "attachments": [{ "color": "" }]\n}\n');
    const doc = (await openDocument('complete.incoming.json')).document;
    const at = new vscode.Position(2, doc.lineAt(2).text.indexOf('""') + 1);
    const items = await waitFor('colour completions', async () => {
      const l = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at));
      return l.some(x => x.includes('good')) ? l : undefined;
    });
    for (const c of ['good', 'warning', 'danger']) assert.ok(items.some(x => x.includes(c)), `${c} missing from ${items.join(', ')}`);
  });

  it('shows what Mattermost does with a property on hover', async () => {
    const doc = (await openDocument('good.incoming.json')).document;
    const line = doc.getText().split('\n').findIndex(l => l.includes('"short"'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('"short"') + 2);
    const text = await waitFor('hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const t = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
      return t.length > 0 ? t : undefined;
    });
    assert.match(text, /short/i);
    assert.match(text, /"yes"|null|rejects|whole request/i, text);
  });

  it('offers the property names of a slash-command response, also when found by $schema', async () => {
    fs.writeFileSync(workspacePath('schema-complete.json'), '{\n  "$schema": "mattermost-payloads://schemas/command.json",\n  \n}\n');
    const doc = (await openDocument('schema-complete.json')).document;
    const items = await waitFor('property completions', async () => {
      const l = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 2)));
      return l.some(x => x.includes('response_type')) ? l : undefined;
    });
    for (const p of ['response_type', 'extra_responses', 'skip_slack_parsing']) assert.ok(items.some(x => x.includes(p)), `${p} missing`);
  });

  it('offers the snippets in an empty JSON file', async () => {
    fs.writeFileSync(workspacePath('empty.incoming.json'), '');
    const doc = (await openDocument('empty.incoming.json')).document;
    const items = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0)));
    for (const s of ['mm-incoming', 'mm-incoming-attachment', 'mm-command-ephemeral', 'mm-dialog', 'mm-post']) {
      assert.ok(items.includes(s), `${s} missing from ${items.filter(x => x.startsWith('mm')).join(', ')}`);
    }
  });
});
