#!/usr/bin/env node
// A/B of the linter between commits, in one process, interleaved sample by sample with JSON.parse on the same
// payloads (bench/payloads.mjs): on a shared machine absolute times are noise, ratios taken in the same run are
// not. Each side is the core's lint() of that commit, bundled as dist/extension.js bundles it (precompiled
// validators); WT is the working tree. Prints each side's median as a multiple of JSON.parse and of the first side.
// Usage: node bench/ab.mjs <ref>[,<ref>…][,WT] [--sizes 2048,102400,1048576] [--errors]
// e.g. node bench/ab.mjs 729a20d~1,729a20d,WT   (before the server model, with it, now)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generate } from './payloads.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const refs = (process.argv[2] ?? '').split(',').filter(Boolean);
if (refs.length === 0 || refs[0].startsWith('--')) {
  console.error('usage: node bench/ab.mjs <ref>[,<ref>…][,WT] [--sizes 2048,102400] [--errors]');
  process.exit(2);
}
const sizes = (argValue('--sizes') ?? '2048,102400,1048576').split(',').map(Number);
const errors = process.argv.includes('--errors');

const tmp = mkdtempSync(join(os.tmpdir(), 'mmp-ab-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const lintOf = {};
for (const [i, ref] of refs.entries()) {
  let dir = root;
  if (ref !== 'WT') {
    dir = join(tmp, `src-${i}`);
    mkdirSync(dir);
    const tar = execFileSync('git', ['archive', ref, 'src', 'scripts', 'schemas', 'package.json'], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  }
  const entry = join(tmp, `entry-${i}.mjs`);
  writeFileSync(entry, `export { lint } from ${JSON.stringify(join(dir, 'src/core/payload/lint'))};\n`);
  const { payloadCorePlugin } = await import(pathToFileURL(join(dir, 'scripts/esbuild-plugins.mjs')).href);
  const out = join(tmp, `lint-${i}.js`);
  await esbuild.build({
    entryPoints: [entry], outfile: out, absWorkingDir: dir, nodePaths: [join(root, 'node_modules')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], minify: true,
    legalComments: 'none', logLevel: 'warning', plugins: [payloadCorePlugin()],
  });
  lintOf[ref] = require(out).lint;
}

const median = a => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(`load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
for (const size of sizes) {
  const text = generate(size, errors);
  const found = refs.map(r => lintOf[r](text, 'incoming').length);
  const reps = size <= 4096 ? 200 : size <= 200 * 1024 ? 4 : 1;
  const samples = size <= 2 * 1024 * 1024 ? 31 : 9;
  // warm-up as in bench/lint-once.mjs: at 2 KB TurboFan is still optimising the rules up to ~8,000 lints
  const warm = size <= 4096 ? 50 : 4;
  const sides = [['JSON.parse', () => JSON.parse(text)], ...refs.map(r => [r, () => lintOf[r](text, 'incoming')])];
  const t = sides.map(() => []);
  for (let s = 0; s < samples + warm; s++) {
    for (let k = 0; k < sides.length; k++) {
      const j = (s + k) % sides.length; // rotate the order so drift and GC debt fall on every side alike
      const a = process.hrtime.bigint();
      for (let r = 0; r < reps; r++) sides[j][1]();
      if (s >= warm) t[j].push(Number(process.hrtime.bigint() - a) / 1e6 / reps);
    }
  }
  const m = t.map(median);
  const cells = refs.map((r, i) => `${r} ${(m[i + 1] / m[0]).toFixed(2)}× parse, ${(m[i + 1] / m[1]).toFixed(2)}× ${refs[0]} (${found[i]} problems)`);
  console.log(`${String(text.length).padStart(9)} chars${errors ? ' with errors' : ''}: JSON.parse ${m[0].toFixed(4)} ms | ${cells.join(' | ')}`);
}
