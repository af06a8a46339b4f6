#!/usr/bin/env node
// Edit → diagnostics in a real VS Code (issue 12, item 3). A benchmark, not a test: it starts
// code-server (VS Code 1.100.3) with the extension, applies ≥30 edits to a 2 KB, 100 KB and 1 MB
// incoming-webhook payload and times each until OUR diagnostics for that version arrive
// (onDidChangeDiagnostics). In the same run, the peer: the same edits to the same text in a file that
// VS Code's own JSON language service validates with the project's STRICT schema (a `json.schemas`
// association: the same schema-association mechanism as `contributes.jsonValidation`).
// Budget: our p95 below the peer's p50 at every size, and under 150 ms at 1 MB (VS Code's 50 ms
// diagnostics-event delay included on both sides). Prints a Markdown table; exits 1 on a miss.
//
// Usage: node bench/editor-latency.mjs [--quick] [--no-build] [--json FILE]
//   MMP_BENCH_EDITS=N (default 30; --quick: 10) edits per size and side.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './payloads.mjs';
import { build, machine, percentile, removeDir, root, runInEditor, scratch, strictSchemaCopy } from './editor/harness.mjs';

const SIZES = [
  { name: '2 KB', bytes: 2 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '1 MB', bytes: 1024 * 1024 },
];
const MAX_MS_AT_1MB = 150;
const sizeKey = s => s.name.replace(/\s+/g, '').toLowerCase();

export async function measureEditLatency(argv = process.argv) {
  build(argv);
  if (argv.includes('--quick')) process.env.MMP_BENCH_EDITS ??= '10';
  const dir = scratch('lat-');
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  try {
    for (const s of SIZES) {
      const text = generate(s.bytes, false);
      const key = sizeKey(s);
      writeFileSync(join(workspace, `ours-${key}.incoming.json`), text);
      writeFileSync(join(workspace, `peer-${key}.json`), text);
    }
    writeFileSync(join(workspace, 'sizes.json'), JSON.stringify(SIZES.map(sizeKey)));
    const strict = strictSchemaCopy(join(dir, 'strict-schemas'));
    const result = await runInEditor({
      name: 'editor latency',
      hostScript: join(root, 'bench', 'editor', 'latencyHost.js'),
      workspace,
      // VS Code's built-in merge-conflict extension reads the whole text of the visible document after every
      // edit (decorators and code lens: getConflictsOrEmpty → getText(), ≈ 100 ms per edit at 1 MB on this
      // machine under load, inspector profile with MMP_BENCH_CPUPROF), in the extension host, where our
      // diagnostics are made and where the edit arrives, on both sides. It is off, as in bench/stalls.mjs.
      settings: { 'json.schemas': [{ fileMatch: ['peer-*.json'], url: strict }], 'merge-conflict.decorators.enabled': false, 'merge-conflict.codeLens.enabled': false },
      timeoutMs: 1_800_000, // generous: a loaded machine is slow, and the coordinator reruns it on a quiet one
    });
    return result.sizes.map(r => ({
      name: SIZES.find(s => sizeKey(s) === r.size).name,
      bytes: r.bytes,
      edits: r.edits,
      ours: { p50: percentile(r.ours, 50), p95: percentile(r.ours, 95) },
      peer: { p50: percentile(r.peer, 50), p95: percentile(r.peer, 95) },
      path: breakdown(r.paths),
      raw: { ours: r.ours, peer: r.peer },
    }));
  } finally {
    removeDir(dir);
  }
}

/** Medians of the timestamps along each side's path (ms from the start of the edit). */
function breakdown(paths) {
  if (!paths) return undefined;
  const med = (side, k) => percentile(paths[side].map(p => p[k]).filter(v => v !== undefined), 50);
  // what each side adds once the change has reached the extension host (VS Code's trip taken off, per edit)
  const after = (side, p) => percentile(paths[side].filter(e => e.change !== undefined).map(e => e.ms - e.change), p);
  return {
    ours: { change: med('ours', 'change'), applied: med('ours', 'applied'), set: med('ours', 'set'), event: med('ours', 'ms'), after50: after('ours', 50), after95: after('ours', 95) },
    peer: { change: med('peer', 'change'), applied: med('peer', 'applied'), event: med('peer', 'ms'), after50: after('peer', 50), after95: after('peer', 95) },
  };
}

