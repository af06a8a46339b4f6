import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { testApi } from './prompter';
import { openDocument, ourDiagnostics, restoreDocument, waitFor, workspacePath, workspaceUri } from './util';

const S = vscode.DiagnosticSeverity;
const r = (l1: number, c1: number, l2: number, c2: number) => new vscode.Range(l1, c1, l2, c2);

async function diagnosticsOf(name: string, atLeast = 1): Promise<vscode.Diagnostic[]> {
  const uri = workspaceUri(name);
  return waitFor(`diagnostics for ${name}`, () => { const d = ourDiagnostics(uri); return d.length >= atLeast ? d : undefined; });
}

describe('diagnostics in the editor', () => {
  it('reports each problem of bad.incoming.json with its exact range, severity, rule id and message', async () => {
    await openDocument('bad.incoming.json');
    const got = (await diagnosticsOf('bad.incoming.json', 4)).map(d => ({ code: d.code, severity: d.severity, range: d.range, source: d.source }));
    const expected = [
      { code: 'slack-bold', severity: S.Warning, range: r(1, 18, 1, 28), source: 'Mattermost' },
      { code: 'unknown-key', severity: S.Information, range: r(2, 2, 2, 10), source: 'Mattermost' },
      { code: 'attachment-color', severity: S.Warning, range: r(6, 15, 6, 20), source: 'Mattermost' },
      { code: 'short-not-boolean', severity: S.Error, range: r(8, 53, 8, 58), source: 'Mattermost' },
    ];
    const key = (d: { range: vscode.Range }) => d.range.start.line * 1000 + d.range.start.character;
    got.sort((a, b) => key(a) - key(b));
    assert.strictEqual(got.length, expected.length, JSON.stringify(got));
    got.forEach((d, i) => {
      assert.strictEqual(d.code, expected[i].code);
      assert.strictEqual(d.severity, expected[i].severity, `${d.code} severity`);
      assert.ok(d.range.isEqual(expected[i].range), `${d.code} range ${JSON.stringify(d.range)}`);
      assert.strictEqual(d.source, 'Mattermost');
    });
    const short = ourDiagnostics(workspaceUri('bad.incoming.json')).find(d => d.code === 'short-not-boolean')!;
    assert.match(short.message, /Mattermost rejects the whole request \(400/);
  });

  it('leaves the problems to us: VS Code\'s JSON service adds no schema diagnostics of its own', async () => {
    await openDocument('bad.incoming.json');
    await diagnosticsOf('bad.incoming.json', 4);
    await new Promise(res => setTimeout(res, 1500)); // give the JSON language server time to validate
    const others = vscode.languages.getDiagnostics(workspaceUri('bad.incoming.json')).filter(d => d.source !== 'Mattermost');
    assert.deepStrictEqual(others.map(d => `${d.source}: ${d.message}`), []);
  });

  it('reports nothing for the clean payload of every kind', async () => {
    for (const name of ['good.incoming.json', 'good.command.json', 'good.outgoing.json', 'good.dialog.json', 'good.post.json', 'schema-detected.json']) {
      await openDocument(name);
    }
    await diagnosticsOf('bad.incoming.json', 4); // the linter has run
    await new Promise(res => setTimeout(res, 500));
    for (const name of ['good.incoming.json', 'good.command.json', 'good.outgoing.json', 'good.dialog.json', 'good.post.json', 'schema-detected.json']) {
      assert.deepStrictEqual(vscode.languages.getDiagnostics(workspaceUri(name)).map(d => `${d.source} ${JSON.stringify(d.code)}: ${d.message}`), [], name);
    }
  });

  it('detects the kind by $schema, and the user can change it', async () => {
    const { services } = await testApi();
    const doc = (await openDocument('schema-detected.json')).document;
    assert.deepStrictEqual(services.kinds.kindOf(doc), { kind: 'command', by: '$schema' });
    await services.kinds.choose(doc.uri, 'outgoing');
    assert.deepStrictEqual(services.kinds.kindOf(doc), { kind: 'outgoing', by: 'choice' });
    // As an outgoing response, "ephemeral" means nothing: the linter says so.
    const d = await diagnosticsOf('schema-detected.json');
    assert.ok(d.some(x => x.code === 'response-type'), JSON.stringify(d.map(x => x.code)));
    await services.kinds.choose(doc.uri, undefined);
    await waitFor('diagnostics cleared', () => ourDiagnostics(doc.uri).length === 0 || undefined);
  });

  it('knows the kind of each version: a $schema edited near the top changes it, an edit past the first 64 K characters keeps it', async () => {
    const { services } = await testApi();
    const filler = Array.from({ length: 1500 }, (_, i) => `"line ${i} of filler text to pass the first 64 K characters"`).join(',\n');
    fs.writeFileSync(workspacePath('kind-versions.json'), `{\n  "$schema": "mattermost-payloads://schemas/command.json",\n  "response_type": "ephemeral",\n  "text": "x",\n  "extra_responses": [],\n  "filler": [\n${filler}\n]\n}\n`);
    const editor = await openDocument('kind-versions.json');
    const doc = editor.document;
    assert.ok(doc.getText().length > 70000);
    assert.deepStrictEqual(services.kinds.kindOf(doc), { kind: 'command', by: '$schema' });
    // the $schema (in the head) edited: the next version is an outgoing-webhook response
    const at = doc.getText().indexOf('command.json');
    assert.ok(await editor.edit(b => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 7)), 'outgoing')));
    assert.deepStrictEqual(services.kinds.kindOf(doc), { kind: 'outgoing', by: '$schema' });
    // an edit past the head keeps it, and so does the next one in the head that leaves $schema alone
    assert.ok(await editor.edit(b => b.insert(doc.positionAt(doc.getText().length - 3), ', "more"')));
    assert.deepStrictEqual(services.kinds.kindOf(doc), { kind: 'outgoing', by: '$schema' });
    assert.ok(await editor.edit(b => b.replace(new vscode.Range(1, 2, 1, 11), '"$comment"')));
    assert.strictEqual(services.kinds.kindOf(doc), undefined, 'no $schema and no kind in the name: not a payload');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('uses mattermostPayloads.fileAssociations for files whose names do not say their kind', async () => {
    fs.mkdirSync(workspacePath('hooks'), { recursive: true });
    fs.writeFileSync(workspacePath('hooks', 'deploy.json'), '{ "text": "hi", "attachments": [{ "color": "blue" }] }\n');
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('fileAssociations', { 'hooks/**/*.json': 'incoming' }, vscode.ConfigurationTarget.Workspace);
    try {
      await openDocument('hooks', 'deploy.json');
      const d = await diagnosticsOf('hooks/deploy.json');
      assert.ok(d.some(x => x.code === 'attachment-color'));
    } finally {
      await config.update('fileAssociations', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('no kind without the association', () => ourDiagnostics(workspaceUri('hooks', 'deploy.json')).length === 0 || undefined);
  });

  it('updates as you type, and turns rules off by id from settings', async () => {
    const editor = await openDocument('bad.incoming.json');
    const original = editor.document.getText();
    await diagnosticsOf('bad.incoming.json', 4);
    await editor.edit(b => b.replace(r(6, 15, 6, 20), '"good"'));
    await waitFor('the colour warning to go', () => ourDiagnostics(editor.document.uri).every(d => d.code !== 'attachment-color') || undefined);
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('lint.disabledRules', ['slack-bold'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('slack-bold to be off', () => ourDiagnostics(editor.document.uri).every(d => d.code !== 'slack-bold') || undefined);
      assert.ok(ourDiagnostics(editor.document.uri).some(d => d.code === 'short-not-boolean'));
    } finally {
      await config.update('lint.disabledRules', undefined, vscode.ConfigurationTarget.Workspace);
      await restoreDocument(editor.document, original);
    }
  });

  it('offers the certain quick fix, and applying it removes the problem', async () => {
    const editor = await openDocument('bad.incoming.json');
    const original = editor.document.getText();
    const d = (await diagnosticsOf('bad.incoming.json', 4)).find(x => x.code === 'short-not-boolean')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.isPreferred && a.edit);
    assert.ok(fix, `no preferred fix among ${actions.map(a => a.title).join(', ')}`);
    assert.strictEqual(fix.title, 'Change to true');
    assert.ok(actions.some(a => a.title === 'Turn off rule "short-not-boolean" in this workspace'));
    await vscode.workspace.applyEdit(fix.edit!);
    assert.match(editor.document.lineAt(8).text, /"short": true/);
    await waitFor('the error to go', () => ourDiagnostics(editor.document.uri).every(x => x.code !== 'short-not-boolean') || undefined);
    await restoreDocument(editor.document, original);
  });

  it('follows typing without a debounce: a burst of edits to a big (worker-linted) file ends with the newest text\'s problems', async () => {
    // ~220 KB: linted in the worker (over 200 KB), as you type (under the 5 MB on-save-only default).
    const fields = Array.from({ length: 2300 }, (_, i) => `{ "title": "f${i}", "value": "value number ${i} padded to make it longer", "short": true }`).join(',\n');
    fs.writeFileSync(workspacePath('typing.incoming.json'), `{ "text": "big", "attachments": [{ "fallback": "x", "fields": [\n${fields}\n] }] }\n`);
    const { services } = await testApi();
    const editor = await openDocument('typing.incoming.json');
    const doc = editor.document;
    await waitFor('the first lint', () => services.diagnostics.problemsFor(doc));
    assert.deepStrictEqual(ourDiagnostics(doc.uri).filter(d => d.code === 'short-not-boolean'), []);
    // Eleven edits without waiting: each flips one field's "short" to "yes" (an error), the last one too.
    const text = doc.getText();
    const starts: number[] = [];
    for (let at = text.indexOf('"short": true'); at >= 0 && starts.length < 11; at = text.indexOf('"short": true', at + 1)) starts.push(at);
    const edits = starts.map(at => ({ range: new vscode.Range(doc.positionAt(at), doc.positionAt(at + 13)) }));
    const applied = edits.reverse().map(e => { const w = new vscode.WorkspaceEdit(); w.replace(doc.uri, e.range, '"short": "yes"'); return vscode.workspace.applyEdit(w); });
    assert.ok((await Promise.all(applied)).every(Boolean));
    const d = await waitFor('all eleven errors', () => { const x = ourDiagnostics(doc.uri).filter(y => y.code === 'short-not-boolean'); return x.length === 11 ? x : undefined; }, 20000);
    assert.strictEqual(d.length, 11);
    // The published problems are those of the document's current version, not of a stale one.
    assert.ok(services.diagnostics.problemsFor(doc), 'no result for the current version');
    assert.strictEqual(services.diagnostics.problemsFor(doc)!.filter(p => p.rule === 'short-not-boolean').length, 11);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lints a big file from the worker\'s copy, kept in step with every kind of edit (several ranges at once, new lines, deletes, undo)', async () => {
    // ~250 KB: in the worker; after the first lint only the edits' changes go there, not the text.
    const fields = Array.from({ length: 2600 }, (_, i) => `{ "title": "f${i}", "value": "value number ${i} padded to make it longer", "short": true }`).join(',\n');
    fs.writeFileSync(workspacePath('copy.incoming.json'), `{ "text": "big", "attachments": [{ "fallback": "x", "fields": [\n${fields}\n] }] }\n`);
    const { services } = await testApi();
    const editor = await openDocument('copy.incoming.json');
    const doc = editor.document;
    // What the editor shows must be exactly what a lint of the whole current text gives (sent whole to the worker).
    const inStep = async (what: string) => {
      const shown = await waitFor(`the lint after ${what}`, () => services.diagnostics.problemsFor(doc), 20000);
      const whole = await services.diagnostics.lintText(doc.getText(), 'incoming', { profile: services.profiles.profileFor(doc.uri) });
      assert.deepStrictEqual(shown, whole, `after ${what}`);
      return shown;
    };
    await inStep('opening');
    const text = doc.getText();
    const at = (s: string, from: number) => { const i = text.indexOf(s, from); assert.ok(i >= 0, s); return i; };
    // One edit, four ranges (VS Code reports them together, the last one first).
    const several = new vscode.WorkspaceEdit();
    for (const from of [1000, 60000, 120000]) { const i = at('"short": true', from); several.replace(doc.uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + 13)), '"short": "yes"'); }
    several.insert(doc.uri, doc.positionAt(at('"value"', 200000)), '"Pretxt": 1,\n\n  ');
    assert.ok(await vscode.workspace.applyEdit(several));
    assert.strictEqual((await inStep('four changes in one edit')).filter(p => p.rule === 'short-not-boolean').length, 3);
    // A whole line deleted, then text typed at the top.
    const line = doc.lineAt(doc.positionAt(doc.getText().indexOf('"f1500"')).line);
    assert.ok(await editor.edit(b => b.delete(line.rangeIncludingLineBreak)));
    await inStep('deleting a line');
    assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 1), ' "username": 5,')));
    assert.ok((await inStep('typing at the top')).length > 0);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await inStep('two undos');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lints a large file off the extension host thread, on open and save only past the size setting', async () => {
    // ~1.2 MB: over the worker threshold (1 MB) and over a lowered on-save-only setting.
    const fields = Array.from({ length: 14000 }, (_, i) => `{ "title": "f${i}", "value": "value number ${i} padded to make it longer", "short": true }`).join(',\n');
    fs.writeFileSync(workspacePath('big.incoming.json'), `{ "text": "big", "attachments": [{ "fallback": "x", "fields": [\n${fields}\n], "color": "blue" }] }\n`);
    const config = vscode.workspace.getConfiguration('mattermostPayloads');
    await config.update('lint.onSaveOnlyOverBytes', 1000000, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openDocument('big.incoming.json');
      const d = await diagnosticsOf('big.incoming.json', 2);
      assert.ok(d.some(x => x.code === 'attachment-color'), JSON.stringify(d.map(x => x.code)));
      assert.ok(d.some(x => x.code === 'body-too-large' && x.severity === S.Error), 'over the 300000-byte body limit');
      const note = d.find(x => x.code === 'lint-on-save-only');
      assert.ok(note && /lints it when it is opened or saved, not as you type/.test(note.message));
      // Typing does not re-lint: the colour warning stays after it is fixed, until the file is saved.
      const text = editor.document.getText();
      const at = text.lastIndexOf('"blue"');
      await editor.edit(b => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), '"good"'));
      await new Promise(res => setTimeout(res, 800));
      assert.ok(ourDiagnostics(editor.document.uri).some(x => x.code === 'attachment-color'), 'linted while typing');
      await editor.document.save();
      await waitFor('the colour warning to go after saving', () => ourDiagnostics(editor.document.uri).every(x => x.code !== 'attachment-color') || undefined, 20000);
    } finally {
      await config.update('lint.onSaveOnlyOverBytes', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
