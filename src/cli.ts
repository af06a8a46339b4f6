/**
 * mattermost-payloads lint <files or globs…> [--kind K] [--format text|json] [--max-size BYTES]
 *   [--server-config FILE | --server-version X.Y[.Z]]
 * Exit codes: 0 no errors, 1 at least one error problem, 2 unusable input or usage.
 * Uses the pure core only; ajv is loaded only when a file is actually linted.
 *
 * At CI scale (issue 12): files found by a glob are read without a stat (the directory walk already
 * knows they are regular files) into one reused buffer (open, one read, close: no fstat, and no second
 * read to see the end when the first one came back short); with many files
 * the list is cut into chunks that this thread and worker threads (this same bundle) lint together,
 * and each chunk's output is written as soon as the chunks before it are, so the output is streamed
 * and in the same order as a serial run. MMP_CLI_THREADS (worker count, 0 = serial) and
 * MMP_CLI_CHUNK (files per chunk) override the defaults, and MMP_CLI_STATS=1 prints how the work was
 * shared to stderr; the tests use them.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { UsageError, walkArgs } from './cliArgs';
import { jsonElement, textLines } from './cliFormat';
import type * as Invoke from './cliInvoke';
import { compileGlob, isGlob, normalizePath } from './core/payload/glob';
import { detectKind } from './core/payload/kinds';
import { lint } from './core/payload/lint';
import { isKind, Kind, KINDS } from './core/payload/problem';
import { version } from '../package.json';
import { parseProfileText, profileForVersion, ProfileError, type Profile } from './core/server/profile';

const NAME = 'mattermost-payloads';
const DEFAULT_MAX = 10 * 1024 * 1024;

const HELP = `Usage: ${NAME} lint <files or globs...> [options]

Lints Mattermost payload files and says what the server will do with them.

Options:
  --kind <kind>       ${KINDS.join('|')} (default: from the file name or "$schema")
  --format <format>   text|json (default: text)
  --max-size <bytes>  skip files larger than this (default: ${DEFAULT_MAX})
  --server-config <file>
                      the target server: a saved answer of GET /api/v4/config/client?format=old
                      ("Version", "EnablePostUsernameOverride", …)
  --server-version <X.Y[.Z]>
                      the target server's version, at its default settings
                      (default: the newest release the rules describe, at default settings)
  -h, --help          show this help
  -v, --version       show the version

File names: *.incoming.json (or *.webhook.json), *.command.json, *.outgoing.json,
*.dialog.json, *.post.json. Globs support **, *, ?, {a,b}; quote them.
Exit codes: 0 no errors, 1 errors found, 2 unusable input or bad usage.

       ${NAME} invoke command|outgoing|action URL ...   (see "${NAME} invoke --help")
Plays Mattermost towards an integration and judges its answer.`;


interface Args {
  patterns: string[];
  kind?: Kind;
  format: 'text' | 'json';
  maxSize: number;
  profile?: Profile;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(`missing command; try "${NAME} lint <files>" or --help`);
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"; the commands are "lint" and "invoke" (see --help)`);
  const args: Args = { patterns: [], format: 'text', maxSize: DEFAULT_MAX };
  for (const arg of walkArgs(rest)) {
    if ('positional' in arg) {
      args.patterns.push(arg.positional);
      continue;
    }
    const a = arg.flag;
    const need = arg.value;
    if (a === '--kind') {
      const k = need();
      if (!isKind(k)) throw new UsageError(`unknown kind "${k}"; use one of ${KINDS.join(', ')}`);
      args.kind = k;
    } else if (a === '--format') {
      const f = need();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}"; use text or json`);
      args.format = f;
    } else if (a === '--max-size') {
      const n = need();
      if (!/^\d+$/.test(n) || Number(n) <= 0) throw new UsageError(`--max-size needs a positive number of bytes, not "${n}"`);
      args.maxSize = Number(n);
    } else if (a === '--server-config' || a === '--server-version') {
      if (args.profile) throw new UsageError('give --server-config or --server-version, not both');
      args.profile = loadProfile(a, need());
    } else {
      throw new UsageError(`unknown option "${a}" (see --help)`);
    }
  }
  if (args.patterns.length === 0) throw new UsageError('no files given; try "lint \'**/*.json\'"');
  return args;
}

