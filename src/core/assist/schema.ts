/**
 * Reads the strict payload schemas (schemas/*.json, bundled: src/core/payload/schemas.ts) for completion
 * and hover: the schema(s) at a JSON path, the properties an object may have, the values a field takes.
 * Generic: `$ref`, `allOf`/`anyOf`/`oneOf`, `properties`, `additionalProperties`, `items`, `enum`, `const`,
 * `type`, `markdownDescription`/`description`, `markdownEnumDescriptions`, so new schema files and
 * definitions work without code changes. Nothing is compiled.
 */
import type { Kind } from '../payload/problem';
import { loadSchemas, type Schema } from '../payload/schemas';
import type { Segment } from './cursor';

/** A schema with the file it is in (`$id`, for `$ref`s) and where in that file (for the profile table). */
export interface SchemaNode {
  schema: Schema;
  /** `$id` of the schema file. */
  base: string;
  /** JSON pointer inside that file, `#` for its root. */
  pointer: string;
}

export interface PropertyInfo {
  name: string;
  /** The schema(s) of the property's value. */
  nodes: SchemaNode[];
  /** Where the property is declared: the file and the pointer of the object schema that has it. */
  owner: SchemaNode;
}

export interface ValueInfo {
  value: string | number | boolean | null;
  description?: string;
}

const MAX_DEPTH = 32;

let annotated: Map<string, Schema> | undefined;

/**
 * Reads from these schemas (every file of schemas/, annotations included) instead of the bundled ones: the
 * bundles' copies lose their descriptions (scripts/esbuild-plugins.mjs), so the editor passes the annotated
 * set that scripts/editor-schemas.mjs writes. Unit tests (tsc build) read the full files directly.
 */
export function useSchemas(list: readonly unknown[]): void {
  const byId = new Map<string, Schema>();
  for (const s of list) if (isSchema(s) && typeof s.$id === 'string') byId.set(s.$id, s);
  annotated = byId;
}

function byId(): Map<string, Schema> {
  return annotated ?? loadSchemas().byId;
}

