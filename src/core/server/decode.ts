/**
 * How the server decodes a body, per payload kind (MATTERMOST_RULES.md §1.2, §4.2, §5, §6): Go's
 * encoding/json, which reads the first JSON value (json.Decoder) or exactly one (json.Unmarshal), has
 * no comments, matches struct keys case-insensitively with the last key winning (normalize.ts); and the
 * incoming-webhook repair of raw newlines and tabs inside six keys.
 * Fast path: JSON.parse of the whole text. Only when that fails do we look closer: content after
 * the first JSON value (Go's json.Decoder ignores it; json.Unmarshal, used for slash-command
 * responses, rejects it), and for incoming webhooks the server's repair of raw newlines and tabs
 * inside six keys.
 */
import { parseTree, ParseError, ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import { ScanLocator } from '../json/locate';
import type { Kind } from '../payload/problem';
import { normalize, type Normalized } from './normalize';
import { shapeOf } from './shapes';

interface Span {
  start: number;
  end: number;
}

export type Decoded =
  | {
      ok: true;
      value: unknown;
      /** The text the value was parsed from (differs from the document only after repair). */
      text: string;
      /** Maps an offset in `text` back to the document. */
      toDocument?: (offset: number) => number;
      /** Ignored content after the first JSON value, in document offsets. */
      trailing?: Span;
      /** Offsets (in `text`) of string values that only parse after the server's repair. */
      repaired?: number[];
    }
  | { ok: false; error: Span; reason: string; empty?: boolean; trailing?: boolean };

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const REASONS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'an unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'an invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'a missing property name (a trailing comma?)',
  [ParseErrorCode.ValueExpected]: 'a missing value',
  [ParseErrorCode.ColonExpected]: 'a missing colon',
  [ParseErrorCode.CommaExpected]: 'a missing comma',
  [ParseErrorCode.CloseBraceExpected]: 'a missing closing brace',
  [ParseErrorCode.CloseBracketExpected]: 'a missing closing bracket',
  [ParseErrorCode.InvalidCommentToken]: 'a comment (JSON has none)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'an unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string that is not closed on its line (a raw line break?)',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'an unfinished number',
  [ParseErrorCode.InvalidUnicode]: 'an invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape',
  [ParseErrorCode.InvalidCharacter]: 'a raw control character inside a string',
};

type First =
  | { ok: true; value: unknown; trailing?: Span }
  | { ok: false; error: Span; reason: string; trailingAt?: number };

/** Decodes the first JSON value of `text`, as Go's json.Decoder does. */
function decodeFirst(text: string): First {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, PARSE_OPTIONS);
    if (root) {
      const end = root.offset + root.length;
      const rest = text.slice(end);
      if (!isBlank(rest)) {
        try {
          const value: unknown = JSON.parse(text.slice(0, end));
          const start = end + (rest.length - rest.trimStart().length);
          return { ok: true, value, trailing: { start, end: text.trimEnd().length } };
        } catch {
          /* the first value itself is broken */
        }
      }
    }
    const err = errors.find(x => x.error !== ParseErrorCode.EndOfFileExpected);
    if (err) {
      return { ok: false, error: { start: err.offset, end: err.offset + Math.max(1, err.length) }, reason: REASONS[err.error] ?? printParseErrorCode(err.error) };
    }
    const m = /position (\d+)/.exec(String((e as Error).message));
    const at = m ? Math.min(Number(m[1]), Math.max(0, text.length - 1)) : 0;
    return { ok: false, error: { start: at, end: Math.min(text.length, at + 1) }, reason: 'invalid JSON' };
  }
}

/** The server's regex repair (incoming webhooks only): raw \n and \t inside these keys' string values. */
const REPAIRABLE = /"(?:text|fallback|pretext|author_name|title|value)"\s*:\s*"((?:[^"\\]|\\[\s\S])*)"/g;

interface Repair {
  text: string;
  /** Offsets in the repaired text of each inserted backslash. */
  inserted: number[];
  /** Offsets in the repaired text of the opening quote of each repaired value. */
  values: number[];
}

/** The server's repair (a regex over the whole body, at any depth), with where it inserted backslashes. */
export function repairControlChars(text: string): Repair {
  const inserted: number[] = [];
  const values: number[] = [];
  let out = '';
  let last = 0;
  REPAIRABLE.lastIndex = 0;
  for (let m = REPAIRABLE.exec(text); m; m = REPAIRABLE.exec(text)) {
    const value = m[1];
    if (!/[\n\t]/.test(value)) continue;
    const valueStart = m.index + m[0].length - value.length - 1; // at the closing quote minus value
    out += text.slice(last, valueStart);
    values.push(out.length - 1);
    for (const ch of value) {
      if (ch === '\n' || ch === '\t') {
        inserted.push(out.length);
        out += ch === '\n' ? '\\n' : '\\t';
      } else {
        out += ch;
      }
    }
    last = valueStart + value.length;
  }
  out += text.slice(last);
  return { text: out, inserted, values };
}

