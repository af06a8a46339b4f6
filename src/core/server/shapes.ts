/**
 * The Go struct shapes behind each payload kind, derived from the schemas: which keys a struct knows
 * (matched case-insensitively, as Go's encoding/json does) and which objects are free-form maps
 * (`props`, `context`: exact keys).
 */
import type { Kind } from '../payload/problem';
import { loadSchemas, resolveRef, Schema } from '../payload/schemas';

export interface Shape {
  kind: 'struct' | 'map' | 'array' | 'any';
  /** struct/map: known keys (exact name → shape). */
  fields?: Map<string, Shape>;
  /** struct only: lower-cased name → exact name. */
  fold?: Map<string, string>;
  items?: Shape;
  /**
   * struct only, learnt by normalize.ts: the exact field names that led the first object of this shape it
   * walked, in that order, with their shapes (seqShapes[i] = fields.get(seq[i])). An object whose keys come
   * in that order is matched by one string comparison per key instead of a Map lookup.
   */
  seq?: string[];
  seqShapes?: Shape[];
}

const ANY: Shape = { kind: 'any' };
const memo = new Map<Schema, Shape>();

function build(schema: Schema, baseId: string): Shape {
  if (schema.$ref) {
    const r = resolveRef(baseId, schema.$ref);
    return build(r.schema, r.id);
  }
  const hit = memo.get(schema);
  if (hit) return hit;
  const base = typeof schema.$id === 'string' ? schema.$id : baseId;
  if (schema.properties) {
    const shape: Shape = { kind: schema['x-go-map'] ? 'map' : 'struct', fields: new Map(), fold: new Map(), seq: [], seqShapes: [] };
    memo.set(schema, shape);
    for (const [name, sub] of Object.entries<Schema>(schema.properties)) {
      shape.fields!.set(name, build(sub, base));
      if (shape.kind === 'struct' && !shape.fold!.has(name.toLowerCase())) shape.fold!.set(name.toLowerCase(), name);
    }
    return shape;
  }
  if (schema.items) {
    const shape: Shape = { kind: 'array' };
    memo.set(schema, shape);
    shape.items = build(schema.items, base);
    return shape;
  }
  return ANY;
}

const byKind = new Map<Kind, Shape>();

export function shapeOf(kind: Kind): Shape {
  let s = byKind.get(kind);
  if (!s) {
    const schema = loadSchemas().kinds[kind];
    s = build(schema, schema.$id!);
    byKind.set(kind, s);
  }
  return s;
}
