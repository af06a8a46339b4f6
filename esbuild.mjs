// Bundles the extension, the CLI and the sandbox into dist/.
// mainFields ['module','main']: jsonc-parser's UMD build has a require('./impl/format') that esbuild
// cannot follow, so the bundle would crash outside node_modules (see README, Architecture).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { payloadCorePlugin } from './scripts/esbuild-plugins.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || !watch;

const entries = [
  // The extension, and what it loads on first use (src/vscode/lazy.ts): network commands, preview renderer.
  { in: 'src/extension.ts', out: 'extension', external: ['vscode', './commands.js', './preview.js'] },
  { in: 'src/vscode/commands/index.ts', out: 'commands', external: ['vscode'] },
  { in: 'src/vscode/previewEntry.ts', out: 'preview', external: ['vscode'] },
  { in: 'src/cli.ts', out: 'cli', external: [] },
  { in: 'src/sandbox/main.ts', out: 'sandbox', external: [] },
  // lints big documents off the extension host's thread (src/core/payload/lintAsync.ts)
  { in: 'src/lintWorker.ts', out: 'lintWorker', external: [] },
  // renders the preview off the extension host's thread (src/vscode/previewRenderer.ts)
  { in: 'src/previewWorker.ts', out: 'previewWorker', external: [] },
].filter(e => existsSync(e.in));

const contexts = await Promise.all(entries.map(e => esbuild.context({
  entryPoints: { [e.out]: e.in },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  external: e.external,
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  logLevel: 'warning',
  // precompiled schema validators, no ajv in the bundles (issue 6)
  plugins: [payloadCorePlugin()],
  banner: e.out === 'cli' || e.out === 'sandbox' ? { js: '#!/usr/bin/env node' } : {},
})));

if (watch) {
  await Promise.all(contexts.map(c => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map(async c => { await c.rebuild(); await c.dispose(); }));
}
