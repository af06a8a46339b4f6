import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { installBuiltCli } from './helpers';

const root = path.resolve(__dirname, '../../../..');
let cli: string;
let work: string;

function run(args: string[], cwd = work): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

function write(name: string, content: string | Buffer): string {
  const f = path.join(work, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, content);
  return name;
}

/** What `lint --format json` prints: one entry per file. */
interface FileReport {
  file: string;
  kind: string;
  problems: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}
const parseReport = (stdout: string) => JSON.parse(stdout) as FileReport[];

describe('CLI: mattermost-payloads lint', function () {
  this.timeout(60000);

  before(() => {
    ({ work, cli } = installBuiltCli('mmp-cli-'));
    write('good.incoming.json', '{"text": "Hello"}\n');
    write('bad.incoming.json', '{\n  "text": 5\n}\n');
    write('warn.outgoing.json', '{"response_type": "in_channel", "text": "x"}');
    write('nested/deep/a.post.json', '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hi *there*"}');
    write('node_modules/x/skip.incoming.json', '{"text": 1}');
    write('plain.json', '{"text": "a"}');
    write('schema.json', '{"$schema": "mattermost-payloads://schemas/outgoing.json", "text": "a"}');
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('exit 0 for clean files, with no output', () => {
    const r = run(['lint', 'good.incoming.json', 'schema.json']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '');
  });

  it('exit 0 with warnings only, printed as file:line:col severity rule message', () => {
    const r = run(['lint', 'warn.outgoing.json']);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout.trim(), /^warn\.outgoing\.json:1:19 warning response-type Mattermost ignores `response_type` "in_channel"/);
  });

  it('exit 1 when any error is found (text format)', () => {
    const r = run(['lint', 'bad.incoming.json', 'good.incoming.json']);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stdout, /^bad\.incoming\.json:2:11 error type-mismatch Mattermost rejects the whole request/);
  });

  it('--format json prints 1-based ranges per file', () => {
    const r = run(['lint', 'bad.incoming.json', 'good.incoming.json', '--format', 'json']);
    assert.strictEqual(r.status, 1);
    const out = parseReport(r.stdout);
    assert.deepStrictEqual(out[0].file, 'bad.incoming.json');
    assert.deepStrictEqual(out[0].kind, 'incoming');
    const p = out[0].problems[0];
    assert.deepStrictEqual({ ...p, message: undefined }, { rule: 'type-mismatch', severity: 'error', message: undefined, line: 2, column: 11, endLine: 2, endColumn: 12 });
    assert.deepStrictEqual(out[1], { file: 'good.incoming.json', kind: 'incoming', problems: [] });
  });

  it('expands globs itself, skipping node_modules', () => {
    const r = run(['lint', '**/*.post.json', '--format=json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = parseReport(r.stdout);
    assert.deepStrictEqual(out.map(f => f.file), ['nested/deep/a.post.json']);
    assert.strictEqual(out[0].problems[0].rule, 'slack-bold');
    const all = parseReport(run(['lint', '**/*.incoming.json', '--format', 'json']).stdout);
    assert.deepStrictEqual(all.map(f => f.file), ['bad.incoming.json', 'good.incoming.json']);
  });

  it('--kind overrides detection', () => {
    const r = run(['lint', 'plain.json', '--kind', 'post', '--format', 'json']);
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(parseReport(r.stdout)[0].kind, 'post');
  });

  const unusable: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['lint', 'missing.incoming.json'], /missing\.incoming\.json: no such file/],
    ['a directory', () => ['lint', 'nested'], /nested: is a directory/],
    ['binary data', () => ['lint', write('bin.incoming.json', Buffer.from([0x7b, 0x00, 0x01, 0x7d]))], /binary data/],
    ['invalid UTF-8', () => ['lint', write('latin1.incoming.json', Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))], /not valid UTF-8/],
    ['a file over --max-size', () => ['lint', 'good.incoming.json', '--max-size', '5'], /over the size limit of 5 bytes/],
    ['an unknown kind', () => ['lint', 'plain.json'], /unknown payload kind; name it \*\.incoming\.json/],
    ['a bad flag', () => ['lint', 'good.incoming.json', '--bogus'], /unknown option "--bogus"/],
    ['a bad --kind', () => ['lint', 'good.incoming.json', '--kind', 'slack'], /unknown kind "slack"/],
    ['a bad --format', () => ['lint', 'good.incoming.json', '--format', 'xml'], /unknown format "xml"/],
    ['a glob matching nothing', () => ['lint', 'none/**/*.json'], /no files match/],
    ['no command', () => [], /missing command/],
  ];
  for (const [what, args, message] of unusable) {
    it(`exit 2 for ${what}, with a one-line message and no stack trace`, () => {
      const r = run(args());
      assert.strictEqual(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('still lints the usable files when one is unusable', () => {
    const r = run(['lint', 'missing.incoming.json', 'bad.incoming.json']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stdout, /type-mismatch/);
  });

  it('--help and --version', () => {
    const h = run(['--help']);
    assert.strictEqual(h.status, 0);
    assert.match(h.stdout, /Usage: mattermost-payloads lint/);
    const v = run(['--version']);
    assert.strictEqual(v.status, 0);
    assert.strictEqual(v.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
