// Bundles the extension, the CLI and the sandbox into dist/. The shipped bundles share one copy of the
// linter core, dist/core.js (scripts/esbuild-plugins.mjs, coreChunkPlugin), required on first use.
// mainFields ['module','main']: jsonc-parser's UMD build has a require('./impl/format') that esbuild
// cannot follow, so the bundle would crash outside node_modules (see README, Architecture).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { coreChunkPlugin, coreEntrySource, nodeUrlPlugin, payloadCorePlugin } from './scripts/esbuild-plugins.mjs';

const watch = process.argv.includes('--watch');
// MMP_UNMINIFIED=1: a readable build (names in inspector profiles of the benchmarks, bench/profile-top.mjs)
const production = !process.env.MMP_UNMINIFIED && (process.argv.includes('--production') || !watch);

const entries = [
  // The extension, and what it loads on first use (src/vscode/lazy.ts): network commands, preview renderer.
  { in: 'src/extension.ts', out: 'extension', external: ['vscode', './commands.js', './preview.js'] },
  { in: 'src/vscode/commands/index.ts', out: 'commands', external: ['vscode'] },
  { in: 'src/vscode/previewEntry.ts', out: 'preview', external: ['vscode'] },
  // `invoke` (node http, the response_url receiver) is its own bundle, required only by that command: the lint
  // CLI's start-up parses only what linting needs
  { in: 'src/cli.ts', out: 'cli', external: ['./cliInvoke.js'] },
  { in: 'src/cliInvoke.ts', out: 'cliInvoke', external: [] },
  { in: 'src/sandbox/main.ts', out: 'sandbox', external: [] },
  // lints big documents off the extension host's thread (src/core/payload/lintAsync.ts)
  { in: 'src/lintWorker.ts', out: 'lintWorker', external: [], shared: true },
  // renders the preview off the extension host's thread (src/vscode/previewRenderer.ts); the renderer
  // itself is dist/preview.js, which the worker requires (previewJob → ./preview.js)
  { in: 'src/previewWorker.ts', out: 'previewWorker', external: [], shared: true, renderer: true },
].filter(e => existsSync(e.in));
// The bundles the .vsix ships share the core (dist/core.js, see coreChunkPlugin); cli.js and sandbox.js
// stay standalone. In --watch mode every bundle is standalone (no shared chunk to keep in step).
for (const e of entries) e.shared = !watch && (e.shared || ['extension', 'commands', 'preview'].includes(e.out));

const options = e => ({
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  external: e.external ?? [],
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  logLevel: 'warning',
  // precompiled schema validators, no ajv in the bundles (issue 6)
  plugins: [payloadCorePlugin()],
  banner: e.out === 'cli' || e.out === 'sandbox' ? { js: '#!/usr/bin/env node' } : {},
});

/** The preview worker loads the renderer from its sibling dist/preview.js instead of carrying a copy. */
const rendererChunk = {
  name: 'renderer-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/previewJob$/ }, args =>
      args.importer.endsWith('previewWorker.ts') ? { path: './preview.js', external: true } : undefined);
  },
};

let exportsOf;
if (entries.some(e => e.shared)) {
  // dist/core.js first: its modules' export names make the proxies in the other bundles.
  await esbuild.build({
    ...options({ out: 'core' }),
    stdin: { contents: coreEntrySource(), resolveDir: resolve('src/core'), sourcefile: 'core-entry.ts', loader: 'ts' },
    entryNames: 'core',
  });
  const path = resolve('dist/core.js');
  const req = createRequire(import.meta.url);
  delete req.cache[path];
  const mods = req(path).__modules;
  exportsOf = key => mods[key] && Object.keys(mods[key]);
}

const contexts = await Promise.all(entries.map(e => esbuild.context({
  entryPoints: { [e.out]: e.in },
  ...options(e),
  plugins: [
    ...(e.renderer && e.shared ? [rendererChunk] : []),
    ...(e.shared ? [coreChunkPlugin(exportsOf)] : []),
    payloadCorePlugin(),
    nodeUrlPlugin(),
  ],
})));

if (watch) {
  await Promise.all(contexts.map(c => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map(async c => { await c.rebuild(); await c.dispose(); }));
}
