'use strict';
// Runs mocha suites INSIDE a real VS Code extension host, under the @vscode/test-electron contract
// (extensionDevelopmentPath + extensionTestsPath exporting run(): Promise<void>).
//  - VSCODE_EXECUTABLE set, or a VS Code desktop download that works: @vscode/test-electron.
//  - otherwise (this machine and CI: no internet): code-server 4.100.3 in headless chromium; the
//    workbench calls window.codeAutomationExit(code) when the extension host has run the tests.
const fs = require('fs');
const path = require('path');
const { startCodeServer, workbenchUrl } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { root, scratch } = require('./paths');

function copyDir(from, to) { fs.cpSync(from, to, { recursive: true }); return to; }

async function desktopVsCode() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  if (process.env.MMP_NO_DOWNLOAD === '1' || process.env.CI) return undefined;
  try {
    const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 15000));
    return await Promise.race([downloadAndUnzipVSCode({ version: '1.100.3', cachePath: path.join(root, '.vscode-test') }), timeout]);
  } catch {
    return undefined; // offline: fall back to code-server
  }
}

async function runWithTestElectron(vscodeExecutablePath, suite, env) {
  const { runTests } = require('@vscode/test-electron');
  const args = [suite.workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'];
  if (!suite.trust) args.push('--disable-workspace-trust');
  await runTests({ vscodeExecutablePath, extensionDevelopmentPath: root, extensionTestsPath: suite.testsPath, launchArgs: args, extensionTestsEnv: env });
}

async function runWithCodeServer(suite, env) {
  const cs = await startCodeServer({ trust: suite.trust, env, settings: suite.settings });
  const { page, close } = await launchBrowser();
  try {
    let resolveExit;
    const exited = new Promise(r => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.exposeFunction('codeAutomationExit', code => resolveExit(code));
    page.on('pageerror', e => { if (process.env.MMP_VERBOSE) console.error('[workbench] pageerror', e.message); });
    if (process.env.MMP_VERBOSE) page.on('console', m => console.error('[workbench]', m.text()));
    await page.goto(workbenchUrl(cs.url, { folder: suite.workspace, extensionDevelopmentPath: root, extensionTestsPath: suite.testsPath }));
    const limit = Number(process.env.MMP_INTEGRATION_TIMEOUT_MS || 300000);
    const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), limit))]);
    if (code === 'timeout') throw new Error(`the extension host did not finish the "${suite.name}" tests within ${limit / 1000} s (code-server log: ${cs.logFile})`);
    return code;
  } finally {
    await close();
    await cs.stop();
    if (!process.env.MMP_KEEP) fs.rmSync(cs.dir, { recursive: true, force: true });
  }
}

/**
 * Run one integration suite. Returns { passed, failed, pending, failures, output }.
 * suite: { name, testsPath (compiled index.js), fixture (folder copied to a fresh workspace), trust }
 */
async function runIntegrationSuite(suite, host) {
  const dir = scratch('it-');
  const workspace = copyDir(suite.fixture, path.join(dir, 'workspace'));
  const statsFile = path.join(dir, 'stats.json');
  const logFile = path.join(dir, 'mocha.log');
  const env = { MMP_STATS_FILE: statsFile, MMP_LOG_FILE: logFile, MMP_SUITE: suite.name, MMP_WORKSPACE: workspace };
  const s = { ...suite, workspace };
  let error;
  try {
    if (host.kind === 'electron') await runWithTestElectron(host.executable, s, env);
    else await runWithCodeServer(s, env);
  } catch (e) { error = e; }
  const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  if (!fs.existsSync(statsFile)) {
    return { passed: 0, failed: 1, pending: 0, failures: [{ title: `${suite.name}: suite did not run`, error: String(error && error.message || 'no stats written by the extension host') }], output };
  }
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...stats, output };
}

async function chooseHost() {
  const executable = await desktopVsCode();
  return executable ? { kind: 'electron', executable, label: `VS Code desktop (${executable})` } : { kind: 'code-server', label: 'code-server 4.100.3 (VS Code 1.100.3) in headless chromium' };
}

module.exports = { runIntegrationSuite, chooseHost };
