import * as vscode from 'vscode';

/**
 * Serves the schemas under their $id (mattermost-payloads://schemas/<kind>.json), so a payload
 * file that names its schema with "$schema" gets completion and hover offline: VS Code's JSON
 * service asks the workspace for documents of schemes it does not download itself.
 */
export class SchemaContentProvider implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'mattermost-payloads';

  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rel = `${uri.authority}${uri.path}`.replace(/^schemas\//, '');
    if (!/^[a-z-]+(\/[a-z-]+)?\.json$/.test(rel)) throw new Error(`no such schema: ${uri.toString()}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'schemas', rel));
    return new TextDecoder().decode(bytes);
  }
}
