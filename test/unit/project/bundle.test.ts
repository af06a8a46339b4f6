import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');

// esbuild + jsonc-parser: with the wrong mainFields the bundle requires './impl/format' at load time,
// which only fails OUTSIDE node_modules. So load the built bundles from a temporary folder.
describe('built bundles load from a folder outside the project', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
      this.timeout(60000);
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root });
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmp-bundle-'));
    for (const f of fs.readdirSync(path.join(root, 'dist')).filter(f => f.endsWith('.js'))) fs.copyFileSync(path.join(root, 'dist', f), path.join(dir, f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('dist/extension.js loads (with a stand-in for the vscode module) and exports activate', () => {
    // Only the module's own top level runs; activate() is not called.
    const script = `
      const Module = require('module');
      const load = Module._load;
      // Every name @types/vscode exports, each a proxy whose properties are proxies again, so
      // module-level constants like vscode.DiagnosticSeverity.Error load.
      const any = new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => 0 : any), apply: () => any, construct: () => any });
      const names = require('fs').readFileSync(${JSON.stringify(path.join(root, 'node_modules/@types/vscode/index.d.ts'))}, 'utf8')
        .match(/export (?:class|enum|namespace|const|function|let) ([A-Za-z_]+)/g).map(m => m.split(' ').pop());
      const stub = Object.fromEntries(names.map(n => [n, any]));
      Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
      const ext = require(${JSON.stringify(path.join(dir, 'extension.js'))});
      if (typeof ext.activate !== 'function' || typeof ext.deactivate !== 'function') throw new Error('no activate/deactivate');
      console.log('ok');`;
    assert.strictEqual(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(), 'ok');
  });

  it('dist/cli.js runs from there and lints', () => {
    const file = path.join(dir, 'x.incoming.json');
    fs.writeFileSync(file, '{"text": "hello"}');
    const out = execFileSync(process.execPath, [path.join(dir, 'cli.js'), 'lint', file, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(out), [{ file, kind: 'incoming', problems: [] }]);
  });

  it('the extension bundles (and the core chunk they share) do not carry ajv or its compiler', () => {
    for (const f of ['extension.js', 'core.js', 'lintWorker.js']) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(!/ajv\.js\.org|strictSchema|\$async/.test(text), `ajv is bundled into dist/${f}`);
    }
  });

  it('dist/lintWorker.js lints from there, through the shared core chunk (dist/core.js)', () => {
    const script = `
      const { Worker } = require('worker_threads');
      const w = new Worker(${JSON.stringify(path.join(dir, 'lintWorker.js'))});
      w.on('message', m => { console.log(JSON.stringify(m)); w.terminate(); });
      w.on('error', e => { console.log('error ' + e.message); process.exit(1); });
      w.postMessage({ id: 7, text: '{"text": 5}', kind: 'incoming', options: {} });`;
    const res = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' }).trim()) as { id: number; problems?: unknown[] };
    assert.strictEqual(res.id, 7);
    assert.ok(Array.isArray(res.problems) && res.problems.length > 0, JSON.stringify(res));
  });

  it('loading dist/extension.js does not load the core chunk (it is required on first lint)', () => {
    const script = `
      const Module = require('module');
      const load = Module._load;
      const seen = [];
      const any = new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => 0 : any), apply: () => any, construct: () => any });
      const names = require('fs').readFileSync(${JSON.stringify(path.join(root, 'node_modules/@types/vscode/index.d.ts'))}, 'utf8')
        .match(/export (?:class|enum|namespace|const|function|let) ([A-Za-z_]+)/g).map(m => m.split(' ').pop());
      const stub = Object.fromEntries(names.map(n => [n, any]));
      Module._load = function (request, ...rest) { seen.push(request); return request === 'vscode' ? stub : load.call(this, request, ...rest); };
      require(${JSON.stringify(path.join(dir, 'extension.js'))});
      console.log(JSON.stringify(seen));`;
    const seen = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' }).trim()) as string[];
    assert.ok(!seen.includes('./core.js'), seen.join(', '));
  });
});
