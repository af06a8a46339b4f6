import * as vscode from 'vscode';

export type Redactor = (text: string) => string;

/**
 * The extension's one LogOutputChannel. Every line passes through the redactor, so a token,
 * password or webhook key never reaches the log, whoever calls it. Lines carry an [area] prefix.
 */
export class Logger implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(private readonly redact: Redactor) {
    this.channel = vscode.window.createOutputChannel('Mattermost Payloads', { log: true });
  }

  trace(area: string, message: () => string): void {
    // Expensive messages are built only when they will be shown.
    if (this.channel.logLevel <= vscode.LogLevel.Trace && this.channel.logLevel !== vscode.LogLevel.Off) {
      this.channel.trace(this.line(area, message()));
    }
  }
  debug(area: string, message: string): void { this.channel.debug(this.line(area, message)); }
  info(area: string, message: string): void { this.channel.info(this.line(area, message)); }
  warn(area: string, message: string): void { this.channel.warn(this.line(area, message)); }
  error(area: string, message: string): void { this.channel.error(this.line(area, message)); }

  show(): void { this.channel.show(true); }
  dispose(): void { this.channel.dispose(); }

  private line(area: string, message: string): string {
    return this.redact(area ? `[${area}] ${message}` : message);
  }
}
