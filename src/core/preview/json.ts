/** Tolerant JSON parsing for the preview, keeping key order so Go's decoding can be imitated. */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type Json = null | boolean | number | string | Json[] | JObject;

/** A JSON object with its members in document order (duplicates kept). */
export class JObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, Json]>) {}

  /**
   * Go `encoding/json` into a struct: keys match case-insensitively and the last match wins.
   * Returns undefined when the key is absent.
   */
  go(key: string): Json | undefined {
    const folded = key.toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const [k, v] = this.entries[i];
      if (k.toLowerCase() === folded) {
        return v;
      }
    }
    return undefined;
  }

  /** JavaScript / Go map semantics: exact key, last one wins. */
  exact(key: string): Json | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries[i][0] === key) {
        return this.entries[i][1];
      }
    }
    return undefined;
  }

  /** The key as written in the document for `go(key)`, for JSON paths. */
  goKey(key: string): string {
    const folded = key.toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries[i][0].toLowerCase() === folded) {
        return this.entries[i][0];
      }
    }
    return key;
  }

  /** Unique keys (last occurrence wins), in the order of their last occurrence. */
  uniqueEntries(): Array<[string, Json]> {
    const map = new Map<string, Json>();
    for (const [k, v] of this.entries) {
      map.delete(k);
      map.set(k, v);
    }
    return [...map.entries()];
  }
}

export type ParseResult =
  | { ok: true; value: Json }
  | { ok: false; reason: string; line: number; column: number };

const REASONS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses the payload. Comments are tolerated (the file may be JSONC); any other syntax error is
 * reported with its position. With `ignoreTrailing`, text after the first value is ignored, as
 * Go's json.Decoder does for incoming and outgoing webhooks.
 */
export function parsePayload(text: string, ignoreTrailing = false): ParseResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: false });
  const rootEnd = root ? root.offset + root.length : Infinity;
  const firstValueComplete = (): boolean => {
    if (!root) return false;
    const again: ParseError[] = [];
    parseTree(text.slice(0, rootEnd), again, { disallowComments: false, allowTrailingComma: false });
    return again.length === 0;
  };
  const relevant = ignoreTrailing && errors.length > 0 && errors.every((e) => e.offset >= rootEnd) && firstValueComplete() ? [] : errors;
  if (relevant.length > 0 || root === undefined) {
    const first = relevant[0];
    const offset = first ? first.offset : 0;
    const name = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const { line, column } = lineColumn(text, offset);
    const reason = text.trim() === '' ? 'the file is empty' : REASONS[name] ?? name;
    return { ok: false, reason, line, column };
  }
  return { ok: true, value: fromNode(root) };
}

function fromNode(node: Node): Json {
  switch (node.type) {
    case 'object': {
      const entries: Array<[string, Json]> = [];
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (keyNode && valueNode) {
          entries.push([String(keyNode.value), fromNode(valueNode)]);
        }
      }
      return new JObject(entries);
    }
    case 'array':
      return (node.children ?? []).map(fromNode);
    case 'string':
      return String(node.value);
    case 'number':
      return Number(node.value);
    case 'boolean':
      return node.value === true;
    default:
      return null;
  }
}

export function isObject(v: Json | undefined): v is JObject {
  return v instanceof JObject;
}

export function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function arr(v: Json | undefined): Json[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function bool(v: Json | undefined): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** Plain JSON text of a value (for showing raw values). */
export function toJsonText(v: Json): string {
  if (v instanceof JObject) {
    return `{${v.uniqueEntries().map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`).join(',')}}`;
  }
  if (Array.isArray(v)) {
    return `[${v.map(toJsonText).join(',')}]`;
  }
  return JSON.stringify(v);
}
