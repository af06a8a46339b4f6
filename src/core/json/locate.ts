/**
 * Finds where a JSON path is in the text: the property key or the value, as UTF-16 offsets.
 * Built on jsonc-parser's tolerant tree and only created when there are problems to place
 * (the common, clean path never builds a tree).
 */
import { findNodeAtOffset, getNodePath, parseTree, Node } from 'jsonc-parser';
import { BatchNode, JsonScanner, PathBatch, ScanHit, ScanNodeType, Searches, TopLevelMember, topLevelSegmentAt } from './scan';
import { decodedIndexMap } from './strings';

export type JsonPath = (string | number)[];

const identity = (o: number): number => o;

function scanType(c: number): ScanNodeType {
  return c === 123 ? 'object' : c === 91 ? 'array' : c === 34 ? 'string' : c === 116 || c === 102 ? 'boolean' : c === 110 ? 'null' : 'number';
}
export type Target = 'key' | 'value' | 'open';

export interface Range {
  start: number;
  end: number;
}

export class JsonLocator {
  private root: Node | undefined;
  private built = false;

  /**
   * @param text the text the tree is built from
   * @param toOriginal maps an offset in `text` to an offset in the document the user sees (used when
   *   the text was repaired before parsing); identity by default
   */
  constructor(
    readonly text: string,
    private readonly toOriginal: (offset: number) => number = o => o,
  ) {}

  private tree(): Node | undefined {
    if (!this.built) {
      this.built = true;
      this.root = parseTree(this.text, [], { disallowComments: true, allowTrailingComma: false });
    }
    return this.root;
  }

  /**
   * The node at `path`. In an object the LAST property with the key wins, as in Go and JSON.parse.
   * Returns the property node (type 'property') for object members, so callers can pick key or value.
   */
  node(path: JsonPath): { node: Node; property?: Node; found: boolean } | undefined {
    let node = this.tree();
    if (!node) return undefined;
    let property: Node | undefined;
    for (const seg of path) {
      let next: Node | undefined;
      let nextProp: Node | undefined;
      if (node.type === 'object' && node.children) {
        for (const p of node.children) {
          if (p.children && p.children[0] && p.children[0].value === String(seg)) {
            nextProp = p;
            next = p.children[1];
          }
        }
      } else if (node.type === 'array' && node.children && typeof seg === 'number') {
        next = node.children[seg];
      }
      if (!next && !nextProp) return { node, property, found: false };
      if (!next && nextProp) return { node: nextProp, property: nextProp, found: true };
      node = next!;
      property = nextProp;
    }
    return { node, property, found: true };
  }

  /** Range of the key (for object members) or the value at `path`; 'open' is the first character of the value. */
  range(path: JsonPath, target: Target = 'value'): Range {
    const hit = this.node(path);
    if (!hit) return this.map({ start: 0, end: Math.min(1, this.text.length) });
    let n = hit.node;
    if (hit.found && target === 'key' && hit.property && hit.property.children) n = hit.property.children[0];
    if (target === 'open' || !hit.found) return this.map({ start: n.offset, end: n.offset + Math.min(1, n.length) });
    return this.map({ start: n.offset, end: n.offset + n.length });
  }

  /** Raw source of the value at `path` (e.g. a number's digits as written). */
  raw(path: JsonPath): string | undefined {
    const hit = this.node(path);
    if (!hit || !hit.found || hit.node.type === 'property') return undefined;
    return this.text.slice(hit.node.offset, hit.node.offset + hit.node.length);
  }

  /**
   * Range of decoded characters [from, to) inside the string value at `path`.
   * Falls back to the whole value when the path is not a string.
   */
  stringRange(path: JsonPath, from: number, to: number): Range {
    const hit = this.node(path);
    if (!hit || !hit.found || hit.node.type !== 'string') return this.range(path, 'value');
    const map = decodedIndexMap(this.text.slice(hit.node.offset, hit.node.offset + hit.node.length));
    return this.map(decodedSubRange(hit.node.offset, map, from, to));
  }

