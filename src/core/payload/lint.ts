/**
 * lint(text, kind): what Mattermost will do with a payload, as problems with exact ranges.
 * Pure and synchronous. The common path is JSON.parse → Go-style key normalization → ajv (compiled
 * lazily, see validate.ts) → rules; positions are computed only when there are problems to place, all
 * in one forward scan of the text (ScanLocator.prefetch); a tree is built only for raw control characters.
 */
import { JsonPath, Range, ScanLocator, Target } from '../json/locate';
import { rejectPhrase } from './consequence';
import { decode } from './decode';
import { normalize } from './normalize';
import type { Fix, Kind, Problem, Severity } from './problem';
import { BODY_LIMIT } from './rules/body-too-large';
import { RULES, rulesFor } from './rules/index';
import type { Rule } from './rules/index';
import { shortReplacement } from './rules/short-not-boolean';
import type { FixBuilder, FixTools, Report, RuleContext } from './rules/types';
import { handledElsewhere, unknownKeyMessage, unknownKeySeverity } from './rules/unknown-key';
import { describeType, label, releaseLists, utf8Length } from './rules/walk';
import { shapeOf } from './shapes';
import { schemaIssues } from './validate';

export { RULES, RULE_INFO } from './rules/index';
export type { RuleInfo } from './rules/index';

export interface LintOptions {
  /** Rule ids to skip. */
  disabledRules?: readonly string[];
}

interface Pending extends Report {
  rule: string;
  /** Already-placed range (document offsets), bypassing path lookup. */
  at?: Range;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

let severities: Map<string, Severity> | undefined;

function severityOf(rule: string): Severity {
  severities ??= new Map(RULES.map(r => [r.id, r.severity]));
  return severities.get(rule) ?? 'warning';
}

const rulesByKind = new Map<Kind, Rule[]>();

function checksFor(kind: Kind): Rule[] {
  let r = rulesByKind.get(kind);
  if (r === undefined) rulesByKind.set(kind, (r = rulesFor(kind)));
  return r;
}

let cutBuffer: Uint8Array | undefined;

interface BodySize {
  bytes: number;
  /** Where the server cuts the body: the UTF-16 offset of the first character beyond the byte limit. */
  cut: number;
}

function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed?(): boolean }).isWellFormed?.() === true;
}

/**
 * utf8Length(text) for a long text: its length plus the extra bytes of the non-ASCII runs, found by a
 * native search (one pass; ASCII is most of a payload). Counts exactly as utf8Length's loop does (a
 * high surrogate takes the next unit with it, whatever it is). Gives up (undefined) when the runs are
 * so many that the native byte count is cheaper.
 */
function utf8LengthByRuns(text: string): number | undefined {
  const re = /[^\x00-\x7f]+/g;
  const budget = (text.length >> 6) + 64;
  let extra = 0;
  let runs = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (++runs > budget) return undefined;
    const run = m[0];
    const at = m.index;
    for (let k = 0; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if (c < 0x800) extra += 1;
      else if (c >= 0xd800 && c <= 0xdbff && at + k + 1 < text.length) {
        extra += 2; // 4 bytes for this unit and the next
        k++;
      } else extra += 2;
    }
  }
  return text.length + extra;
}

/**
 * Body size against the server's read limit: undefined when the body is within it. One native pass
 * in the common case: Buffer.byteLength counts a lone surrogate as the 3 bytes of U+FFFD, never fewer
 * than utf8Length counts, so a body it puts within the limit is within it. Over the limit, the exact
 * count comes from one pass over the non-ASCII runs, and the cut needs only the start well formed.
 */
