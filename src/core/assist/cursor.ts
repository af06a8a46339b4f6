/**
 * Where the cursor is in a JSON document: the path of the object or value around it, whether it stands
 * where a key or a value goes, and the token under it. A forward scanner fed in chunks (the caller may
 * yield between chunks, so a 10 MB document never blocks), tolerant of the half-typed text an editor
 * holds: it never throws and never builds a tree. Cost: one pass over the text up to the cursor, plus
 * the rest of the object around the cursor (bounded), to know which keys it already has.
 */

export type Segment = string | number;

/** What stands at the cursor. */
export type Place = 'key' | 'value' | 'none';

interface CursorToken {
  /** 'string' (with its quotes) or a bare literal (true, 12, nul…). */
  type: 'string' | 'literal';
  start: number;
  /** Exclusive; for an unclosed string, where the scan stopped (the end of its line). */
  end: number;
  closed: boolean;
  /** The decoded string content, or the literal's text (undefined when too long to matter). */
  text: string | undefined;
}

export interface CursorContext {
  place: Place;
  /**
   * place 'key': the path of the object the key belongs to.
   * place 'value': the path of the value (…the property or array element).
   * place 'none': the path of the innermost container.
   */
  path: Segment[];
  /** The token under the cursor, if any (a key being typed, a value). */
  token?: CursorToken;
  /** Keys the object around the cursor already has (place 'key'; the key under the cursor excluded). */
  presentKeys: string[];
  /** place 'key' with a token: a ':' follows the key. */
  colonAfter: boolean;
}

/**
 * 'completion': a token contains the cursor when the cursor is strictly inside it (`"ab|c"`, `tr|`,
 * `true|`); `"abc"|` is after it. 'hover': the character at the offset is part of the token.
 */
export type Mode = 'completion' | 'hover';

interface Frame {
  type: 'object' | 'array';
  key: string | undefined;
  index: number;
  expect: 'key' | 'colon' | 'value' | 'comma';
  keys: string[];
}

interface TokenStart {
  type: 'string' | 'literal';
  start: number;
  /** The place the token has, by where it starts. */
  place: Place;
  /** Its path: computed only for the token at the cursor (the stack is the same then as at its start). */
  path: Segment[] | undefined;
  raw: string;
  /** Text not kept: a value that starts far before the cursor (never needed), or longer than MAX_TOKEN. */
  tooLong: boolean;
  frame: Frame | undefined;
  /** Set when it ends. */
  end: number;
  closed: boolean;
}

/** Keys (and literals) longer than this are not kept: no schema has one. */
const MAX_TOKEN = 512;
/** At most this many keys are remembered per open object. */
const MAX_KEYS = 2000;
/** After the cursor, at most this many characters are read to finish the object around it. */
const AFTER_BUDGET = 256 * 1024;

const isLiteralChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 95;

