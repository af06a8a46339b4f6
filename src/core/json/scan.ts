/**
 * A path-driven locator over JSON text that is already known to parse (JSON.parse succeeded on it,
 * possibly followed by ignored trailing content). It answers the same questions as the tree-based
 * `JsonLocator` — where is the key or value at a path — without building a tree of the whole
 * document: it walks down the path, skipping every value it does not need with a fast scan, and
 * remembers the member offsets of each container it has opened, so placing several problems costs
 * about one pass over the text (see bench/: the 10 MB case).
 *
 * Semantics match jsonc-parser's tree as used by JsonLocator: in an object the LAST property with
 * a key wins; a missing segment yields the deepest node found with `found: false`.
 */
import type { JsonPath } from './locate';

export type ScanNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface ScanNode {
  offset: number;
  length: number;
  type: ScanNodeType;
}

export interface ScanHit {
  node: ScanNode;
  /** For object members: the key token (quotes included); its offset is the property's offset. */
  key?: ScanNode;
  found: boolean;
}

/** Members of one container, indexed incrementally: only as far as lookups have needed. */
interface Container {
  isObject: boolean;
  /** Objects: decoded key → index of its last member seen so far. */
  keys?: Map<string, number>;
  keyStart: number[];
  keyEnd: number[];
  valueStart: number[];
  valueEnd: number[];
  /** Where scanning resumes (the next member's first character, or the closing bracket). */
  pos: number;
  done: boolean;
}

const Q = 34; // "
const BS = 92; // \

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Index just past the closing quote of the string token starting at `i` (an opening quote).
 * Jumps from quote to quote with the native indexOf (most of a JSON text is string contents); a quote
 * preceded by an odd run of backslashes is escaped. Same answer as stepping character by character.
 */
function stringEnd(text: string, i: number): number {
  let q = text.indexOf('"', i + 1);
  while (q >= 0) {
    if (text.charCodeAt(q - 1) !== BS) return q + 1;
    let b = q - 2;
    while (b > i && text.charCodeAt(b) === BS) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1; // an even run of backslashes: the quote closes the string
    q = text.indexOf('"', q + 1);
  }
  return text.length;
}

/**
 * Everything up to the next bracket, strings included, in one native step: runs of other characters
 * and whole strings. Written as "unrolled loops" (every repetition starts with a distinct character)
 * so that a failing string cannot backtrack in more than one way, and bounded so that irregexp's
 * backtrack stack stays small (unbounded, it overflows on a long run of strings); a string it leaves
 * (over 64 escapes, or unterminated) is skipped by stringEnd.
 */
const RUN = /[^"{}[\]]*(?:"[^"\\]*(?:\\[\s\S][^"\\]*){0,64}"[^"{}[\]]*){0,64}/y;

/**
 * Index just past the bracket that closes the containers open at `j` (`depth` of them; 0 when `j`
 * is the opening bracket), or -1 when that is past `limit`.
 */
function closeFrom(text: string, j: number, depth: number, limit: number): number {
  const n = text.length;
  const stop = limit < n ? limit + 1 : n;
  const run = RUN;
  while (j < stop) {
    const d = text.charCodeAt(j);
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      if (--depth === 0) return j + 1;
    } else if (d === Q) {
      j = stringEnd(text, j);
      continue;
    } else {
      run.lastIndex = j;
      j = run.test(text) && run.lastIndex > j ? run.lastIndex : j + 1;
      continue;
    }
    j++;
    run.lastIndex = j;
    if (run.test(text)) j = run.lastIndex;
  }
  return stop === n ? n : -1;
}

/** Index just past the container starting at `i`, or -1 when it reaches past `limit`. */
function containerEnd(text: string, i: number, limit: number): number {
  return closeFrom(text, i, 0, limit);
}

/** Index just past the value starting at `i` (no leading whitespace). */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === Q) return stringEnd(text, i);
  if (c === 123 /* { */ || c === 91 /* [ */) return containerEnd(text, i, Infinity);
  // number, true, false, null
  let j = i + 1;
  const n = text.length;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 125 || d === 93 || isWs(d)) break;
    j++;
  }
  return j;
}

function typeAt(text: string, i: number): ScanNodeType {
  const c = text.charCodeAt(i);
  if (c === 123) return 'object';
  if (c === 91) return 'array';
  if (c === Q) return 'string';
  if (c === 116 || c === 102) return 'boolean';
  if (c === 110) return 'null';
  return 'number';
}

