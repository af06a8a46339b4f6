/**
 * The server's size limits: post length in runes, body size in bytes, and where an oversized body is
 * cut (MATTERMOST_RULES.md §1.3 step 10, §1.5, §4.2).
 */
import type { Kind } from '../payload/problem';
import { type Profile, requestBodyLimit } from './profile';
import { utf8Length } from './runes';

/**
 * MaxPostSize on current schemas (PostMessageMaxRunesV2 = 65535/4). Webhooks split longer messages
 * (SplitWebhookPost); REST posts and slash-command responses are refused.
 */
export const MAX_POST_RUNES = 16383;

/** MaximumPayloadSizeBytes (default 300000) + 512: what the API and webhook handlers read. */
const REQUEST_BODY_LIMIT = 300000 + 512;
/** What the server reads of a slash-command or outgoing-webhook response. */
const RESPONSE_BODY_LIMIT = 1024 * 1024;

/** Byte limits the server reads; beyond them the body is cut (webhooks) or refused (REST, 413). */
export const BODY_LIMIT: Readonly<Record<Kind, number>> = {
  incoming: REQUEST_BODY_LIMIT,
  dialog: REQUEST_BODY_LIMIT,
  post: REQUEST_BODY_LIMIT,
  command: RESPONSE_BODY_LIMIT,
  outgoing: RESPONSE_BODY_LIMIT,
};

/**
 * What this server reads of a body of this kind: the request limit of the profile (MaximumPayloadSizeBytes
 * + 512 since ≈ 9.8, MaxFileSize from 5.22, none before: §8), 1 MiB for command and outgoing responses.
 */
export function bodyLimit(kind: Kind, profile: Profile): number | undefined {
  if (kind === 'command' || kind === 'outgoing') return RESPONSE_BODY_LIMIT;
  // once per profile (a Profile is read-only): every lint asks, and the answer takes several version lookups
  if (profile === lastProfile) return lastRequestLimit;
  lastRequestLimit = requestBodyLimit(profile);
  lastProfile = profile;
  return lastRequestLimit;
}

let lastProfile: Profile | undefined;
let lastRequestLimit: number | undefined;

export interface BodySize {
  bytes: number;
  /** The limit it is over. */
  limit: number;
  /** Where the server cuts the body: the UTF-16 offset of the first character beyond the byte limit. */
  cut: number;
}

let cutBuffer: Uint8Array | undefined;

function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed?(): boolean }).isWellFormed?.() === true;
}

/** Finds the next non-ASCII unit (test() only: no match array per run, issue 12's 10 MB lint). */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * utf8Length(text) for a long text: its length plus the extra bytes of the non-ASCII runs, found by a
 * native search (one pass; ASCII is most of a payload). Counts exactly as utf8Length's loop does (a
 * high surrogate takes the next unit with it, whatever it is). Gives up (undefined) when the runs are
 * so many that the native byte count is cheaper. Allocates nothing: on a 10 MB payload a match array
 * per run was 0.7 MB of garbage made while the parsed document is still young (a scavenge copies it).
 */
function utf8LengthByRuns(text: string): number | undefined {
  const re = NON_ASCII;
  const n = text.length;
  const budget = (n >> 6) + 64;
  let extra = 0;
  let runs = 0;
  re.lastIndex = 0;
  while (re.test(text)) {
    if (++runs > budget) return undefined;
    // the run: from the unit found to the next ASCII unit (or the end)
    let k = re.lastIndex - 1;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x80) break;
      if (c < 0x800) extra += 1;
      else if (c >= 0xd800 && c <= 0xdbff && k + 1 < n) {
        extra += 2; // 4 bytes for this unit and the next
        k++;
      } else extra += 2;
    }
    if (k >= n) break;
    re.lastIndex = k + 1; // text[k] is ASCII
  }
  return n + extra;
}

/**
 * Body size against the server's read limit (`limit`; undefined: the server has none): undefined when the body is within it. One
 * native pass in the common case: Buffer.byteLength counts a lone surrogate as the 3 bytes of U+FFFD,
 * never fewer than utf8Length counts, so a body it puts within the limit is within it. Over the limit,
 * the exact count comes from one pass over the non-ASCII runs, and the cut needs only the start well formed.
 */
export function bodyOverLimit(text: string, limit: number | undefined): BodySize | undefined {
  if (limit === undefined || text.length * 3 <= limit) return undefined;
  const native = typeof Buffer !== 'undefined';
  if (text.length <= limit && native && Buffer.byteLength(text, 'utf8') <= limit) return undefined;
  const bytes = utf8LengthByRuns(text) ?? utf8Length(text);
  if (bytes <= limit) return undefined;
  // encodeInto reads at most `limit` units; the cut looks at one more
  return { bytes, limit, cut: cutOffset(text, limit, isWellFormed(text.length > limit + 2 ? text.slice(0, limit + 2) : text)) };
}

function cutOffset(text: string, limit: number, wellFormed: boolean): number {
  // Native: TextEncoder.encodeInto stops at the last whole code point that fits in `limit` bytes.
  if (typeof TextEncoder !== 'undefined' && wellFormed) {
    if (!cutBuffer || cutBuffer.length !== limit) cutBuffer = new Uint8Array(limit);
    const { read } = new TextEncoder().encodeInto(text, cutBuffer);
    if (read === undefined || read >= text.length) return text.length;
    const c = text.charCodeAt(read);
    return c >= 0xd800 && c <= 0xdbff ? read + 1 : read;
  }
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (c >= 0xd800 && c <= 0xdbff) i++;
    if (bytes > limit) return i;
  }
  return text.length;
}
