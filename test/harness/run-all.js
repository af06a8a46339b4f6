'use strict';
// `npm test`: build, then four layers — lint (ESLint and knip, counted per file: see lint.js), unit (plain Node),
// integration (inside a real VS Code extension host), ui (chromium driving the workbench) — and one closing line:
//   Total: N passed, N failed
// Usage: node test/harness/run-all.js [--layers lint,unit,integration,ui]   (`--layers lint` alone skips the build)
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root, cache, results, scratch } = require('./paths');

const arg = process.argv.indexOf('--layers');
const layers = (arg > 0 ? process.argv[arg + 1] : process.env.MMP_LAYERS || 'lint,unit,integration,ui').split(',').map(s => s.trim()).filter(Boolean);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`;
const banner = s => console.log(`\n=== [${elapsed()}] ${s}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...(opts.env || {}) } });
  return r.status === null ? 1 : r.status;
}

function mochaLayer(name, pattern, env = {}) {
  const dir = scratch(`${name}-`);
  const statsFile = path.join(dir, 'stats.json');
  const files = listFiles(path.join(root, 'out', 'test', name)).filter(f => f.endsWith('.test.js'));
  if (files.length === 0) return { passed: 0, failed: 0, pending: 0, failures: [], note: 'no test files' };
  const code = run(process.execPath, [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--reporter', path.join(__dirname, 'reporter.js'), '--timeout', name === 'ui' ? '120000' : '20000',
    ...(name === 'ui' ? ['--require', path.join(root, 'out', 'test', 'ui', 'hooks.js')] : []),
    ...files], { env: { ...env, MMP_STATS_FILE: statsFile } });
  if (!fs.existsSync(statsFile)) return { passed: 0, failed: 1, pending: 0, failures: [{ title: `${name}: mocha did not finish (exit ${code})`, error: '' }] };
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  if (code !== 0 && stats.failed === 0) { stats.failed = 1; stats.failures.push({ title: `${name}: mocha exited ${code}`, error: '' }); }
  return stats;
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]).sort();
}

async function integrationLayer() {
  const { runIntegrationSuite, chooseHost } = require('./integration');
  const host = await chooseHost();
  console.log(`integration host: ${host.label}`);
  const suites = [
    { name: 'integration', testsPath: path.join(root, 'out', 'test', 'integration', 'index.js'), fixture: (process.env.MMP_FIXTURE || path.join(root, 'test', 'fixtures', 'workspace')), trust: false },
    { name: 'integration (Restricted Mode)', testsPath: path.join(root, 'out', 'test', 'integration', 'restricted', 'index.js'), fixture: (process.env.MMP_FIXTURE || path.join(root, 'test', 'fixtures', 'workspace')), trust: true },
  ].filter(s => fs.existsSync(s.testsPath) && listFiles(path.dirname(s.testsPath)).some(f => f.endsWith('.test.js')));
  const total = { passed: 0, failed: 0, pending: 0, failures: [] };
  for (const suite of suites) {
    banner(`${suite.name}: inside ${host.label}`);
    const r = await runIntegrationSuite(suite, host);
    process.stdout.write(r.output);
    console.log(`${suite.name}: ${r.passed} passed, ${r.failed} failed`);
    total.passed += r.passed; total.failed += r.failed; total.pending += r.pending || 0; total.failures.push(...r.failures.map(f => ({ ...f, title: `[${suite.name}] ${f.title}` })));
  }
  return total;
}

function packageVsix() {
  fs.mkdirSync(cache, { recursive: true });
  const out = path.join(cache, 'mattermost-payloads-test.vsix');
  const code = run(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--skip-license', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (code !== 0) throw new Error('vsce package failed');
  return out;
}

(async () => {
  const summary = [];
  require('./setup').ensureSystemOrExit(require('./setup').needsForLayers(layers)); // fresh machine: system packages
  // The lint layer reads the sources only; every other layer runs the build's output.
  if (layers.some(l => l !== 'lint')) {
    banner('build (esbuild bundles, editor schemas) and compile tests (tsc)');
    let buildOk = run('npm', ['run', '--silent', 'build']) === 0;
    buildOk = buildOk && run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']) === 0;
    if (!buildOk) {
      console.log('\nBuild or compile failed: no test layer ran.');
      console.log('Total: 0 passed, 1 failed');
      process.exit(1);
    }
  }
  fs.mkdirSync(results, { recursive: true });
  for (const layer of layers) {
    let r;
    try {
      if (layer === 'lint') { banner('lint: ESLint (typescript-eslint, type-aware) and knip (unused files, exports, dependencies)'); r = await require('./lint').lintLayer(); }
      else if (layer === 'unit') { banner('unit: mocha on plain Node'); r = mochaLayer('unit'); }
      else if (layer === 'integration') { banner('integration: mocha inside a real VS Code extension host'); r = await integrationLayer(); }
      else if (layer === 'ui') {
        banner('ui: playwright-core + chromium against the workbench (extension installed from its .vsix)');
        const vsix = packageVsix();
        r = mochaLayer('ui', null, { MMP_VSIX: vsix, MMP_RESULTS: results });
      } else throw new Error(`unknown layer ${layer}`);
    } catch (e) {
      r = { passed: 0, failed: 1, pending: 0, failures: [{ title: `${layer}: harness error`, error: e && e.message || String(e) }] };
    }
    summary.push({ layer, ...r });
  }
  console.log(`\n=== [${elapsed()}] summary`);
  for (const s of summary) {
    console.log(`${s.layer.padEnd(12)} ${String(s.passed).padStart(4)} passed, ${s.failed} failed${s.pending ? `, ${s.pending} pending` : ''}${s.note ? ` (${s.note})` : ''}`);
    for (const f of s.failures) console.log(`  FAILED in ${s.layer}: ${f.title}${f.error ? ` — ${f.error}` : ''}`);
  }
  const passed = summary.reduce((n, s) => n + s.passed, 0);
  const failed = summary.reduce((n, s) => n + s.failed, 0);
  console.log(`Total: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
})();
