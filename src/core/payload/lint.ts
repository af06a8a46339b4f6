/**
 * lint(text, kind): what Mattermost will do with a payload, as problems with exact ranges.
 * Pure and synchronous. The common path is the server model's read (src/core/server/decode.ts:
 * JSON.parse → Go-style key normalization) → ajv (compiled lazily, see validate.ts) → rules; positions
 * are computed only when there are problems to place, all in one forward scan of the text
 * (ScanLocator.prefetch); a tree is built only for raw control characters.
 * This file only runs the rules: each rule's logic is in its file under rules/ (decoding rules through
 * their `failed`/`decoded`/`schemaIssue` hooks, the others through `check`).
 */
import type { JsonPath, ScanLocator, Target } from '../json/locate';
import { readPayload, type ServerRead } from '../server/decode';
import { bodyLimit, bodyOverLimit, type BodySize } from '../server/limits';
import { DEFAULT_PROFILE, type Profile } from '../server/profile';
import type { Fix, Kind, Problem, Severity } from './problem';
import { bodyProblem } from './rules/body-too-large';
import { RULES, rulesFor } from './rules/index';
import type { Rule } from './rules/index';
import { propsAttachmentType } from './rules/props-attachment-type';
import { shortNotBoolean } from './rules/short-not-boolean';
import { typeMismatch } from './rules/type-mismatch';
import type { DecodeContext, FailedContext, FixTools, Need, Report, RuleContext, SchemaContext } from './rules/types';
import { holds, releaseLists } from './rules/walk';
import { schemaIssues, type SchemaIssue } from './validate';

export { RULES, RULE_INFO } from './rules/index';
export type { RuleInfo } from './rules/index';

export interface LintOptions {
  /** Rule ids to skip. */
  disabledRules?: readonly string[];
  /** The target server's profile (src/core/server/profile.ts); the default profile when absent. */
  profile?: Profile;
}

interface Pending extends Report {
  rule: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

let severities: Map<string, Severity> | undefined;

function severityOf(rule: string): Severity {
  severities ??= new Map(RULES.map(r => [r.id, r.severity]));
  return severities.get(rule) ?? 'warning';
}

const FAILED_RULES = RULES.filter(r => r.failed !== undefined);
const DECODE_RULES = RULES.filter(r => r.decoded !== undefined);
/** The more specific explanations first; type-mismatch explains any issue left. */
const SCHEMA_RULES: readonly Rule[] = [propsAttachmentType, shortNotBoolean, typeMismatch];

/**
 * A rule's check as the lint loop runs it: every entry has this one object shape (the rules themselves
 * have several, so reading `id`, `check` and `needs` from them was a megamorphic load each, per rule and lint).
 */
interface Check {
  id: string;
  check: (ctx: RuleContext) => void;
  needs: Need | undefined;
}

const checksByKind = new Map<Kind, Check[]>();

function checksFor(kind: Kind): Check[] {
  let r = checksByKind.get(kind);
  if (r === undefined) checksByKind.set(kind, (r = rulesFor(kind).map(rule => ({ id: rule.id, check: rule.check!, needs: rule.needs }))));
  return r;
}

export function lint(text: string, kind: Kind, options?: LintOptions): Problem[] {
  return lintWith(text, kind, readPayload(text, kind), options);
}

/** lint() and the body as the server read it, which the rules saw (the preview renders from it). */
export function lintRead(text: string, kind: Kind, options?: LintOptions): { problems: Problem[]; read: ServerRead } {
  const read = readPayload(text, kind);
  return { problems: lintWith(text, kind, read, options), read };
}

/**
 * The one context of a lint that decoded, for the decoding, schema and check rules alike: `report` is a
 * method, so the clean path makes no closure per lint, and every rule reads one object shape. The rules
 * report synchronously, while the lint loop has set `id` to theirs.
 */
class Collector implements DecodeContext, SchemaContext, RuleContext {
  /** The rule running. */
  id = '';
  readonly pending: Pending[] = [];
  /** The canonical payload (set after the decoding rules, which do not read it). */
  root: unknown = undefined;
  /** The schema issue being explained (SchemaContext only). */
  issue: SchemaIssue = NO_ISSUE;

