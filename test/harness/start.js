'use strict';
// `npm start`: build, start the Mattermost sandbox, and open the extension with examples/ in a
// VS Code — the desktop `code --extensionDevelopmentPath` where `code` exists, otherwise
// code-server on 127.0.0.1, printing the URL to open. esbuild keeps rebuilding while it runs;
// run "Developer: Reload Window" to load a rebuilt extension.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root } = require('./paths');

const examples = path.join(root, 'examples');
const children = [];
function stopAll() { for (const c of children) { try { process.kill(-c.pid, 'SIGTERM'); } catch { /* gone */ } } }
process.on('SIGINT', () => { stopAll(); process.exit(0); });
process.on('SIGTERM', () => { stopAll(); process.exit(0); });

function which(cmd) {
  return (process.env.PATH || '').split(path.delimiter).map(d => path.join(d, cmd)).find(p => { try { fs.accessSync(p, fs.constants.X_OK); return true; } catch { return false; } });
}

(async () => {
  const desktop = process.env.MMP_NO_DESKTOP ? undefined : which('code');
  // code-server needs ripgrep and the build packages the first time it is installed (setup.js)
  require('./setup').ensureSystemOrExit({ chromium: false, codeServer: !desktop, for: 'npm start (code-server, installed once into .vscode-test/)' });
  if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  children.push(spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: root, stdio: 'ignore', detached: true }));

  const sandboxJs = path.join(root, 'dist', 'sandbox.js');
  if (fs.existsSync(sandboxJs)) {
    children.push(spawn(process.execPath, [sandboxJs, '--port', process.env.MM_SANDBOX_PORT || '8065'], { cwd: root, stdio: 'inherit', detached: true }));
  }

  // the example integration (examples/integration): a slash command and an outgoing webhook to invoke;
  // it opens dialogs at the extension's local server (setting mattermostPayloads.invoke.serverPort)
  const mattermostUrl = process.env.MATTERMOST_URL || 'http://127.0.0.1:8066';
  children.push(spawn(process.execPath, [path.join(examples, 'integration', 'server.js'), '--port', process.env.MMP_EXAMPLE_PORT || '3050'], { cwd: root, stdio: 'inherit', detached: true, env: { ...process.env, MATTERMOST_URL: mattermostUrl } }));

  const code = desktop;
  if (code) {
    console.log(`Opening ${examples} in VS Code with the extension in development mode.`);
    spawnSync(code, [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
    console.log('The sandbox and the esbuild watcher keep running; press Ctrl+C to stop them.');
  } else {
    const { startCodeServer, workbenchUrl } = require('./codeServer');
    const port = Number(process.env.MMP_PORT || 8080);
    const cs = await startCodeServer({ port, dir: path.join(root, '.vscode-test', 'start') });
    children.push(cs.child);
    const url = workbenchUrl(cs.url, { folder: examples, extensionDevelopmentPath: root });
    console.log('\nNo desktop `code` on PATH: serving VS Code (code-server) on 127.0.0.1 instead.');
    console.log(`Open this URL in a browser:\n\n  ${url}\n`);
    console.log(`code-server log: ${cs.logFile}. Press Ctrl+C to stop.`);
  }
  await new Promise(() => {}); // keep running until Ctrl+C
})().catch(e => { console.error(e.message); stopAll(); process.exit(1); });
