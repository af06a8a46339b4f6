import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// test/harness/setup.js (issue 12): `npm test` and `npm start` set a fresh machine up themselves. Here
// dpkg-query and apt-get are small fakes on PATH that read and write a list of installed packages, so
// what is installed, when, and the one line shown otherwise are checked without touching the machine.
const root = path.resolve(__dirname, '../../../..');
/** What these tests use of test/harness/setup.js (plain JavaScript, so typed here). */
interface SystemNeeds { chromium: boolean; codeServer: boolean; for: string }
interface SetupModule {
  ensureSystem(needs: SystemNeeds, opts?: Record<string, unknown>): string[];
  needsForLayers(layers: string[], env: Record<string, string>): SystemNeeds;
  requirements(needs: SystemNeeds, env: Record<string, string>, codeServerReady: () => boolean): { packages: string[]; why: string[] };
  SetupError: new (message?: string) => Error;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const setup = require(path.join(root, 'test', 'harness', 'setup.js')) as SetupModule;

const BUILD = ['ripgrep', 'build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
const ALL = ['chromium', ...BUILD];
const editor = { chromium: true, codeServer: true, for: 'the integration and ui layers' };

describe('harness setup: system packages for the editor layers', function () {
  this.timeout(20000); // a few shell scripts per test, on a busy machine
  let dir: string;
  let env: Record<string, string>;
  let logged: string[];
  const db = () => path.join(dir, 'installed');
  const aptLog = () => (fs.existsSync(path.join(dir, 'apt.log')) ? fs.readFileSync(path.join(dir, 'apt.log'), 'utf8').trim().split('\n') : []);
  const installed = (names: string[]) => fs.writeFileSync(db(), names.map(n => n + '\n').join(''));
  const opts = (o: Record<string, unknown> = {}) => ({ env, log: (m: string) => logged.push(m), isRoot: true, codeServerReady: () => false, headers: () => '/usr', ...o });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmp-setup-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'dpkg-query'), `#!/bin/sh
rc=0
for a in "$@"; do
  case "$a" in -W|-f=*) continue;; esac
  if /bin/grep -qx "$a" "${dir}/installed" 2>/dev/null; then echo "$a install ok installed"; else echo "dpkg-query: no packages found matching $a" >&2; rc=1; fi
done
exit $rc
`, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'apt-get'), `#!/bin/sh
echo "$* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> "${dir}/apt.log"
[ -n "$FAKE_APT_FAIL" ] && [ "$1" = install ] && { echo "E: Unable to locate package chromium" >&2; exit 100; }
if [ "$1" = install ]; then for a in "$@"; do case "$a" in install|-*) ;; *) echo "$a" >> "${dir}/installed";; esac; done; fi
exit 0
`, { mode: 0o755 });
    env = { PATH: bin };
    logged = [];
    installed([]);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('as root with apt-get: updates, installs only what is missing, says what and why once, then does nothing', () => {
    installed(['python3', 'pkg-config']);
    const missing = ALL.filter(p => p !== 'python3' && p !== 'pkg-config');
    assert.deepStrictEqual(setup.ensureSystem(editor, opts()), missing);
    assert.deepStrictEqual(aptLog(), ['update -qq DEBIAN_FRONTEND=noninteractive', `install -y -qq ${missing.join(' ')} DEBIAN_FRONTEND=noninteractive`]);
    assert.strictEqual(logged.length, 2);
    assert.match(logged[0], /^setup: installing chromium ripgrep build-essential libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev with apt-get \(chromium drives the VS Code workbench; ripgrep and the build packages let code-server .* build its native modules\), once\.$/);
    // the second run finds everything
    logged = [];
    assert.deepStrictEqual(setup.ensureSystem(editor, opts()), []);
    assert.deepStrictEqual(logged, []);
    assert.strictEqual(aptLog().length, 2);
  });

  it('not root: stops with one line naming the exact command, and installs nothing', () => {
    installed(['chromium', 'python3']);
    assert.throws(() => setup.ensureSystem(editor, opts({ isRoot: false })), (e: Error) => {
      assert.ok(e instanceof setup.SetupError);
      assert.strictEqual(e.message.split('\n').length, 1);
      assert.strictEqual(e.message, `Missing system packages for the integration and ui layers; run: sudo apt-get update && sudo apt-get install -y ${BUILD.filter(p => p !== 'python3').join(' ')}`);
      return true;
    });
    assert.deepStrictEqual(aptLog(), []);
  });

  it('apt-get failing: one line with its last message and the command to run', () => {
    env.FAKE_APT_FAIL = '1';
    assert.throws(() => setup.ensureSystem(editor, opts()), (e: Error) => {
      assert.strictEqual(e.message.split('\n').length, 1);
      assert.match(e.message, /^setup: apt-get install failed \(exit 100\): E: Unable to locate package chromium; run: apt-get install -y chromium ripgrep /);
      return true;
    });
  });

  it('without dpkg and apt-get: one line naming what is missing', () => {
    fs.rmSync(path.join(dir, 'bin', 'dpkg-query'));
    fs.rmSync(path.join(dir, 'bin', 'apt-get'));
    assert.throws(() => setup.ensureSystem(editor, opts()), (e: Error) => {
      assert.strictEqual(e.message.split('\n').length, 1);
      assert.match(e.message, /^Missing for the integration and ui layers: .*ripgrep, build-essential, pkg-config, python3 \(Debian package names\); install them with your system's package manager/);
      return true;
    });
  });

  it('the unit layer needs nothing; with code-server installed only chromium; CHROMIUM_PATH counts as chromium', () => {
    assert.deepStrictEqual(setup.needsForLayers(['unit'], {}).chromium || setup.needsForLayers(['unit'], {}).codeServer, false);
    assert.deepStrictEqual(setup.ensureSystem(setup.needsForLayers(['unit'], {}), opts({ isRoot: false })), []);
    assert.deepStrictEqual(setup.needsForLayers(['unit', 'integration'], { VSCODE_EXECUTABLE: '/x/code' }), { chromium: false, codeServer: false, for: 'no layer' });
    assert.deepStrictEqual(setup.requirements(editor, {}, () => true).packages, ['chromium']);
    const fake = path.join(dir, 'chrome');
    fs.writeFileSync(fake, '');
    assert.deepStrictEqual(setup.requirements(editor, { CHROMIUM_PATH: fake }, () => true).packages, []);
    assert.deepStrictEqual(setup.requirements(editor, { CHROMIUM_PATH: fake }, () => false).packages, BUILD);
  });

  it('Node headers missing while code-server still has to be built: one line, no apt-get', () => {
    installed(ALL);
    assert.throws(() => setup.ensureSystem(editor, opts({ headers: () => undefined })), (e: Error) => {
      assert.strictEqual(e.message.split('\n').length, 1);
      assert.match(e.message, /headers \(include\/node\/node\.h\) are missing .* or run: npm_config_nodedir=<folder that has include\/node> npm test$/);
      return true;
    });
    assert.deepStrictEqual(aptLog(), []);
    assert.deepStrictEqual(setup.ensureSystem(editor, opts({ headers: () => undefined, codeServerReady: () => true })), []);
  });
});
