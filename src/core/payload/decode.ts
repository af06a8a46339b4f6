/**
 * Parses a payload the way the server does, before any rule runs.
 * Fast path: JSON.parse of the whole text. Only when that fails do we look closer: content after
 * the first JSON value (Go's json.Decoder ignores it; json.Unmarshal, used for slash-command
 * responses, rejects it), and for incoming webhooks the server's repair of raw newlines and tabs
 * inside six keys.
 */
import { parseTree, ParseError, ParseErrorCode, printParseErrorCode } from 'jsonc-parser';

export interface Span {
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
          const value = JSON.parse(text.slice(0, end));
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

/**
 * @param allowTrailing json.Decoder semantics (true) or json.Unmarshal semantics (false)
 * @param repair apply the incoming-webhook newline/tab repair when the first decode fails
 */
export function decode(text: string, allowTrailing: boolean, repair: boolean): Decoded {
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
