#!/usr/bin/env node
// No stall anywhere (issue 12, item 4): the longest block of the extension host's event loop while
// each feature works on a 10 MB payload, in a real VS Code (code-server 4.100.3 = VS Code 1.100.3).
// A timer probe inside the extension host (bench/editor/stallsHost.js) records the largest gap
// between its 2 ms ticks while the feature runs, and the CPU time the thread used within it.
// Budget: ≤ 50 ms per feature, met in at least 4 of 5 runs (the rule `npm run bench` uses for every
// budget on this noisy machine). Control rows (the
// probe alone; the same typing in a non-payload file) show what the machine and VS Code itself
// cost and are not judged. Prints a Markdown table; exits 1 on a miss.
//
// Usage: node bench/stalls.mjs [--quick] [--no-build] [--json FILE]
//   MMP_BENCH_REPS=N runs per feature (default 5; --quick: 2, each of which must then be within the budget).
// Sending: a send to a webhook of the Mattermost sandbox (dist/sandbox.js) on 127.0.0.1, started here.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './payloads.mjs';
import { build, machine, removeDir, root, runInEditor, scratch } from './editor/harness.mjs';

export const BUDGET_MS = 50;
const MB = 1024 * 1024;

export async function measureStalls(argv = process.argv) {
  build(argv);
  process.env.MMP_BENCH_REPS ??= argv.includes('--quick') ? '2' : '5';
  const dir = scratch('stall-');
  let sandbox;
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  try {
    const big = generate(10 * MB, true);
    const typing = generate(4 * MB, true);
    const files = { big: 'big-10mb.incoming.json', typing: 'typing-4mb.incoming.json', control: 'control-10mb.json', control4: 'control-4mb.json' };
    writeFileSync(join(workspace, files.big), big);
    writeFileSync(join(workspace, files.control), big);
    writeFileSync(join(workspace, files.typing), typing);
    writeFileSync(join(workspace, files.control4), typing);
    sandbox = await startSandbox();
    writeFileSync(join(workspace, 'stalls.json'), JSON.stringify({ files: { ...files, webhook: sandbox.webhook } }));
    // VS Code's built-in merge-conflict extension reads the whole text of every visible document on each
    // change and each change of visible editors (opening the preview beside the payload is one): 160–190 ms
    // on 10 MB here, in the same extension host, whatever our features do (inspector profiles, issue 12).
    // It is switched off so that the rows measure our features; the "(control)" row, typing in a
    // non-payload file, shows what VS Code itself still costs.
    // Its code lens does the same (getConflictsOrEmpty → getText() of the whole document) each time the
    // workbench asks the visible editor for lenses after an edit (VS Code asks only below 300,000 lines: the
    // 4 MB files here, not the 10 MB ones): 60–100 ms of CPU per edit burst on the 4 MB typing row, in any file,
    // ours or not (inspector profile of the extension host, MMP_BENCH_CPUPROF; the control rows show it).
    const settings = { 'merge-conflict.decorators.enabled': false, 'merge-conflict.codeLens.enabled': false };
    const result = await runInEditor({ name: 'stalls', hostScript: join(root, 'bench', 'editor', 'stallsHost.js'), workspace, settings, timeoutMs: 2_400_000 });
    if (result.error) throw new Error(result.error);
    return result.rows;
  } finally {
    sandbox?.stop();
    removeDir(dir);
  }
}

/** The Mattermost sandbox (dist/sandbox.js) on 127.0.0.1, on a free port; resolves with its webhook URL. */
function startSandbox() {
  const child = spawn(process.execPath, [join(root, 'dist', 'sandbox.js'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('the sandbox did not start within 60 s')); }, 60_000);
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`the sandbox exited (${code}): ${out}`)); });
    child.stdout.on('data', d => {
      out += d;
      const m = /^\s*Webhook\s+(http:\/\/127\.0\.0\.1:\d+\/hooks\/\S+)/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.resume();
      resolve({ webhook: m[1], stop: () => child.kill() });
    });
  });
}

const median = a => [...a].sort((x, y) => x - y)[a.length >> 1];

/**
 * A feature meets the budget when its longest block is ≤ 50 ms in at least 4 of 5 runs (all runs if
 * fewer). The block judged is the CPU time the extension host's thread spent within its longest
 * stretch without a tick (what the feature costs); the wall-clock gap is shown too, since on a busy
 * machine it also holds the time the thread waited for a core. Without the CPU figure (not Linux),
 * the wall-clock gap is judged.
 */
export function judge(rows) {
  return rows.map(r => {
    const blocks = r.cpu ?? r.wall;
    if (r.control) return { ...r, blocks, ok: true };
    const within = blocks.filter(b => b <= BUDGET_MS).length;
    const need = blocks.length >= 5 ? Math.ceil(blocks.length * 0.8) : blocks.length;
    return { ...r, blocks, within, ok: within >= need };
  });
}

export function table(rows) {
  const f = n => (n === undefined ? '—' : `${Math.round(n)} ms`);
  return [
    '| feature | what runs | payload | longest block, CPU: median | worst run | wall clock: median | worst run | within 50 ms | budget |',
    '|---|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(r => `| ${r.feature} | ${r.action} | ${r.size ?? '—'} | ${f(r.cpu && median(r.cpu))} | ${f(r.cpu && Math.max(...r.cpu))} | ${f(median(r.wall))} | ${f(Math.max(...r.wall))} | ${r.control ? '—' : `${r.within}/${r.blocks.length}`} | ${r.control ? 'not judged' : r.ok ? 'met' : '**missed**'} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const rows = judge(await measureStalls());
    console.log(`\nLongest extension-host block per feature, code-server (VS Code 1.100.3), ${machine()}\n`);
    console.log(table(rows));
    console.log(`\nBudget: no feature blocks the extension host for more than ${BUDGET_MS} ms (in at least 4 of 5 runs), judged on the CPU time of the block; the wall clock also holds time spent waiting for a core (machine load). VS Code's built-in merge-conflict decorators and code lens are off: they read the whole visible document after each edit, in any file (the last row shows the code lens on, as by default); the other control rows type in non-payload files of the same sizes.`);
    const out = process.argv.indexOf('--json');
    if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(rows, null, 2));
    process.exit(rows.every(r => r.ok) ? 0 : 1);
  } catch (e) {
    console.error(`stalls: ${e && e.message || e}`);
    process.exit(2);
  }
}
