import * as assert from 'assert';
import { ChildProcess, spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import { startExample } from '../../exampleIntegration';
import { installBuiltCli } from '../cli/helpers';



describe('CLI: mattermost-payloads invoke, against the example integration on 127.0.0.1', function () {
  this.timeout(60000);
  let cli: string;
  let work: string;
  let example: { child: ChildProcess; base: string };
  const TOKEN = 'example-command-token';

  // asynchronous: the CLI and the example run side by side
  const run = (args: string[]): Promise<SpawnSyncReturns<string>> => new Promise(resolve => {
    const c = spawn(process.execPath, [cli, 'invoke', ...args], { cwd: work });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    c.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    c.on('close', status => resolve({ status, stdout, stderr } as SpawnSyncReturns<string>));
  });

  before(async () => {
    ({ work, cli } = installBuiltCli('mmp-invoke-'));
    example = await startExample();
  });
  after(() => {
    example?.child.kill();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('exit 0: a slash command answered as meant (POST and GET)', async () => {
    for (const method of ['post', 'get']) {
      const r = await run(['command', `${example.base}/command`, '--token', TOKEN, '--text', 'hello', '--method', method]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /answer \(HTTP 200\): Mattermost shows a post in the channel/);
    }
  });

  it('delayed answers through response_url are judged too (--wait)', async () => {
    const r = await run(['command', `${example.base}/command`, '--token', TOKEN, '--text', 'later', '--wait', '2', '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map(f => f.file);
    assert.deepStrictEqual(files, ['answer.command.json', 'delayed-1.command.json']);
  });

  it('exit 1: wrong token (401), JSON as text/plain, 503, too big, invalid JSON, empty, nothing to post', async () => {
    const bad = await run(['command', `${example.base}/command`, '--token', 'wrong', '--text', 'x']);
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /401, not 200/);
    const cases: [string, RegExp][] = [
      ['content-type', /not exactly "application\/json"/],
      ['status', /503, not 200/],
      ['too-big', /over 1 MiB/],
      ['invalid-json', /not valid JSON/],
      ['empty', /body is empty/],
      ['nothing', /posts nothing/],
    ];
    for (const [mode, re] of cases) {
      const r = await run(['command', `${example.base}/faulty`, '--token', 'x', '--text', mode]);
      assert.strictEqual(r.status, 1, `${mode}: ${r.stderr}`);
      assert.match(r.stderr, re, mode);
    }
    const lintLike = await run(['command', `${example.base}/faulty`, '--token', 'x', '--text', 'invalid-json']);
    assert.match(lintLike.stdout, /^answer\.command\.json:1:\d+ error invalid-json /);
  });

  it('outgoing webhooks, form and JSON: exit 0; action: exit 0', async () => {
    for (const ct of ['form', 'json']) {
      const r = await run(['outgoing', `${example.base}/outgoing`, '--token', 'example-hook-token', '--trigger-word', 'echo', '--text', 'echo hi', '--content-type', ct]);
      assert.strictEqual(r.status, 0, r.stderr);
    }
    const wrong = await run(['outgoing', `${example.base}/outgoing`, '--token', 'nope', '--trigger-word', 'echo', '--text', 'echo hi']);
    assert.strictEqual(wrong.status, 1);
    const a = await run(['action', `${example.base}/action/update`, '--context', '{"step":1}']);
    assert.strictEqual(a.status, 0, a.stderr);
    assert.match(a.stderr, /replaced by `update`/);
  });

  it('exit 2: refused, timed out, bad usage', async () => {
    const refused = await run(['command', 'http://127.0.0.1:1/x', '--token', 't', '--text', 'a']);
    assert.strictEqual(refused.status, 2);
    assert.match(refused.stderr, /refused/);
    const slow = await run(['command', `${example.base}/faulty`, '--token', 't', '--text', 'slow', '--timeout', '1']);
    assert.strictEqual(slow.status, 2);
    assert.match(slow.stderr, /did not answer within 1 s/);
    for (const args of [['command', 'notaurl', '--token', 't', '--text', 'a'], ['command', `${example.base}/command`, '--text', 'a'], ['bogus'], ['action', `${example.base}/a`, '--context', '[1]'], ['outgoing', `${example.base}/o`, '--token', 't', '--trigger-word', 'w', '--text', 'x', '--content-type', 'xml']]) {
      const r = await run(args);
      assert.strictEqual(r.status, 2, args.join(' '));
    }
  });

  it('the token never appears in the output', async () => {
    const r = await run(['command', `${example.base}/command`, '--token', TOKEN, '--text', 'hello', '--format', 'json']);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });

  it('invoke --help exits 0', () => {
    const r = spawnSync(process.execPath, [cli, 'invoke', '--help'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /invoke command URL --token T/);
  });
});
