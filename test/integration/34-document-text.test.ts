import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentLength, headText } from '../../src/vscode/documentText';
import { testApi } from './prompter';

// documentLength follows edits instead of asking the document (offsetAt rebuilds its line index after
// every edit); headText walks line lengths instead of positionAt. Both must give exactly what the
// document's own offsets give, in a real extension host, whatever the edits and line endings.

async function edit(doc: vscode.TextDocument, build: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  build(e);
  assert.ok(await vscode.workspace.applyEdit(e), 'the edit was not applied');
}

function assertSameAsOffsets(doc: vscode.TextDocument, step: string): void {
  assert.strictEqual(documentLength(doc), doc.getText().length, `documentLength after ${step}`);
  for (const n of [0, 1, 5, 6, 7, 11, 12, 13, 40, doc.getText().length - 1, doc.getText().length, doc.getText().length + 1, 100_000]) {
    if (n < 0) continue;
    const expected = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(n)));
    assert.strictEqual(headText(doc, n), expected, `headText(${n}) after ${step}`);
  }
}

describe('document text without offsets (documentLength, headText)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const eol of ['\n', '\r\n']) {
    it(`match the document's offsets through inserts, deletions, replacements, undo and redo (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: ['{', '  "text": "hello",', '', '  "n": 1', '}', ''].join(eol) });
      await vscode.window.showTextDocument(doc);
      assertSameAsOffsets(doc, 'opening');
      await edit(doc, e => e.insert(doc.uri, new vscode.Position(0, 1), ' '));
      assertSameAsOffsets(doc, 'a one-character insert');
      await edit(doc, e => e.insert(doc.uri, new vscode.Position(1, 3), `"a": [1,${eol}2],${eol}  `));
      assertSameAsOffsets(doc, 'an insert with line breaks');
      await edit(doc, e => e.delete(doc.uri, new vscode.Range(1, 0, 3, 2)));
      assertSameAsOffsets(doc, 'a deletion across lines');
      await edit(doc, e => {
        e.replace(doc.uri, new vscode.Range(0, 0, 0, 1), '[{');
        e.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, `${eol}]`);
      });
      assertSameAsOffsets(doc, 'two changes in one edit');
      await vscode.commands.executeCommand('undo');
      assertSameAsOffsets(doc, 'undo');
      await vscode.commands.executeCommand('redo');
      assertSameAsOffsets(doc, 'redo');
    });
  }

  it('match the document after its line endings change (an event without content changes)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{\n  "text": "hi",\n  "n": 1\n}\n' });
    const editor = await vscode.window.showTextDocument(doc);
    assertSameAsOffsets(doc, 'opening');
    assert.ok(await editor.edit(b => b.setEndOfLine(vscode.EndOfLine.CRLF)));
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    assertSameAsOffsets(doc, 'the change to CRLF');
    await edit(doc, e => e.insert(doc.uri, new vscode.Position(1, 2), '"x": 2,\r\n  '));
    assertSameAsOffsets(doc, 'an insert after the change');
  });

  it('kindOf answers for the current text: a $schema typed in and taken out again, asked twice per version', async () => {
    const { kinds } = (await testApi()).services;
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{\n  "text": "hi"\n}\n' });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(kinds.kindOf(doc), undefined);
    assert.strictEqual(kinds.kindOf(doc), undefined, 'asked twice at one version');
    await edit(doc, e => e.insert(doc.uri, new vscode.Position(1, 2), '"$schema": "mattermost-payloads://schemas/command.json",\n  '));
    assert.deepStrictEqual(kinds.kindOf(doc), { kind: 'command', by: '$schema' });
    assert.deepStrictEqual(kinds.kindOf(doc), { kind: 'command', by: '$schema' }, 'asked twice at one version');
    await edit(doc, e => e.delete(doc.uri, new vscode.Range(1, 2, 2, 2)));
    assert.strictEqual(kinds.kindOf(doc), undefined);
  });
});
