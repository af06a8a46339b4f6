#!/usr/bin/env node
// npm run bench. Budgets that hold on a noisy machine (issue 12): every measurement is repeated five
// times and a budget counts as met only when it holds in at least 4 of the 5; the spread (min–max of the
// figure the budget is about) is printed with it.
//   - bench/lint-once.mjs, five times, each in a fresh process: warm lint against VS Code's own JSON
//     service and JSON.parse, linear scaling, cold start, the CLI on one file, the 10 MB worker path;
//   - bench/cli-scale.mjs: the CLI on 10,000 files against ajv-cli, and its linearity, in five rounds;
//   - once (they do not vary from run to run): the size of dist/extension.js and of the .vsix;
//   - bench/editor-latency.mjs and bench/stalls.mjs when they exist: each prints its own Markdown table and
//     exits non-zero when one of its budgets is missed; their output is included as it is.
// Prints the tables, writes bench/RESULTS.md and exits 1 when a budget is missed.
// Usage: node bench/run.mjs [--quick] [--no-vsix] [--no-editor] [--reps N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { payloadCorePlugin } from '../scripts/esbuild-plugins.mjs';
import { aggregate, need } from './repeat.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const skipVsix = process.argv.includes('--no-vsix');
// without the code-server benchmarks (bench/editor-latency.mjs, bench/stalls.mjs): for a run of the core and CLI budgets only
const skipEditor = process.argv.includes('--no-editor');
const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const reps = Number(argValue('--reps') ?? 5);
const started = Date.now();
const loadAtStart = os.loadavg();

for (const f of ['dist/extension.js', 'dist/cli.js', 'dist/lintWorker.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run npm run build first (npm run bench does).`);
    process.exit(2);
  }
}
mkdirSync(join(root, '.bench'), { recursive: true });
const corePath = join(root, '.bench/core.js');
await esbuild.build({
  entryPoints: [join(root, 'bench/core-entry.mjs')],
  outfile: corePath,
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], minify: true,
  legalComments: 'none', logLevel: 'warning', plugins: [payloadCorePlugin()],
});

const fmt = (x, unit) => (unit === '×' ? x.toFixed(2) : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = b => (b.runs === 1 ? `${fmt(b.min, b.unit)} ${b.unit}` : `${fmt(b.min, b.unit)}–${fmt(b.max, b.unit)} ${b.unit}`).replace(' ×', '×');

// ---------- 1. lint, cold start, CLI on one file, 10 MB: five fresh processes ----------
const lintReps = [];
const rowsByRep = [];
let peerVersion = '';
for (let i = 0; i < reps; i++) {
  const out = join(root, `.bench/once-${i + 1}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== lint benchmark, repetition ${i + 1} of ${reps}`);
  const r = spawnSync(process.execPath, [join(root, 'bench/lint-once.mjs'), '--core', corePath, '--out', out, ...(quick ? ['--quick'] : [])], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(out)) {
    console.error(`bench/lint-once.mjs failed (exit ${r.status})`);
    process.exit(2);
  }
  const once = JSON.parse(readFileSync(out, 'utf8'));
  lintReps.push(once.checks);
  rowsByRep.push(once.rows);
  peerVersion = once.peerVersion;
}
const lintBudgets = aggregate(lintReps);
const seconds = { lint: (Date.now() - started) / 1000 };

// ---------- 2. sizes: measured once ----------
const onceChecks = [];
const extKB = statSync(join(root, 'dist/extension.js')).size / 1024;
onceChecks.push({ name: 'dist/extension.js ≤ 200 KB (minified)', ok: extKB <= 200, value: extKB, unit: 'KB', detail: `${extKB.toFixed(1)} KB` });
if (!skipVsix) {
  const tmp = mkdtempSync(join(os.tmpdir(), 'mm-bench-'));
  const out = join(tmp, 'bench.vsix');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '--out', out], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) {
    const kb = statSync(out).size / 1024;
    onceChecks.push({ name: '.vsix ≤ 300 KB', ok: kb <= 300, value: kb, unit: 'KB', detail: `${kb.toFixed(1)} KB` });
  } else onceChecks.push({ name: '.vsix ≤ 300 KB', ok: false, value: NaN, unit: 'KB', detail: `vsce package failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}` });
  rmSync(tmp, { recursive: true, force: true });
}
const sizeBudgets = aggregate([onceChecks]);

