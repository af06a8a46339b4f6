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

/** Index just past the closing quote of the string token starting at `i` (an opening quote). */
export function stringEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === Q) return j + 1;
    j += c === BS ? 2 : 1;
  }
  return n;
}

/**
 * Index just past the container starting at `i`, or -1 when it reaches past `limit`.
 * One tight loop over the characters (strings inlined: a call per string costs more than the scan).
 */
function containerEnd(text: string, i: number, limit: number): number {
  const n = text.length;
  const stop = limit < n ? limit + 1 : n;
  let depth = 0;
  let j = i;
  while (j < stop) {
    const d = text.charCodeAt(j);
    if (d === Q) {
      j++;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === Q) break;
        j += e === BS ? 2 : 1;
      }
    } else if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      if (--depth === 0) return j + 1;
    }
    j++;
  }
  return stop === n ? n : -1;
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
  valueStart: number;
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
      if (offset <= ke) return { path: [key], member: { key, keyStart: ks, keyEnd: ke, valueStart: vs } }; // inside the key
    }
    const ve = valueEndUpTo(text, vs, offset);
    if (ve < 0 || offset <= ve) {
      // the member contains the offset
      if (offset >= vs) return isObj ? { path: [key], member: { key, keyStart: ks, keyEnd: ke, valueStart: vs } } : { path: [index] };
      return { path: [] };
    }
    i = skipWs(text, ve);
    if (text.charCodeAt(i) === 44) i = skipWs(text, i + 1);
    index++;
  }
  return { path: [] };
}