/** --server-config FILE / --server-version X.Y[.Z] → the profile; unreadable or invalid input is a one-line usage error (exit 2). */
function loadProfile(flag: string, value: string): Profile {
  try {
    if (flag === '--server-version') return profileForVersion(value, 'CLI');
    let text: string;
    try {
      text = fs.readFileSync(value, 'utf8');
    } catch (e) {
      throw new UsageError(`--server-config ${value}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return parseProfileText(text, 'CLI', value);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`${flag} ${value}: ${e.message.replace(/\.$/, '')}`);
    throw e;
  }
}

/** Walks `dir`, skipping node_modules and .git, and returns files whose cwd-relative path matches. */
function expandGlob(pattern: string): string[] {
  const norm = normalizePath(pattern);
  const matcher = compileGlob(norm);
  const segments = norm.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseParts = segments.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const full = dir === '.' ? e.name : `${dir === '/' ? '' : dir}/${e.name}`;
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && matcher.test(full)) out.push(full);
    }
  };
  walk(base);
  return out.sort();
}

/** A file to lint; `regular`: the directory walk saw a regular file, so no stat is needed. */
interface Job {
  file: string;
  regular: boolean;
}

interface Options {
  kind?: Kind;
  format: 'text' | 'json';
  maxSize: number;
  /** --server-config / --server-version; plain data, so it crosses to the worker threads. */
  profile?: Profile;
}

/** What linting a run of files gives: output per linted file, stderr lines, and the exit-code facts. */
interface ChunkResult {
  /** text: the file's lines, each ending in \n ('' when clean); json: the file's array element. */
  out: string[];
  errors: string[];
  unusable: boolean;
  hasError: boolean;
}

// One read buffer for every file of this thread: no Buffer per file, no fstat for its size.
let readBuf = Buffer.allocUnsafe(64 * 1024);

/** Reads up to maxSize + 1 bytes of the regular file `file` into readBuf; returns the byte count. */
function readInto(file: string, maxSize: number): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    throw new UsageError(`${file}: cannot be read (${code ?? 'error'})`);
  }
  let n = 0;
  try {
    for (;;) {
      if (n === readBuf.length) {
        if (n > maxSize) break;
        const bigger = Buffer.allocUnsafe(Math.min(readBuf.length * 2, maxSize + 1));
        readBuf.copy(bigger, 0, 0, n);
        readBuf = bigger;
      }
      const want = readBuf.length - n;
      const r = fs.readSync(fd, readBuf, n, want, null);
      n += r;
      // a regular file (the walk or a stat said so) reads short only at its end: no read to see 0
      if (r < want || n > maxSize) break;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UsageError(`${file}: is a directory; pass files or a glob such as '${normalizePath(file)}/**/*.json'`);
    throw new UsageError(`${file}: cannot be read (${code ?? 'error'})`);
  } finally {
    fs.closeSync(fd);
  }
  return n;
}

function readPayload(job: Job, maxSize: number): string {
  const { file } = job;
  if (!job.regular) {
    // named on the command line: say what it is before opening it (a FIFO would block the read)
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      throw new UsageError(`${file}: no such file`);
    }
    if (st.isDirectory()) throw new UsageError(`${file}: is a directory; pass files or a glob such as '${normalizePath(file)}/**/*.json'`);
    if (!st.isFile()) throw new UsageError(`${file}: not a regular file`);
    if (st.size > maxSize) throw new UsageError(`${file}: ${st.size} bytes is over the size limit of ${maxSize} bytes (change it with --max-size)`);
  }
  const n = readInto(file, maxSize);
  if (n > maxSize) {
    let size = `more than ${maxSize}`;
    try {
      size = String(fs.statSync(file).size);
    } catch {
      /* keep "more than" */
    }
    throw new UsageError(`${file}: ${size} bytes is over the size limit of ${maxSize} bytes (change it with --max-size)`);
  }
  const bytes = readBuf.subarray(0, n);
  if (bytes.indexOf(0) >= 0) throw new UsageError(`${file}: binary data, not a JSON text file`);
  if (!isUtf8(bytes)) throw new UsageError(`${file}: not valid UTF-8`);
  const text = bytes.toString('utf8');
  // a UTF-8 byte order mark is not part of the text (as TextDecoder without ignoreBOM)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lintChunk(jobs: Job[], opts: Options): ChunkResult {
  const res: ChunkResult = { out: [], errors: [], unusable: false, hasError: false };
  for (const job of jobs) {
    const { file } = job;
    try {
      const text = readPayload(job, opts.maxSize);
      // only the base name and a top-level "$schema" decide the kind (no associations here)
      const kind = opts.kind ?? detectKind(file, text)?.kind;
      if (!kind) {
        throw new UsageError(
          `${file}: unknown payload kind; name it *.incoming.json (or *.webhook.json), *.command.json, *.outgoing.json, *.dialog.json or *.post.json, add "$schema": "mattermost-payloads://schemas/<kind>.json", or pass --kind`,
        );
      }
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const problems = lint(body, kind, opts.profile ? { profile: opts.profile } : undefined);
      if (!res.hasError && problems.some(p => p.severity === 'error')) res.hasError = true;
      res.out.push(opts.format === 'json' ? jsonElement(file, kind, problems, body) : textLines(file, problems, body));
    } catch (e) {
      res.errors.push(e instanceof UsageError ? e.message : `${file}: ${(e as Error).message ?? e}`);
      res.unusable = true;
    }
  }
  return res;
}

/** Writes chunk results in order as they complete; stdout is synchronous for files and pipes on Linux. */
class Writer {
  private first = true;
  private pending = '';

  constructor(
    private readonly format: 'text' | 'json',
    private readonly stderr: (m: string) => void,
  ) {}

  add(r: ChunkResult): void {
    for (const m of r.errors) this.stderr(m);
    for (const o of r.out) {
      if (this.format === 'json') {
        this.pending += (this.first ? '[\n' : ',\n') + o;
        this.first = false;
      } else this.pending += o;
    }
    if (this.pending.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending) process.stdout.write(this.pending);
    this.pending = '';
  }

  end(): void {
    if (this.format === 'json') this.pending += this.first ? '[]\n' : '\n]\n';
    this.flush();
  }
}

/** Worker threads to start for `n` files (0: lint here only). */
function threadCount(n: number): number {
  const env = process.env.MMP_CLI_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), 16);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // a worker costs a few tens of ms to start (it loads this bundle): worth it from a few hundred files
  if (n < 400 || cores < 2) return 0;
  return Math.min(cores - 1, 7);
}

function chunkSize(n: number, threads: number): number {
  const env = process.env.MMP_CLI_CHUNK;
  if (env !== undefined && /^\d+$/.test(env) && Number(env) > 0) return Number(env);
  // several chunks per thread, so a slow chunk (big files) does not leave the others idle
  return Math.max(16, Math.min(256, Math.ceil(n / ((threads + 1) * 8))));
}

interface WorkerInit {
  mmpCliWorker: true;
  opts: Options;
}

async function lintAll(jobs: Job[], opts: Options, writer: Writer): Promise<{ unusable: boolean; hasError: boolean }> {
  const threads = threadCount(jobs.length);
  const size = chunkSize(jobs.length, threads);
  const chunks: Job[][] = [];
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
  const done: (ChunkResult | undefined)[] = new Array<ChunkResult | undefined>(chunks.length);
  let unusable = false;
  let hasError = false;
  let emitted = 0;
  const emit = () => {
    while (emitted < chunks.length && done[emitted]) {
      const r = done[emitted]!;
      unusable ||= r.unusable;
      hasError ||= r.hasError;
      writer.add(r);
      done[emitted++] = undefined;
    }
  };
  const byWorkers = { chunks: 0 };
  const stats = (workers: number) => {
    if (process.env.MMP_CLI_STATS === '1') process.stderr.write(`${NAME}: stats: ${jobs.length} files, ${chunks.length} chunks of up to ${size}, ${workers} worker threads, ${byWorkers.chunks} chunks linted by workers\n`);
  };
  if (threads === 0 || chunks.length < 2) {
    for (let i = 0; i < chunks.length; i++) {
      done[i] = lintChunk(chunks[i], opts);
      emit();
    }
    stats(0);
    return { unusable, hasError };
  }

  let next = 0;
  const retry: number[] = []; // chunks of a worker that failed: linted here instead
  const take = (): number | undefined => (retry.length ? retry.shift() : next < chunks.length ? next++ : undefined);
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const workers: Worker[] = [];
  let live = 0;
  for (let t = 0; t < threads; t++) {
    const w = new Worker(__filename, { workerData: { mmpCliWorker: true, opts } satisfies WorkerInit });
    let current: number | undefined;
    const give = () => {
      current = take();
      if (current !== undefined) w.postMessage({ index: current, jobs: chunks[current] });
      else void w.terminate();
    };
    w.on('message', (m: { index: number; result: ChunkResult }) => {
      byWorkers.chunks++;
      done[m.index] = m.result;
      emit();
      give();
      poke();
    });
    w.on('error', () => {
      if (current !== undefined && !done[current]) retry.push(current);
      current = undefined;
    });
    w.on('exit', () => {
      if (current !== undefined && !done[current]) retry.push(current);
      current = undefined;
      live--;
      poke();
    });
    live++;
    workers.push(w);
    give();
  }
  // this thread lints chunks too, yielding between them so finished chunks are written promptly
  for (;;) {
    const i = take();
    if (i !== undefined) {
      done[i] = lintChunk(chunks[i], opts);
      emit();
      await new Promise<void>(r => setImmediate(r));
      continue;
    }
    if (emitted === chunks.length) break;
    if (live === 0 && retry.length === 0) {
      // every worker is gone and something was never linted: lint what is left here
      for (let k = 0; k < chunks.length; k++) if (!done[k] && k >= emitted) retry.push(k);
      if (retry.length === 0) break;
      continue;
    }
    await new Promise<void>(r => {
      wake = r;
    });
  }
  await Promise.all(workers.map(w => w.terminate()));
  stats(workers.length);
  return { unusable, hasError };
}

function workerMain(init: WorkerInit): void {
  parentPort!.on('message', (m: { index: number; jobs: Job[] }) => {
    parentPort!.postMessage({ index: m.index, result: lintChunk(m.jobs, init.opts) });
  });
}

export async function main(argv: string[]): Promise<number> {
  const stderr = (m: string) => process.stderr.write(`${NAME}: ${m}\n`);
  if (argv[0] === 'invoke') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of a sibling bundle that esbuild leaves external
    const { invokeMain } = require('./cliInvoke.js') as typeof Invoke;
    return invokeMain(argv.slice(1), NAME);
  }
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    stderr(e instanceof UsageError ? e.message : String(e));
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  let unusable = false;
  const jobs: Job[] = [];
  const seen = new Set<string>();
  for (const p of args.patterns) {
    const glob = isGlob(p);
    const found = glob ? expandGlob(p) : [p];
    if (found.length === 0) {
      stderr(`no files match ${p}`);
      unusable = true;
    }
    for (const file of found) {
      if (seen.has(file)) continue;
      seen.add(file);
      jobs.push({ file, regular: glob });
    }
  }
  const writer = new Writer(args.format, stderr);
  const r = await lintAll(jobs, { kind: args.kind, format: args.format, maxSize: args.maxSize, profile: args.profile }, writer);
  writer.end();
  if (unusable || r.unusable) return 2;
  return r.hasError ? 1 : 0;
}

const fail = (e: unknown) => {
  process.stderr.write(`${NAME}: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 2;
};
if (!isMainThread && (workerData as WorkerInit | undefined)?.mmpCliWorker) {
  workerMain(workerData as WorkerInit);
} else if (require.main === module) {
  main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  }, fail);
}