// ---------- 3. the CLI at CI scale, against ajv-cli ----------
console.log('\n=== the CLI at CI scale, against ajv-cli');
const cliOut = join(root, '.bench/cli-scale.json');
rmSync(cliOut, { force: true });
const cs = spawnSync(process.execPath, [join(root, 'bench/cli-scale.mjs'), '--rounds', String(reps), '--out', cliOut, ...(quick ? ['--quick'] : [])], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
let cliScale;
if (existsSync(cliOut)) {
  cliScale = JSON.parse(readFileSync(cliOut, 'utf8'));
} else {
  console.error(`bench/cli-scale.mjs failed (exit ${cs.status})`);
}
seconds.cli = (Date.now() - started) / 1000 - seconds.lint;
const cliBudgets = cliScale ? aggregate(cliScale.reps) : [{ name: 'CLI at CI scale (bench/cli-scale.mjs)', ok: false, met: 0, runs: reps, min: NaN, max: NaN, unit: '', values: [], details: [`failed (exit ${cs.status})`] }];

// ---------- 4. what another part measures: edit latency in a real VS Code, stalls per feature ----------
// The lint repetitions and the CLI at scale (worker threads on both cores) leave the 1-minute load average
// near 2 on this 2-core machine by themselves: the editor benchmarks, which time wall clock in code-server,
// wait (at most 2 minutes) until it has fallen below one busy core, so they start on a settled machine and
// the load they report is the machine's, not this run's own CPU work a minute earlier.
const settleStart = Date.now();
if (!skipEditor) while (os.loadavg()[0] >= 1 && Date.now() - settleStart < 120_000) await new Promise(r => setTimeout(r, 5000));
if (!skipEditor) console.log(`\nwaited ${Math.round((Date.now() - settleStart) / 1000)} s for the 1-minute load average to settle (now ${os.loadavg()[0].toFixed(2)})`);
// the load before the editor benchmarks: after them it mostly counts their own code-server and chromium
const loadBeforeEditor = os.loadavg();
const external = [];
for (const [file, title] of [['bench/editor-latency.mjs', 'Edit → diagnostics in a real VS Code'], ['bench/stalls.mjs', 'Stalls per feature']]) {
  if (skipEditor || !existsSync(join(root, file))) continue;
  console.log(`\n=== ${file}`);
  const a = Date.now();
  const r = spawnSync(process.execPath, [join(root, file), ...(quick ? ['--quick'] : [])], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  process.stdout.write(r.stdout || '');
  external.push({ file, title, ok: r.status === 0, status: r.status, output: (r.stdout || '').trim(), seconds: (Date.now() - a) / 1000 });
}

// ---------- report ----------
const all = [...lintBudgets, ...sizeBudgets, ...cliBudgets];
const externalMissed = external.filter(e => !e.ok);
const missed = all.filter(b => !b.ok);
const cpu = os.cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load average ${loadAtStart.map(l => l.toFixed(1)).join(' ')} at the start, ${loadBeforeEditor.map(l => l.toFixed(1)).join(' ')} before the editor benchmarks and ${os.loadavg().map(l => l.toFixed(1)).join(' ')} at the end (the editor benchmarks' own code-server and chromium)`;
const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
// A run on a busy machine is marked as such, here and in the README (bench/readme.mjs copies the line).
const busyAt = Math.max(loadAtStart[0], loadBeforeEditor[0]);
const fairness = busyAt > cpu.length * 0.75
  ? `**Not a fair run:** the load average reached ${busyAt.toFixed(1)} on ${cpu.length} cores, so other jobs shared the machine: times are high and near-line budgets noisy. Rerun on a quiet machine before quoting it.`
  : `A quiet machine: load average at most ${busyAt.toFixed(1)} on ${cpu.length} cores.`;
const runKind = `${quick ? 'a quick run (--quick: fewer samples per repetition, 4,000 files for the CLI)' : 'a full run'}${skipEditor ? ', without the code-server benchmarks (--no-editor)' : ''}`;
const partTimes = `lint repetitions ${(seconds.lint / 60).toFixed(1)} min, CLI at scale ${(seconds.cli / 60).toFixed(1)} min${external.map(e => `, ${e.file} ${(e.seconds / 60).toFixed(1)} min`).join('')}`;
const f = (x, d = 2) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(d));
const med = a => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// warm lint: the median over the repetitions of each repetition's median, and the spread of the ratios
const rows = rowsByRep[0].map((r0, k) => {
  const rs = rowsByRep.map(rr => rr[k]);
  const vsPeer = rs.map(r => r.peer / r.ours);
  const vsFloor = rs.map(r => r.ours / r.floor);
  return { ...r0, ours: med(rs.map(r => r.ours)), peer: med(rs.map(r => r.peer)), floor: med(rs.map(r => r.floor)), vsPeer, vsFloor };
});
const range = a => (a.length > 1 ? `${Math.min(...a).toFixed(2)}–${Math.max(...a).toFixed(2)}×` : `${a[0].toFixed(2)}×`);
const lintTable = [
  `| payload | bytes | problems | ours (warm lint) | peer (parse + doValidation) | JSON.parse | peer ÷ ours (≥ 4), min–max of ${reps} | ours ÷ JSON.parse (≤ 2 clean, ≤ 3 with problems), min–max of ${reps} |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(r => {
    const retired = r.size === '2 KB' && r.errors ? ' (no budget)' : '';
    return `| ${r.size} ${r.errors ? 'with errors' : 'valid'} | ${r.bytes.toLocaleString('en')} | ${r.problems}${r.problems && !r.errors ? ' (body-too-large)' : ''} | ${f(r.ours, 3)} ms | ${f(r.peer, 3)} ms | ${f(r.floor, 3)} ms | ${range(r.vsPeer)}${retired} | ${range(r.vsFloor)}${retired} |`;
  }),
].join('\n');
const each = b => b.values.map(v => `${Number.isFinite(v) ? fmt(v, b.unit) : '—'}${b.unit === '×' ? '×' : ` ${b.unit}`}`).join(', ');
const budgetRow = b => `| ${b.ok ? '✅' : '❌'} | ${b.name} | ${b.met}/${b.runs} | ${spread(b)} | ${each(b)} | ${b.details[b.details.length - 1].replace(/\|/g, '\\|')} |`;
const budgetTable = [
  `| | budget | met (≥ ${need(reps)} of ${reps}) | spread (min–max) | each repetition | the last one in detail |`,
  '|---|---|---|---|---|---|',
  ...lintBudgets.map(budgetRow),
  ...sizeBudgets.map(b => budgetRow({ ...b, runs: 1 })),
  ...cliBudgets.map(budgetRow),
].join('\n');
const externalMd = external.map(e => `### ${e.title} (${e.file})\n\n${e.output || '(no output)'}\n\n${e.ok ? '✅ every budget met' : `❌ a budget missed (exit ${e.status})`}; ${e.seconds.toFixed(0)} s.\n`).join('\n');
const md = `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${date}, ${runKind}, in ${((Date.now() - started) / 60000).toFixed(1)} minutes (${partTimes}).

Machine: ${machine}.

${fairness}

**${all.length - missed.length} of ${all.length} budgets met${external.length ? `; ${external.length - externalMissed.length} of ${external.length} editor benchmarks met all theirs` : ''}.** A budget is met when it
holds in at least ${need(reps)} of ${reps} repetitions, each in a fresh process (the sizes are measured once); the
spread is the smallest and largest figure over the repetitions. The two 2 KB "with errors" budgets (≤ 3×
JSON.parse, ≥ 4× faster than the peer) are retired (issue 12): placing seven problems cannot stay within 3×
of a 5 µs JSON.parse, and a quarter of the peer's time there leaves a microsecond or two. The row is still
measured.

## Warm lint

Medians of ${reps} repetitions' medians; each repetition interleaves the three sides sample by sample after a
warm-up that reaches steady state for every side alike (10,000 calls per side at 2 KB: TurboFan was still
optimising the rules' checks up to about lint 8,000, so the 800-call warm-up of earlier runs timed the JIT; see
bench/lint-once.mjs). From 1 MB, ours and JSON.parse are interleaved with each other and the peer runs in its own
block after them: its validation leaves hundreds of MB of garbage that V8 collected inside whichever side ran next
(at 10 MB our lint took 3.4–4.4× JSON.parse with the peer in the loop, 1.7–2.0× without it, same process and load).
Payloads are incoming webhooks with attachments, fields and actions (bench/payloads.mjs); "with
errors" plants 7 problems spread from the first to the last attachment. Above the server's 300 000 + 512-byte
read limit every payload also gets \`body-too-large\`, so those "valid" rows have one problem to place and are
held to the 3× budget.

${lintTable}

## Budgets

${budgetTable}

## The CLI at CI scale

${cliScale ? `${cliScale.table}\n\n${cliScale.note}` : 'bench/cli-scale.mjs failed.'}
${external.length ? `\n## In a real VS Code\n\n${externalMd}` : ''}
## What is measured

Warm lint = \`lint(text, 'incoming')\` from a bundle built like dist/extension.js (precompiled validators);
the peer = \`parseJSONDocument\` + \`doValidation\` of vscode-json-languageservice ${peerVersion} with the same
strict schemas (warm: the schema is loaded once). activate() is timed in a fresh Node process with a stub
\`vscode\` module; loading the bundle is reported separately. The CLI on one file is spawned as
\`node dist/cli.js lint small.incoming.json\`. The 10 MB run uses \`LintRunner\` (src/core/payload/lintAsync.ts),
which lints documents over 1 000 000 characters in a worker thread (dist/lintWorker.js), handing the text
over in slices of 256 K characters, one per turn of the event loop; the longest event-loop block is taken
from a 1 ms interval probe. The linear-scaling budgets also show JSON.parse's own ratio from the same
samples, for scale (the budget is on ours alone).
`;
writeFileSync(join(root, 'bench/RESULTS.md'), md);
writeFileSync(join(root, '.bench/last.json'), JSON.stringify({ budgets: all, external: external.map(e => ({ ...e, output: undefined })) }));
console.log(`\n${lintTable}\n\n${budgetTable}\n`);
if (cliScale) console.log(`${cliScale.table}\n`);
for (const e of external) console.log(`${e.file}: ${e.ok ? 'every budget met' : `a budget missed (exit ${e.status})`}`);
console.log(`${all.length - missed.length}/${all.length} budgets met in ≥ ${need(reps)} of ${reps} repetitions${missed.length ? `; missed: ${missed.map(b => b.name).join('; ')}` : ''}; wrote bench/RESULTS.md`);
process.exit(missed.length || externalMissed.length ? 1 : 0);
