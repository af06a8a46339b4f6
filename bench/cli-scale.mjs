#!/usr/bin/env node
// The CLI at CI scale (issue 12): 10,000 payload files of mixed kinds and sizes (bench/ci-corpus.mjs,
// seeded) linted by `node dist/cli.js lint '**/*.json'`, against ajv-cli validating the same files with
// the project's strict schemas (schemas/ + schemas/definitions/), one `ajv validate` per kind, as CI
// would run it. Both in the same run, interleaved, over several rounds (after one warm-up round for the
// file cache); also the CLI on the first 1,000 of those files, for linearity. Budgets, per round:
//   - the CLI at least 2× faster than ajv-cli on 10,000 files;
//   - linear: the CLI's time per file at 10,000 files within 1.25× of its time per file at 1,000, both
//     after the fixed cost of a run (start-up: the CLI on one file of the set) is taken off.
// A budget is met when it holds in at least 4 of 5 rounds. Prints a Markdown table; --out writes the
// rounds as JSON for bench/run.mjs; exits 1 when a budget is missed.
// Usage: node bench/cli-scale.mjs [--rounds 5] [--files 10000] [--quick] [--out file.json]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from './ci-corpus.mjs';
import { aggregate, need } from './repeat.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const quick = process.argv.includes('--quick');
const rounds = Number(argValue('--rounds') ?? 5);
const nBig = Number(argValue('--files') ?? (quick ? 4000 : 10000));
const nSmall = Math.round(nBig / 10);
const KINDS = ['incoming', 'command', 'outgoing', 'dialog', 'post'];
const SPEEDUP = 2;
const LINEAR = 1.25;

const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run npm run build first (npm run bench does).');
  process.exit(2);
}
const ajvBin = join(dirname(require.resolve('ajv-cli/package.json')), require('ajv-cli/package.json').bin.ajv);
const ajvVersion = require('ajv-cli/package.json').version;
const ajvCoreVersion = createRequire(require.resolve('ajv-cli/package.json'))('ajv/package.json').version;
const definitions = readdirSync(join(root, 'schemas/definitions')).filter(f => f.endsWith('.json')).map(f => join(root, 'schemas/definitions', f));

