import type { JsonPath, Range, Target } from '../../json/locate';
import type { Decoded, ServerRead } from '../../server/decode';
import type { BehaviourId, Profile } from '../../server/profile';
import type { Fix, Kind, Severity } from '../problem';
import type { SchemaIssue } from '../validate';

export type { JsonPath };

/** Position helpers for building a fix; paths are canonical (as the rules see them). */
export interface FixTools {
  /** The document text. */
  text: string;
  range(path: JsonPath, target?: Target): Range;
  /** The value's source as written (e.g. a number's digits). */
  raw(path: JsonPath): string | undefined;
  /** Document offset of decoded character i of the string at path, for i in [0, length]. */
  stringOffset(path: JsonPath, index: number): number | undefined;
}

export type FixBuilder = (tools: FixTools) => Fix | undefined;

export interface Report {
  /** Canonical path (keys as the server names them). */
  path: JsonPath;
  /** 'key' for a property key, 'value' (default) for the value, 'open' for the first character. */
  target?: Target;
  /** Decoded character range [from, to) inside a string value. */
  sub?: [number, number];
  message: string;
  fix?: FixBuilder;
  /** An already-placed range (document offsets), instead of one looked up by path. */
  at?: Range;
  /** This finding's severity, when it differs from the rule's default (docs/rule-severity.md). */
  severity?: Severity;
}

export interface RuleContext {
  kind: Kind;
  /** The payload as the server decodes it (canonical key names). */
  root: unknown;
  /** The target server (version and settings): the one given to lint(), else DEFAULT_PROFILE. */
  profile: Profile;
  /** The document text as linted (for size checks). */
  text: string;
  report(r: Report): void;
}

/** The body as the server read it, for the rules about decoding (run before the schema check). */
export interface DecodeContext {
  kind: Kind;
  read: Extract<ServerRead, { ok: true }>;
  /** The target server, as in RuleContext. */
  profile: Profile;
  report(r: Report): void;
}

/** A body the server cannot decode (syntax, empty, trailing content where one value is required). */
export interface FailedContext {
  kind: Kind;
  text: string;
  decoded: Extract<Decoded, { ok: false }>;
  report(r: Report): void;
}

/** One schema issue (a type the server's decoding rejects) of the decoded payload. */
export interface SchemaContext {
  kind: Kind;
  root: unknown;
  issue: SchemaIssue;
  report(r: Report): void;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line: what the rule catches. */
  description: string;
  kinds: readonly Kind[];
  /**
   * The server behaviours (src/core/server/profile.ts BEHAVIOURS: a version, or a setting) whose answer
   * for the target profile changes this rule's findings; the README's "depends on" column says the same
   * (test/unit/lint/depends-on.test.ts). Absent: the same findings on every server described.
   */
  dependsOn?: readonly BehaviourId[];
}

/**
 * A precondition of a rule's check, evaluated at most once per lint by the linter core (walk.ts `holds`):
 * where it does not hold the check cannot find anything, and is not called.
 * 'blocks': some response carries blocks the server reads (src/core/server/blocks.ts blocksOf is not empty).
 * 'unknown-keys': the key matching (src/core/server/normalize.ts) found a key no struct knows, in any object it
 * walks (every attachment of every message kind included: test/unit/lint/needs.test.ts).
 */
export type Need = 'blocks' | 'unknown-keys';

export interface Rule extends RuleInfo {
  /** The rule's check of the decoded payload (canonical keys); never uses `this` (the lint loop calls it unbound). */
  check?: (ctx: RuleContext) => void;
  /** What the payload must have for `check` to find anything (skipped otherwise). */
  needs?: Need;
  /** For rules about a body that does not decode at all. */
  failed?(ctx: FailedContext): void;
  /** For rules about decoding itself (trailing content, repairs, key matching): runs on every lint. */
  decoded?(ctx: DecodeContext): void;
  /** For rules that explain schema issues: reports and returns true when this issue is theirs. */
  schemaIssue?(ctx: SchemaContext): boolean;
}

export const ALL_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing', 'dialog', 'post'];
export const MESSAGE_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing', 'post'];
export const WEBHOOK_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing'];