function skipWs(text: string, i: number): number {
  while (isWs(text.charCodeAt(i))) i++;
  return i;
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.indexOf('\\') < 0 ? raw : (JSON.parse(text.slice(start, end)) as string);
}

/** True when `"key"` is how the key must appear unescaped (so another spelling needs a backslash). */
function plainKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === Q || c === BS) return false;
  }
  return true;
}

export class JsonScanner {
  private readonly containers = new Map<number, Container>();
  readonly rootOffset: number;
  /** Memo of indexOf searches: pattern → [searched from, found at]. */
  private readonly searches = new Map<string, [number, number]>();

  constructor(readonly text: string) {
    this.rootOffset = skipWs(text, 0);
  }

  private container(start: number): Container {
    let c = this.containers.get(start);
    if (!c) {
      const isObject = this.text.charCodeAt(start) === 123;
      c = { isObject, keyStart: [], keyEnd: [], valueStart: [], valueEnd: [], pos: skipWs(this.text, start + 1), done: false };
      if (isObject) c.keys = new Map();
      c.done = this.text.charCodeAt(c.pos) === (isObject ? 125 : 93) || c.pos >= this.text.length;
      this.containers.set(start, c);
    }
    return c;
  }

  /** Indexes one more member of `c`. */
  private step(c: Container): void {
    const text = this.text;
    let i = c.pos;
    if (c.isObject) {
      const ks = i;
      const ke = stringEnd(text, i);
      c.keys!.set(decodeKey(text, ks, ke), c.keyStart.length);
      c.keyStart.push(ks);
      c.keyEnd.push(ke);
      i = skipWs(text, skipWs(text, ke) + 1); // past ':'
    }
    const ve = valueEnd(text, i);
    c.valueStart.push(i);
    c.valueEnd.push(ve);
    i = skipWs(text, ve);
    if (text.charCodeAt(i) === 44 /* , */) i = skipWs(text, i + 1);
    c.pos = i;
    if (i >= text.length || text.charCodeAt(i) === (c.isObject ? 125 : 93)) c.done = true;
  }

  /** text.indexOf(pattern, from), remembering the answer: lookups search the same tail again and again. */
  private next(pattern: string, from: number): number {
    const m = this.searches.get(pattern);
    if (m && m[0] <= from && (m[1] < 0 || m[1] >= from)) return m[1];
    const at = this.text.indexOf(pattern, from);
    this.searches.set(pattern, [from, at]);
    return at;
  }

  /**
   * Index of the member with `key` that counts (the last one), scanning no further than needed:
   * members not yet scanned can only have this key where its literal "key" (or, spelled with
   * escapes, a \\u or \\/) occurs, so scanning stops once it is past the last such place.
   */
  private member(c: Container, key: string): number | undefined {
    if (!plainKey(key)) {
      while (!c.done) this.step(c);
      return c.keys!.get(key);
    }
    const literal = `"${key}"`;
    const slash = key.indexOf('/') >= 0;
    while (!c.done) {
      let p = this.next(literal, c.pos);
      const u = this.next('\\u', c.pos);
      if (u >= 0 && (p < 0 || u < p)) p = u;
      if (slash) {
        const sl = this.next('\\/', c.pos);
        if (sl >= 0 && (p < 0 || sl < p)) p = sl;
      }
      if (p < 0) break;
      while (!c.done && c.pos <= p) this.step(c);
    }
    return c.keys!.get(key);
  }

  private element(c: Container, index: number): boolean {
    while (!c.done && c.valueStart.length <= index) this.step(c);
    return index < c.valueStart.length;
  }

  private nodeAt(start: number, end: number): ScanNode {
    return { offset: start, length: end - start, type: typeAt(this.text, start) };
  }

