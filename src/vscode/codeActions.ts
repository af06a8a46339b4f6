import * as vscode from 'vscode';
import { Problem } from '../core/payload/problem';
import { SECTION } from './config';
import { DIAGNOSTIC_SOURCE, PayloadDiagnostics } from './diagnostics';

/** Quick fixes where the core linter says the fix is certain, plus "turn this rule off". */
export class PayloadCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: PayloadDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const problems = this.diagnostics.problemsFor(doc) ?? [];
    const actions: vscode.CodeAction[] = [];
    const offered = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      const problem = problems.find(p => matches(doc, p, diagnostic));
      if (problem?.fix) {
        const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of problem.fix.edits) {
          action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (!offered.has(diagnostic.code) && diagnostic.code !== 'lint-on-save-only') {
        offered.add(diagnostic.code);
        const off = new vscode.CodeAction(`Turn off rule "${diagnostic.code}" in ${ruleScope(doc.uri).where}`, vscode.CodeActionKind.QuickFix);
        off.command = { command: 'mattermostPayloads.disableRule', title: off.title, arguments: [diagnostic.code, doc.uri] };
        off.diagnostics = [diagnostic];
        actions.push(off);
      }
    }
    return actions;
  }
}

function matches(doc: vscode.TextDocument, p: Problem, d: vscode.Diagnostic): boolean {
  return p.rule === d.code && doc.offsetAt(d.range.start) === p.start && doc.offsetAt(d.range.end) === p.end;
}

/**
 * Where "turn off rule" writes: the file's folder settings in a multi-root workspace (the folder's
 * .vscode/settings.json, which its repository shares), the workspace settings in a single-folder
 * workspace, the user settings without a workspace (or for a file outside every folder of a
 * multi-root workspace: the .code-workspace file).
 */
function ruleScope(uri?: vscode.Uri): { target: vscode.ConfigurationTarget; where: string } {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return { target: vscode.ConfigurationTarget.Global, where: 'your user settings' };
  if (vscode.workspace.workspaceFile && uri && vscode.workspace.getWorkspaceFolder(uri)) {
    return { target: vscode.ConfigurationTarget.WorkspaceFolder, where: 'this folder' };
  }
  return { target: vscode.ConfigurationTarget.Workspace, where: 'this workspace' };
}

/** Adds a rule id to mattermostPayloads.lint.disabledRules where ruleScope says. */
export async function disableRule(rule: unknown, uri?: vscode.Uri): Promise<void> {
  if (typeof rule !== 'string' || !/^[a-z0-9-]+$/.test(rule)) return;
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const { target } = ruleScope(uri);
  const inspected = config.inspect<string[]>('lint.disabledRules');
  const current =
    (target === vscode.ConfigurationTarget.WorkspaceFolder
      ? inspected?.workspaceFolderValue
      : target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.globalValue) ?? [];
  if (!current.includes(rule)) await config.update('lint.disabledRules', [...current, rule], target);
}
