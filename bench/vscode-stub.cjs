// A do-nothing `vscode` module for the benchmark only: loading dist/extension.js in plain Node to
// time activate(). Every property is a callable, constructible stub that returns another stub, so
// registrations, events and disposables all "work" and cost next to nothing.
'use strict';
function stub(name, fixed) {
  const children = Object.assign(Object.create(null), fixed);
  const target = function () {};
  return new Proxy(target, {
    get(t, p) {
      if (p === 'prototype') return t.prototype;
      if (p === Symbol.toPrimitive) return () => 0;
      if (p === 'then' || p === 'length' || p === 'name') return undefined;
      if (p === Symbol.iterator) return function* () {};
      if (!(p in children)) children[p] = stub(`${name}.${String(p)}`);
      return children[p];
    },
    set(t, p, v) {
      children[p] = v;
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}
// A plain object (esbuild's __toESM copies own keys): every top-level name of the API the bundle may use.
const NAMES = `window workspace languages commands env extensions authentication debug tasks scm tests l10n notebooks chat lm
Uri EventEmitter Disposable Range Position Selection Location Diagnostic DiagnosticRelatedInformation DiagnosticTag CodeAction
CodeActionKind CodeLens WorkspaceEdit TextEdit MarkdownString ThemeColor ThemeIcon RelativePattern CancellationTokenSource
CancellationError ProgressLocation QuickPickItemKind FileType FileSystemError TreeItem TreeItemCollapsibleState Hover
CompletionItem CompletionItemKind SnippetString DocumentLink StatusBarItem TextEditorRevealType EndOfLine OverviewRulerLane
DecorationRangeBehavior UIKind ColorThemeKind TabInputText ShellExecution Task TaskScope`.split(/\s+/);
const api = {};
for (const n of NAMES) api[n] = stub(`vscode.${n}`);
Object.assign(api, {
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
});
module.exports = api;
module.exports.__stub = stub;