  /** The node at `path`; see JsonLocator.node. Undefined only for an empty text. */
  find(path: JsonPath): ScanHit | undefined {
    const text = this.text;
    let start = this.rootOffset;
    if (start >= text.length) return undefined;
    let end = -1; // computed only when needed
    let key: ScanNode | undefined;
    const node = (): ScanNode => {
      if (end < 0) end = valueEnd(text, start);
      return this.nodeAt(start, end);
    };
    // Where a segment is missing only the first character of the deepest node is used ('open').
    const partial = (): ScanNode => (end < 0 ? { offset: start, length: 1, type: typeAt(text, start) } : this.nodeAt(start, end));
    for (const seg of path) {
      const t = typeAt(text, start);
      if (t === 'object') {
        const c = this.container(start);
        const idx = this.member(c, String(seg));
        if (idx === undefined) return { node: partial(), key, found: false };
        key = { offset: c.keyStart[idx], length: c.keyEnd[idx] - c.keyStart[idx], type: 'string' };
        start = c.valueStart[idx];
        end = c.valueEnd[idx];
      } else if (t === 'array' && typeof seg === 'number') {
        const c = this.container(start);
        if (!Number.isInteger(seg) || seg < 0 || !this.element(c, seg)) return { node: partial(), key, found: false };
        key = undefined;
        start = c.valueStart[seg];
        end = c.valueEnd[seg];
      } else {
        return { node: partial(), key, found: false };
      }
    }
    return { node: node(), key, found: true };
  }
}

/** End of the value at `i`, or -1 when it extends past `limit` (scans at most up to `limit`). */
function valueEndUpTo(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  return c === 123 || c === 91 ? containerEnd(text, i, limit) : valueEnd(text, i);
}

export interface TopLevelMember {
  key: string;
  keyStart: number;
  keyEnd: number;
}

/**
 * The first segment of the path of the innermost node containing `offset` (right bound included),
 * as jsonc-parser's findNodeAtOffset + getNodePath would give it: `[key]` or `[index]` when the offset
 * is inside a top-level member's key or value, `[]` otherwise (between members, on a colon, outside
 * the root, or a scalar root). Scans the text only up to `offset`.
 */
export function topLevelSegmentAt(text: string, offset: number): { path: JsonPath; member?: TopLevelMember } {
  const root = skipWs(text, 0);
  const rc = text.charCodeAt(root);
  if (rc !== 123 && rc !== 91) return { path: [] };
  const isObj = rc === 123;
  const close = isObj ? 125 : 93;
  let i = skipWs(text, root + 1);
  let index = 0;
  while (i < text.length && text.charCodeAt(i) !== close) {
    if (i > offset) return { path: [] };
    let key = '';
    let vs = i;
    const ks = i;
    let ke = i;
    if (isObj) {
      ke = stringEnd(text, i);
      key = decodeKey(text, i, ke);
      vs = skipWs(text, skipWs(text, ke) + 1);
      if (offset <= ke) return { path: [key], member: { key, keyStart: ks, keyEnd: ke } }; // inside the key
    }
    const ve = valueEndUpTo(text, vs, offset);
    if (ve < 0 || offset <= ve) {
      // the member contains the offset
      if (offset >= vs) return isObj ? { path: [key], member: { key, keyStart: ks, keyEnd: ke } } : { path: [index] };
      return { path: [] };
    }
    i = skipWs(text, ve);
    if (text.charCodeAt(i) === 44) i = skipWs(text, i + 1);
    index++;
  }
  return { path: [] };
}

/**
 * Memo of text.indexOf(pattern, from): lookups search the same tail again and again. Remembers, per
 * pattern, the last answer and from where on there is no occurrence at all.
 */
export class Searches {
  // created on the first search (small documents never search)
  private last: Map<string, [number, number]> | undefined = undefined;
  private none: Map<string, number> | undefined = undefined;

  constructor(readonly text: string) {}

  next(pattern: string, from: number): number {
    const noneMap = (this.none ??= new Map<string, number>());
    const lastMap = (this.last ??= new Map<string, [number, number]>());
    const none = noneMap.get(pattern);
    if (none !== undefined && from >= none) return -1;
    const m = lastMap.get(pattern);
    if (m && m[0] <= from && m[1] >= from) return m[1];
    const at = this.text.indexOf(pattern, from);
    lastMap.set(pattern, [from, at]);
    if (at < 0) noneMap.set(pattern, none === undefined ? from : Math.min(none, from));
    return at;
  }
}

/** A requested path in a PathBatch (a trie node) and, after resolve(), where its value is. */
export class BatchNode {
  children: Map<string | number, BatchNode> | undefined = undefined;
  found = false;
  /** Value start, when found. */
  start = -1;
  /** Value end, when known (computed on demand otherwise). */
  end = -1;
  /** The member's key token (quotes included), for object members. */
  keyStart = -1;
  keyEnd = -1;
  /** decodedIndexMap of a string value, cached for the fixes that ask for it again. */
  map: number[] | undefined = undefined;
}

