'use strict';
// Runs in the extension host (see bench/stalls.mjs): the longest block of the extension host's event
// loop while each feature works on a big payload. A probe timer (every 2 ms) records the largest gap
// between its ticks beyond the 2 ms (wall clock) and the most CPU time this thread used within one
// gap (the scheduler's accounting, which a busy machine does not inflate); nothing else of the
// benchmark runs meanwhile (it only awaits). Each feature row is run REPS times.
// "control" rows do the same editor action on a file that is not a payload (VS Code alone: its own
// document sync and JSON language client share this thread), so a block there is not ours.
// Sending posts the big payload to a webhook of the sandbox on 127.0.0.1 (started by bench/stalls.mjs,
// its URL in stalls.json), after a lint of that version, so the send's lint gate reuses the result.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { startProfile } = require('./hostProfile');

const EXTENSION_ID = 'mattermost-payloads.mattermost-payloads';
const PREVIEW = 'mattermostPayloads.openPreviewToSide';
const CURRENT_HTML = 'mattermostPayloads.preview.currentHtml';
const PREVIEW_VIEW_TYPE = 'mattermostPayloads.preview';
const REPS = Number(process.env.MMP_BENCH_REPS || 3);
// For finding a block: MMP_BENCH_ONLY=<regex> runs only the rows whose action matches; MMP_BENCH_CPUPROF=<dir>
// writes an inspector CPU profile of this thread per run (<dir>/<row>-<run>.cpuprofile, open in Chrome DevTools).
const ONLY = process.env.MMP_BENCH_ONLY ? new RegExp(process.env.MMP_BENCH_ONLY) : undefined;
const PROFILE_DIR = process.env.MMP_BENCH_CPUPROF;
const TICK_MS = 2;

const sleep = ms => new Promise(r => setTimeout(r, ms));

function writeStats(stats) {
  if (process.env.MMP_STATS_FILE) fs.writeFileSync(process.env.MMP_STATS_FILE, JSON.stringify(stats));
}

/**
 * On-CPU time of this (the extension host's main) thread in ms, from the scheduler's own accounting
 * (/proc/<pid>/task/<pid>/schedstat, nanoseconds); undefined where Linux does not offer it.
 */
