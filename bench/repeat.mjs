#!/usr/bin/env node
// Runs the benchmark N times (default 5) and writes bench/REPEAT.md: how often each budget was met,
// because on a small shared machine a budget near its line passes in one run and misses in the next.
// Usage: node bench/repeat.mjs [N] [--quick]   (bench/RESULTS.md is left as the last run wrote it)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv.find(a => /^\d+$/.test(a)) ?? 5);
const extra = process.argv.includes('--quick') ? ['--quick'] : [];
const tally = new Map();
const ratios = new Map();
for (let i = 0; i < n; i++) {
  const r = spawnSync(process.execPath, [join(root, 'bench/run.mjs'), '--no-vsix', ...extra], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench/run.mjs failed: ${r.stderr}`);
  const last = JSON.parse(readFileSync(join(root, '.bench/last.json'), 'utf8'));
  for (const { name, ok, detail } of last) {
    const t = tally.get(name) ?? { met: 0, runs: 0 };
    t.runs++;
    if (ok) t.met++;
    tally.set(name, t);
    // the first figure of the detail: the ratio, time or size the budget is about
    const figure = /\d[\d.]*\s?(?:×|ms|KB)?/.exec(detail)?.[0] ?? detail;
    ratios.set(name, [...(ratios.get(name) ?? []), figure]);
  }
  process.stderr.write(`run ${i + 1}/${n} done\n`);
}
const rows = [...tally].map(([name, t]) => `| ${t.met}/${t.runs} | ${name} | ${ratios.get(name).join(', ')} |`);
const md = `# Benchmark, repeated

\`node bench/repeat.mjs ${n}${extra.length ? ' --quick' : ''}\` on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC: the benchmark run ${n} times in a row
(without packaging the .vsix), and how often each budget was met.

| met | budget | measured in each run |
|---|---|---|
${rows.join('\n')}
`;
writeFileSync(join(root, 'bench/REPEAT.md'), md);
console.log(md);
