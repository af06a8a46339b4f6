'use strict';
// code-server 4.100.3 (VS Code 1.100.3 on Node 20), installed from the npm registry into
// .vscode-test/ once and reused. It builds its native modules from source, so it needs the
// build packages that setup.js installs; ripgrep's postinstall is fed Debian's rg instead of a download.
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const net = require('net');
const { cache, scratch } = require('./paths');
const { nodeHeadersDir } = require('./setup');

const VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const installDir = path.join(cache, `code-server-${VERSION}`);
const bin = path.join(installDir, 'node_modules', '.bin', 'code-server');

function log(msg) { process.stderr.write(`[code-server] ${msg}\n`); }

function ensureCodeServer() {
  if (fs.existsSync(bin) && fs.existsSync(path.join(installDir, '.complete'))) return bin;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find(p => fs.existsSync(p));
  if (!rg) throw new Error('ripgrep (rg) is missing: install it (apt-get install ripgrep) before installing code-server.');
  const nodedir = nodeHeadersDir();
  if (!nodedir) throw new Error(`Node headers are missing (no include/node/node.h next to ${process.execPath}): node-gyp would try to download them.`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  const tmp = path.join(installDir, 'tmp');
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const seed = path.join(tmp, 'rgseed');
  fs.mkdirSync(seed, { recursive: true });
  fs.copyFileSync(rg, path.join(seed, 'rg'));
  // @vscode/ripgrep picks the archive by the machine's target; the same local rg serves under each
  // Linux name it may ask for (x64 and arm64), so an arm64 machine is fed too.
  for (const target of ['x86_64-unknown-linux-musl', 'aarch64-unknown-linux-musl']) {
    execFileSync('tar', ['czf', path.join(rgCache, `ripgrep-v13.0.0-10-${target}.tar.gz`), '-C', seed, 'rg']);
  }
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-for-tests', private: true }));
  log(`installing code-server@${VERSION} into ${path.relative(process.cwd(), installDir)} (one time, builds native modules)…`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--dangerously-allow-all-scripts', `code-server@${VERSION}`], {
    cwd: installDir,
    env: {
      ...process.env, TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_nodedir: nodedir, // build against local Node headers
    },
    encoding: 'utf8',
  });
  fs.writeFileSync(path.join(installDir, 'install.log'), (r.stdout || '') + (r.stderr || ''));
  if (r.status !== 0 || !fs.existsSync(bin)) {
    throw new Error(`code-server install failed (exit ${r.status}); see ${path.join(installDir, 'install.log')}:\n${(r.stderr || '').split('\n').slice(-25).join('\n')}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(path.join(installDir, '.complete'), new Date().toISOString());
  log(`installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'json.schemaDownload.enable': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  // VS Code for the web saves a changed file after 1 s by default: tests of unsaved edits need it off
  'files.autoSave': 'off',
};

/** Install a .vsix into an extensions folder with code-server's CLI. */
function installVsix(vsix, { userDataDir, extensionsDir }) {
  const r = spawnSync(ensureCodeServer(), ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Start a code-server on 127.0.0.1 with a fresh profile. `trust: true` keeps Workspace Trust
 * enabled (for Restricted Mode tests); otherwise it is disabled, as for @vscode/test-electron.
 */
async function startCodeServer(opts = {}) {
  const csBin = ensureCodeServer();
  const dir = opts.dir || scratch('cs-');
  const userDataDir = opts.userDataDir || path.join(dir, 'ud');
  const extensionsDir = opts.extensionsDir || path.join(dir, 'ext');
  const tmp = path.join(dir, 'tmp');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, tmp]) fs.mkdirSync(d, { recursive: true });
  const settings = { ...BASE_SETTINGS, 'security.workspace.trust.enabled': !!opts.trust, ...(opts.settings || {}) };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (opts.vsix) installVsix(opts.vsix, { userDataDir, extensionsDir });
  const port = opts.port || await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--disable-file-downloads'];
  if (!opts.trust) args.push('--disable-workspace-trust');
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(csBin, args, {
    detached: true, // own process group: its extension host and helpers are ended together
    stdio: ['ignore', out, out],
    env: { ...process.env, ...(opts.env || {}), TMPDIR: tmp, XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_DATA_HOME: path.join(dir, 'xdg-data') },
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s; log: ${logFile}`);
    await new Promise(r => setTimeout(r, 300));
  }
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 30 && !exited; i++) await new Promise(r => setTimeout(r, 100));
    if (!exited) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
  };
  return { url, port, dir, userDataDir, extensionsDir, logFile, stop, child };
}

/** URL that opens `folder` in the workbench, optionally with an extension in development mode. */
function workbenchUrl(base, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const host = new URL(base).host;
  const remote = p => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { ensureCodeServer, startCodeServer, installVsix, workbenchUrl, freePort, VERSION, installDir, bin };