const SCHEDSTAT = `/proc/${process.pid}/task/${process.pid}/schedstat`;
function threadCpuMs() {
  try {
    return Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Starts the probe; stop() returns { wall, cpu }: the longest gap between two ticks beyond TICK_MS
 * (wall clock), and the most CPU time this thread used within one such gap. On a busy machine a
 * gap also holds the time the thread waited for a core; the CPU figure is the block itself.
 */
function probe() {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let lastUs = monotonicUs();
  let wall = 0;
  let cpu = 0;
  let at; // [start, end] of the gap with the most CPU, on the inspector profile's clock (µs)
  let timer;
  const sample = () => {
    const now = performance.now();
    const nowCpu = threadCpuMs();
    const nowUs = monotonicUs();
    wall = Math.max(wall, now - last - TICK_MS);
    if (nowCpu !== undefined && lastCpu !== undefined && nowCpu - lastCpu > cpu) {
      cpu = nowCpu - lastCpu;
      at = [lastUs, nowUs];
    }
    last = now;
    lastCpu = nowCpu;
    lastUs = nowUs;
  };
  const tick = () => {
    sample();
    timer = setTimeout(tick, TICK_MS);
  };
  timer = setTimeout(tick, TICK_MS);
  return () => {
    clearTimeout(timer);
    sample();
    return { wall: Math.max(wall, 0), cpu: threadCpuMs() === undefined ? undefined : cpu, at };
  };
}

/** CLOCK_MONOTONIC in µs: the clock of the inspector profile's timestamps (startTime, timeDeltas) on Linux. */
function monotonicUs() {
  return Number(process.hrtime.bigint() / 1000n);
}

async function waitFor(what, check, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Closes the preview panel, if open, and waits until the extension has seen it close. */
async function closePreview() {
  const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs)
    .filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(PREVIEW_VIEW_TYPE));
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  await waitFor('the preview to close', async () => (await vscode.commands.executeCommand(CURRENT_HTML)) === undefined);
}

async function insertAt(doc, offset, text) {
  const edit = new vscode.WorkspaceEdit();
  // Not doc.positionAt when the offset lies in the first line: after an edit, positionAt rebuilds the
  // document's index of line starts (about 20 ms for 10 MB), a cost of this benchmark, not of the feature.
  const first = doc.lineAt(0).text.length;
  edit.insert(doc.uri, offset <= first ? new vscode.Position(0, offset) : doc.positionAt(offset), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
}

/**
 * A place inside the first attachment's "color" value and its "title" key, and the same in the LAST
 * attachment (our completion and hover read the document up to the cursor: there, all of it).
 */
function spots(doc) {
  const text = doc.getText(new vscode.Range(0, 0, 400, 0));
  const colour = text.indexOf('"color": "') + '"color": "'.length;
  const title = text.indexOf('"title"') + 2;
  const tailStart = Math.max(0, doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) - 20000);
  const tail = doc.getText(new vscode.Range(doc.positionAt(tailStart), doc.positionAt(tailStart + 20000)));
  const lastColour = tailStart + tail.lastIndexOf('"color": "') + '"color": "'.length;
  const lastTitle = tailStart + tail.lastIndexOf('"title"') + 2;
  return { colour: doc.positionAt(colour), title: doc.positionAt(title), lastColour: doc.positionAt(lastColour), lastTitle: doc.positionAt(lastTitle) };
}

async function run() {
  const stats = { passed: 0, failed: 0, pending: 0, failures: [] };
  const rows = [];
  try {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error('the extension is not loaded');
    const api = await ext.activate();
    const diagnostics = api && api.services && api.services.diagnostics;
    if (!diagnostics) throw new Error('the extension gave no test API (not in test mode?)');
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const { files } = JSON.parse(fs.readFileSync(path.join(folder.fsPath, 'stalls.json'), 'utf8'));
    const open = async name => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
      await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
      return doc;
    };
    const big = await open(files.big);
    const typing = await open(files.typing);
    const control = await open(files.control);
    await waitFor('the first lints', () => diagnostics.problemsFor(big) && diagnostics.problemsFor(typing));
    await sleep(3000); // let the JSON language server and the workbench settle

    const measure = async (feature, action, body, { reps = REPS, control: isControl = false, size, before } = {}) => {
      if (ONLY && !ONLY.test(action)) return;
      const runs = [];
      for (let i = 0; i < reps; i++) {
        if (before) await before(i);
        const profiled = PROFILE_DIR && await startProfile();
        const stop = probe();
        await body(i);
        const result = stop();
        runs.push(result);
        if (profiled) {
          const file = path.join(PROFILE_DIR, `${action.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}-${i}`);
          await profiled(`${file}.cpuprofile`);
          // Where the judged block lies in the profile: `node bench/profile-top.mjs FILE.cpuprofile --window FILE.block.json`.
          fs.writeFileSync(`${file}.block.json`, JSON.stringify({ cpuMs: result.cpu, wallMs: result.wall, startUs: result.at?.[0], endUs: result.at?.[1] }));
        }
        await sleep(300);
      }
      rows.push({ feature, action, size, control: isControl, wall: runs.map(r => r.wall), cpu: runs.every(r => r.cpu !== undefined) ? runs.map(r => r.cpu) : undefined });
    };
    const bigSize = `${(big.getText().length / 1024 / 1024).toFixed(1)} MB`;
    const typingSize = `${(typing.getText().length / 1024 / 1024).toFixed(1)} MB`;

    await measure('(idle)', 'nothing runs: the probe alone, for the machine\'s noise', () => sleep(1000), { control: true });

    // Linting: the whole document, as on open and on save (in the worker).
    // (The lint on open, before the probes, hands the text to the worker in slices; the worker keeps it and
    // follows each edit, so a save lints the worker's copy.)
    await measure('linting', 'lint on save', async () => {
      await diagnostics.lintNow(big, true);
      await waitFor('the lint result', () => diagnostics.problemsFor(big));
    }, { size: bigSize });
    // Typing: edits to a payload linted as you type (in the worker; coalesced), until its lint has run.
    await vscode.window.showTextDocument(typing, { preview: false });
    await measure('linting', 'typing (5 edits) until the diagnostics follow', async () => {
      for (let k = 0; k < 5; k++) await insertAt(typing, 1, ' ');
      const version = typing.version;
      await waitFor('the lint of the typed text', () => diagnostics.problemsFor(typing) && typing.version === version);
    }, { size: typingSize });
    await measure('linting', 'typing (5 edits), 10 MB (linted on save only)', async () => {
      for (let k = 0; k < 5; k++) await insertAt(big, 1, ' ');
      await sleep(400);
    }, { size: bigSize });
    // The control files are shown while they are typed in, as the payloads are: VS Code's work for a visible editor counts.
    const typeInControl = async doc => {
      await vscode.window.showTextDocument(doc, { preview: false });
      return async () => {
        for (let k = 0; k < 5; k++) await insertAt(doc, 1, ' ');
        await sleep(400);
      };
    };
    await measure('(control)', 'typing (5 edits) in a non-payload file of the same size', await typeInControl(control), { size: bigSize, control: true });
    const control4 = await open(files.control4);
    const control4Size = `${(control4.getText().length / 1024 / 1024).toFixed(1)} MB`;
    await measure('(control)', 'typing (5 edits) in a non-payload file of the 4 MB row\'s size', await typeInControl(control4), { size: control4Size, control: true });

    // The preview: open it on the big payload (closed before each run, so that each run opens it), then an
    // edit re-renders it.
    await vscode.window.showTextDocument(big, { preview: false, viewColumn: vscode.ViewColumn.One });
    await measure('preview', 'open the preview', async () => {
      await vscode.commands.executeCommand(PREVIEW);
      await waitFor('the preview of the big payload', async () => /preview-truncated/.test(await vscode.commands.executeCommand(CURRENT_HTML) || ''));
    }, { size: bigSize, before: async () => {
      await closePreview();
      await vscode.window.showTextDocument(big, { preview: false, viewColumn: vscode.ViewColumn.One });
      await sleep(1500); // let the closing and VS Code's work for the editor layout settle
    } });
    await measure('preview', 'edit → the preview follows', async () => {
      const before = await vscode.commands.executeCommand(CURRENT_HTML);
      await insertAt(big, 1, ' ');
      await waitFor('the re-rendered preview', async () => (await vscode.commands.executeCommand(CURRENT_HTML)) !== before);
    }, { size: bigSize });
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.window.showTextDocument(big, { preview: false, viewColumn: vscode.ViewColumn.One });

    // Completion and hover: the extension's own providers (src/vscode/assist.ts) on this thread. They read
    // the document from its start up to the cursor: small documents at once, big ones in 64 K pieces with a
    // yield whenever a turn has used 8 ms. VS Code's JSON language server (separate process) no longer has
    // a schema for payload files. Rows: near the start, and in the last attachment (the whole 10 MB read).
    const at = spots(big);
    await measure('completion', 'a value inside the first attachment', async () => {
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', big.uri, at.colour);
    }, { size: bigSize });
    await measure('completion', 'a value inside the last attachment', async () => {
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', big.uri, at.lastColour);
    }, { size: bigSize });
    await measure('hover', 'a property key (first attachment)', async () => {
      await vscode.commands.executeCommand('vscode.executeHoverProvider', big.uri, at.title);
    }, { size: bigSize });
    await measure('hover', 'a property key (last attachment)', async () => {
      await vscode.commands.executeCommand('vscode.executeHoverProvider', big.uri, at.lastTitle);
    }, { size: bigSize });
    await measure('quick fixes', 'code actions at a position', async () => {
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', big.uri, new vscode.Range(at.colour, at.colour));
    }, { size: bigSize });
    await measure('code lens', 'send / preview lenses', async () => {
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', big.uri);
    }, { size: bigSize });

    // Sending: the big payload to a webhook of the sandbox on 127.0.0.1. The lint gate reuses the editor's
    // result for this version (linted as on save before each run, outside the probe); the payload is over
    // the server's size limit, so the gate asks, is told to send anyway, and the sandbox answers.
    if (files.webhook) {
      const { services } = api;
      const config = vscode.workspace.getConfiguration('mattermostPayloads');
      await services.store.saveWebhook('bench', files.webhook);
      await config.update('confirmBeforeSend', false, vscode.ConfigurationTarget.Global);
      await config.update('defaultWebhook', 'bench', vscode.ConfigurationTarget.Global);
      const asked = [];
      const quiet = async () => undefined;
      services.prompts.current = { input: quiet, pick: quiet, info: quiet, warn: quiet, error: quiet, ask: async (message, _detail, go) => { asked.push(message); return go; } };
      await vscode.window.showTextDocument(big, { preview: false, viewColumn: vscode.ViewColumn.One });
      await measure('sending', 'send to a webhook on 127.0.0.1 (the lint result reused)', async () => {
        const outcome = await vscode.commands.executeCommand('mattermostPayloads.sendToWebhook', big.uri);
        if (!outcome || outcome.status === 'not sent') throw new Error(`the send did not happen: ${JSON.stringify(outcome)}; asked: ${asked.join(' / ')}`);
      }, {
        size: bigSize,
        before: async () => {
          await diagnostics.lintNow(big, true);
          await waitFor('the lint result of the payload to send', () => diagnostics.problemsFor(big));
        },
      });
    }

    // Last, so that its settings changes touch no other row: VS Code's own
    // merge-conflict code lens (on by default, off in this benchmark: bench/stalls.mjs) reads the whole visible
    // document after each edit burst: what that costs any file of this size, with or without this extension.
    const mergeConflict = vscode.workspace.getConfiguration('merge-conflict');
    await mergeConflict.update('codeLens.enabled', true, vscode.ConfigurationTarget.Global);
    try {
      await sleep(500);
      await measure('(control)', 'typing (5 edits) in the 4 MB non-payload file, VS Code\'s merge-conflict code lens on (its default)', await typeInControl(control4), { size: control4Size, control: true });
    } finally {
      await mergeConflict.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    }

    for (const doc of [big, typing, control, control4]) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    stats.passed = 1;
    stats.bench = { rows };
  } catch (e) {
    stats.failed = 1;
    stats.failures.push({ title: 'stalls', error: e && e.stack || String(e) });
    stats.bench = { rows, error: e && e.message || String(e) };
  }
  writeStats(stats);
}

module.exports = { run };
