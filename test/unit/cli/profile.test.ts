/** `mattermost-payloads lint --server-config FILE | --server-version X.Y[.Z]` (issue 11, item 3), on the built CLI. */
import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { installBuiltCli } from './helpers';

let cli: string;
let work: string;

function run(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
}

function write(name: string, content: string): string {
  fs.writeFileSync(path.join(work, name), content);
  return name;
}

describe('CLI: the target-server profile flags', function () {
  this.timeout(60000);

  before(() => {
    ({ work, cli } = installBuiltCli('mmp-cli-profile-'));
    write('hook.incoming.json', '{"text": "deployed", "username": "ci-bot", "icon_url": "https://example.com/ci.png"}\n');
    write('on.json', JSON.stringify({ Version: '10.5.2', BuildNumber: '13195', SiteName: 'Acme', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true', GoogleDeveloperKey: '' }, null, 2));
    write('off.json', JSON.stringify({ Version: '9.11.6', EnablePostUsernameOverride: 'false', EnablePostIconOverride: 'false' }));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  const overrides = (r: SpawnSyncReturns<string>) => r.stdout.split('\n').filter(l => l.includes('override-needs-setting'));

  it('without a profile: the default, and the message says what the server must enable', () => {
    const r = run(['lint', 'hook.incoming.json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = overrides(r);
    assert.strictEqual(lines.length, 2);
    assert.match(lines[0], /unless your server enables EnablePostUsernameOverride/);
  });

  it('--server-config with the overrides on (a saved client config): no warning', () => {
    for (const args of [['--server-config', 'on.json'], ['--server-config=on.json']]) {
      const r = run(['lint', 'hook.incoming.json', ...args]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '', args.join(' '));
    }
  });

  it('--server-config with them off, and --server-version: warnings that name the version', () => {
    const off = overrides(run(['lint', 'hook.incoming.json', '--server-config', 'off.json']));
    assert.strictEqual(off.length, 2);
    assert.match(off[0], /warning override-needs-setting On Mattermost 9\.11 \(CLI\), EnablePostUsernameOverride is off/);
    const version = run(['lint', 'hook.incoming.json', '--server-version', '9.11', '--format', 'json']);
    assert.strictEqual(version.status, 0, version.stderr);
    const problems = (JSON.parse(version.stdout) as { problems: { rule: string; message: string }[] }[])[0].problems.filter(p => p.rule === 'override-needs-setting');
    assert.strictEqual(problems.length, 2);
    assert.match(problems[1].message, /On Mattermost 9\.11 \(CLI\), EnablePostIconOverride is off/);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['an unreadable --server-config', () => ['--server-config', 'nope.json'], /^mattermost-payloads: --server-config nope\.json: cannot be read \(ENOENT\)$/],
    ['a --server-config that is not JSON', () => ['--server-config', write('broken.json', '{"Version": "9.11",\n}')], /--server-config broken\.json: The server profile is not valid JSON \(line 2, column 1\)$/],
    ['a --server-config that is not an object', () => ['--server-config', write('array.json', '[]')], /is a JSON object .*not an array$/],
    ['a --server-config without Version', () => ['--server-config', write('noversion.json', '{"EnablePostUsernameOverride": "true"}')], /needs "Version"/],
    ['a --server-config with a boolean value', () => ['--server-config', write('bool.json', '{"Version": "9.11", "EnablePostUsernameOverride": true}')], /"EnablePostUsernameOverride" must be a string, as the server sends it/],
    ['a bad --server-version', () => ['--server-version', 'latest'], /--server-version latest: "latest" is not a Mattermost version; use X\.Y or X\.Y\.Z/],
    ['--server-version without a value', () => ['--server-version'], /--server-version needs a value/],
    ['both flags', () => ['--server-version', '9.11', '--server-config', 'on.json'], /give --server-config or --server-version, not both/],
  ];
  for (const [what, args, message] of bad) {
    it(`exit 2 for ${what}, with one line and nothing linted`, () => {
      const r = run(['lint', 'hook.incoming.json', ...args()]);
      assert.strictEqual(r.status, 2, r.stdout + r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trim(), message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('--help lists the flags', () => {
    const h = run(['--help']);
    assert.match(h.stdout, /--server-config <file>/);
    assert.match(h.stdout, /--server-version <X\.Y\[\.Z\]>/);
  });
});
