/**
 * Turns a parsed payload into what the Go server sees: keys of known structs are matched
 * case-insensitively (`"TEXT"` fills `text`), and when several keys fill the same field the last one
 * in the document wins. Unknown keys are kept under their own names (and reported by `unknown-key`).
 * Free-form maps (`props`, `context`) keep exact keys.
 *
 * Performance: copy-on-write. An object or array is copied only when something inside it changes
 * (a case-variant key, a collision); a payload written with canonical keys comes back as the very
 * same value, with no allocation. Paths are kept on one shared stack and copied only when a finding
 * is recorded.
 */
import type { JsonPath } from '../json/locate';
import type { Shape } from './shapes';

interface UnknownKey {
  /** Canonical path of the unknown key (parent path + key). */
  path: JsonPath;
  key: string;
  parent: Shape;
}

interface Collision {
  /** Canonical path of the field. */
  path: JsonPath;
  /** Actual keys that fill it, in document order; the last one wins. */
  keys: string[];
}

export interface Normalized {
  value: unknown;
  unknown: UnknownKey[];
  /** Canonical paths whose key is written in another letter case. */
  caseKeys: { path: JsonPath; actual: string }[];
  collisions: Collision[];
  /** Maps a canonical path to the path as written in the document. */
  actualPath: (path: JsonPath) => JsonPath;
}

/** Document order of some keys of the object at `actualParent` (for the rare case-variant collisions). */
export type KeyOrder = (actualParent: JsonPath, keys: string[]) => string[];

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

const PATH: JsonPath = [];
const ACTUAL: JsonPath = [];

