#!/usr/bin/env node
// Summarizes a V8 .cpuprofile (node --cpu-prof, or the editor benchmarks with MMP_BENCH_CPUPROF=<dir>): the
// functions with the most self and inclusive time, and, with --blocks, the longest busy stretches (consecutive
// samples that are not "(idle)") with what ran in each — a stall's culprit in the extension host.
// Usage: node bench/profile-top.mjs FILE [--top N] [--blocks N] [--match TEXT] [--window FILE.block.json]
import { readFileSync } from 'node:fs';

const argValue = (name, d) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : d; };
const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: node bench/profile-top.mjs FILE [--top N] [--blocks N] [--match TEXT]');
  process.exit(2);
}
const top = Number(argValue('--top', 30));
const blocks = Number(argValue('--blocks', 0));
const match = argValue('--match');
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = n => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
const stack = id => { const s = []; for (let i = id; i !== undefined; i = parent.get(i)) s.push(byId.get(i)); return s; };

/** Self and inclusive ms per function over the given samples ([nodeId, ms]). */
function summary(samples, n, indent = '') {
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (const [id, ms] of samples) {
    total += ms;
    const s = stack(id);
    self.set(label(s[0]), (self.get(label(s[0])) ?? 0) + ms);
    for (const k of new Set(s.map(label))) incl.set(k, (incl.get(k) ?? 0) + ms);
  }
  const rows = (m, title) => {
    console.log(`${indent}-- ${title}`);
    for (const [k, v] of [...m].filter(([k]) => !match || k.includes(match)).sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${indent}${v.toFixed(1).padStart(8)} ms ${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`);
    }
  };
  console.log(`${indent}${total.toFixed(1)} ms sampled`);
  rows(self, 'self');
  rows(incl, 'inclusive');
}

const samples = p.samples.map((id, i) => [id, (p.timeDeltas[i + 1] ?? 0) / 1000]);
summary(samples.filter(([id]) => byId.get(id).callFrame.functionName !== '(idle)'), top);

// --window FILE.block.json (written next to each profile by bench/editor/stallsHost.js): what ran within the
// block the stall benchmark judged (the probe's gap with the most CPU), on the profile's own clock.
const windowFile = argValue('--window');
if (windowFile) {
  const { startUs, endUs, cpuMs } = JSON.parse(readFileSync(windowFile, 'utf8'));
  let t = p.startTime;
  const inside = [];
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    if (t >= startUs && t <= endUs && byId.get(p.samples[i]).callFrame.functionName !== '(idle)') inside.push(samples[i]);
  }
  console.log(`\n== the judged block: ${cpuMs?.toFixed(1)} ms of CPU in ${((endUs - startUs) / 1000).toFixed(1)} ms at +${((startUs - p.startTime) / 1000).toFixed(0)} ms`);
  summary(inside, Math.min(top, 25), '   ');
}

if (blocks > 0) {
  // busy stretches: runs of samples that are not (idle), by wall-clock length
  const stretches = [];
  let cur;
  let t = p.startTime / 1000;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] / 1000;
    const idle = byId.get(p.samples[i]).callFrame.functionName === '(idle)';
    if (idle) { if (cur) stretches.push(cur); cur = undefined; continue; }
    cur ??= { start: t, end: t, samples: [] };
    cur.end = t + (p.timeDeltas[i + 1] ?? 0) / 1000;
    cur.samples.push(samples[i]);
  }
  if (cur) stretches.push(cur);
  for (const s of stretches.sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, blocks)) {
    console.log(`\n== busy ${(s.end - s.start).toFixed(1)} ms at +${(s.start - p.startTime / 1000).toFixed(0)} ms`);
    summary(s.samples, Math.min(top, 25), '   ');
  }
}
