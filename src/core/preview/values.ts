/**
 * Typed reads of the value the server model decoded (src/core/server/decode.ts readPayload): keys of
 * known structs are already canonical (Go's case-insensitive, last-wins matching is done there), so
 * the preview reads plain own properties and never parses anything itself.
 */

export type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An own property (never one inherited from Object.prototype). */
export function field(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