const tmp = mkdtempSync(join(os.tmpdir(), 'mmp-cli-scale-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
// the same seed: the 1,000-file set is the first 1,000 files of the 10,000-file set, byte for byte
const big = makeCorpus(join(tmp, 'big'), nBig);
const small = makeCorpus(join(tmp, 'small'), nSmall);
const one = makeCorpus(join(tmp, 'one'), 1);

const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const median = a => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Output goes to a file (as a CI log would): a pipe to this process could stall or break a writer on a
// busy machine, and reading it would be part of the measurement.
const outFile = join(tmp, 'out.txt');
function timed(args, cwd) {
  const fd = openSync(outFile, 'w');
  const a = now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', fd, fd] });
  const t = ms(a, now());
  closeSync(fd);
  const out = readFileSync(outFile, 'utf8');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.slice(0, 3).join(' ')}… exited ${r.status}: ${out.slice(-500)}`);
  return { t, status: r.status, out };
}

const ours = dir => timed([cli, 'lint', '**/*.json'], dir);
function ajv(dir) {
  let t = 0;
  let invalid = 0;
  let valid = 0;
  for (const kind of KINDS) {
    const r = timed([ajvBin, 'validate', '--spec=draft7', '--strict=false', '--errors=text', '-s', join(root, 'schemas', `${kind}.json`),
      ...definitions.flatMap(d => ['-r', d]), '-d', `**/*.${kind}.json`], dir);
    t += r.t;
    invalid += (r.out.match(/ invalid$/gm) || []).length;
    valid += (r.out.match(/ valid$/gm) || []).length;
  }
  return { t, invalid, valid };
}

// warm-up (file cache, and a check that both sides see every file)
const w = ours(join(tmp, 'big'));
const wa = ajv(join(tmp, 'big'));
if (wa.valid + wa.invalid !== nBig) throw new Error(`ajv-cli validated ${wa.valid + wa.invalid} files, not ${nBig}`);
const ourLines = w.out.trim().split('\n').filter(Boolean);
const ourErrorFiles = new Set(ourLines.filter(l => / error /.test(l)).map(l => l.slice(0, l.indexOf(':')))).size;
// the corpus plants one kind of error (a type mismatch) that both must find, in the same files
if (ourErrorFiles !== wa.invalid) throw new Error(`the CLI found errors in ${ourErrorFiles} files, ajv-cli ${wa.invalid} invalid files: they should agree on this corpus`);

const reps = [];
const samples = { ours: [], ajv: [], small: [], one: [] };
for (let i = 0; i < rounds; i++) {
  const order = [['ours', () => ours(join(tmp, 'big'))], ['ajv', () => ajv(join(tmp, 'big'))], ['small', () => ours(join(tmp, 'small'))], ['one', () => ours(join(tmp, 'one'))]];
  const t = {};
  for (let k = 0; k < order.length; k++) {
    const [name, fn] = order[(i + k) % order.length]; // rotate, so drift falls on every side alike
    t[name] = fn().t;
    samples[name].push(t[name]);
  }
  const speedup = t.ajv / t.ours;
  const perBig = (t.ours - t.one) / (nBig - 1);
  const perSmall = (t.small - t.one) / (nSmall - 1);
  const linear = perBig / perSmall;
  // when the start-up (one file) took longer than a whole set, the round measured only noise: not met
  const measurable = perBig > 0 && perSmall > 0;
  reps.push([
    { name: `CLI ≥${SPEEDUP}× faster than ajv-cli on ${nBig.toLocaleString('en')} files`, ok: speedup >= SPEEDUP, value: speedup, unit: '×', detail: `${speedup.toFixed(2)}× (CLI ${t.ours.toFixed(0)} ms, ajv-cli ${t.ajv.toFixed(0)} ms)` },
    { name: `CLI linear: time per file (start-up taken off) at ${nBig.toLocaleString('en')} files within ${LINEAR}× of at ${nSmall.toLocaleString('en')}`, ok: measurable && linear <= LINEAR, value: linear, unit: '×', detail: `${measurable ? '' : 'not measurable: the start-up took longer than a whole set; '}${linear.toFixed(2)}× (${(perBig * 1000).toFixed(0)} µs/file; ${(perSmall * 1000).toFixed(0)} µs/file at ${nSmall.toLocaleString('en')}; start-up ${t.one.toFixed(0)} ms)` },
  ]);
  process.stderr.write(`cli-scale round ${i + 1}/${rounds}: CLI ${t.ours.toFixed(0)} ms, ajv-cli ${t.ajv.toFixed(0)} ms, CLI on ${nSmall} files ${t.small.toFixed(0)} ms, on 1 file ${t.one.toFixed(0)} ms\n`);
}

const budgets = aggregate(reps);
const f = x => x.toFixed(0);
const cores = os.cpus().length;
const table = [
  `| files (${Object.entries(big.byKind).map(([k, v]) => `${v} ${k}`).join(', ')}) | MB | CLI, median of ${rounds} | ajv-cli ${ajvVersion} (ajv ${ajvCoreVersion}), 5 kinds, median of ${rounds} | ajv-cli ÷ CLI |`,
  '|---|---:|---:|---:|---:|',
  `| ${nBig.toLocaleString('en')} | ${(big.bytes / 1048576).toFixed(1)} | ${f(median(samples.ours))} ms (${(median(samples.ours) / nBig * 1000).toFixed(0)} µs/file) | ${f(median(samples.ajv))} ms | ${(median(samples.ajv) / median(samples.ours)).toFixed(2)}× |`,
  `| ${nSmall.toLocaleString('en')} (the first of them) | ${(small.bytes / 1048576).toFixed(1)} | ${f(median(samples.small))} ms (${(median(samples.small) / nSmall * 1000).toFixed(0)} µs/file) | | |`,
  `| 1 (the first) | ${(one.bytes / 1048576).toFixed(3)} | ${f(median(samples.one))} ms (start-up: taken off for the time per file) | | |`,
].join('\n');
const budgetTable = [
  `| | budget | met (≥ ${need(rounds)} of ${rounds}) | spread (min–max) | each round |`,
  '|---|---|---|---|---|',
  ...budgets.map(b => `| ${b.ok ? '✅' : '❌'} | ${b.name} | ${b.met}/${b.runs} | ${b.min.toFixed(2)}–${b.max.toFixed(2)}${b.unit} | ${b.details.join('; ')} |`),
].join('\n');
const note = `Both sides lint the same ${nBig.toLocaleString('en')} files (${(big.bytes / 1048576).toFixed(1)} MB, bench/ci-corpus.mjs, seed 12) in the same run: the CLI as \`node dist/cli.js lint '**/*.json'\` (it found ${ourLines.length} problems, errors in ${ourErrorFiles} files; on this ${cores}-core machine it lints with ${cores > 1 ? 'worker threads' : 'one thread'}), ajv-cli as one \`ajv validate --spec=draft7 --strict=false --errors=text -s schemas/<kind>.json -r schemas/definitions/… -d '**/*.<kind>.json'\` per kind, one after another (${wa.invalid} files invalid against the strict schemas). Times are wall-clock from spawn to exit; both write their output to a file.`;
const md = `${table}\n\n${budgetTable}\n\n${note}\n`;
console.log(md);
const out = argValue('--out');
if (out) writeFileSync(resolve(out), JSON.stringify({ reps, budgets, table, budgetTable, note }));
process.exit(budgets.every(b => b.ok) ? 0 : 1);