  /** Offsets (document coordinates) of each decoded character index of the string at `path`, or undefined. */
  stringMap(path: JsonPath): { offset: number; map: number[] } | undefined {
    const hit = this.node(path);
    if (!hit || !hit.found || hit.node.type !== 'string') return undefined;
    const raw = this.text.slice(hit.node.offset, hit.node.offset + hit.node.length);
    return { offset: hit.node.offset, map: decodedIndexMap(raw) };
  }

  /** Path of the innermost value containing `offset` (an offset in `text`). */
  pathAt(offset: number): JsonPath | undefined {
    const root = this.tree();
    if (!root) return undefined;
    const n = findNodeAtOffset(root, offset, true);
    return n ? getNodePath(n) : undefined;
  }

  /** Document offset of an offset in `text`. */
  toDocument(offset: number): number {
    return this.toOriginal(offset);
  }

  map(r: Range): Range {
    return { start: this.toOriginal(r.start), end: this.toOriginal(r.end) };
  }
}

/**
 * The locator the linter uses: same answers as JsonLocator for text that JSON.parse accepted, but
 * path lookups scan only what they need (no tree of the whole document; see scan.ts). `pathAt`, rare
 * (raw control characters), still builds the tree on first use.
 */
export class ScanLocator {
  private scanner: JsonScanner | undefined;
  private lastMember: TopLevelMember | undefined;
  private tree: JsonLocator | undefined;

  private readonly mapped: boolean;
  private readonly toOriginal: (offset: number) => number;

  constructor(
    readonly text: string,
    toOriginal?: (offset: number) => number,
  ) {
    this.mapped = toOriginal !== undefined;
    this.toOriginal = toOriginal ?? identity;
  }

  private batch: PathBatch | undefined;
  /** indexOf searches of the batch (kept with the locator: the same ones recur on big documents). */
  private searches: Searches | undefined;

  /**
   * Resolves all these paths now, in one forward pass (see PathBatch); later lookups of any of them
   * (range, raw, stringRange, stringMap) are answered from it, others scan as before.
   */
  prefetch(paths: readonly JsonPath[]): void {
    if (paths.length === 0) return;
    const b = (this.batch = new PathBatch(this.text, (this.searches ??= new Searches(this.text))));
    for (let i = 0; i < paths.length; i++) b.add(paths[i]);
    b.resolve();
  }

  /**
   * From the batch: the node at `path` (found), or the deepest node found on the way (not found);
   * null when the path was not prefetched, undefined for an empty text.
   */
  private fromBatch(path: JsonPath): { n: BatchNode; found: boolean } | null | undefined {
    const b = this.batch;
    if (b === undefined) return null;
    let n = b.root;
    for (let i = 0; i < path.length; i++) {
      const c = n.children?.get(path[i]);
      if (c === undefined) return null;
      if (!c.found) return b.root.found ? { n, found: false } : undefined;
      n = c;
    }
    return b.root.found ? { n, found: true } : undefined;
  }

  private hit(path: JsonPath): ScanHit | undefined {
    const h = this.fromBatch(path);
    if (h === null) return (this.scanner ??= new JsonScanner(this.text)).find(path);
    if (h === undefined) return undefined;
    const n = h.n;
    const type = scanType(this.text.charCodeAt(n.start));
    const key = n.keyStart >= 0 ? { offset: n.keyStart, length: n.keyEnd - n.keyStart, type: 'string' as const } : undefined;
    if (!h.found) return { node: { offset: n.start, length: 1, type }, key, found: false };
    return { node: { offset: n.start, length: this.batch!.endOf(n) - n.start, type }, key, found: true };
  }

  /** Offset of the property (its key) at `path`, as JsonLocator.node(path)?.property?.offset. */
  propertyOffset(path: JsonPath): number | undefined {
    return this.hit(path)?.key?.offset;
  }

