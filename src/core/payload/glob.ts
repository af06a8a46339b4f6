/**
 * A small glob matcher: `**` (any number of path segments), `*` (within a segment), `?`, `{a,b}`
 * (nestable) and `[abc]` / `[!abc]` classes, `\x` escapes. Paths use `/`; backslashes are normalized.
 *
 * Globs come from workspace settings (honoured in untrusted workspaces, evaluated on every
 * keystroke), so matching must never throw and never backtrack: a glob is parsed once into a small
 * program (a Thompson NFA) and a path is matched by simulating all NFA states in lock step, which
 * costs O(path length × glob length) in the worst case. Brace groups are alternations inside the
 * program, so they are never expanded and cannot blow up. Globs longer than
 * {@link MAX_GLOB_LENGTH} characters match nothing.
 */

/** Globs longer than this (in UTF-16 code units) match nothing. */
export const MAX_GLOB_LENGTH = 1000;

/** Compiled globs kept before the cache is cleared (globs come from settings, so few are live). */
const MAX_CACHE_ENTRIES = 500;

const SLASH = 0x2f;

// ---------------------------------------------------------------------------------------------
// Parsing

interface CharClass {
  negated: boolean;
  /** Single code units the class lists. */
  chars: Set<number>;
  /** Inclusive [lo, hi] pairs; reversed ranges such as `z-a` are dropped (they match nothing). */
  ranges: number[];
}

type Node =
  | { t: 'char'; c: number }
  | { t: 'class'; cls: CharClass }
  | { t: 'one' } // `?`: one character other than `/`
  | { t: 'star' } // `*`: any run of characters other than `/`
  | { t: 'globstar' } // `**`: any run of characters, `/` included
  | { t: 'segments' } // `**/` at a segment start: zero or more whole segments (empty, or anything ending in `/`)
  | { t: 'alt'; alts: Node[][] }; // `{a,b}`

/**
 * Parses a glob (with any leading `./` already removed). The rules are those of the earlier
 * regex translation: `**` is only special as `**` + `/` when it starts the glob or follows a `/`;
 * `{` always opens a group (closed at the end if unclosed), `,` and `}` are literal outside groups;
 * `[` without a later `]` is a literal `[`; inside a class `\` is literal and the first `]` after
 * at least one body character closes it; a trailing lone `\` is literal.
 */
function parse(glob: string): Node[] {
  const root: Node[] = [];
  // Open groups: each holds its finished alternatives and the sequence being built.
  const groups: { alts: Node[][]; seq: Node[]; parentSeq: Node[] }[] = [];
  let seq = root;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (glob[i + 1] === '/' && atStart) {
          i++;
          seq.push({ t: 'segments' });
        } else {
          seq.push({ t: 'globstar' });
        }
      } else {
        seq.push({ t: 'star' });
      }
    } else if (c === '?') {
      seq.push({ t: 'one' });
    } else if (c === '{') {
      const g = { alts: [] as Node[][], seq: [] as Node[], parentSeq: seq };
      groups.push(g);
      seq = g.seq;
    } else if (c === '}' && groups.length > 0) {
      const g = groups.pop()!;
      g.alts.push(g.seq);
      seq = g.parentSeq;
      seq.push({ t: 'alt', alts: g.alts });
    } else if (c === ',' && groups.length > 0) {
      const g = groups[groups.length - 1];
      g.alts.push(g.seq);
      g.seq = [];
      seq = g.seq;
    } else if (c === '[') {
      const cls = parseClass(glob, i);
      if (cls) {
        seq.push({ t: 'class', cls: cls.cls });
        i = cls.end;
      } else {
        seq.push({ t: 'char', c: c.charCodeAt(0) });
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      seq.push({ t: 'char', c: glob.charCodeAt(++i) });
    } else {
      seq.push({ t: 'char', c: glob.charCodeAt(i) });
    }
  }
  while (groups.length > 0) {
    const g = groups.pop()!;
    g.alts.push(g.seq);
    seq = g.parentSeq;
    seq.push({ t: 'alt', alts: g.alts });
  }
  return root;
}

/** Parses the class opening at `glob[open] === '['`; undefined when it is never closed. */
function parseClass(glob: string, open: number): { cls: CharClass; end: number } | undefined {
  let start = open + 1;
  const negated = glob[start] === '!' || glob[start] === '^';
  if (negated) start++;
  // The first body character is literal even when it is `]`.
  const close = glob.indexOf(']', start + 1);
  if (close < 0 || start >= glob.length) return undefined;
  const cls: CharClass = { negated, chars: new Set(), ranges: [] };
  for (let j = start; j < close; j++) {
    const lo = glob.charCodeAt(j);
    if (glob[j + 1] === '-' && j + 2 < close) {
      const hi = glob.charCodeAt(j + 2);
      if (lo <= hi) cls.ranges.push(lo, hi);
      j += 2;
    } else {
      cls.chars.add(lo);
    }
  }
  return { cls, end: close };
}

