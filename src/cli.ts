/**
 * mattermost-payloads lint <files or globs…> [--kind K] [--format text|json] [--max-size BYTES]
 *   [--server-config FILE | --server-version X.Y[.Z]]
 * Exit codes: 0 no errors, 1 at least one error problem, 2 unusable input or usage.
 * Uses the pure core only; ajv is loaded only when a file is actually linted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from './core/json/lines';
import { isGlob, matchGlob, normalizePath } from './core/payload/glob';
import { detectKind } from './core/payload/kinds';
import { lint } from './core/payload/lint';
import { isKind, Kind, KINDS, Problem } from './core/payload/problem';
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
Exit codes: 0 no errors, 1 errors found, 2 unusable input or bad usage.`;

class UsageError extends Error {}

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
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"; the only command is "lint" (see --help)`);
  const args: Args = { patterns: [], format: 'text', maxSize: DEFAULT_MAX };
  for (let i = 0; i < rest.length; i++) {
    let a = rest[i];
    let value: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      value = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const need = (): string => {
      const v = value ?? rest[++i];
      if (v === undefined || (value === undefined && v.startsWith('--'))) throw new UsageError(`${a} needs a value`);
      return v;
    };
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
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}" (see --help)`);
    } else {
      args.patterns.push(a);
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
      else if (e.isFile() && matchGlob(norm, full)) out.push(full);
    }
  };
  walk(base);
  return out.sort();
}

interface Result {
  file: string;
  kind: Kind;
  problems: Problem[];
  text: string;
}

function readPayload(file: string, maxSize: number): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (st.isDirectory()) throw new UsageError(`${file}: is a directory; pass files or a glob such as '${normalizePath(file)}/**/*.json'`);
  if (!st.isFile()) throw new UsageError(`${file}: not a regular file`);
  if (st.size > maxSize) throw new UsageError(`${file}: ${st.size} bytes is over the size limit of ${maxSize} bytes (change it with --max-size)`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf.includes(0)) throw new UsageError(`${file}: binary data, not a JSON text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw new UsageError(`${file}: not valid UTF-8`);
  }
}

function toJson(results: Result[]): string {
  return JSON.stringify(
    results.map(r => {
      const lines = new LineIndex(r.text);
      return {
        file: r.file,
        kind: r.kind,
        problems: r.problems.map(p => {
          const s = lines.positionAt(p.start);
          const e = lines.positionAt(p.end);
          return { rule: p.rule, severity: p.severity, message: p.message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
        }),
      };
    }),
    null,
    2,
  );
}

function toText(results: Result[]): string {
  const out: string[] = [];
  for (const r of results) {
    const lines = new LineIndex(r.text);
    for (const p of r.problems) {
      const s = lines.positionAt(p.start);
      out.push(`${r.file}:${s.line + 1}:${s.character + 1} ${p.severity} ${p.rule} ${p.message}`);
    }
  }
  return out.join('\n');
}

export function main(argv: string[]): number {
  const stderr = (m: string) => process.stderr.write(`${NAME}: ${m}\n`);
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    process.stdout.write(`${require('../package.json').version}\n`);
    return 0;
  }
  let unusable = false;
  const files: string[] = [];
  for (const p of args.patterns) {
    if (isGlob(p)) {
      const found = expandGlob(p);
      if (found.length === 0) {
        stderr(`no files match ${p}`);
        unusable = true;
      }
      files.push(...found);
    } else files.push(p);
  }
  const results: Result[] = [];
  for (const file of [...new Set(files)]) {
    try {
      const text = readPayload(file, args.maxSize);
      const kind = args.kind ?? detectKind(normalizePath(path.relative(process.cwd(), path.resolve(file))), text)?.kind;
      if (!kind) {
        throw new UsageError(
          `${file}: unknown payload kind; name it *.incoming.json (or *.webhook.json), *.command.json, *.outgoing.json, *.dialog.json or *.post.json, add "$schema": "mattermost-payloads://schemas/<kind>.json", or pass --kind`,
        );
      }
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      results.push({ file, kind, problems: lint(body, kind, args.profile ? { profile: args.profile } : undefined), text: body });
    } catch (e) {
      stderr(e instanceof UsageError ? e.message : `${file}: ${(e as Error).message ?? e}`);
      unusable = true;
    }
  }
  const output = args.format === 'json' ? toJson(results) : toText(results);
  if (output) process.stdout.write(output + '\n');
  if (unusable) return 2;
  return results.some(r => r.problems.some(p => p.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${NAME}: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  }
}
