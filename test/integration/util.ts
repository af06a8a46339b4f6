import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mattermost-payloads.mattermost-payloads';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function workspacePath(...segments: string[]): string {
  return path.join(workspaceUri().fsPath, ...segments);
}

/** Poll until `probe` returns a truthy value, or fail with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

export async function openDocument(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/** Our own diagnostics for a document (VS Code's JSON service reports under source "json"). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'Mattermost');
}

/** Puts a document back to `text` and saves it (more dependable than reverting the active editor). */
export async function restoreDocument(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}

/** Closes every untitled document without saving (answers and dialogs the tests opened). */
async function closeUntitled(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'untitled')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** After a suite that used the example integration: its definitions removed, untitled documents closed, the example stopped. */
export async function endExampleSuite(example: { child: { kill(): unknown } } | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('mattermostPayloads').update('integrations', undefined, vscode.ConfigurationTarget.Global);
  await closeUntitled();
  example?.child.kill();
}
