// Shared driver for the benchmarks that run INSIDE a real VS Code (code-server 4.100.3 = VS Code
// 1.100.3, the same host as test/integration): builds the extension, writes a scratch workspace,
// starts code-server with the extension in development mode and runs a host script
// (bench/editor/*Host.js) in the extension host, like test/integration runs its mocha suites.
// The host script reports through the harness's stats file: { passed, failed, pending, failures, bench }.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** npm run build (esbuild bundles + editor schemas), unless --no-build. */
export function build(argv = process.argv) {
  if (argv.includes('--no-build')) return;
  for (const args of [['esbuild.mjs'], ['scripts/editor-schemas.mjs']]) {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`build step ${args.join(' ')} failed`);
  }
}

/** A fresh scratch folder (short path: code-server puts Unix sockets under it). */
export function scratch(prefix) {
  const base = join(process.env.MMP_TMP || '/tmp', 'mmp');
  mkdirSync(base, { recursive: true });
  return resolve(base, `${prefix}${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Copies the project's STRICT schemas to `dir` without their `$id`, so relative `$ref`s resolve
 * against the copy's file URL (with `$id` they would point at mattermost-payloads://, which our
 * extension serves with the lenient editor copies). Returns the file URL of `kind`.json.
 */
export function strictSchemaCopy(dir, kind = 'incoming') {
  const src = join(root, 'schemas');
  const walk = d => readdirSync(d).flatMap(n => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  for (const f of walk(src).filter(f => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(f, 'utf8'));
    delete schema.$id;
    const target = join(dir, relative(src, f));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(schema, null, 2));
  }
  return `file://${join(dir, `${kind}.json`)}`;
}

/**
 * Runs `hostScript` (absolute path, CommonJS, exports run()) in the extension host of a code-server
 * opened on `workspace`, with `settings` as user settings. Returns the host script's `bench` result.
 */
export async function runInEditor({ name, hostScript, workspace, settings = {}, timeoutMs = 900_000 }) {
  const { runIntegrationSuite, chooseHost } = require(join(root, 'test', 'harness', 'integration.js'));
  process.env.MMP_NO_DOWNLOAD ??= '1'; // the offline code-server, as on CI
  process.env.MMP_INTEGRATION_TIMEOUT_MS ??= String(timeoutMs);
  const host = await chooseHost();
  // The harness copies the fixture into its own scratch workspace.
  const r = await runIntegrationSuite({ name, testsPath: hostScript, fixture: workspace, trust: false, settings }, host);
  if (!r.bench) {
    const why = r.failures?.map(f => `${f.title}: ${f.error}`).join('; ') || 'no result';
    throw new Error(`${name}: the extension host gave no result (${why})${r.output ? `\n${r.output.slice(-3000)}` : ''}`);
  }
  return { ...r.bench, host: host.label };
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}, Node ${process.version}, load ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`;
}

export function copyInto(from, to) {
  cpSync(from, to, { recursive: true });
}

export function removeDir(dir) {
  if (!process.env.MMP_KEEP) rmSync(dir, { recursive: true, force: true });
}