function reset(n: BatchNode): void {
  if (!n.found && n.start < 0) return;
  n.found = false;
  n.start = n.end = n.keyStart = n.keyEnd = -1;
  n.map = undefined;
  if (n.children) for (const c of n.children.values()) reset(c);
}

/**
 * Resolves many paths in ONE forward pass over the text, stopping after the last value it needs
 * (the linter places all its problems with one batch; JsonScanner answers the odd later lookup).
 * Answers are the same as JsonScanner.find's: in an object the LAST member with a key counts, so a
 * found member is only final once no later member can have its key — known at the object's end, or
 * earlier when the key's literal `"key"` (or an escape that could spell it) does not occur again in
 * the rest of the text. Values that are not needed are skipped with the fast container scan.
 */
export class PathBatch {
  readonly root = new BatchNode();
  /** Where an early stop left off, and how many containers are still open there. */
  private stopPos = 0;
  private stopDepth = 0;

  /** @param searches memo of indexOf searches, shareable with other lookups on the same text */
  constructor(
    readonly text: string,
    private readonly searches: Searches = new Searches(text),
  ) {}

  add(path: JsonPath): BatchNode {
    let n = this.root;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      let c = n.children?.get(seg);
      if (c === undefined) (n.children ??= new Map()).set(seg, (c = new BatchNode()));
      n = c;
    }
    return n;
  }

  /** The node of `path` if it was added, else undefined. */
  node(path: JsonPath): BatchNode | undefined {
    let n: BatchNode | undefined = this.root;
    for (let i = 0; i < path.length && n; i++) n = n.children?.get(path[i]);
    return n;
  }

  resolve(): void {
    const text = this.text;
    const r = skipWs(text, 0);
    if (r >= text.length) return;
    const root = this.root;
    root.found = true;
    root.start = r;
    if (root.children) this.descend(root);
  }

  /** End of the value of `n` (known or computed now). */
  endOf(n: BatchNode): number {
    if (n.end < 0) n.end = valueEnd(this.text, n.start);
    return n.end;
  }

  private next(pattern: string, from: number): number {
    return this.searches.next(pattern, from);
  }

  /**
   * True when no member after `from` can have `key` (its literal `"key"` and every escape that could
   * spell it are absent from the rest of the text).
   */
  private final(key: string, plain: boolean, from: number): boolean {
    // Near the end of the text scanning on costs less than the searches.
    if (!plain || this.text.length - from < 4096) return false;
    const literal = `"${key}"`;
    if (this.next('\\u', from) >= 0 || this.next(literal, from) >= 0) return false;
    return key.indexOf('/') < 0 || this.next('\\/', from) < 0;
  }

  /** Scans the value of `n` (which has children): its end, or -1 after an early stop (stopPos/stopDepth). */
  private descend(n: BatchNode): number {
    const c = this.text.charCodeAt(n.start);
    if (c === 123) return this.object(n);
    if (c === 91) return this.array(n);
    return valueEnd(this.text, n.start);
  }

  /** Finishes the value of a child that stopped early and returns its end. */
  private close(): number {
    return this.stopDepth === 0 ? valueEnd(this.text, this.stopPos) : closeFrom(this.text, this.stopPos, this.stopDepth, Infinity);
  }

  private object(n: BatchNode): number {
    const text = this.text;
    const len = text.length;
    // Wanted keys: each child by String(seg) (a number segment names the key "1" in an object).
    const names: string[] = [];
    const nodes: BatchNode[][] = [];
    for (const [seg, child] of n.children!) {
      const k = String(seg);
      const at = names.indexOf(k);
      if (at >= 0) nodes[at].push(child);
      else {
        names.push(k);
        nodes.push([child]);
      }
    }
    const count = names.length;
    const plain = new Array<boolean>(count);
    // First code unit of each plain name as it appears in the key token (the closing quote for "").
    const firsts = new Array<number>(count);
    const settled = new Array<boolean>(count);
    let anyEscaped = false;
    let open = count;
    let i = skipWs(text, n.start + 1);
    for (let w = 0; w < count; w++) {
      const name = names[w];
      const pl = plainKey(name);
      plain[w] = pl;
      if (!pl) anyEscaped = true;
      firsts[w] = !pl ? -1 : name.length > 0 ? name.charCodeAt(0) : Q;
      settled[w] = this.final(name, pl, i);
      if (settled[w]) open--;
    }
    if (open === 0) {
      this.stopPos = i;
      this.stopDepth = 1;
      return -1;
    }
    while (i < len && text.charCodeAt(i) !== 125) {
      const ks = i;
      const ke = stringEnd(text, i);
      i = skipWs(text, skipWs(text, ke) + 1); // the value
      const w = this.match(names, plain, firsts, anyEscaped, ks, ke);
      let ve = -1;
      if (w >= 0) {
        const list = nodes[w];
        let stopped = false; // the (only) child stopped early inside its value
        for (let x = 0; x < list.length; x++) {
          const child = list[x];
          reset(child);
          child.found = true;
          child.keyStart = ks;
          child.keyEnd = ke;
          child.start = i;
          if (child.children) {
            const e = this.descend(child);
            if (e >= 0) ve = child.end = e;
            else if (list.length === 1) stopped = true;
            else ve = child.end = this.close();
          }
        }
        const was = settled[w];
        settled[w] = this.final(names[w], plain[w], i);
        if (settled[w] && !was) open--;
        else if (!settled[w] && was) open++;
        if (open === 0) {
          if (stopped) this.stopDepth++;
          else {
            this.stopPos = ve >= 0 ? ve : i;
            this.stopDepth = 1;
          }
          return -1;
        }
        if (stopped) ve = list[0].end = this.close();
        if (ve < 0) {
          ve = valueEnd(text, i);
          for (let x = 0; x < list.length; x++) list[x].end = ve;
        }
      } else ve = valueEnd(text, i);
      i = skipWs(text, ve);
      if (text.charCodeAt(i) === 44) {
        // in an object only whitespace can come between a comma and the next key
        i = text.indexOf('"', i + 1);
        if (i < 0) i = len;
      }
    }
    return i < len ? i + 1 : len;
  }

  /** Index of the wanted name the key token [ks, ke) decodes to, or -1. */
  private match(names: string[], plain: boolean[], firsts: number[], anyEscaped: boolean, ks: number, ke: number): number {
    const text = this.text;
    const rawLen = ke - ks - 2;
    const c0 = text.charCodeAt(ks + 1);
    for (let w = 0; w < names.length; w++) {
      if (firsts[w] === c0 && names[w].length === rawLen && (rawLen <= 1 || text.startsWith(names[w], ks + 1))) return w;
    }
    let escaped = false;
    for (let j = ks + 1; j < ke - 1; j++) {
      if (text.charCodeAt(j) === BS) {
        escaped = true;
        break;
      }
    }
    if (escaped) {
      // A key written with escapes can still decode to a wanted name.
      const decoded = decodeKey(text, ks, ke);
      for (let w = 0; w < names.length; w++) if (names[w] === decoded) return w;
      return -1;
    }
    if (anyEscaped) for (let w = 0; w < names.length; w++) if (!plain[w] && names[w] === text.slice(ks + 1, ke - 1)) return w;
    return -1;
  }

  private array(n: BatchNode): number {
    const text = this.text;
    const len = text.length;
    const kids = n.children!;
    let last = -1;
    for (const seg of kids.keys()) if (typeof seg === 'number' && Number.isInteger(seg) && seg > last) last = seg;
    let i = skipWs(text, n.start + 1);
    if (last < 0) {
      this.stopPos = i;
      this.stopDepth = 1;
      return -1;
    }
    let index = 0;
    while (i < len && text.charCodeAt(i) !== 93) {
      const child = kids.get(index);
      let ve = -1;
      if (child !== undefined) {
        child.found = true;
        child.start = i;
        if (child.children) {
          const e = this.descend(child);
          if (e < 0) {
            if (index === last) {
              this.stopDepth++;
              return -1;
            }
            ve = child.end = this.close();
          } else ve = child.end = e;
        }
        if (index === last) {
          this.stopPos = ve >= 0 ? ve : i;
          this.stopDepth = 1;
          return -1;
        }
        if (ve < 0) ve = child.end = valueEnd(text, i);
      } else ve = valueEnd(text, i);
      i = skipWs(text, ve);
      if (text.charCodeAt(i) === 44) i = skipWs(text, i + 1);
      index++;
    }
    return i < len ? i + 1 : len;
  }
}