  range(path: JsonPath, target: Target = 'value'): Range {
    const h = this.fromBatch(path);
    if (h) {
      // Only a 'value' range needs the end of the value.
      const n = h.n;
      if (h.found && target === 'key' && n.keyStart >= 0) return this.map({ start: n.keyStart, end: n.keyEnd });
      if (target === 'open' || !h.found) return this.map({ start: n.start, end: n.start + 1 });
      return this.map({ start: n.start, end: this.batch!.endOf(n) });
    }
    const hit = this.hit(path);
    if (!hit) return this.map({ start: 0, end: Math.min(1, this.text.length) });
    let n = hit.node;
    if (hit.found && target === 'key' && hit.key) n = hit.key;
    if (target === 'open' || !hit.found) return this.map({ start: n.offset, end: n.offset + Math.min(1, n.length) });
    return this.map({ start: n.offset, end: n.offset + n.length });
  }

  raw(path: JsonPath): string | undefined {
    const hit = this.hit(path);
    if (!hit || !hit.found) return undefined;
    return this.text.slice(hit.node.offset, hit.node.offset + hit.node.length);
  }

  stringRange(path: JsonPath, from: number, to: number): Range {
    const h = this.fromBatch(path);
    if (h) {
      const m = h.found ? this.stringMap(path) : undefined;
      if (!m) return this.range(path, 'value');
      return this.map(decodedSubRange(m.offset, m.map, from, to));
    }
    const hit = this.hit(path);
    if (!hit || !hit.found || hit.node.type !== 'string') return this.range(path, 'value');
    const map = decodedIndexMap(this.text.slice(hit.node.offset, hit.node.offset + hit.node.length));
    return this.map(decodedSubRange(hit.node.offset, map, from, to));
  }

  stringMap(path: JsonPath): { offset: number; map: number[] } | undefined {
    const h = this.fromBatch(path);
    if (h && h.found) {
      // cached: fixes ask for the offsets of several characters of the same string
      const n = h.n;
      if (this.text.charCodeAt(n.start) !== 34) return undefined;
      n.map ??= decodedIndexMap(this.text.slice(n.start, this.batch!.endOf(n)));
      return { offset: n.start, map: n.map };
    }
    const hit = this.hit(path);
    if (!hit || !hit.found || hit.node.type !== 'string') return undefined;
    const raw = this.text.slice(hit.node.offset, hit.node.offset + hit.node.length);
    return { offset: hit.node.offset, map: decodedIndexMap(raw) };
  }

  /**
   * `pathAt(offset)` cut to its first segment (`[]` when there is none), scanning only up to `offset`
   * (for body-too-large on big documents).
   */
  topLevelAt(offset: number): JsonPath {
    if (this.mapped) return (this.pathAt(offset) ?? []).slice(0, 1);
    const hit = topLevelSegmentAt(this.text, offset);
    if (hit.member) this.lastMember = hit.member;
    return hit.path;
  }

  /**
   * The key of the top-level member `topLevelAt` just found: the member the offset falls into, even when a
   * later member has the same key (the later one is what the value means, but the cut of body-too-large
   * falls into this one). Found without a search past it: on a 10 MB payload, looking for a later member
   * with the same key read the rest of the document twice, 4-5 ms of a 50 ms lint. Falls back to
   * range([key], 'key') when the text was repaired (mapped) or no member was found.
   */
  topLevelKeyRange(key: string | number): Range {
    const m = this.lastMember;
    if (m && m.key === key && !this.mapped) return { start: m.keyStart, end: m.keyEnd };
    return this.range([key], 'key');
  }

  pathAt(offset: number): JsonPath | undefined {
    return (this.tree ??= new JsonLocator(this.text, this.toOriginal)).pathAt(offset);
  }

  toDocument(offset: number): number {
    return this.toOriginal(offset);
  }

  /** `r` in document offsets (callers pass a fresh range: unmapped, it is returned as it is). */
  map(r: Range): Range {
    return this.mapped ? { start: this.toOriginal(r.start), end: this.toOriginal(r.end) } : r;
  }
}

/** Document range of decoded characters [from, to) of a string literal at `offset`, given its decoded-index map. */
function decodedSubRange(offset: number, map: number[], from: number, to: number): Range {
  return { start: offset + map[Math.min(from, map.length - 1)], end: offset + map[Math.min(to, map.length - 1)] };
}
