'use strict';
// Runs in the extension host (see bench/editor-latency.mjs): edit → diagnostics, ours against VS Code's
// JSON language service with the strict schema. For each size, the same edit (a field's `"short": true`
// ⇄ `"short": "yes"`) is applied to ours-<size>.incoming.json (our linter; VS Code's JSON service also
// checks its syntax, as in real use) and to peer-<size>.json (no payload kind for our linter: only the JSON
// service, with the strict schema), each typed in alone (PHASES below). Each edit is timed from
// just before WorkspaceEdit is applied to the onDidChangeDiagnostics event after which that side's
// diagnostics show the edit: ours have a `short-not-boolean` problem exactly when "yes" is in the
// text; the JSON service has a problem exactly then. Both sides include VS Code's 50 ms
// diagnostics-event delay. Writes { bench: { sizes: [...] } } to the harness's stats file.
// MMP_BENCH_ONLY=<regex> measures only the sizes it matches (2kb, 100kb, 1mb).
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { startProfile } = require('./hostProfile');

const EXTENSION_ID = 'mattermost-payloads.mattermost-payloads';
const EDITS = Number(process.env.MMP_BENCH_EDITS || 30);
const WARMUP = 3;
const EDIT_TIMEOUT_MS = 20000;
// For finding where the time goes: MMP_BENCH_CPUPROF=<dir> writes an inspector CPU profile of this thread (the
// extension host's) per size (<dir>/latency-<size>.cpuprofile, open in Chrome DevTools).
const PROFILE_DIR = process.env.MMP_BENCH_CPUPROF;

const sleep = ms => new Promise(r => setTimeout(r, ms));

function writeStats(stats) {
  if (process.env.MMP_STATS_FILE) fs.writeFileSync(process.env.MMP_STATS_FILE, JSON.stringify(stats));
}

const sides = {
  ours: {
    file: size => `ours-${size}.incoming.json`,
    shows: (uri, on) => vscode.languages.getDiagnostics(uri).some(d => d.source === 'Mattermost' && d.code === 'short-not-boolean') === on,
  },
  peer: {
    file: size => `peer-${size}.json`,
    shows: (uri, on) => (vscode.languages.getDiagnostics(uri).filter(d => d.source !== 'Mattermost').length > 0) === on,
  },
};

/** Resolves with ms from `start` to the diagnostics event after which `ok()` holds, or rejects on timeout. */
function diagnosticsWhere(uri, ok, start) {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no diagnostics for ${path.basename(uri.fsPath)} within ${EDIT_TIMEOUT_MS} ms`)); }, EDIT_TIMEOUT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (!e.uris.some(u => u.toString() === key) || !ok()) return;
      const ms = performance.now() - start;
      clearTimeout(timer);
      sub.dispose();
      resolve(ms);
    });
  });
}

/** Timestamps along the path of the current edit (ms since its start), for the breakdown. */
let marks;
function watchPath(diagnostics) {
  vscode.workspace.onDidChangeTextDocument(e => { if (marks && e.document.uri.toString() === marks.key && marks.change === undefined) marks.change = performance.now() - marks.start; });
  if (diagnostics) diagnostics.onDidLint(uri => { if (marks && uri.toString() === marks.key) marks.set = performance.now() - marks.start; });
}

/** Where each document's toggled field is (found once: the edits replace it in place, so it stays there). */
const spots = new Map();

async function toggle(side, doc, on) {
  // No getText() of the whole document per edit: at 1 MB that is ≈ 2 MB of garbage and a few ms on this
  // thread just before each timed edit, which a person typing does not cause.
  const key = doc.uri.toString();
  if (!spots.has(key)) spots.set(key, doc.getText().indexOf('"short": true'));
  const at = spots.get(key);
  const from = on ? '"short": true' : '"short": "yes"';
  const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length));
  if (at < 0 || doc.getText(range) !== from) throw new Error(`${from} not found in ${path.basename(doc.uri.fsPath)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, on ? '"short": "yes"' : '"short": true');
  const start = performance.now();
  marks = { key: doc.uri.toString(), start, clockUs: Number(process.hrtime.bigint() / 1000n) };
  const m = marks;
  const arrived = diagnosticsWhere(doc.uri, () => sides[side].shows(doc.uri, on), start);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
  m.applied = performance.now() - start;
  const ms = await arrived;
  return { ms, change: m.change, applied: m.applied, set: m.set, clockUs: m.clockUs, side };
}

/**
 * Each side is typed in alone, its file the only editor shown, as a person types in one file: in phases
 * ours, peer, peer, ours (half the edits each), so a drift in the machine's load falls on both sides alike.
 * (Both files shown side by side with the edits alternating made each edit wait behind the other file's
 * language features and, at 1 MB, the JSON server's strict validation of the other text: the change reached
 * the extension host after 200–265 ms at 1 MB on a quiet machine, 10–18 ms when typed alone.)
 */
const PHASES = ['ours', 'peer', 'peer', 'ours'];

async function measureSize(folder, size) {
  const times = { ours: [], peer: [] };
  const paths = { ours: [], peer: [] };
  let bytes;
  for (const [n, side] of PHASES.entries()) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, sides[side].file(size)));
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    // the opened text is validated (clean: no problem on either side) and the editor has settled
    await sleep(1500);
    let on = false;
    const edits = n < 2 ? Math.ceil(EDITS / 2) : Math.floor(EDITS / 2);
    for (let i = 0; i < WARMUP + edits; i++) {
      on = !on;
      const r = await toggle(side, doc, on);
      if (i >= WARMUP) { times[side].push(r.ms); paths[side].push(r); }
      await sleep(60); // as between keystrokes
    }
    // leave the file as it was and close it, so the next phase runs alone
    if (on) await toggle(side, doc, false);
    await doc.save();
    bytes = doc.getText().length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  return { size, bytes, edits: EDITS, ours: times.ours, peer: times.peer, paths };
}

async function run() {
  const stats = { passed: 0, failed: 0, pending: 0, failures: [] };
  try {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error('the extension is not loaded');
    const api = await ext.activate();
    watchPath(api && api.services && api.services.diagnostics);
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const sizes = JSON.parse(fs.readFileSync(path.join(folder.fsPath, 'sizes.json'), 'utf8'));
    const results = [];
    const only = process.env.MMP_BENCH_ONLY && new RegExp(process.env.MMP_BENCH_ONLY);
    for (const size of sizes.filter(s => !only || only.test(s))) {
      const profiled = PROFILE_DIR && await startProfile();
      results.push(await measureSize(folder, size));
      if (profiled) {
        await profiled(path.join(PROFILE_DIR, `latency-${size}.cpuprofile`));
        // each edit's start on the profile's clock (clockUs) and its steps, to line them up with the samples
        fs.writeFileSync(path.join(PROFILE_DIR, `latency-${size}.edits.json`), JSON.stringify(results[results.length - 1].paths));
      }
    }
    stats.passed = 1;
    stats.bench = { sizes: results };
  } catch (e) {
    stats.failed = 1;
    stats.failures.push({ title: 'editor latency', error: e && e.stack || String(e) });
  }
  writeStats(stats);
}

module.exports = { run };