function classHas(cls: CharClass, c: number): boolean {
  let hit = cls.chars.has(c);
  for (let k = 0; !hit && k < cls.ranges.length; k += 2) hit = c >= cls.ranges[k] && c <= cls.ranges[k + 1];
  // A negated class is still confined to one path segment.
  return cls.negated ? !hit && c !== SLASH : hit;
}

// ---------------------------------------------------------------------------------------------
// Compilation to an NFA program

const OP_CHAR = 0; // arg: code unit
const OP_CLASS = 1; // arg: index into classes
const OP_ONE = 2; // any code unit but `/`
const OP_ANY = 3; // any code unit
const OP_SPLIT = 4; // epsilon to arg and arg2
const OP_JMP = 5; // epsilon to arg
const OP_MATCH = 6;

class Program {
  readonly op: number[] = [];
  readonly arg: number[] = [];
  readonly arg2: number[] = [];
  readonly classes: CharClass[] = [];

  emit(op: number, arg = 0, arg2 = 0): number {
    this.op.push(op);
    this.arg.push(arg);
    this.arg2.push(arg2);
    return this.op.length - 1;
  }

  get pc(): number {
    return this.op.length;
  }

  /** Any run of characters accepted by `op`: L: SPLIT L+1, out; op; JMP L; out: */
  loop(op: number): void {
    const split = this.emit(OP_SPLIT);
    this.emit(op);
    this.emit(OP_JMP, split);
    this.arg[split] = split + 1;
    this.arg2[split] = this.pc;
  }

  compile(nodes: Node[]): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'char':
          this.emit(OP_CHAR, n.c);
          break;
        case 'class':
          this.classes.push(n.cls);
          this.emit(OP_CLASS, this.classes.length - 1);
          break;
        case 'one':
          this.emit(OP_ONE);
          break;
        case 'star':
          this.loop(OP_ONE);
          break;
        case 'globstar':
          this.loop(OP_ANY);
          break;
        case 'segments': {
          // (?:[^/]*/)* — L: SPLIT L+1, out; [^/]* ; '/' ; JMP L; out:
          const split = this.emit(OP_SPLIT);
          this.loop(OP_ONE);
          this.emit(OP_CHAR, SLASH);
          this.emit(OP_JMP, split);
          this.arg[split] = split + 1;
          this.arg2[split] = this.pc;
          break;
        }
        case 'alt': {
          const jumps: number[] = [];
          n.alts.forEach((alt, k) => {
            const last = k === n.alts.length - 1;
            const split = last ? -1 : this.emit(OP_SPLIT);
            if (split >= 0) this.arg[split] = this.pc;
            this.compile(alt);
            if (!last) {
              jumps.push(this.emit(OP_JMP));
              this.arg2[split] = this.pc;
            }
          });
          for (const j of jumps) this.arg[j] = this.pc;
          break;
        }
      }
    }
  }
}

/** Test hook: `steps` counts NFA states visited by every match so far (work is bounded by it). */
export const globMatchStats = { steps: 0 };

/** A compiled glob. `test` takes an already-normalized path. */
export interface GlobMatcher {
  /** Number of NFA instructions (≤ a small constant × the glob's length). */
  readonly size: number;
  test(path: string): boolean;
}

const NEVER: GlobMatcher = { size: 0, test: () => false };

class NfaMatcher implements GlobMatcher {
  private readonly op: Int32Array;
  private readonly arg: Int32Array;
  private readonly arg2: Int32Array;
  private readonly classes: CharClass[];
  private readonly mark: Int32Array;
  private gen = 0;
  private cur: Int32Array;
  private next: Int32Array;
  private readonly stack: Int32Array;

  constructor(p: Program) {
    this.op = Int32Array.from(p.op);
    this.arg = Int32Array.from(p.arg);
    this.arg2 = Int32Array.from(p.arg2);
    this.classes = p.classes;
    const n = p.op.length;
    this.mark = new Int32Array(n);
    this.cur = new Int32Array(n);
    this.next = new Int32Array(n);
    // Each state is pushed at most once per incoming edge; every state has at most two out-edges.
    this.stack = new Int32Array(2 * n + 2);
  }

  get size(): number {
    return this.op.length;
  }

  /** Adds the epsilon closure of `start` to `list` (states marked in this generation are skipped). */
  private add(list: Int32Array, count: number, start: number): number {
    const { op, arg, arg2, mark, stack, gen } = this;
    let sp = 0;
    stack[sp++] = start;
    let steps = 0;
    while (sp > 0) {
      const pc = stack[--sp];
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      steps++;
      const o = op[pc];
      if (o === OP_SPLIT) {
        stack[sp++] = arg2[pc];
        stack[sp++] = arg[pc];
      } else if (o === OP_JMP) {
        stack[sp++] = arg[pc];
      } else {
        list[count++] = pc;
      }
    }
    globMatchStats.steps += steps;
    return count;
  }

