/**
 * The schema part of the linter: what the server's JSON decoding rejects (type mismatches).
 * Validators are obtained LAZILY, on the first lint of a kind, and cached; nothing happens at import
 * time. In the bundles they are ajv standalone code generated at build time (precompiled.ts), so ajv
 * is not even bundled; otherwise (tsc output, tests) ajv compiles the schema on first use.
 * `setValidatorFactory` replaces how they are obtained.
 */
import type { Kind } from './problem';
import AJV_OPTIONS from './ajv-options.json';
import { loadSchemas } from './schemas';

export interface SchemaIssue {
  /** Canonical path of the offending value (array indices as numbers). */
  path: (string | number)[];
  keyword: string;
  /** For `type`: the accepted JSON types. */
  expected?: string[];
}

/** A compiled validator: returns true when valid, else exposes ajv-style `errors`. */
export interface CompiledValidator {
  (value: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;
}

export type ValidatorFactory = (kind: Kind) => CompiledValidator;

let factory: ValidatorFactory | undefined;
const compiled = new Map<Kind, CompiledValidator>();

/** Replaces how validators are obtained (e.g. precompiled standalone code). */
export function setValidatorFactory(f: ValidatorFactory | undefined): void {
  factory = f;
  compiled.clear();
}

function ajvFactory(): ValidatorFactory {
  type AjvClass = typeof import('ajv').default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only: the bundles never load ajv
  const AjvModule = require('ajv') as AjvClass & { default?: AjvClass };
  const Ajv = AjvModule.default ?? AjvModule;
  const set = loadSchemas();
  // the same options as the build-time standalone validators (scripts/validators.mjs)
  const ajv = new Ajv({ ...AJV_OPTIONS, keywords: [...AJV_OPTIONS.keywords] });
  for (const d of set.definitions) ajv.addSchema(d);
  for (const s of Object.values(set.kinds)) ajv.addSchema(s);
  return (kind: Kind) => ajv.getSchema(set.kinds[kind].$id!) as CompiledValidator;
}

/** The build-time standalone validators (the bundles), or undefined (tsc output). */
function precompiledValidators(): Partial<Record<Kind, CompiledValidator>> | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only, and replaced by esbuild (scripts/esbuild-plugins.mjs)
  const { precompiled } = require('./precompiled') as typeof import('./precompiled');
  return precompiled;
}

function defaultFactory(): ValidatorFactory {
  const pre = precompiledValidators();
  if (pre) return (kind: Kind) => pre[kind]!;
  return ajvFactory();
}

/** True when the validators come from build-time standalone code (the bundles), not from ajv. */
export function usesPrecompiledValidators(): boolean {
  return precompiledValidators() !== undefined;
}

export function validatorFor(kind: Kind): CompiledValidator {
  let v = compiled.get(kind);
  if (!v) {
    factory ??= defaultFactory();
    v = factory(kind);
    compiled.set(kind, v);
  }
  return v;
}

function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let node: unknown = root;
  // the segments between slashes, without an intermediate array
  for (let from = 1; from <= pointer.length; ) {
    let to = pointer.indexOf('/', from);
    if (to < 0) to = pointer.length;
    const raw = pointer.slice(from, to);
    from = to + 1;
    const seg = raw.indexOf('~') < 0 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(seg));
      node = node[Number(seg)];
    } else {
      path.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/** Schema issues of a canonical payload, at most one per path. */
export function schemaIssues(kind: Kind, value: unknown): SchemaIssue[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const seen = new Map<string, SchemaIssue>();
  for (const e of validate.errors ?? []) {
    if (e.keyword !== 'type' && e.keyword !== 'pattern') continue;
    const key = e.instancePath;
    const prev = seen.get(key);
    if (prev && prev.keyword === 'type') continue;
    const t = e.params.type;
    seen.set(key, {
      path: pointerToPath(e.instancePath, value),
      keyword: e.keyword,
      expected: e.keyword === 'type' ? (Array.isArray(t) ? (t as string[]) : [String(t)]) : undefined,
    });
  }
  return [...seen.values()];
}