export function normalize(value: unknown, root: Shape, order: KeyOrder): Normalized {
  let keyMaps: WeakMap<object, Map<string, string>> | undefined;
  const unknown: UnknownKey[] = [];
  const caseKeys: { path: JsonPath; actual: string }[] = [];
  const collisions: Collision[] = [];
  // Canonical and as-written paths of the value being walked (shared stacks, copied on record; the same two
  // arrays from call to call: normalize does not re-enter itself). A walk leaves them empty (every push has
  // its pop); only one cut short by an exception needs emptying, and only then: `length = 0` frees the
  // backing store, so the next push would allocate a new one (what reusing them saves).
  const path = PATH;
  const actual = ACTUAL;
  if (path.length !== 0) path.length = 0;
  if (actual.length !== 0) actual.length = 0;

  const walk = (v: unknown, shape: Shape): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const sk = shape.kind;
    if (sk === 'array') {
      if (!Array.isArray(v)) return v;
      const items = shape.items!;
      if (items.kind === 'any') return v;
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item === null || typeof item !== 'object') continue;
        path.push(i);
        actual.push(i);
        const w = walk(item, items);
        path.pop();
        actual.pop();
        if (w !== item) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    if ((sk !== 'struct' && sk !== 'map') || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const fields = shape.fields!;
    if (sk === 'map') {
      let changed: Map<string, unknown> | undefined;
      for (const k in o) {
        const sub = fields.get(k);
        if (sub === undefined) continue;
        const x = o[k];
        path.push(k);
        actual.push(k);
        const w = walk(x, sub);
        path.pop();
        actual.pop();
        if (w !== x) (changed ??= new Map()).set(k, w);
      }
      if (changed === undefined) return o;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o)) setOwn(out, k, changed.has(k) ? changed.get(k) : o[k]);
      return out;
    }
    // struct. Fast path: every key is either exactly a field name or unknown (no case variants),
    // in one pass over the keys; a case variant restarts this object on the general path.
    const fold = shape.fold!;
    const mark = unknown.length;
    const markCase = caseKeys.length;
    const markCollisions = collisions.length;
    let sawKnown = false;
    let reorder = false; // the server's view lists unknown keys first
    let changed: Map<string, unknown> | undefined;
    let mine: UnknownKey[] | undefined;
    // Keys in the order this shape's first object had them (Shape.seq): a string comparison per key instead
    // of a Map lookup while the object follows it; from the first key that differs, the Map. The first
    // object walked teaches it its leading exact field names.
    const seq = (shape.seq ??= []);
    const seqShapes = (shape.seqShapes ??= []);
    const learn = seq.length === 0;
    let at = 0;
    let follows = true;
    for (const k in o) {
      let sub: Shape | undefined;
      if (follows && at < seq.length && seq[at] === k) sub = seqShapes[at];
      else {
        follows = false;
        sub = fields.get(k);
        if (learn && sub !== undefined && at === seq.length) {
          seq.push(k);
          seqShapes.push(sub);
        }
      }
      at++;
      if (sub !== undefined) {
        sawKnown = true;
        const x = o[k];
        if (x === null || typeof x !== 'object') continue;
        path.push(k);
        actual.push(k);
        const w = walk(x, sub);
        path.pop();
        actual.pop();
        if (w !== x) (changed ??= new Map()).set(k, w);
        continue;
      }
      if (fold.has(k.toLowerCase())) {
        unknown.length = mark;
        caseKeys.length = markCase;
        collisions.length = markCollisions;
        return slowStruct(o, shape);
      }
      path.push(k);
      (mine ??= []).push({ path: path.slice(), key: k, parent: shape });
      path.pop();
      if (sawKnown) reorder = true;
    }
    if (mine !== undefined) {
      // this object's unknown keys come before those found inside its values (as in two passes)
      const inner = unknown.splice(mark);
      for (let i = 0; i < mine.length; i++) unknown.push(mine[i]);
      for (let i = 0; i < inner.length; i++) unknown.push(inner[i]);
    }
    if (!reorder && changed === undefined) return o;
    const out: Record<string, unknown> = {};
    const keys = Object.keys(o);
    for (const k of keys) if (!fields.has(k)) setOwn(out, k, o[k]);
    for (const k of keys) if (fields.has(k)) setOwn(out, k, changed?.has(k) ? changed.get(k) : o[k]);
    return out;
  };

  /** The general case, as the server decodes it: keys grouped by their canonical field. */
  const slowStruct = (v: Record<string, unknown>, shape: Shape): unknown => {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    const groups = new Map<string, string[]>();
    for (const k of keys) {
      const canon = shape.fields!.has(k) ? k : shape.fold!.get(k.toLowerCase());
      if (canon === undefined) {
        unknown.push({ path: [...path, k], key: k, parent: shape });
        setOwn(out, k, v[k]);
        continue;
      }
      const g = groups.get(canon);
      if (g) g.push(k);
      else groups.set(canon, [k]);
    }
    let map: Map<string, string> | undefined;
    for (const [canon, ks] of groups) {
      let chosen = ks[0];
      if (ks.length > 1) {
        const ordered = order(actual.slice(), ks);
        // Go leaves a field unchanged when a later key is null, so the last non-null value wins.
        chosen = [...ordered].reverse().find(k => v[k] !== null) ?? ordered[ordered.length - 1];
        collisions.push({ path: [...path, canon], keys: ordered });
      }
      if (chosen !== canon) {
        (map ??= new Map()).set(canon, chosen);
        caseKeys.push({ path: [...path, canon], actual: chosen });
      }
      path.push(canon);
      actual.push(chosen);
      setOwn(out, canon, walk(v[chosen], shape.fields!.get(canon)!));
      path.pop();
      actual.pop();
    }
    if (map) (keyMaps ??= new WeakMap()).set(out, map);
    return out;
  };

  const canonical = walk(value, root);

  const actualPath = (p: JsonPath): JsonPath => {
    if (keyMaps === undefined) return p.slice();
    const res: JsonPath = [];
    let node: unknown = canonical;
    for (const seg of p) {
      if (typeof seg === 'string' && isObject(node)) {
        res.push(keyMaps.get(node)?.get(seg) ?? seg);
        node = node[seg];
      } else {
        res.push(seg);
        node = Array.isArray(node) && typeof seg === 'number' ? node[seg] : undefined;
      }
    }
    return res;
  };

  return { value: canonical, unknown, caseKeys, collisions, actualPath };
}