  private nextGen(): void {
    if (++this.gen >= 0x3fffffff) {
      this.mark.fill(0);
      this.gen = 1;
    }
  }

  test(path: string): boolean {
    const { op, arg, classes } = this;
    this.nextGen();
    let cur = this.cur;
    let next = this.next;
    let nCur = this.add(cur, 0, 0);
    for (let i = 0; i < path.length && nCur > 0; i++) {
      const c = path.charCodeAt(i);
      this.nextGen();
      let nNext = 0;
      for (let k = 0; k < nCur; k++) {
        const pc = cur[k];
        let ok: boolean;
        switch (op[pc]) {
          case OP_CHAR:
            ok = c === arg[pc];
            break;
          case OP_CLASS:
            ok = classHas(classes[arg[pc]], c);
            break;
          case OP_ONE:
            ok = c !== SLASH;
            break;
          case OP_ANY:
            ok = true;
            break;
          default:
            ok = false; // OP_MATCH consumes nothing
        }
        if (ok) nNext = this.add(next, nNext, pc + 1);
      }
      globMatchStats.steps += nCur;
      const t = cur;
      cur = next;
      next = t;
      nCur = nNext;
    }
    this.cur = cur;
    this.next = next;
    for (let k = 0; k < nCur; k++) if (op[cur[k]] === OP_MATCH) return true;
    return false;
  }
}

function stripDotSlash(glob: string): string {
  return glob.replace(/^\.\//, '');
}

const cache = new Map<string, GlobMatcher>();

/** Compiles (once; results are cached) a glob into a matcher that never throws or backtracks. */
export function compileGlob(glob: string): GlobMatcher {
  let m = cache.get(glob);
  if (!m) {
    if (glob.length > MAX_GLOB_LENGTH) {
      m = NEVER;
    } else {
      const p = new Program();
      p.compile(parse(stripDotSlash(glob)));
      p.emit(OP_MATCH);
      m = new NfaMatcher(p);
    }
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(glob, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Regex form (kept for compatibility; not used for matching)

function escapeChar(c: number): string {
  const ch = String.fromCharCode(c);
  return /[A-Za-z0-9_]/.test(ch) ? ch : `\\u${c.toString(16).padStart(4, '0')}`;
}

function nodesToRegex(nodes: Node[]): string {
  let re = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'char':
        re += escapeChar(n.c);
        break;
      case 'class': {
        let body = '';
        for (const c of n.cls.chars) body += escapeChar(c);
        for (let k = 0; k < n.cls.ranges.length; k += 2) body += `${escapeChar(n.cls.ranges[k])}-${escapeChar(n.cls.ranges[k + 1])}`;
        if (n.cls.negated) re += `[^/${body}]`;
        else re += body ? `[${body}]` : '(?!)';
        break;
      }
      case 'one':
        re += '[^/]';
        break;
      case 'star':
        re += '[^/]*';
        break;
      case 'globstar':
        re += '[^]*';
        break;
      case 'segments':
        re += '(?:[^/]*/)*';
        break;
      case 'alt':
        re += `(?:${n.alts.map(nodesToRegex).join('|')})`;
        break;
    }
  }
  return re;
}

const regexCache = new Map<string, RegExp>();

/**
 * The glob as an anchored regular expression with the same meaning as {@link matchGlob}. Never
 * throws (a glob over {@link MAX_GLOB_LENGTH} characters gives a regex matching nothing).
 *
 * @deprecated JavaScript regexes backtrack, so some globs make this regex slow on long paths; use
 * {@link matchGlob} or {@link compileGlob}, which run in linear time.
 */
export function globToRegExp(glob: string): RegExp {
  let re = regexCache.get(glob);
  if (!re) {
    re = glob.length > MAX_GLOB_LENGTH ? /(?!)/ : new RegExp(`^${nodesToRegex(parse(stripDotSlash(glob)))}$`);
    if (regexCache.size >= MAX_CACHE_ENTRIES) regexCache.clear();
    regexCache.set(glob, re);
  }
  return re;
}

// ---------------------------------------------------------------------------------------------
// Public helpers

export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** True when `path` (workspace-relative) matches `glob`. Never throws; linear in the path length. */
export function matchGlob(glob: string, path: string): boolean {
  return compileGlob(glob).test(normalizePath(path));
}

/** True when the path or its base name matches (so `*.hook.json` works in any folder). */
export function matchPathOrBasename(glob: string, path: string): boolean {
  const p = normalizePath(path);
  if (matchGlob(glob, p)) return true;
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base !== p && matchGlob(glob, base);
}

/** True when the glob has any wildcard (otherwise it names one file). */
export function isGlob(s: string): boolean {
  return /[*?{[]/.test(s);
}
