#!/usr/bin/env node
// One repetition of the lint benchmark, run by bench/run.mjs five times in fresh processes (issue 12: a
// budget counts as met only when it holds in at least 4 of 5): warm lint against VS Code's own JSON service
// and JSON.parse, cold start, the CLI on one file, and the 10 MB worker path. Writes its measurements as
// JSON to the file named by --out (default .bench/once.json) and prints a line per measurement.
// Runs on the built code: dist/ and a bundle of the core made with the same esbuild options and plugins
// as dist/extension.js (.bench/core.js, built here unless --core names one).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { payloadCorePlugin } from '../scripts/esbuild-plugins.mjs';
import { generate, SIZES } from './payloads.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const outFile = resolve(argValue('--out') ?? join(root, '.bench/once.json'));
const results = [];
/** One budget in this repetition: `value` is the figure the budget is about (ratio, ms), for the spread. */
function check(name, ok, value, unit, detail) {
  results.push({ name, ok, value, unit, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

// ---------- the code under test ----------
for (const f of ['dist/extension.js', 'dist/cli.js', 'dist/lintWorker.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run npm run build first (npm run bench does).`);
    process.exit(2);
  }
}
mkdirSync(join(root, '.bench'), { recursive: true });
const corePath = argValue('--core') ? resolve(argValue('--core')) : join(root, '.bench/core.js');
if (!argValue('--core')) await esbuild.build({
  entryPoints: [join(root, 'bench/core-entry.mjs')],
  outfile: corePath,
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], minify: true,
  legalComments: 'none', logLevel: 'warning', plugins: [payloadCorePlugin()],
});
const core = require(corePath);

// ---------- the peer: vscode-json-languageservice with the same strict schemas ----------
const jls = require('vscode-json-languageservice');
const { TextDocument } = jls; // vscode-json-languageservice re-exports the TextDocument it works on
const schemaFiles = {};
const addSchema = f => {
  const s = JSON.parse(readFileSync(f, 'utf8'));
  delete s.$id; // relative $refs resolve against the file URL
  schemaFiles[pathToFileURL(f).href] = JSON.stringify(s);
};
// every schema file incoming.json can reach: a $ref the peer cannot load would make it validate less than ours
// (the Mattermost Blocks definitions that props.json refers to were missing once, and the peer got 2× "faster")
for (const f of ['incoming.json', ...readdirSync(join(root, 'schemas', 'definitions')).filter(n => n.endsWith('.json')).map(n => `definitions/${n}`)]) addSchema(join(root, 'schemas', f));
const peer = jls.getLanguageService({
  workspaceContext: { resolveRelativePath: (rel, base) => new URL(rel, base).href },
  schemaRequestService: uri => (schemaFiles[uri] ? Promise.resolve(schemaFiles[uri]) : Promise.reject(new Error(`no schema ${uri}`))),
});
peer.configure({ validate: true, allowComments: false, schemas: [{ uri: pathToFileURL(join(root, 'schemas/incoming.json')).href, fileMatch: ['*.incoming.json'] }] });
async function peerValidate(text) {
  const doc = TextDocument.create('file:///bench/payload.incoming.json', 'json', 1, text);
  return peer.doValidation(doc, peer.parseJSONDocument(doc));
}
// the peer must load every schema it refers to: a "cannot load"/"unresolved" diagnostic means it validates less
{
  const seen = (await peerValidate(JSON.stringify({ text: 'x', props: { mm_blocks: [{ type: 'text', text: 'x' }] } }))).map(d => d.message);
  if (seen.some(m => /load|resolve|\$ref/i.test(m))) throw new Error(`the peer could not load its schemas: ${seen.join('; ')}`);
}

// ---------- warm lint: ours vs peer vs JSON.parse, interleaved ----------
const median = a => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;

function plan(bytes) {
  // samples per side, repetitions per sample (so one sample is >= ~0.3 ms), warm-up samples; this is one
  // of five repetitions, each in a fresh process, so each takes about half the samples one long run did.
  // Warm means steady state, for every side alike: at 2 KB each rule's check runs once per lint, and
  // --trace-opt showed TurboFan still optimising our functions up to lint 7,000-8,000 on this machine, so
  // the old 800-lint warm-up timed the JIT, not the warm lint (3.3-3.8x JSON.parse then, 2.1-2.3x after
  // 20,000 lints). 250 x 40 = 10,000 calls per side now (about a second in all); bigger payloads run their
  // hot functions many times per lint and warm up in a few samples.
  if (bytes <= 4096) return { samples: quick ? 40 : 100, reps: 40, warm: quick ? 60 : 250 };
  if (bytes <= 200 * 1024) return { samples: quick ? 20 : 40, reps: 1, warm: 30 };
  if (bytes <= 400 * 1024) return { samples: quick ? 12 : 25, reps: 1, warm: 12 };
  // the big sizes are the noisiest (GC, other processes on the machine): more samples for the median
  if (bytes <= 2 * 1024 * 1024) return { samples: quick ? 7 : 15, reps: 1, warm: 4 };
  return { samples: quick ? 3 : 7, reps: 1, warm: 2 };
}

/** Above this many characters the peer is measured in its own block (see measure). */
const PEER_APART_FROM = 1_000_000;

async function measure(text) {
  const { samples, reps, warm } = plan(text.length);
  const sides = {
    floor: async () => { for (let i = 0; i < reps; i++) JSON.parse(text); },
    ours: async () => { for (let i = 0; i < reps; i++) core.lint(text, 'incoming'); },
    peer: async () => { for (let i = 0; i < reps; i++) await peerValidate(text); },
  };
  const t = { floor: [], ours: [], peer: [] };
  const run = async names => {
    for (let s = 0; s < warm + samples; s++) {
      // rotate the order every sample so drift and GC debt fall on every side alike
      for (let k = 0; k < names.length; k++) {
        const name = names[(s + k) % names.length];
        const a = now();
        await sides[name]();
        const b = now();
        if (s >= warm) t[name].push(ms(a, b) / reps);
      }
    }
  };
  if (text.length <= PEER_APART_FROM) await run(['floor', 'ours', 'peer']);
  else {
    // From 1 MB the peer's validation leaves hundreds of MB of garbage (its tree, its problems) that V8
    // collects inside whichever side runs next: interleaved, that charged ours and JSON.parse for the
    // peer's garbage, unequally (ours allocates while its parsed tree is live: at 10 MB our lint took
    // 3.4-4.4x JSON.parse with the peer in the loop, 1.7-2.0x without, same process and load). So
    // ours and JSON.parse are interleaved with each other, and the peer runs in its own block after.
    await run(['floor', 'ours']);
    await run(['peer']);
  }
  return { floor: median(t.floor), ours: median(t.ours), peer: median(t.peer) };
}

const rows = [];
for (const size of SIZES) {
  for (const errors of [false, true]) {
    const text = generate(size.bytes, errors);
    const problems = core.lint(text, 'incoming');
    const peerProblems = (await peerValidate(text)).length;
    const m = await measure(text);
    const row = { size: size.name, bytes: Buffer.byteLength(text), errors, problems: problems.length, rules: [...new Set(problems.map(p => p.rule))], peerProblems, ...m };
    rows.push(row);
    console.log(`${size.name.padStart(6)} ${errors ? 'errors' : 'valid '}  ours ${m.ours.toFixed(3)} ms  peer ${m.peer.toFixed(3)} ms  JSON.parse ${m.floor.toFixed(3)} ms  (${problems.length} problems: ${row.rules.join(', ') || 'none'})`);
  }
}

for (const r of rows) {
  // Retired (issue 12): the two 2 KB "with errors" budgets. Placing seven problems in a 2 KB payload cannot
  // stay within 3× of JSON.parse (≈5 µs), and 4× faster than the peer there leaves a microsecond or two;
  // the row is still measured and shown in the table.
  if (r.size === SIZES[0].name && r.errors) continue;
  const label = `${r.size} ${r.errors ? 'with errors' : 'valid'}`;
  const vsPeer = r.peer / r.ours;
  check(`warm lint ≥4× faster than the peer, ${label}`, vsPeer >= 4, vsPeer, '×', `${vsPeer.toFixed(1)}× (ours ${r.ours.toFixed(3)} ms, peer ${r.peer.toFixed(3)} ms)`);
  // A document "with errors" is one that has problems to place: above 300 KB the "valid" payloads get
  // body-too-large (the server's read limit), so they are held to the 3× budget.
  const clean = r.problems === 0;
  const limit = clean ? 2 : 3;
  const vsFloor = r.ours / r.floor;
  check(`warm lint ≤${limit}× JSON.parse, ${label}${!r.errors && !clean ? ' (body-too-large)' : ''}`, vsFloor <= limit, vsFloor, '×', `${vsFloor.toFixed(2)}× (ours ${r.ours.toFixed(3)} ms, JSON.parse ${r.floor.toFixed(3)} ms)`);
}
for (const errors of [false, true]) {
  const small = rows.find(r => r.size === '100 KB' && r.errors === errors);
  const big = rows.find(r => r.size === '10 MB' && r.errors === errors);
  const perMB = r => r.ours / (r.bytes / 1048576);
  const ratio = perMB(big) / perMB(small);
  // the floor's own scaling, measured in the same samples: where JSON.parse is not linear (GC, memory), neither is a lint
  const floorPerMB = r => r.floor / (r.bytes / 1048576);
  const floorRatio = floorPerMB(big) / floorPerMB(small);
  check(`linear scaling (${errors ? 'with errors' : 'valid'}): per-MB at 10 MB within 1.5× of per-MB at 100 KB`, ratio <= 1.5, ratio, '×', `${ratio.toFixed(2)}× (${perMB(small).toFixed(2)} ms/MB → ${perMB(big).toFixed(2)} ms/MB; JSON.parse alone ${floorRatio.toFixed(2)}×)`);
}

// ---------- cold start ----------
const runs = quick ? 5 : 7;
function child(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const act = [];
for (let i = 0; i < runs; i++) act.push(child([join(root, 'bench/cold-activate.cjs'), 'dist/extension.js']));
const actErr = act.find(a => a.error);
const bundleText = readFileSync(join(root, 'dist/extension.js'), 'utf8');
const cliText = readFileSync(join(root, 'dist/cli.js'), 'utf8');
// dist/core.js: the linter core the extension and the lint worker load on first use (esbuild.mjs)
const coreText = existsSync(join(root, 'dist/core.js')) ? readFileSync(join(root, 'dist/core.js'), 'utf8') : '';
const noCompiler = ![bundleText, cliText, coreText].some(t => t.includes('strict mode: unknown keyword') || t.includes('schema with key or id'));
check('no schema compiled at load/activate', !actErr && act.every(a => a.functionCalls === 0) && noCompiler && core.usesPrecompiledValidators(),
  Math.max(...act.map(a => a.functionCalls)), 'calls', `new Function calls during load+activate: ${Math.max(...act.map(a => a.functionCalls))}; ajv compiler bundled: ${noCompiler ? 'no' : 'YES'}; validators precompiled: ${core.usesPrecompiledValidators()}${actErr ? `; activate threw: ${actErr.error.split('\n')[0]}` : ''}`);
const activateMs = median(act.map(a => a.activate));
const loadMs = median(act.map(a => a.load));
check('activate() < 5 ms', activateMs < 5, activateMs, 'ms', `${activateMs.toFixed(2)} ms (median of ${runs} fresh processes, vscode stubbed; evaluating dist/extension.js before it: ${loadMs.toFixed(1)} ms, not part of activate())`);

const tmp = mkdtempSync(join(os.tmpdir(), 'mm-bench-'));
const small = join(tmp, 'small.incoming.json');
writeFileSync(small, generate(2048, false));
const cold = [];
// the real path: the shipped core chunk (dist/core.js) when the build makes one, else the bench's own core bundle
const shippedCore = join(root, 'dist/core.js');
for (let i = 0; i < runs; i++) cold.push(child([join(root, 'bench/cold-lint.cjs'), existsSync(shippedCore) ? shippedCore : corePath, small]));
const firstMs = median(cold.map(c => c.total));
check('first diagnostics for a 2 KB payload < 50 ms', firstMs < 50, firstMs, 'ms', `${firstMs.toFixed(2)} ms = load core ${median(cold.map(c => c.load)).toFixed(2)} ms + first lint ${median(cold.map(c => c.firstLint)).toFixed(2)} ms (fresh process, median of ${runs})`);

const spawnMs = args => {
  const a = now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const b = now();
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms(a, b);
};
const nodeT = [];
const cliT = [];
const spawns = quick ? 8 : 15;
for (let i = 0; i < spawns + 2; i++) {
  const order = i % 2 ? ['node', 'cli'] : ['cli', 'node'];
  for (const o of order) {
    const t = o === 'node' ? spawnMs(['-e', '']) : spawnMs([join(root, 'dist/cli.js'), 'lint', small]);
    if (i >= 2) (o === 'node' ? nodeT : cliT).push(t);
  }
}
const cliRatio = median(cliT) / median(nodeT);
check('CLI lint of one 2 KB file ≤ 1.5× `node -e ""`', cliRatio <= 1.5, cliRatio, '×', `${cliRatio.toFixed(2)}× (cli ${median(cliT).toFixed(1)} ms, node -e "" ${median(nodeT).toFixed(1)} ms, median of ${spawns} interleaved spawns)`);

// ---------- large files: longest event-loop block while a 10 MB document is linted ----------
async function blockDuring(fn) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let worst = 0;
  const probe = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
  }, 1);
  h.enable();
  const a = performance.now();
  const res = await fn();
  const total = performance.now() - a;
  await new Promise(r => setTimeout(r, 5));
  const t = performance.now();
  worst = Math.max(worst, t - last);
  clearInterval(probe);
  h.disable();
  return { res, total, worst, p100: h.max / 1e6 };
}
const big = generate(10 * 1024 * 1024, true);
const runner = new core.LintRunner(join(root, 'dist/lintWorker.js'));
const expect = JSON.stringify(core.lint(big, 'incoming'));
const asyncRuns = [];
for (let i = 0; i < 2; i++) asyncRuns.push(await blockDuring(() => runner.lint(big, 'incoming')));
const sync = await blockDuring(async () => core.lint(big, 'incoming'));
runner.dispose();
const same = asyncRuns.every(r => JSON.stringify(r.res) === expect);
const worstBlock = Math.max(...asyncRuns.map(r => r.worst));
check('10 MB lint never blocks the event loop > 50 ms (LintRunner → worker)', worstBlock < 50 && same, worstBlock, 'ms',
  `longest block ${worstBlock.toFixed(1)} ms (first run incl. worker start ${asyncRuns[0].worst.toFixed(1)} ms; total ${asyncRuns.map(r => r.total.toFixed(0)).join(' / ')} ms); results ${same ? 'identical to lint()' : 'DIFFER from lint()'}; for comparison synchronous lint() blocks ${sync.worst.toFixed(0)} ms`);
rmSync(tmp, { recursive: true, force: true });

// ---------- this repetition's results, for bench/run.mjs ----------
writeFileSync(outFile, JSON.stringify({ rows, checks: results, peerVersion: require('vscode-json-languageservice/package.json').version }));
console.log(`${results.filter(r => r.ok).length}/${results.length} budgets met in this repetition`);
