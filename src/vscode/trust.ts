import * as vscode from 'vscode';

/**
 * Network commands refuse in Restricted Mode. Linting, snippets and the preview keep working.
 * Returns false (and tells the user why, with a way out) when the workspace is not trusted.
 */
export function ensureTrusted(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    `${what} is turned off in Restricted Mode: it uses the network and your stored Mattermost credentials, and this workspace is not trusted.`,
    'Manage Workspace Trust',
  ).then(choice => { if (choice) void vscode.commands.executeCommand('workbench.trust.manage'); });
  return false;
}
