import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(f) : fs.statSync(f).mtimeMs);
  }
  return t;
}

/**
 * The built CLI (dist/cli.js, rebuilt when src/ or schemas/ is newer), copied to `bin/cli.js` in a new temporary
 * folder outside the project, as an installed CLI would be (catches bundles that still require files from
 * node_modules). Returns that folder and the copy's path.
 */
export function installBuiltCli(prefix: string): { work: string; cli: string } {
  const built = path.join(root, 'dist', 'cli.js');
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'schemas')));
  if (stale) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `esbuild failed: ${r.stderr}`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = path.join(work, 'bin', 'cli.js');
  fs.mkdirSync(path.dirname(cli));
  fs.copyFileSync(built, cli);
  // the invoke command's own bundle, which dist/cli.js requires beside itself
  fs.copyFileSync(path.join(root, 'dist', 'cliInvoke.js'), path.join(work, 'bin', 'cliInvoke.js'));
  return { work, cli };
}
