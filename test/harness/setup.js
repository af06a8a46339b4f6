'use strict';
// Sets a fresh machine up for the layers that need more than Node (issue 12): `npm test` and
// `npm start` call ensureSystem() before they build, so `npm ci && npm test` is the whole set-up.
//  - chromium drives the workbench (integration through code-server, ui);
//  - ripgrep and the build packages are what code-server's native modules need while it is installed
//    from the npm registry into .vscode-test/ (codeServer.js), once; with code-server installed they are
//    not needed any more. node-gyp builds against the local Node headers (it must not download them).
// As root with apt-get: install what is missing, saying what and why, once. Otherwise: stop with one line
// naming the command to run. The unit layer needs none of this.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CHROMIUM = ['chromium'];
const CODE_SERVER_BUILD = ['ripgrep', 'build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

class SetupError extends Error {}

function which(cmd, env = process.env) {
  return (env.PATH || '').split(path.delimiter).filter(Boolean).map(d => path.join(d, cmd)).find(p => {
    try { fs.accessSync(p, fs.constants.X_OK); return fs.statSync(p).isFile(); } catch { return false; }
  });
}

/** Folder with include/node/node.h for node-gyp (npm_config_nodedir), or undefined. */
function nodeHeadersDir(env = process.env) {
  const candidates = [env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local'];
  return candidates.find(d => d && fs.existsSync(path.join(d, 'include', 'node', 'node.h')));
}

/** Debian packages among `names` that are not installed (dpkg's view). */
function missingDebianPackages(names, env = process.env) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], { encoding: 'utf8', env });
  const installed = new Set((r.stdout || '').split('\n').filter(l => / install ok installed$/.test(l)).map(l => l.split(' ')[0].split(':')[0]));
  return names.filter(n => !installed.has(n));
}

/** Without dpkg: look for what the packages provide. */
function missingByProbe(names, env = process.env) {
  const provides = {
    chromium: () => CHROMIUM_PATHS.some(p => fs.existsSync(p)),
    ripgrep: () => !!which('rg', env),
    'build-essential': () => !!(which('make', env) && which('g++', env)),
    'pkg-config': () => !!which('pkg-config', env),
    python3: () => !!which('python3', env),
  };
  return names.filter(n => provides[n] ? !provides[n]() : false);
}

/**
 * What the given layers need from the system: { packages: [...], why: [...] }.
 * needs: { chromium, codeServer: booleans (codeServer: code-server may have to be installed), for: who needs them }.
 */
function requirements({ chromium, codeServer }, env = process.env, codeServerReady = codeServerInstalled) {
  const packages = [];
  const why = [];
  if (chromium && !(env.CHROMIUM_PATH && fs.existsSync(env.CHROMIUM_PATH))) {
    packages.push(...CHROMIUM);
    why.push('chromium drives the VS Code workbench');
  }
  if (codeServer && !codeServerReady()) {
    packages.push(...CODE_SERVER_BUILD);
    why.push('ripgrep and the build packages let code-server (installed once into .vscode-test/) build its native modules');
  }
  return { packages, why };
}

function codeServerInstalled() {
  const { installDir, bin } = require('./codeServer');
  return fs.existsSync(bin) && fs.existsSync(path.join(installDir, '.complete'));
}

/**
 * Make sure the system has what `needs` asks for; install it as root with apt-get, or throw a
 * SetupError whose message is the one line to show. Returns the list of packages installed.
 * The options are for tests: env (PATH for dpkg-query and apt-get), isRoot, codeServerReady, headers.
 */
function ensureSystem(needs, {
  env = process.env, log = m => console.log(m), dryRun = false,
  isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
  codeServerReady = codeServerInstalled, headers = () => nodeHeadersDir(env),
} = {}) {
  const { packages, why } = requirements(needs, env, codeServerReady);
  const haveDpkg = !!which('dpkg-query', env);
  const missing = packages.length === 0 ? [] : haveDpkg ? missingDebianPackages(packages, env) : missingByProbe(packages, env);
  const root = isRoot;
  const apt = which('apt-get', env);
  if (missing.length > 0) {
    const install = `apt-get install -y ${missing.join(' ')}`;
    if (!haveDpkg || !apt) {
      throw new SetupError(`Missing for ${needs.for}: ${missing.join(', ')} (Debian package names); install them with your system's package manager, then run this again.`);
    }
    if (!root) {
      throw new SetupError(`Missing system packages for ${needs.for}; run: sudo apt-get update && sudo ${install}`);
    }
    log(`setup: installing ${missing.join(' ')} with apt-get (${why.join('; ')}), once.`);
    if (!dryRun) {
      const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
      const quiet = { env: aptEnv, encoding: 'utf8' };
      let r = spawnSync('apt-get', ['update', '-qq'], quiet);
      if (r.status !== 0) throw new SetupError(`setup: apt-get update failed (exit ${r.status}): ${lastLine(r.stderr)}; run: apt-get update && ${install}`);
      r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], quiet);
      if (r.status !== 0) throw new SetupError(`setup: apt-get install failed (exit ${r.status}): ${lastLine(r.stderr)}; run: ${install}`);
      const still = missingDebianPackages(missing, env);
      if (still.length) throw new SetupError(`setup: still missing after apt-get install: ${still.join(' ')}; run: ${install}`);
      log('setup: done.');
    }
  }
  if (needs.codeServer && !codeServerReady() && !headers()) {
    throw new SetupError(`Node ${process.version}'s headers (include/node/node.h) are missing next to ${process.execPath}, and code-server's native modules must build offline against them; install Node with its headers (the nodejs.org tarball or NodeSource's nodejs package), or run: npm_config_nodedir=<folder that has include/node> npm test`);
  }
  return dryRun ? [] : missing;
}

function lastLine(s) { return String(s || '').trim().split('\n').pop() || 'no output'; }

/** What each `npm test` layer needs. */
function needsForLayers(layers, env = process.env) {
  const ui = layers.includes('ui');
  const integration = layers.includes('integration') && !env.VSCODE_EXECUTABLE;
  const editorLayers = layers.filter(l => l === 'ui' || (l === 'integration' && integration));
  return { chromium: ui || integration, codeServer: ui || integration, for: editorLayers.length ? `the ${editorLayers.join(' and ')} layer${editorLayers.length > 1 ? 's' : ''}` : 'no layer' };
}

/** Run as a gate: on a SetupError print its one line and exit 1. */
function ensureSystemOrExit(needs) {
  try {
    return ensureSystem(needs);
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

module.exports = { ensureSystem, ensureSystemOrExit, needsForLayers, requirements, nodeHeadersDir, missingDebianPackages, SetupError, CHROMIUM, CODE_SERVER_BUILD };
