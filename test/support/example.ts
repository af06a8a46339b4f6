// The example integration (examples/integration/server.js) on a free port of 127.0.0.1, for the unit,
// integration and UI tests that talk to it. Plain Node: no vscode import.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

/** Starts the example; resolves with the child and its base URL once it listens. `quiet`: its stderr is dropped. */
export function startExample(quiet = false): Promise<{ child: ChildProcess; base: string }> {
  // the extension host's executable may be Electron: run it as plain Node
  const child = spawn(process.execPath, [path.join(root, 'examples', 'integration', 'server.js'), '--port', '0'], { stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', code => reject(new Error(`the example integration exited (${code})`)));
  });
}
