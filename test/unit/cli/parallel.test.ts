import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installBuiltCli } from './helpers';

// The CLI at CI scale (issue 12): many files are linted in chunks by this thread and worker threads.
// Whatever the split, the output, its order, the messages and the exit code are those of a serial run.
let cli: string;
let work: string;

function run(args: string[], env: Record<string, string> = {}, cwd = work): SpawnSyncReturns<string> {
  const clean = { ...process.env };
  for (const k of ['MMP_CLI_THREADS', 'MMP_CLI_CHUNK', 'MMP_CLI_STATS']) delete clean[k];
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env } });
}

function write(name: string, content: string | Buffer): void {
  const f = path.join(work, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, content);
}

const serial = { MMP_CLI_THREADS: '0', MMP_CLI_STATS: '1' };
const parallel = { MMP_CLI_THREADS: '2', MMP_CLI_CHUNK: '3', MMP_CLI_STATS: '1' };

/** stderr without the stats line */
const messages = (r: SpawnSyncReturns<string>) => r.stderr.split('\n').filter(l => l && !/: stats: /.test(l));
const stats = (r: SpawnSyncReturns<string>) => {
  const m = /stats: (\d+) files, (\d+) chunks of up to (\d+), (\d+) worker threads, (\d+) chunks linted by workers/.exec(r.stderr);
  assert.ok(m, `no stats line in: ${r.stderr}`);
  return { files: +m[1], chunks: +m[2], size: +m[3], threads: +m[4], byWorkers: +m[5] };
};

