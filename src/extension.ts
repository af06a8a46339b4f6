import * as vscode from 'vscode';
import { Logger } from './vscode/logger';

/** Thin: create the logger, build services, register adapters. Nothing heavy runs here. */
export function activate(context: vscode.ExtensionContext): void {
  const logger = new Logger(text => text);
  context.subscriptions.push(
    logger,
    vscode.commands.registerCommand('mattermostPayloads.showLog', () => logger.show()),
  );
  logger.info('activate', `Mattermost Payloads ${context.extension.packageJSON.version} activated`);
}

export function deactivate(): void {}