function decode(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

export class CursorScanner {
  private readonly stack: Frame[] = [];
  private offset = 0;
  private inString = false;
  private escape = false;
  private tok: TokenStart | undefined;
  /** The token that ended last, and where. */
  private lastTok: TokenStart | undefined;
  private snap: { place: Place; path: Segment[]; frame: Frame | undefined; depth: number; token: TokenStart | undefined; ended: TokenStart | undefined; needKeys: boolean } | undefined;
  private tokenEnd: { end: number; closed: boolean; text: string | undefined } | undefined;
  private colonAfter: boolean | undefined;
  private finished = false;
  private readonly target: number;

  /**
   * @param offset the cursor offset (UTF-16, as the editor counts)
   * @param mode see Mode
   */
  constructor(offset: number, readonly mode: Mode = 'completion') {
    // hover: the character at the offset belongs to the token, so read it before looking
    this.target = mode === 'hover' ? offset + 1 : offset;
  }

  /** True once the answer is known: stop feeding. */
  get done(): boolean {
    return this.finished;
  }

  /** Feeds the next chunk of the document (chunks joined = the text from offset 0). Returns `done`. */
  feed(chunk: string): boolean {
    if (this.finished) return true;
    const base = this.offset;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const g = base + i;
      if (this.snap === undefined && g === this.target) this.takeSnapshot();
      if (this.snap !== undefined && this.checkFinished(g)) {
        this.offset = g;
        return true;
      }
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
        } else if (c === 92) {
          this.escape = true;
        } else if (c === 34) {
          this.inString = false;
          this.endToken(g + 1, true);
          i++;
          continue;
        } else if (c === 10 || c === 13) {
          // JSON strings do not span lines: an unclosed string ends at its line
          this.inString = false;
          this.endToken(g, false);
          continue; // the newline itself is whitespace
        }
        this.addRaw(c);
        i++;
        continue;
      }
      if (this.tok !== undefined) {
        // inside a literal
        if (isLiteralChar(c)) {
          this.addRaw(c);
          i++;
          continue;
        }
        this.endToken(g, true);
        continue; // look at this character again, outside the literal
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) { i++; continue; }
      this.punctuation(c, g);
      i++;
    }
    this.offset = base + n;
    return this.finished;
  }

  /** No more text: the answer for what was fed. */
  result(): CursorContext {
    if (this.snap === undefined) this.takeSnapshot(); // the cursor is at (or past) the end
    const s = this.snap!;
    const current = this.current();
    let token: CursorToken | undefined;
    let place = s.place;
    let path = s.path;
    let frame = s.frame;
    if (current) {
      const text = current.tooLong ? undefined : this.finish(current);
      const end = current !== s.token ? { end: current.end, closed: current.closed } : this.tokenEnd ?? { end: this.offset, closed: false };
      token = { type: current.type, start: current.start, end: end.end, closed: end.closed, text };
      place = current.place;
      path = current.path ?? path;
      frame = current.frame;
    }
    let presentKeys: string[] = [];
    if (place === 'key' && frame) {
      presentKeys = frame.keys.slice();
      if (token && token.text !== undefined) {
        const at = presentKeys.indexOf(token.text);
        if (at >= 0) presentKeys.splice(at, 1);
      }
    }
    return { place, path, token, presentKeys, colonAfter: this.colonAfter === true };
  }

  /** The token under the cursor: one in progress at the snapshot, or one that ended right at it. */
  private current(): TokenStart | undefined {
    const s = this.snap;
    if (!s) return undefined;
    if (s.token) return s.token;
    return s.ended && this.endedCounts(s.ended) ? s.ended : undefined;
  }

  private endedCounts(t: TokenStart): boolean {
    if (t.end !== this.target) return false;
    // hover: the last character of the token was the one under the pointer
    if (this.mode === 'hover') return true;
    // completion: `tru|` is inside the literal, `"abc"|` is after the string
    return t.type === 'literal' || !t.closed;
  }

  private finish(t: TokenStart): string {
    return t.type === 'string' ? decode(t.raw) : t.raw;
  }

  private addRaw(c: number): void {
    const t = this.tok!;
    if (t.tooLong) return;
    if (t.raw.length >= MAX_TOKEN) {
      t.tooLong = true;
      t.raw = '';
      return;
    }
    t.raw += String.fromCharCode(c);
  }

  private path(): Segment[] {
    const out: Segment[] = [];
    for (let i = 0; i < this.stack.length - 1; i++) {
      const f = this.stack[i];
      out.push(f.type === 'object' ? f.key ?? '' : f.index);
    }
    return out;
  }

  /** The place a value or key starting now has. */
  private placeHere(): Place {
    const top = this.stack[this.stack.length - 1];
    if (!top) return 'none';
    if (top.type === 'object') return top.expect === 'key' ? 'key' : top.expect === 'value' ? 'value' : 'none';
    return top.expect === 'value' ? 'value' : 'none';
  }

  /** The path of a value or key of this place in the innermost container, now. */
  private pathFor(place: Place): Segment[] {
    const base = this.path();
    const top = this.stack[this.stack.length - 1];
    if (!top || place !== 'value') return base;
    base.push(top.type === 'object' ? top.key ?? '' : top.index);
    return base;
  }

  private startToken(type: 'string' | 'literal', g: number, first?: number): void {
    const place = this.placeHere();
    // only keys, and values that may reach the cursor, keep their text
    const keep = place === 'key' || g >= this.target - MAX_TOKEN - 2;
    this.tok = { type, start: g, place, path: undefined, raw: first === undefined || !keep ? '' : String.fromCharCode(first), tooLong: !keep, frame: this.stack[this.stack.length - 1], end: -1, closed: false };
  }

  private endToken(end: number, closed: boolean): void {
    const t = this.tok!;
    this.tok = undefined;
    const text = t.tooLong ? undefined : this.finish(t);
    if (this.snap?.token === t) this.tokenEnd = { end, closed, text };
    t.end = end;
    t.closed = closed;
    this.lastTok = t;
    const top = this.stack[this.stack.length - 1];
    if (top && top.type === 'object' && top.expect === 'key' && t.type === 'string') {
      top.key = text ?? '';
      if (top.keys.length < MAX_KEYS && text !== undefined) top.keys.push(text);
      top.expect = 'colon';
      return;
    }
    this.valueDone();
  }

  private valueDone(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.expect = 'comma';
  }

  private punctuation(c: number, g: number): void {
    const snapTokenEnded = this.snap !== undefined && this.colonAfter === undefined && this.tokenEnd !== undefined;
    if (snapTokenEnded) this.colonAfter = c === 58;
    switch (c) {
      case 34: // "
        this.startToken('string', g);
        this.inString = true;
        this.escape = false;
        return;
      case 123: // {
        this.stack.push({ type: 'object', key: undefined, index: 0, expect: 'key', keys: [] });
        return;
      case 91: // [
        this.stack.push({ type: 'array', key: undefined, index: 0, expect: 'value', keys: [] });
        return;
      case 125: // }
      case 93: // ]
        if (this.stack.length > 0) this.stack.pop();
        this.valueDone();
        return;
      case 58: { // :
        const top = this.stack[this.stack.length - 1];
        if (top && top.type === 'object' && top.expect === 'colon') top.expect = 'value';
        return;
      }
      case 44: { // ,
        const top = this.stack[this.stack.length - 1];
        if (!top) return;
        if (top.type === 'object') { top.expect = 'key'; top.key = undefined; } else { top.index++; top.expect = 'value'; }
        return;
      }
      default:
        if (isLiteralChar(c)) this.startToken('literal', g, c);
        // anything else (a stray character, a comment) is skipped
    }
  }

  private takeSnapshot(): void {
    const place = this.placeHere();
    this.snap = { place, path: this.pathFor(place), frame: this.stack[this.stack.length - 1], depth: this.stack.length, token: this.tok, ended: this.lastTok, needKeys: false };
    const current = this.current();
    if (current) current.path = this.pathFor(current.place);
    this.snap.needKeys = this.mode === 'completion' && (current ? current.place : place) === 'key';
    if (this.tok === undefined && this.lastTok && this.endedCounts(this.lastTok) && this.lastTok.place === 'key') {
      // the key under the cursor has ended: whether a ':' follows is still to be seen
      this.tokenEnd = { end: this.lastTok.end, closed: this.lastTok.closed, text: this.lastTok.tooLong ? undefined : this.finish(this.lastTok) };
    }
  }

  /** After the snapshot: stop once the object around the cursor is closed, or the budget is spent. */
  private checkFinished(g: number): boolean {
    const s = this.snap!;
    const tokenPending = s.token !== undefined && this.tokenEnd === undefined;
    const colonPending = this.tokenEnd !== undefined && this.colonAfter === undefined;
    const frameOpen = s.needKeys && s.frame !== undefined && this.stack.length >= s.depth && this.stack[s.depth - 1] === s.frame;
    if (!tokenPending && !colonPending && !frameOpen) this.finished = true;
    else if (g - this.target > AFTER_BUDGET) this.finished = true;
    return this.finished;
  }
}

/** Scans a whole text at once (small documents, tests). */
export function cursorContext(text: string, offset: number, mode: Mode = 'completion'): CursorContext {
  const s = new CursorScanner(offset, mode);
  s.feed(text);
  return s.result();
}
