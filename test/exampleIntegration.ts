// The example integration (examples/integration/server.js) on a free port of 127.0.0.1, for the unit,
// integration and UI tests that talk to it.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

/** The repository root, from test/ or out/test/. */
const repoRoot = path.resolve(__dirname, '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

export interface RunningExample {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything it printed so far (it prints dialog submissions and cancellations). */
  out: () => string;
}

/** Starts it with `env` added (e.g. MATTERMOST_URL); resolves once it listens. */
export function startExample(env: Record<string, string> = {}): Promise<RunningExample> {
  // in the extension host the executable may be Electron: run it as plain Node
  const child = spawn(process.execPath, [path.join(repoRoot, 'examples', 'integration', 'server.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...env } });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, base: m[1], out: () => out });
    });
    child.on('exit', code => reject(new Error(`the example integration exited (${code})`)));
  });
}

/** The example's own answer to "/example hi" typed by ann (its buttons point at its /action endpoints), pretty-printed. */
export async function exampleAnswer(base: string): Promise<string> {
  const res = await fetch(`${base}/command`, { method: 'POST', headers: { Authorization: 'Token example-command-token', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=example-command-token&text=hi&user_name=ann' });
  if (res.status !== 200) throw new Error(`the example answered ${res.status}`);
  return JSON.stringify(JSON.parse(await res.text()), null, 2) + '\n';
}
