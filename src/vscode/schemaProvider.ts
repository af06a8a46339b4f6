import * as vscode from 'vscode';
import { loadSchemas } from '../core/payload/schemas';

/**
 * Answers VS Code's JSON service when a payload file names its schema with
 * `"$schema": "mattermost-payloads://schemas/<kind>.json"` (the JSON service asks the workspace for
 * documents of schemes it does not download itself), so that name keeps resolving offline.
 *
 * It answers with a schema that accepts everything and describes nothing: completion, hover and every
 * check of a payload file come from this extension (src/vscode/assist.ts and the linter), which follow
 * the target-server profile. Serving the real schemas here would make the JSON service validate the file
 * on every edit and offer every completion item a second time.
 */
export class SchemaContentProvider implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'mattermost-payloads';

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = `${SchemaContentProvider.scheme}://${uri.authority}${uri.path}`;
    const known = loadSchemas().byId.get(id);
    if (!known) throw new Error(`no such schema: ${uri.toString()}`);
    return JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: `${typeof known.title === 'string' ? known.title : id}: Mattermost Payloads checks this file and offers its completion and hover itself, following the target server's profile.`,
    }, null, 2);
  }
}