function bodySize(text: string, limit: number): BodySize | undefined {
  if (text.length * 3 <= limit) return undefined;
  const native = typeof Buffer !== 'undefined';
  if (text.length <= limit && native && Buffer.byteLength(text, 'utf8') <= limit) return undefined;
  const bytes = utf8LengthByRuns(text) ?? utf8Length(text);
  if (bytes <= limit) return undefined;
  // encodeInto reads at most `limit` units; the cut looks at one more
  return { bytes, cut: cutOffset(text, limit, isWellFormed(text.length > limit + 2 ? text.slice(0, limit + 2) : text)) };
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

function typeMessage(kind: Kind, path: JsonPath, expected: string[], actual: unknown): string {
  const names = expected.filter(t => t !== 'null').map(t => (t === 'integer' ? 'an integer' : t === 'array' ? 'an array' : t === 'object' ? 'an object' : `a ${t}`));
  return `${rejectPhrase(kind)}: \`${label(path)}\` must be ${names.join(' or ')}, not ${describeType(actual)}.`;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

export function lint(text: string, kind: Kind, options?: LintOptions): Problem[] {
  const disabled = options?.disabledRules?.length ? new Set(options.disabledRules) : undefined;
  const on = (rule: string) => disabled === undefined || !disabled.has(rule);
  const pending: Pending[] = [];
  const push = (p: Pending) => {
    if (on(p.rule)) pending.push(p);
  };

  // Body size: the server cuts (webhooks) or refuses (REST) bodies over its read limit.
  const limit = BODY_LIMIT[kind];
  const size = bodySize(text, limit);
  const cut = size ? size.cut : -1;
  const bytes = size ? size.bytes : -1;

  const decoded = decode(text, kind !== 'command', kind === 'incoming');
  if (!decoded.ok) {
    const problems: Problem[] = [];
    if (decoded.empty && kind === 'outgoing') {
      if (on('nothing-posted')) problems.push({ rule: 'nothing-posted', severity: severityOf('nothing-posted'), message: 'Mattermost posts nothing for an empty response.', start: 0, end: text.length, path: [] });
    } else if (on('invalid-json')) {
      const message = decoded.trailing
        ? `${rejectPhrase(kind)}: a slash-command response must be exactly one JSON value, and content follows it here.`
        : `${rejectPhrase(kind)}: it cannot parse the JSON here (${decoded.reason}).`;
      problems.push({ rule: 'invalid-json', severity: 'error', message, start: decoded.error.start, end: decoded.error.end, path: [] });
    }
    if (cut >= 0 && on('body-too-large')) problems.push(bodyProblem(kind, bytes, text, cut, undefined));
    return problems;
  }

  const locator = new ScanLocator(decoded.text, decoded.toDocument);
  if (decoded.trailing) {
    push({ rule: 'trailing-content', path: [], at: decoded.trailing, message: 'Mattermost reads only the first JSON value and ignores everything after it.' });
  }
  for (const at of decoded.repaired ?? []) {
    const path = locator.pathAt(at + 1) ?? [];
    push({
      rule: 'raw-control-character',
      path,
      at: locator.range(path, 'value'),
      message: 'Mattermost only parses this after its repair turns the raw line breaks/tabs into \\n/\\t (incoming webhooks only); escape them as \\n and \\t.',
      fix: () => {
        const v = valueAt(decoded.value, path);
        if (typeof v !== 'string') return undefined;
        const r = locator.range(path, 'value');
        return { title: 'Escape the line breaks and tabs', edits: [{ start: r.start, end: r.end, newText: JSON.stringify(v) }] };
      },
    });
  }

  const value = decoded.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    push({ rule: 'type-mismatch', path: [], message: `${rejectPhrase(kind)}: the body must be a JSON object, not ${describeType(value)}.` });
    return place(pending, locator, text, undefined, cut, bytes, kind);
  }

  const norm = normalize(value, shapeOf(kind), (parent, keys) =>
    [...keys].sort((a, b) => (locator.propertyOffset([...parent, a]) ?? 0) - (locator.propertyOffset([...parent, b]) ?? 0)),
  );
  const root = norm.value;

  for (const c of norm.caseKeys) {
    push({ rule: 'key-case', path: c.path, target: 'key', message: `Mattermost reads \`${c.actual}\` as \`${c.path[c.path.length - 1]}\` (keys match case-insensitively), but other tools may not.` });
  }
  for (const c of norm.collisions) {
    const winner = c.keys[c.keys.length - 1];
    for (const k of c.keys.slice(0, -1)) {
      const parentActual = norm.actualPath(c.path.slice(0, -1));
      push({
        rule: 'duplicate-key',
        path: [],
        at: locator.range([...parentActual, k], 'key'),
        message: `Mattermost ignores this \`${k}\`: the later \`${winner}\` fills the same field.`,
      });
    }
  }
  for (const u of norm.unknown) {
    if (u.path.length === 1 && u.key === '$schema') continue;
    if (handledElsewhere(kind, u.path, u.key)) continue;
    push({ rule: 'unknown-key', path: u.path, target: 'key', message: unknownKeyMessage(kind, u.path, u.key, u.parent), severity: unknownKeySeverity(kind, u.path, u.key) });
  }

  for (const issue of schemaIssues(kind, root)) {
    const actual = valueAt(root, issue.path);
    const inProps = kind === 'post' && issue.path[0] === 'props';
    const isShort = issue.path[issue.path.length - 1] === 'short' && issue.path[issue.path.length - 3] === 'fields';
    if (isShort) {
      const repl = shortReplacement(actual);
      const path = issue.path;
      const fix: FixBuilder | undefined = repl === undefined ? undefined : t => {
              const r = t.range(path);
              return { title: `Change to ${repl}`, edits: [{ start: r.start, end: r.end, newText: String(repl) }] };
            };
      const message = inProps
        ? `Mattermost stores the post without this attachment (it does not decode): \`short\` must be true or false, not ${JSON.stringify(actual)}.`
        : `${rejectPhrase(kind)}: \`short\` must be true, false, "true" or "false", not ${JSON.stringify(actual)}.`;
      push({ rule: inProps ? 'props-attachment-type' : 'short-not-boolean', path, message, fix });
      continue;
    }
    if (inProps) {
      push({
        rule: 'props-attachment-type',
        path: issue.path,
        message: `Mattermost stores the post without this attachment (it does not decode): \`${label(issue.path.slice(2))}\` must be ${(issue.expected ?? []).filter(t => t !== 'null').join(' or ')}, not ${describeType(actual)}.`,
      });
      continue;
    }
    push({ rule: 'type-mismatch', path: issue.path, message: typeMessage(kind, issue.path, issue.expected ?? [], actual) });
  }

  try {
    // one context for all rules (they report synchronously, while their check runs)
    let id = '';
    const ctx: RuleContext = { kind, root, text, report: r => push({ rule: id, path: r.path, target: r.target, sub: r.sub, message: r.message, fix: r.fix, severity: r.severity }) };
    for (const rule of checksFor(kind)) {
      if (!on(rule.id)) continue;
      id = rule.id;
      rule.check!(ctx);
    }
  } finally {
    releaseLists();
  }

  return place(pending, locator, text, norm.actualPath, cut, bytes, kind);
}

function bodyProblem(kind: Kind, bytes: number, text: string, cut: number, locator: ScanLocator | undefined): Problem {
  const limit = BODY_LIMIT[kind];
  let message: string;
  if (kind === 'incoming') message = `Mattermost reads only the first ${limit} bytes of this ${bytes}-byte body (MaximumPayloadSizeBytes 300000 + 512 by default) and rejects the cut JSON (400 model.incoming_hook.parse_data.app_error).`;
  else if (kind === 'command' || kind === 'outgoing') message = `Mattermost reads only the first 1 MiB of this ${bytes}-byte response, so the cut JSON cannot be parsed${kind === 'outgoing' ? ' and nothing is posted' : ' and the command fails'}.`;
  else message = `Mattermost refuses this ${bytes}-byte body (413 api.context.request_body_too_large.app_error; the default limit is 300000 + 512 bytes).`;
  let range: Range = { start: cut, end: Math.min(text.length, cut + 1) };
  let path: JsonPath = [];
  if (locator) {
    const p = locator.topLevelAt(cut);
    if (p.length > 0) {
      path = [p[0]];
      range = locator.topLevelKeyRange(p[0]);
    } else range = locator.range([], 'open');
  }
  return { rule: 'body-too-large', severity: 'error', message, start: range.start, end: range.end, path };
}

function place(pending: Pending[], locator: ScanLocator, text: string, actualPath: ((p: JsonPath) => JsonPath) | undefined, cut: number, bytes: number, kind: Kind): Problem[] {
  const problems: Problem[] = [];
  if (pending.length === 0) {
    // Placed on the top-level key whose value the cut falls into.
    if (cut >= 0) problems.push(bodyProblem(kind, bytes, text, cut, locator));
    return problems;
  }
  const toActual = actualPath ?? ((p: JsonPath) => p);
  const tools: FixTools = {
    text,
    range: (p, target: Target = 'value') => locator.range(toActual(p), target),
    raw: p => locator.raw(toActual(p)),
    stringOffset: (p, i) => {
      const m = locator.stringMap(toActual(p));
      if (!m || i < 0 || i >= m.map.length) return undefined;
      return locator.toDocument(m.offset + m.map[i]);
    },
  };
  // Every position in one forward pass over the text (ScanLocator.prefetch), fixes included: they
  // ask for the same paths again.
  const paths: JsonPath[] = new Array(pending.length);
  const wanted: JsonPath[] = [];
  for (let i = 0; i < pending.length; i++) {
    paths[i] = toActual(pending[i].path);
    if (pending[i].at === undefined) wanted.push(paths[i]);
  }
  locator.prefetch(wanted);
  // after the batch: when it went through the member the cut falls into, it knows that member's key
  if (cut >= 0) problems.push(bodyProblem(kind, bytes, text, cut, locator));
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i];
    const path = paths[i];
    const r = p.at ?? (p.sub ? locator.stringRange(path, p.sub[0], p.sub[1]) : locator.range(path, p.target ?? 'value'));
    let fix: Fix | undefined;
    if (p.fix) {
      try {
        fix = p.fix(tools);
      } catch {
        fix = undefined;
      }
    }
    const problem: Problem = { rule: p.rule, severity: p.severity ?? severityOf(p.rule), message: p.message, start: r.start, end: r.end, path };
    if (fix) problem.fix = fix;
    problems.push(problem);
  }
  // One problem once: drop exact repeats, and lesser problems on a range that already has an error.
  // Problems are grouped by start offset (no string keys: messages can be long); a few are just
  // compared pairwise.
  const n = problems.length;
  let byStart: Map<number, Problem[]> | undefined;
  if (n > 16) {
    byStart = new Map();
    for (const p of problems) {
      const g = byStart.get(p.start);
      if (g === undefined) byStart.set(p.start, [p]);
      else g.push(p);
    }
  }
  const out: Problem[] = [];
  for (let i = 0; i < n; i++) {
    const p = problems[i];
    const group = byStart === undefined ? problems : byStart.get(p.start)!;
    let keep = true;
    for (const q of group) {
      if (q === p) break; // only earlier ones count as repeats
      if (q.start === p.start && q.end === p.end && q.rule === p.rule && q.message === p.message) {
        keep = false;
        break;
      }
    }
    if (keep && p.severity !== 'error') {
      for (const q of group) {
        if (q.start === p.start && q.end === p.end && q.severity === 'error') {
          keep = false;
          break;
        }
      }
    }
    if (keep) out.push(p);
  }
  return sortProblems(out);
}

function compareProblems(a: Problem, b: Problem): number {
  return a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.end - b.end;
}

/** Stable sort by start, severity, end: insertion sort for the usual handful, else the native one. */
function sortProblems(out: Problem[]): Problem[] {
  if (out.length > 16) return out.sort(compareProblems);
  for (let i = 1; i < out.length; i++) {
    const p = out[i];
    let j = i - 1;
    while (j >= 0 && compareProblems(out[j], p) > 0) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = p;
  }
  return out;
}
