import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { openDocument, waitFor, workspacePath } from './util';

const labels = (list: vscode.CompletionList) => list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));

/** The hover text on the first key of `line`. */
async function hoverText(doc: vscode.TextDocument, line: number): Promise<string | undefined> {
  const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('"') + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  const t = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
  return t.length > 0 ? t : undefined;
}

describe('completion, hover and snippets (the extension\'s providers, from the strict schemas and the server profile)', () => {
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
    // answered once: VS Code's JSON service gets an empty schema for our ids (src/vscode/schemaProvider.ts)
    await new Promise(r => setTimeout(r, 500));
    const again = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 2)));
    assert.strictEqual(again.filter(x => x === 'response_type').length, 1, again.join(', '));
  });

  it('marks a field the target server ignores: a workspace profile for 9.8 and webhook priority (≈ 9.11)', async () => {
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    fs.mkdirSync(workspacePath('.mattermost'), { recursive: true });
    fs.writeFileSync(workspacePath('.mattermost', 'completion-9.8.json'), JSON.stringify({ Version: '9.8.0' }));
    fs.writeFileSync(workspacePath('profile-hover.incoming.json'), '{\n  "text": "x",\n  "priority": { "priority": "urgent" }\n}\n');
    fs.writeFileSync(workspacePath('profile-complete.incoming.json'), '{\n  "text": "x",\n  \n}\n');
    const hoverDoc = (await openDocument('profile-hover.incoming.json')).document;
    const doc = (await openDocument('profile-complete.incoming.json')).document;
    const priority = async (): Promise<vscode.CompletionItem | undefined> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 2));
      return list.items.find(i => (typeof i.label === 'string' ? i.label : i.label.label) === 'priority');
    };
    try {
      const before = await waitFor('priority offered (default profile)', priority);
      assert.ok(!/ignored/i.test(String(before.detail)), String(before.detail));
      assert.strictEqual(before.tags, undefined);
      assert.doesNotMatch(await waitFor('hover on priority', () => hoverText(hoverDoc, 2)), /ignored/i);
      await config.update('serverProfile', '.mattermost/completion-9.8.json', vscode.ConfigurationTarget.Workspace);
      const item = await waitFor('priority marked ignored by 9.8', async () => {
        const p = await priority();
        return p && /ignored/i.test(String(p.detail)) ? p : undefined;
      });
      assert.strictEqual(item.detail, 'May be ignored by Mattermost 9.8 (since ≈ 9.11)');
      assert.deepStrictEqual(item.tags, [vscode.CompletionItemTag.Deprecated]);
      const text = await waitFor('hover that marks priority', async () => {
        const t = await hoverText(hoverDoc, 2);
        return t && /ignored/i.test(t) ? t : undefined;
      });
      assert.match(text, /May be ignored by Mattermost 9\.8 \(since ≈ 9\.11\)/);
      assert.match(text, /workspace file \(\.mattermost\/completion-9\.8\.json\)/);
    } finally {
      await config.update('serverProfile', undefined, vscode.ConfigurationTarget.Workspace);
    }
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
