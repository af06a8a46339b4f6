/**
 * The parts of Go's encoding/json behaviour the Mattermost server's answers depend on (the incoming-webhook
 * handler, server/channels/web/webhook.go `incomingWebhook` in the server source): `json.Decoder.Decode` reads only the FIRST value (trailing bytes ignored), keys match
 * case-insensitively (last one wins), unknown keys are ignored, and a type mismatch on a known field fails the
 * whole decode. Plus the webhook's control-character repair and Go's `%v` formatting of field values.
 */

import { decodeWith, repairControlChars as repair, slackCompatibleBool } from '../core/server/decode';
import { goV } from '../core/server/goformat';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses the first JSON value in `text` and ignores whatever follows it, like json.Decoder.Decode (the server model's decoder). */
export function decodeFirstValue(text: string): DecodeResult<unknown> {
  const d = decodeWith(text, { firstValueOnly: true, repairNewlines: false });
  return d.ok ? { ok: true, value: d.value } : { ok: false, error: d.empty ? 'EOF' : d.reason };
}

/** Mattermost's repair (the server model's): raw newline/tab inside the values of six keys are escaped. */
export function repairControlChars(text: string): string {
  return repair(text).text;
}

export class TypeMismatch extends Error {}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Case-insensitive field lookup in Go's manner: every matching key is applied in order, the last one wins. */
export function field(obj: Record<string, unknown>, name: string): unknown {
  let out: unknown;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) out = v;
  return out;
}

export function optString(obj: Record<string, unknown>, name: string): string {
  const v = field(obj, name);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new TypeMismatch(`json: cannot unmarshal ${goType(v)} into Go struct field .${name} of type string`);
  return v;
}

export function optBool(obj: Record<string, unknown>, name: string): boolean | undefined {
  const v = field(obj, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new TypeMismatch(`json: cannot unmarshal ${goType(v)} into Go struct field .${name} of type bool`);
  return v;
}

export function optObject(obj: Record<string, unknown>, name: string): Record<string, unknown> | null {
  const v = field(obj, name);
  if (v === undefined || v === null) return null;
  if (!isObject(v)) throw new TypeMismatch(`json: cannot unmarshal ${goType(v)} into Go struct field .${name} of type map`);
  return v;
}

export function optArray(obj: Record<string, unknown>, name: string): unknown[] | null {
  const v = field(obj, name);
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) throw new TypeMismatch(`json: cannot unmarshal ${goType(v)} into Go struct field .${name} of type slice`);
  return v as unknown[];
}

function goType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** SlackCompatibleBool (the server model's): true/false/"true"/"false" in any case; everything else fails. */
export function slackBool(v: unknown): boolean {
  const b = slackCompatibleBool(v);
  if (b === undefined) throw new TypeMismatch(`unmarshal: unable to convert ${JSON.stringify(v)} to bool`);
  return b;
}

/** The webhook path's conversion of attachment field values: Go's `fmt.Sprintf("%v", value)`; null stays null. */
export function webhookFieldValue(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  return goV(v);
}
