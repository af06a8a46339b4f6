// The normalization as first written (before the copy-on-write rewrite), kept as the reference the fast
// version must agree with (test/unit/lint/fastpath.test.ts).
/**
 * Turns a parsed payload into what the Go server sees: keys of known structs are matched
 * case-insensitively (`"TEXT"` fills `text`), and when several keys fill the same field the last one
 * in the document wins. Unknown keys are kept under their own names (and reported by `unknown-key`).
 * Free-form maps (`props`, `context`) keep exact keys.
 */
import type { JsonPath } from '../../../../src/core/json/locate';
import type { Shape } from '../../../../src/core/server/shapes';

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
  actualPath(path: JsonPath): JsonPath;
}

/** Document order of some keys of the object at `actualParent` (for the rare case-variant collisions). */
export type KeyOrder = (actualParent: JsonPath, keys: string[]) => string[];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

export function normalize(value: unknown, root: Shape, order: KeyOrder): Normalized {
  const keyMaps = new WeakMap<object, Map<string, string>>();
  const unknown: UnknownKey[] = [];
  const caseKeys: { path: JsonPath; actual: string }[] = [];
  const collisions: Collision[] = [];

  const walk = (v: unknown, shape: Shape, path: JsonPath, actual: JsonPath): unknown => {
    if (shape.kind === 'array') {
      if (!Array.isArray(v)) return v;
      return v.map((item, i) => walk(item, shape.items!, [...path, i], [...actual, i]));
    }
    if ((shape.kind !== 'struct' && shape.kind !== 'map') || !isObject(v)) return v;
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    if (shape.kind === 'map') {
      for (const k of keys) {
        const sub = shape.fields!.get(k);
        setOwn(out, k, sub ? walk(v[k], sub, [...path, k], [...actual, k]) : v[k]);
      }
      return out;
    }
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
        const ordered = order(actual, ks);
        // Go leaves a field unchanged when a later key is null, so the last non-null value wins.
        chosen = [...ordered].reverse().find(k => v[k] !== null) ?? ordered[ordered.length - 1];
        collisions.push({ path: [...path, canon], keys: ordered });
      }
      if (chosen !== canon) {
        (map ??= new Map()).set(canon, chosen);
        caseKeys.push({ path: [...path, canon], actual: chosen });
      }
      setOwn(out, canon, walk(v[chosen], shape.fields!.get(canon)!, [...path, canon], [...actual, chosen]));
    }
    if (map) keyMaps.set(out, map);
    return out;
  };

  const canonical = walk(value, root, [], []);

  const actualPath = (p: JsonPath): JsonPath => {
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
