import * as vscode from 'vscode';
import type { LintResult } from '../core/mattermost/send';
import type { LintOptions } from '../core/payload/lint';
import { LintRunner } from '../core/payload/lintAsync';
import { Kind, Problem, Severity } from '../core/payload/problem';
import type { Profile } from '../core/server/profile';
import { affectsLint, lintSettings } from './config';
import { Logger } from './logger';
import { PayloadKinds } from './payloadKinds';

export const DIAGNOSTIC_SOURCE = 'Mattermost';

/** The target-server profile per document (src/vscode/profiles.ts); diagnostics re-lint when it changes. */
export interface ProfileProvider {
  profileFor(uri: vscode.Uri): Profile;
  readonly onDidChange: vscode.Event<void>;
}
const DEBOUNCE_MS = 250;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/**
 * Lints payload documents and publishes the problems as diagnostics (source "Mattermost").
 * The core linter is the only source of schema and semantic problems; VS Code's JSON service
 * only reports syntax, since the schemas it is given can never fail (see README, Architecture).
 */
export class PayloadDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mattermost-payloads');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped by every lint start and every clear: an older lint's result is dropped. */
  private readonly generation = new Map<string, number>();
  /** The problems behind the published diagnostics, for quick fixes and the preview. */
  private readonly latest = new Map<string, { version: number } & LintResult>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.changed.event;

  /** Lints inline, or in dist/lintWorker.js for documents over 1 MB, so the extension host never blocks. */
  private readonly runner: LintRunner;

  constructor(private readonly kinds: PayloadKinds, private readonly logger: Logger, workerPath: string, private readonly profiles?: ProfileProvider) {
    this.runner = new LintRunner(workerPath);
    this.disposables.push({ dispose: () => this.runner.dispose() },
      this.collection, this.changed,
      vscode.workspace.onDidOpenTextDocument(d => void this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) this.schedule(e.document); }),
      vscode.workspace.onDidSaveTextDocument(d => void this.lintNow(d, true)),
      vscode.workspace.onDidCloseTextDocument(d => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration(e => { if (affectsLint(e)) this.kinds.refresh(); }),
      kinds.onDidChange(uri => this.relintAll(uri)),
    );
    if (profiles) this.disposables.push(profiles.onDidChange(() => this.relintAll(undefined)));
    for (const doc of vscode.workspace.textDocuments) void this.lintNow(doc);
  }

  problemsFor(doc: vscode.TextDocument): Problem[] | undefined {
    const entry = this.latest.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.problems : undefined;
  }

  /** The latest result for exactly this version of the document, with the kind and rules it ran with (the send path reuses it). */
  latestResult(uri: vscode.Uri, version: number): LintResult | undefined {
    const entry = this.latest.get(uri.toString());
    return entry && entry.version === version ? { kind: entry.kind, disabledRules: entry.disabledRules, problems: entry.problems } : undefined;
  }

  /** Lints a text as the editor does (in the worker when big) without publishing anything. */
  lintText(text: string, kind: Kind, options?: LintOptions): Promise<Problem[]> {
    return this.runner.lint(text, kind, options);
  }

  async lintNow(doc: vscode.TextDocument, saved = false): Promise<void> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const detected = this.kinds.kindOf(doc);
    if (!detected) { this.clear(doc.uri); return; }
    const settings = lintSettings(doc.uri);
    const text = doc.getText();
    if (!saved && settings.onSaveOverBytes > 0 && text.length > settings.onSaveOverBytes && this.latest.has(key)) {
      return; // large file: linted on open and on save only
    }
    const t0 = Date.now();
    const version = doc.version;
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    let problems: Problem[];
    try {
      problems = await this.runner.lint(text, detected.kind, { disabledRules: settings.disabledRules, profile: this.profiles?.profileFor(doc.uri) });
    } catch (e) {
      this.logger.error('lint', `linting ${vscode.workspace.asRelativePath(doc.uri)} failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // Stale: the text changed, the kind changed, or the document was closed meanwhile.
    if (doc.isClosed || doc.version !== version || this.generation.get(key) !== generation) return;
    this.latest.set(key, { version: doc.version, kind: detected.kind, disabledRules: settings.disabledRules, problems });
    const diagnostics = problems.map(p => toDiagnostic(doc, p));
    if (settings.onSaveOverBytes > 0 && text.length > settings.onSaveOverBytes) {
      const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1),
        `This file is over ${formatBytes(settings.onSaveOverBytes)}, so Mattermost Payloads lints it when it is opened or saved, not as you type (setting mattermostPayloads.lint.onSaveOnlyOverBytes).`,
        vscode.DiagnosticSeverity.Hint);
      note.source = DIAGNOSTIC_SOURCE;
      note.code = 'lint-on-save-only';
      diagnostics.push(note);
    }
    this.collection.set(doc.uri, diagnostics);
    this.logger.trace('lint', () => `${vscode.workspace.asRelativePath(doc.uri)} as ${detected.kind} (by ${detected.by}): ${problems.length} problem(s) in ${Date.now() - t0} ms`);
    this.changed.fire(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.lintNow(doc), DEBOUNCE_MS));
  }

  private relintAll(uri: vscode.Uri | undefined): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!uri || doc.uri.toString() === uri.toString()) void this.lintNow(doc, true);
    }
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.collection.delete(uri);
    this.latest.delete(uri.toString());
  }
}

function toDiagnostic(doc: vscode.TextDocument, p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end)), p.message, SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.rule;
  return d;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