/** A `$ref`'s file part, relative to the `$id` of the file it is in. */
function resolveFile(baseId: string, file: string): { id: string; schema: Schema } | undefined {
  const dir = baseId.slice(0, baseId.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const p of (dir + file).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  const id = out.join('/');
  const schema = byId().get(id);
  return schema ? { id, schema } : undefined;
}

function isSchema(x: unknown): x is Schema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Follows `$ref`s (to a file, `#`, or a `#/…` pointer inside a file). */
function deref(n: SchemaNode): SchemaNode | undefined {
  let cur = n;
  for (let i = 0; i < MAX_DEPTH && typeof cur.schema.$ref === 'string'; i++) {
    const ref = cur.schema.$ref;
    const hash = ref.indexOf('#');
    const file = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const target = file === '' ? { id: cur.base, schema: byId().get(cur.base) } : resolveFile(cur.base, file);
    if (!target?.schema) return undefined; // a $ref to a schema that is not there: nothing to offer
    let schema: unknown = target.schema;
    for (const part of fragment.split('/').filter(Boolean)) {
      schema = isSchema(schema) ? (schema as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isSchema(schema)) return undefined;
    cur = { schema, base: target.id, pointer: fragment ? `#${fragment}` : '#' };
  }
  return typeof cur.schema.$ref === 'string' ? undefined : cur;
}

/** The node and every `allOf`/`anyOf`/`oneOf` branch under it, `$ref`s followed. */
function expand(nodes: readonly SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  const seen = new Set<Schema>();
  const visit = (n: SchemaNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const d = deref(n);
    if (!d || seen.has(d.schema)) return;
    seen.add(d.schema);
    out.push(d);
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = d.schema[k];
      if (!Array.isArray(list)) continue;
      list.forEach((b, i) => { if (isSchema(b)) visit({ schema: b, base: d.base, pointer: `${d.pointer}/${k}/${i}` }, depth + 1); });
    }
  };
  for (const n of nodes) visit(n, 0);
  return out;
}

function rootNode(kind: Kind): SchemaNode | undefined {
  const id = loadSchemas().kinds[kind].$id!;
  const schema = byId().get(id);
  return schema ? { schema, base: id, pointer: '#' } : undefined;
}

/** Case-insensitive like Go's encoding/json, except in free-form maps (`x-go-map`: exact keys). */
function propertyOf(n: SchemaNode, name: string): string | undefined {
  const props = n.schema.properties;
  if (!isSchema(props)) return undefined;
  if (Object.prototype.hasOwnProperty.call(props, name)) return name;
  if (n.schema['x-go-map']) return undefined;
  const lower = name.toLowerCase();
  return Object.keys(props).find(k => k.toLowerCase() === lower);
}

/** The schemas a value at `seg` inside a value of these schemas has. */
function child(nodes: readonly SchemaNode[], seg: Segment): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of expand(nodes)) {
    const s = n.schema;
    if (typeof seg === 'number') {
      if (Array.isArray(s.items)) {
        const it: unknown = s.items[seg];
        if (isSchema(it)) out.push({ schema: it, base: n.base, pointer: `${n.pointer}/items/${seg}` });
      } else if (isSchema(s.items)) {
        out.push({ schema: s.items, base: n.base, pointer: `${n.pointer}/items` });
      }
      continue;
    }
    const name = propertyOf(n, seg);
    if (name !== undefined) {
      out.push({ schema: s.properties![name], base: n.base, pointer: `${n.pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    } else if (isSchema(s.additionalProperties)) {
      out.push({ schema: s.additionalProperties, base: n.base, pointer: `${n.pointer}/additionalProperties` });
    }
  }
  return out;
}

/** The schema(s) of the value at `path` in a payload of this kind (empty: the schemas say nothing there). */
export function schemasAt(kind: Kind, path: readonly Segment[]): SchemaNode[] {
  const root = rootNode(kind);
  if (!root) return [];
  let nodes: SchemaNode[] = [root];
  for (const seg of path) {
    nodes = child(nodes, seg);
    if (nodes.length === 0) return nodes;
  }
  return nodes;
}

/** The properties an object with these schemas may have, first declaration wins. */
export function propertiesOf(nodes: readonly SchemaNode[]): PropertyInfo[] {
  const byName = new Map<string, PropertyInfo>();
  for (const n of expand(nodes)) {
    const props = n.schema.properties;
    if (!isSchema(props)) continue;
    for (const [name, sub] of Object.entries(props)) {
      if (!isSchema(sub)) continue;
      const node: SchemaNode = { schema: sub, base: n.base, pointer: `${n.pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
      const had = byName.get(name);
      if (had) had.nodes.push(node);
      else byName.set(name, { name, nodes: [node], owner: n });
    }
  }
  return [...byName.values()];
}

/** The property `name` (case-insensitive as the server reads it) of an object with these schemas. */
export function propertyInfo(nodes: readonly SchemaNode[], name: string): PropertyInfo | undefined {
  const all = propertiesOf(nodes);
  return all.find(p => p.name === name) ?? all.find(p => p.name.toLowerCase() === name.toLowerCase());
}

/** The documentation of these schemas: the first markdownDescription/description, and a title. */
export function descriptionOf(nodes: readonly SchemaNode[]): string | undefined {
  // the property's own text first, then what its $ref target says
  for (const n of nodes) {
    const d = n.schema.markdownDescription ?? n.schema.description;
    if (typeof d === 'string' && d !== '') return d;
  }
  for (const n of expand(nodes)) {
    const d = n.schema.markdownDescription ?? n.schema.description;
    if (typeof d === 'string' && d !== '') return d;
  }
  return undefined;
}

/** JSON types the schemas allow ('string', 'boolean', …), in order, without duplicates. */
export function typesOf(nodes: readonly SchemaNode[]): string[] {
  const out: string[] = [];
  for (const n of expand(nodes)) {
    const t = n.schema.type;
    for (const x of Array.isArray(t) ? t : typeof t === 'string' ? [t] : []) if (typeof x === 'string' && !out.includes(x)) out.push(x);
    if (t === undefined && n.schema.properties && !out.includes('object')) out.push('object');
    if (t === undefined && n.schema.items && !out.includes('array')) out.push('array');
  }
  return out;
}

/** The values these schemas name (`enum`, `const`; `true`/`false` for booleans), with their descriptions. */
export function valuesOf(nodes: readonly SchemaNode[]): ValueInfo[] {
  const out: ValueInfo[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, description: unknown): void => {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const key = JSON.stringify(value);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ value, description: typeof description === 'string' ? description : undefined });
  };
  for (const n of expand(nodes)) {
    const s = n.schema;
    const descriptions = Array.isArray(s.markdownEnumDescriptions) ? s.markdownEnumDescriptions : Array.isArray(s.enumDescriptions) ? s.enumDescriptions : [];
    if (Array.isArray(s.enum)) s.enum.forEach((v, i) => add(v, descriptions[i]));
    if (s.const !== undefined) add(s.const, descriptions[0] ?? s.markdownDescription ?? s.description);
  }
  if (typesOf(nodes).includes('boolean')) {
    add(true, undefined);
    add(false, undefined);
  }
  return out;
}
