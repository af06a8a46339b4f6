/**
 * The parts of Go's encoding/json behaviour the Mattermost server's answers depend on (the incoming-webhook
 * handler, server/channels/web/webhook.go `incomingWebhook` in the server source): `json.Decoder.Decode` reads only the FIRST value (trailing bytes ignored), keys match
 * case-insensitively (last one wins), unknown keys are ignored, and a type mismatch on a known field fails the
 * whole decode. Plus the webhook's control-character repair and Go's `%v` formatting of field values.
 */

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

const WS = new Set([' ', '\t', '\n', '\r']);

/** Parses the first JSON value in `text` and ignores whatever follows it, like json.Decoder.Decode. */
export function decodeFirstValue(text: string): DecodeResult<unknown> {
  let i = 0;
  while (i < text.length && WS.has(text[i])) i++;
  if (i >= text.length) return { ok: false, error: 'EOF' };
  const start = i;
  const c = text[i];
  if (c === '{' || c === '[') {
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0) return { ok: false, error: 'unexpected EOF' };
  } else if (c === '"') {
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') {
        i++;
        break;
      }
    }
  } else {
    while (i < text.length && !WS.has(text[i]) && !',]}{["'.includes(text[i])) i++;
  }
  try {
    return { ok: true, value: JSON.parse(text.slice(start, i)) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'invalid JSON' };
  }
}

/** Mattermost's repair: raw newline/tab inside the values of six keys are escaped, then decoding is retried. */
export function repairControlChars(text: string): string {
  return text.replace(/"(text|fallback|pretext|author_name|title|value)"(\s*:\s*)"([\s\S]*?)"/g,
    (_m, key: string, sep: string, value: string) => `"${key}"${sep}"${value.replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`);
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

/** SlackCompatibleBool: true/false/"true"/"false" in any case; everything else (null, 1, "yes") fails. */
export function slackBool(v: unknown): boolean {
  if (v === true || v === false) return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new TypeMismatch(`unmarshal: unable to convert ${JSON.stringify(v)} to bool`);
}

/** Go `fmt.Sprintf("%v", x)` for values decoded from JSON (float64, bool, string, map, slice). */
export function goSprintV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(' ')}]`;
  if (isObject(v)) return `map[${Object.keys(v).sort().map(k => `${k}:${goSprintV(v[k])}`).join(' ')}]`;
  // Not something JSON decodes to.
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return String(v);
  return Object.prototype.toString.call(v);
}

/** %v of a float64 (strconv 'g', shortest): exponent form when the exponent is < -4 or >= 6, so 1234567 → "1.234567e+06". */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exp = Number(n.toExponential().split('e')[1]);
  if (exp < -4 || exp >= 6) return expForm(n);
  return String(n);
}

function expForm(n: number): string {
  const [mant, e] = n.toExponential().split('e');
  const sign = e.startsWith('-') ? '-' : '+';
  const digits = e.replace(/^[+-]/, '');
  return `${mant}e${sign}${digits.padStart(2, '0')}`;
}

/** The webhook path's conversion of attachment field values: Go's `fmt.Sprintf("%v", value)`; null stays null. */
export function webhookFieldValue(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  return goSprintV(v);
}
