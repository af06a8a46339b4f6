import * as vscode from 'vscode';
import { isKind, Kind } from '../core/payload/problem';

export const SECTION = 'mattermostPayloads';

/** Settings that only affect linting: they apply in Restricted Mode too. */
export function lintSettings(scope: vscode.Uri | undefined): { disabledRules: string[]; associations: Record<string, Kind>; onSaveOverBytes: number } {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const associations: Record<string, Kind> = {};
  for (const [glob, kind] of Object.entries(c.get<Record<string, unknown>>('fileAssociations') ?? {})) {
    if (isKind(kind)) associations[glob] = kind;
  }
  return {
    disabledRules: (c.get<unknown[]>('lint.disabledRules') ?? []).filter((r): r is string => typeof r === 'string'),
    associations,
    onSaveOverBytes: Math.max(0, c.get<number>('lint.onSaveOnlyOverBytes') ?? 5 * 1024 * 1024),
  };
}

export function affectsLint(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.lint`) || e.affectsConfiguration(`${SECTION}.fileAssociations`);
}

/** Settings that pick a destination or change how sends behave. */
export interface NetworkSettings {
  server?: string;
  defaultChannel?: string;
  defaultWebhook?: string;
  confirmBeforeSend: boolean;
  timeoutMs: number;
}

/**
 * Reads the network settings with inspect(): until the workspace is trusted, workspace and
 * folder values are ignored (restrictedConfigurations alone has been bypassed before).
 */
export function networkSettings(scope?: vscode.Uri): NetworkSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const read = <T>(key: string) => readNetwork<T>(c, key);
  const seconds = Number(read<number>('requestTimeoutSeconds'));
  return {
    server: trimmed(read('server')),
    defaultChannel: trimmed(read('defaultChannel')),
    defaultWebhook: trimmed(read('defaultWebhook')),
    confirmBeforeSend: read<boolean>('confirmBeforeSend') !== false,
    timeoutMs: (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) : 30) * 1000,
  };
}

/** One network setting, read as networkSettings() reads it (for paths that run on every edit: one inspect, not five). */
export function networkSetting(key: 'server' | 'defaultWebhook', scope?: vscode.Uri): string | undefined {
  return trimmed(readNetwork(vscode.workspace.getConfiguration(SECTION, scope), key));
}

function readNetwork<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  if (!i) return undefined;
  if (vscode.workspace.isTrusted) return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue ?? i.defaultValue;
  return i.globalValue ?? i.defaultValue;
}

function trimmed(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
