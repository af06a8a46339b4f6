import type { JsonPath, Range, Target } from '../../json/locate';
import type { Fix, Kind, Severity } from '../problem';

export type { JsonPath, Range, Target };

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
  /** This finding's severity, when it differs from the rule's default (docs/rule-severity.md). */
  severity?: Severity;
}

export interface RuleContext {
  kind: Kind;
  /** The payload as the server decodes it (canonical key names). */
  root: unknown;
  /** The document text as linted (for size checks). */
  text: string;
  report(r: Report): void;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line: what the rule catches. */
  description: string;
  kinds: readonly Kind[];
}

export interface Rule extends RuleInfo {
  /** Absent for rules the linter core reports itself (parsing, schema). */
  check?(ctx: RuleContext): void;
}

export const ALL_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing', 'dialog', 'post'];
export const MESSAGE_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing', 'post'];
export const WEBHOOK_KINDS: readonly Kind[] = ['incoming', 'command', 'outgoing'];