  constructor(
    readonly kind: Kind,
    readonly text: string,
    readonly profile: Profile,
    readonly read: Extract<ServerRead, { ok: true }>,
    private readonly disabled: Set<string> | undefined,
  ) {}

  report(r: Report): void {
    if (this.disabled !== undefined && this.disabled.has(this.id)) return;
    this.pending.push({ rule: this.id, path: r.path, target: r.target, sub: r.sub, at: r.at, message: r.message, fix: r.fix, severity: r.severity });
  }
}

const NO_ISSUE: SchemaIssue = { path: [], keyword: 'type' };

function lintWith(text: string, kind: Kind, read: ServerRead, options: LintOptions | undefined): Problem[] {
  const disabled = options?.disabledRules?.length ? new Set(options.disabledRules) : undefined;

  // Body size: the server cuts (webhooks) or refuses (REST) bodies over its read limit.
  const profile = options?.profile ?? DEFAULT_PROFILE;
  const size = bodyOverLimit(text, bodyLimit(kind, profile));

  if (!read.ok) return lintFailed(text, kind, read.decoded, disabled, size, profile);

  // The rules about decoding (trailing content, repairs, the body's type, key matching), in RULES order.
  const ctx = new Collector(kind, text, profile, read, disabled);
  for (let i = 0; i < DECODE_RULES.length; i++) {
    const rule = DECODE_RULES[i];
    ctx.id = rule.id;
    rule.decoded!(ctx);
  }
  const { locator, norm } = read;
  if (norm === undefined) return place(ctx.pending, locator, text, undefined, size, kind, profile);
  const root = (ctx.root = norm.value);

  // Schema issues, each explained by the first rule that claims it (type-mismatch last: any issue).
  const issues = schemaIssues(kind, root);
  for (let i = 0; i < issues.length; i++) {
    ctx.issue = issues[i];
    for (const rule of SCHEMA_RULES) {
      ctx.id = rule.id;
      if (rule.schemaIssue!(ctx)) break;
    }
  }

  try {
    const checks = checksFor(kind);
    const unknownKeys = norm.unknown.length > 0;
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i];
      if (disabled !== undefined && disabled.has(c.id)) continue;
      // a precondition that does not hold: nothing this rule could find (asked once per lint)
      if (c.needs !== undefined && !holds(c.needs, root, kind, profile, unknownKeys)) continue;
      ctx.id = c.id;
      c.check(ctx);
    }
  } finally {
    releaseLists();
  }

  return place(ctx.pending, locator, text, norm.actualPath, size, kind, profile);
}

/** Nothing decoded: the rules about failed decoding, then the body size. */
function lintFailed(text: string, kind: Kind, decoded: FailedContext['decoded'], disabled: Set<string> | undefined, size: BodySize | undefined, profile: Profile): Problem[] {
  const on = (rule: string) => disabled === undefined || !disabled.has(rule);
  const problems: Problem[] = [];
  let id = '';
  const ctx: FailedContext = {
    kind,
    text,
    decoded,
    report: r => {
      const at = r.at ?? { start: 0, end: text.length };
      if (on(id)) problems.push({ rule: id, severity: r.severity ?? severityOf(id), message: r.message, start: at.start, end: at.end, path: r.path });
    },
  };
  for (const rule of FAILED_RULES) {
    id = rule.id;
    rule.failed!(ctx);
  }
  if (size && on('body-too-large')) problems.push(bodyProblem(kind, size, text, undefined, profile));
  return problems;
}

function place(pending: Pending[], locator: ScanLocator, text: string, actualPath: ((p: JsonPath) => JsonPath) | undefined, size: BodySize | undefined, kind: Kind, profile: Profile): Problem[] {
  const problems: Problem[] = [];
  if (pending.length === 0) {
    // Placed on the top-level key whose value the cut falls into.
    if (size) problems.push(bodyProblem(kind, size, text, locator, profile));
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
  const paths: JsonPath[] = new Array<JsonPath>(pending.length);
  const wanted: JsonPath[] = [];
  for (let i = 0; i < pending.length; i++) {
    paths[i] = toActual(pending[i].path);
    if (pending[i].at === undefined) wanted.push(paths[i]);
  }
  locator.prefetch(wanted);
  // after the batch: when it went through the member the cut falls into, it knows that member's key
  if (size) problems.push(bodyProblem(kind, size, text, locator, profile));
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