function isBlank(text: string): boolean {
  return !/[^ \t\r\n]/.test(text);
}

/** How the server reads the body of one payload kind. */
export interface DecodeRules {
  /** json.Decoder (true: the first value, the rest ignored) or json.Unmarshal (false: exactly one value). */
  firstValueOnly: boolean;
  /** The incoming-webhook fallback: escape raw newlines/tabs inside six keys and decode again. */
  repairNewlines: boolean;
}

/**
 * Per kind: incoming webhooks (IncomingWebhookRequestFromJSON: json.Decoder + repair), slash-command
 * responses (CommandResponseFromJSON: json.Unmarshal), outgoing-webhook responses, dialogs and REST
 * posts (json.Decoder).
 */
export function decodeRules(kind: Kind): DecodeRules {
  return kind === 'command' ? UNMARSHAL : kind === 'incoming' ? INCOMING : DECODER;
}

const INCOMING: Readonly<DecodeRules> = Object.freeze({ firstValueOnly: true, repairNewlines: true });
const UNMARSHAL: Readonly<DecodeRules> = Object.freeze({ firstValueOnly: false, repairNewlines: false });
const DECODER: Readonly<DecodeRules> = Object.freeze({ firstValueOnly: true, repairNewlines: false });

/** Decodes `text` as the server decodes a body of `kind` (JSON syntax only; see readPayload). */
export function decodeBody(text: string, kind: Kind): Decoded {
  return decodeWith(text, decodeRules(kind));
}

/** Decodes `text` with explicit rules (for bodies that are not payload kinds, e.g. the sandbox's API). */
export function decodeWith(text: string, rules: DecodeRules): Decoded {
  return decode(text, rules.firstValueOnly, rules.repairNewlines);
}

/**
 * SlackCompatibleBool (attachment field `short`): true/false, or "true"/"false" in any letter case.
 * Anything else (null, 1, "yes", "") is a decode error that fails the whole request: undefined.
 */
export function slackCompatibleBool(v: unknown): boolean | undefined {
  if (v === true || v === false) return v;
  if (typeof v === 'string') {
    const l = v.toLowerCase();
    if (l === 'true') return true;
    if (l === 'false') return false;
  }
  return undefined;
}

/**
 * @param allowTrailing json.Decoder semantics (true) or json.Unmarshal semantics (false)
 * @param repair apply the incoming-webhook newline/tab repair when the first decode fails
 */
function decode(text: string, allowTrailing: boolean, repair: boolean): Decoded {
  if (isBlank(text)) return { ok: false, error: { start: 0, end: text.length }, reason: 'an empty body', empty: true };
  const first = decodeFirst(text);
  if (first.ok) {
    if (first.trailing && !allowTrailing) {
      return { ok: false, error: first.trailing, reason: 'content after the JSON value', trailing: true };
    }
    return { ok: true, value: first.value, text, trailing: first.trailing };
  }
  if (repair) {
    const r = repairControlChars(text);
    if (r.inserted.length > 0) {
      const second = decodeFirst(r.text);
      if (second.ok) {
        const ins = r.inserted;
        const toDocument = (o: number): number => {
          let lo = 0;
          let hi = ins.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (ins[mid] < o) lo = mid + 1;
            else hi = mid;
          }
          return o - lo;
        };
        const trailing = second.trailing && { start: toDocument(second.trailing.start), end: toDocument(second.trailing.end) };
        return { ok: true, value: second.value, text: r.text, toDocument, trailing, repaired: r.values };
      }
    }
  }
  return { ok: false, error: first.error, reason: first.reason };
}

/** A body as the server reads it: its JSON value, with Go's key semantics applied. */
export type ServerRead =
  | { ok: false; kind: Kind; decoded: Extract<Decoded, { ok: false }> }
  | {
      ok: true;
      kind: Kind;
      decoded: Extract<Decoded, { ok: true }>;
      /** Positions in the document (the decoded text, mapped back after a repair). */
      locator: ScanLocator;
      /** Key normalization when the value is an object (undefined for any other value). */
      norm?: Normalized;
      /** The value the server works with: canonical key names for known structs, exact keys in maps. */
      value: unknown;
    };

/**
 * Reads a payload of `kind` as the server does: decode (decodeBody) then Go's struct key matching
 * (normalize). The linter's rules and the preview both work on `value`.
 */
export function readPayload(text: string, kind: Kind): ServerRead {
  const decoded = decodeBody(text, kind);
  if (!decoded.ok) return { ok: false, kind, decoded };
  const locator = new ScanLocator(decoded.text, decoded.toDocument);
  const raw = decoded.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: true, kind, decoded, locator, value: raw };
  const norm = normalize(raw, shapeOf(kind), (parent, keys) =>
    [...keys].sort((a, b) => (locator.propertyOffset([...parent, a]) ?? 0) - (locator.propertyOffset([...parent, b]) ?? 0)),
  );
  return { ok: true, kind, decoded, locator, norm, value: norm.value };
}
