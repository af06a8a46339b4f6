#!/usr/bin/env node
// Repetition rules for the benchmark (issue 12): on a small shared machine a budget near its line passes in
// one run and misses in the next, so every measurement is repeated and a budget counts as met only when it
// holds in at least 4 of 5 repetitions (80 %, rounded up); the spread is the min–max of its figure.
// Used by bench/run.mjs and bench/cli-scale.mjs. Run directly, `node bench/repeat.mjs [N] [--quick]` is
// `node bench/run.mjs --reps N` (default 5).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repetitions a budget must hold in, out of n. */
export const need = n => Math.ceil(n * 0.8);

/**
 * Repetitions (each a list of checks { name, ok, value, unit, detail }) → one budget per name:
 * { name, unit, values, oks, details, met, runs, ok, min, max }.
 */
export function aggregate(repetitions) {
  const byName = new Map();
  for (const rep of repetitions) {
    for (const c of rep) {
      const b = byName.get(c.name) ?? { name: c.name, unit: c.unit, values: [], oks: [], details: [] };
      b.values.push(c.value);
      b.oks.push(c.ok);
      b.details.push(c.detail);
      byName.set(c.name, b);
    }
  }
  return [...byName.values()].map(b => {
    const met = b.oks.filter(Boolean).length;
    // a budget that was not measured in every repetition is not met
    const ok = met >= need(repetitions.length) && b.oks.length === repetitions.length;
    return { ...b, met, runs: b.oks.length, ok, min: Math.min(...b.values), max: Math.max(...b.values) };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const n = process.argv.find(a => /^\d+$/.test(a)) ?? '5';
  const r = spawnSync(process.execPath, [join(root, 'bench/run.mjs'), '--reps', n, ...process.argv.slice(2).filter(a => a.startsWith('--'))], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
