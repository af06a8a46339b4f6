import * as vscode from 'vscode';

/**
 * The questions and messages commands use. The default goes straight to vscode.window; the
 * integration tests, and only they (ExtensionMode.Test), swap in a scripted one.
 */
export interface Prompter {
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A question that needs an answer (modal). */
  ask(message: string, detail: string, ...choices: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

const windowPrompter: Prompter = {
  input: options => Promise.resolve(vscode.window.showInputBox({ ignoreFocusOut: true, ...options })),
  pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options })),
  ask: (message, detail, ...choices) => Promise.resolve(vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices)),
  info: (message, ...actions) => Promise.resolve(vscode.window.showInformationMessage(message, ...actions)),
  warn: (message, ...actions) => Promise.resolve(vscode.window.showWarningMessage(message, ...actions)),
  error: (message, ...actions) => Promise.resolve(vscode.window.showErrorMessage(message, ...actions)),
};

/** Holds the current prompter so tests can replace it. */
export class Prompts {
  current: Prompter = windowPrompter;
}