/** Where the time goes: medians of each step's timestamp, ms from the start of the edit. */
export function pathTable(rows) {
  const f = n => (Number.isFinite(n) ? `${Math.round(n)}` : '—');
  return [
    '| payload | side | text change reaches the extension host | applyEdit resolves | our diagnostics set | diagnostics event | from the change to the event, p50 / p95 |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.filter(r => r.path).flatMap(r => [
      `| ${r.name} | ours | ${f(r.path.ours.change)} ms | ${f(r.path.ours.applied)} ms | ${f(r.path.ours.set)} ms | ${f(r.path.ours.event)} ms | ${f(r.path.ours.after50)} / ${f(r.path.ours.after95)} ms |`,
      `| ${r.name} | JSON service | ${f(r.path.peer.change)} ms | ${f(r.path.peer.applied)} ms | — | ${f(r.path.peer.event)} ms | ${f(r.path.peer.after50)} / ${f(r.path.peer.after95)} ms |`,
    ]),
  ].join('\n');
}

/** Budget per size: our p95 < the peer's p50, and < 150 ms at 1 MB. */
export function judge(rows) {
  return rows.map(r => {
    const misses = [];
    if (!(r.ours.p95 < r.peer.p50)) misses.push(`p95 ${r.ours.p95.toFixed(0)} ms ≥ peer p50 ${r.peer.p50.toFixed(0)} ms`);
    if (r.name === '1 MB' && !(r.ours.p95 < MAX_MS_AT_1MB)) misses.push(`p95 ${r.ours.p95.toFixed(0)} ms ≥ ${MAX_MS_AT_1MB} ms`);
    return { ...r, ok: misses.length === 0, misses };
  });
}

export function table(rows) {
  const f = n => `${Math.round(n)}`;
  const lines = [
    '| payload | edits | ours p50 | ours p95 | VS Code JSON service (strict schema) p50 | p95 | budget |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(r => `| ${r.name} | ${r.edits} | ${f(r.ours.p50)} ms | ${f(r.ours.p95)} ms | ${f(r.peer.p50)} ms | ${f(r.peer.p95)} ms | ${r.ok ? 'met' : `**missed**: ${r.misses.join('; ')}`} |`),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const rows = judge(await measureEditLatency());
    console.log(`\nEdit → diagnostics in code-server (VS Code 1.100.3), ${machine()}\n`);
    console.log(table(rows));
    console.log(`\nWhere the time goes (medians, ms from the start of the edit; the last column per edit, from the moment the change reached the extension host, which takes VS Code's own trip off both sides):\n\n${pathTable(rows)}`);
    console.log(`\nBudget: our p95 below the JSON service's p50 at every size, and under ${MAX_MS_AT_1MB} ms at 1 MB (both include VS Code's 50 ms diagnostics-event delay).`);
    console.log('\nMethod: each edit is a WorkspaceEdit from the extension host (both sides alike), found once, not by reading the whole document per edit. Each side is typed in alone, its file the only editor shown, in phases ours, peer, peer, ours (half the edits each): side by side with alternating edits, each edit waited behind the other file\'s language features (at 1 MB the change then reached the extension host after 200–265 ms on a quiet machine, against 10–18 ms typed alone). VS Code\'s merge-conflict decorators and code lens are off: they read the whole visible document after every edit, on the extension host where our diagnostics are made. VS Code\'s JSON language features stay on for both files (folding, symbols, colours, syntax).');
    const out = process.argv.indexOf('--json');
    if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(rows, null, 2));
    process.exit(rows.every(r => r.ok) ? 0 : 1);
  } catch (e) {
    console.error(`editor-latency: ${e && e.message || e}`);
    process.exit(2);
  }
}