describe('CLI: many files, linted in parallel', function () {
  this.timeout(120000);

  before(() => {
    ({ work, cli } = installBuiltCli('mmp-cli-par-'));
    // 60 files in three folders: clean, warnings, errors, a BOM, a "$schema" kind, each kind
    for (let i = 0; i < 60; i++) {
      const dir = `mixed/d${i % 3}`;
      const n = String(i).padStart(2, '0');
      switch (i % 6) {
        case 0: write(`${dir}/f${n}.incoming.json`, JSON.stringify({ text: `Hello ${i}` }, null, 2)); break;
        case 1: write(`${dir}/f${n}.incoming.json`, `{\n  "text": ${i}\n}\n`); break; // type-mismatch (error)
        case 2: write(`${dir}/f${n}.command.json`, `{"response_type": "In_Channel", "text": "x${i}"}`); break; // warning
        case 3: write(`${dir}/f${n}.post.json`, `\ufeff{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hi *there* ${i}"}`); break;
        case 4: write(`${dir}/f${n}.json`, `{"$schema": "mattermost-payloads://schemas/outgoing.json", "text": "a${i}"}`); break;
        default: write(`${dir}/f${n}.dialog.json`, JSON.stringify({ trigger_id: 't', url: 'https://example.com/d', dialog: { callback_id: 'c', title: 'T', elements: [{ display_name: 'N', name: 'n', type: 'text' }] } }));
      }
    }
    for (let i = 0; i < 30; i++) write(`clean/c${String(i).padStart(2, '0')}.incoming.json`, `{"text": "ok ${i}"}`);
    write('broken/a.incoming.json', '{"text": "fine"}');
    write('broken/b.incoming.json', Buffer.from([0x7b, 0x00, 0x7d])); // binary
    write('broken/c.incoming.json', '{"text": 1}');
    write('broken/d.incoming.json', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])); // not UTF-8
    write('broken/e.unknown.json', '{"text": "no kind"}');
    write('broken/f.incoming.json', `{"text": "${'x'.repeat(200)}"}`);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const format of ['text', 'json']) {
    it(`same ${format} output, order and exit code as the serial run, with the work shared`, () => {
      const args = ['lint', 'mixed/**/*.json', '--format', format];
      const s = run(args, serial);
      const p = run(args, parallel);
      assert.strictEqual(s.status, 1, s.stderr);
      assert.strictEqual(p.status, 1, p.stderr);
      assert.strictEqual(p.stdout, s.stdout);
      assert.deepStrictEqual(messages(p), messages(s));
      assert.deepStrictEqual(messages(p), []);
      assert.strictEqual(stats(s).threads, 0);
      const ps = stats(p);
      assert.deepStrictEqual({ files: ps.files, chunks: ps.chunks, threads: ps.threads }, { files: 60, chunks: 20, threads: 2 });
      assert.ok(ps.byWorkers > 0, `no chunk was linted by a worker: ${p.stderr}`);
      // every file's problems, in sorted file order (the glob's order), each file once
      const files = format === 'json'
        ? (JSON.parse(p.stdout) as { file: string }[]).map(f => f.file)
        : [...new Set(p.stdout.trim().split('\n').map(l => l.slice(0, l.indexOf(':'))))];
      assert.deepStrictEqual(files, [...files].sort());
      if (format === 'json') assert.strictEqual(files.length, 60);
      else assert.strictEqual(files.length, 30); // the clean incoming, outgoing ($schema) and dialog files print nothing
      assert.strictEqual(p.stdout.split('\n').filter(l => / error type-mismatch /.test(l) || /"rule": "type-mismatch"/.test(l)).length, 10);
    });
  }

  it('exit 0 and no output for clean files in parallel; the JSON lists every file in order', () => {
    const t = run(['lint', 'clean/*.json'], parallel);
    assert.strictEqual(t.status, 0, t.stderr);
    assert.strictEqual(t.stdout, '');
    assert.ok(stats(t).byWorkers > 0);
    const j = run(['lint', 'clean/*.json', '--format', 'json'], parallel);
    assert.strictEqual(j.status, 0);
    assert.deepStrictEqual((JSON.parse(j.stdout) as { file: string }[]).map(f => f.file), Array.from({ length: 30 }, (_, i) => `clean/c${String(i).padStart(2, '0')}.incoming.json`));
  });

  it('exit 2 with one message per unusable file, in file order, and the usable files still linted', () => {
    const args = ['lint', 'broken/*.json', '--max-size', '100'];
    const s = run(args, { ...serial, MMP_CLI_CHUNK: '1' });
    const p = run(args, { ...parallel, MMP_CLI_CHUNK: '1' });
    for (const r of [s, p]) {
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stdout, /^broken\/c\.incoming\.json:1:10 error type-mismatch /);
      assert.deepStrictEqual(messages(r).map(l => l.replace(/^mattermost-payloads: /, '').replace(/:.*?(binary|UTF-8|unknown payload kind|bytes is over).*$/, ' $1')), [
        'broken/b.incoming.json binary',
        'broken/d.incoming.json UTF-8',
        'broken/e.unknown.json unknown payload kind',
        'broken/f.incoming.json bytes is over',
      ]);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.strictEqual(p.stdout, s.stdout);
    assert.deepStrictEqual(messages(p), messages(s));
    assert.ok(messages(p)[3].includes(`broken/f.incoming.json: ${fs.statSync(path.join(work, 'broken/f.incoming.json')).size} bytes is over the size limit of 100 bytes`), messages(p)[3]);
    assert.ok(stats(p).byWorkers > 0);
  });

  it('a file found twice (two globs) is linted once; explicit files and globs mix', () => {
    const r = run(['lint', 'clean/c0*.json', 'clean/c00.incoming.json', 'clean/*.json', 'broken/c.incoming.json', '--format', 'json'], parallel);
    assert.strictEqual(r.status, 1, r.stderr);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map(f => f.file);
    assert.strictEqual(files.length, 31);
    assert.deepStrictEqual(files.slice(0, 10), Array.from({ length: 10 }, (_, i) => `clean/c0${i}.incoming.json`));
    assert.strictEqual(files[30], 'broken/c.incoming.json');
  });

  it('uses worker threads by itself for a few hundred files on a machine with 2+ cores', function () {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores < 2) this.skip();
    for (let i = 0; i < 450; i++) write(`many/m${String(i).padStart(3, '0')}.incoming.json`, i % 50 === 7 ? '{"text": 7}' : `{"text": "m ${i}"}`);
    const d = run(['lint', 'many/*.json'], { MMP_CLI_STATS: '1' });
    const s = run(['lint', 'many/*.json'], serial);
    assert.strictEqual(d.status, 1, d.stderr);
    assert.strictEqual(d.stdout, s.stdout);
    assert.strictEqual(d.stdout.trim().split('\n').length, 9);
    const st = stats(d);
    assert.ok(st.threads >= 1 && st.byWorkers > 0, d.stderr);
    // below the threshold it stays on one thread
    assert.strictEqual(stats(run(['lint', 'clean/*.json'], { MMP_CLI_STATS: '1' })).threads, 0);
  });
});
