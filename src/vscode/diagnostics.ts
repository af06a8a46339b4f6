import * as vscode from 'vscode';
import type { LintResult } from '../core/mattermost/send';
import type { LintOptions } from '../core/payload/lint';
import { LintRunner } from '../core/payload/lintAsync';
import { Kind, Problem, Severity } from '../core/payload/problem';
import type { Profile } from '../core/server/profile';
import { affectsLint, lintSettings } from './config';
import { documentLength, textSlices } from './documentText';
import { Logger } from './logger';
import { PayloadKinds } from './payloadKinds';

export const DIAGNOSTIC_SOURCE = 'Mattermost';

/** The target-server profile per document (src/vscode/profiles.ts); diagnostics re-lint when it changes. */
export interface ProfileProvider {
  profileFor(uri: vscode.Uri): Profile;
  readonly onDidChange: vscode.Event<void>;
}
/**
 * Documents with more characters than this are linted in the worker (dist/lintWorker.js); smaller
 * ones inline, which costs a few ms (≈ 5 ms at 200 KB), so the extension host never blocks for long.
 */
const WORKER_THRESHOLD = 200_000;

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
  /**
   * A lint is queued for when the current event has been handled (a microtask: several changes handled in
   * one go get one lint, and nothing waits for a later turn of a busy event loop).
   */
  private readonly timers = new Set<string>();
  /**
   * A lint is running for the document (in the worker, for big ones). Changes meanwhile do not start
   * another: they set `again`, and one lint of the newest text follows when this one ends (coalescing).
   */
  private readonly running = new Map<string, { again: boolean; saved: boolean }>();
  /** Bumped by every lint start and every clear: an older lint's result is dropped. */
  private readonly generation = new Map<string, number>();
  /** The problems behind the published diagnostics, for quick fixes and the preview. */
  private readonly latest = new Map<string, { version: number } & LintResult>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Each document's lint settings, read once (not on every keystroke) until a lint setting changes. */
  private settings = new WeakMap<vscode.TextDocument, ReturnType<typeof lintSettings>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.changed.event;

  /** Lints inline, or in dist/lintWorker.js for documents over WORKER_THRESHOLD, so the extension host never blocks. */
  private readonly runner: LintRunner;

  constructor(private readonly kinds: PayloadKinds, private readonly logger: Logger, workerPath: string, private readonly profiles?: ProfileProvider) {
    this.runner = new LintRunner(workerPath, { workerThreshold: WORKER_THRESHOLD });
    this.disposables.push({ dispose: () => this.runner.dispose() },
      this.collection, this.changed,
      vscode.workspace.onDidOpenTextDocument(d => void this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (!e.contentChanges.length) return;
        // the worker's copy of a big document follows the edit now, in order (no text crosses, only the change)
        this.runner.change(e.document.uri.toString(), e.document.version, e.contentChanges.map(c => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })));
        this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument(d => void this.lintNow(d, true)),
      vscode.workspace.onDidCloseTextDocument(d => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!affectsLint(e)) return;
        this.settings = new WeakMap();
        this.kinds.refresh();
      }),
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

  /**
   * Lints `doc` now and publishes the result, unless a newer version has appeared meanwhile (the
   * stale result is dropped and the newest text is linted once the running lint ends). No debounce:
   * a lint costs a few ms, and big documents go to the worker, one lint at a time per document.
   */
  async lintNow(doc: vscode.TextDocument, saved = false): Promise<void> {
    const key = doc.uri.toString();
    this.unschedule(key);
    if (doc.isClosed) return;
    const busy = this.running.get(key);
    if (busy) {
      busy.again = true;
      busy.saved ||= saved;
      return;
    }
    const detected = this.kinds.kindOf(doc);
    if (!detected) { this.clear(doc.uri); return; }
    let settings = this.settings.get(doc);
    if (!settings) this.settings.set(doc, (settings = lintSettings(doc.uri)));
    const length = documentLength(doc);
    if (!saved && settings.onSaveOverBytes > 0 && length > settings.onSaveOverBytes && this.latest.has(key)) {
      return; // large file: linted on open and on save only
    }
    const t0 = Date.now();
    const version = doc.version;
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const state = { again: false, saved: false };
    this.running.set(key, state);
    const options = { disabledRules: settings.disabledRules, profile: this.profiles?.profileFor(doc.uri) };
    let problems: Problem[] | undefined;
    const stale = () => doc.isClosed || doc.version !== version || this.generation.get(key) !== generation;
    try {
      if (length <= WORKER_THRESHOLD) problems = await this.runner.lint(doc.getText(), detected.kind, options);
      else {
        // Big: the worker lints its own copy, kept in step edit by edit (change()); without one (first
        // lint, or the worker restarted) the text goes over in slices (building it at once would block
        // for long) and the worker keeps it.
        problems = await this.runner.lintCopy(key, version, detected.kind, options);
        if (!problems && !stale()) problems = await this.runner.lintSlices(textSlices(doc), detected.kind, options, stale, { doc: key, version });
      }
      if (!problems && !stale()) state.again = true; // the worker stopped meanwhile: lint once more
    } catch (e) {
      this.logger.error('lint', `linting ${vscode.workspace.asRelativePath(doc.uri)} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.running.delete(key);
    }
    // Stale: the text changed, the kind changed, or the document was closed meanwhile.
    if (problems && !stale()) {
      this.publish(doc, version, detected.kind, settings.disabledRules, problems, length > settings.onSaveOverBytes && settings.onSaveOverBytes > 0 ? settings.onSaveOverBytes : undefined);
      this.logger.trace('lint', () => `${vscode.workspace.asRelativePath(doc.uri)} v${version} as ${detected.kind} (by ${detected.by}): ${problems.length} problem(s) in ${Date.now() - t0} ms`);
    }
    if (state.again || (!doc.isClosed && doc.version !== version && !this.timers.has(key))) {
      void this.lintNow(doc, state.saved);
    }
  }

  dispose(): void {
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** `onSaveOverBytes`: set when the document is over that size and so linted on open and save only (a note says so). */
  private publish(doc: vscode.TextDocument, version: number, kind: Kind, disabledRules: readonly string[], problems: Problem[], onSaveOverBytes: number | undefined): void {
    this.latest.set(doc.uri.toString(), { version, kind, disabledRules, problems });
    const diagnostics = problems.map(p => toDiagnostic(doc, p));
    if (onSaveOverBytes !== undefined) {
      const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1),
        `This file is over ${formatBytes(onSaveOverBytes)}, so Mattermost Payloads lints it when it is opened or saved, not as you type (setting mattermostPayloads.lint.onSaveOnlyOverBytes).`,
        vscode.DiagnosticSeverity.Hint);
      note.source = DIAGNOSTIC_SOURCE;
      note.code = 'lint-on-save-only';
      diagnostics.push(note);
    }
    this.collection.set(doc.uri, diagnostics);
    this.changed.fire(doc.uri);
  }

  /** Lints once the current event has been handled, so a burst of changes that arrived together is linted once. */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.timers.has(key)) return;
    this.timers.add(key);
    queueMicrotask(() => {
      if (this.timers.has(key)) void this.lintNow(doc); // lintNow unschedules it
    });
  }

  private unschedule(key: string): void {
    this.timers.delete(key);
  }

  private relintAll(uri: vscode.Uri | undefined): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!uri || doc.uri.toString() === uri.toString()) void this.lintNow(doc, true);
    }
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.unschedule(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.runner.forget(key);
    // only when something was published: delete() fires onDidChangeDiagnostics (for every edit of any JSON file)
    if (this.collection.has(uri)) this.collection.delete(uri);
    this.latest.delete(key);
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
