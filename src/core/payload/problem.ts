/** The payload kinds, named the same everywhere: file names, settings, CLI, schemas. */
export const KINDS = ['incoming', 'command', 'outgoing', 'dialog', 'post'] as const;
export type Kind = (typeof KINDS)[number];

export type Severity = 'error' | 'warning' | 'information';

/** A text edit on the payload text, in UTF-16 offsets (what JS strings and vscode use). */
interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the quick fix says, e.g. "Change to true". */
  title: string;
  edits: TextEdit[];
}

/**
 * One problem in a payload. `start`/`end` are UTF-16 offsets into the linted text, covering the
 * offending key or value (never the whole document when a smaller range exists).
 */
export interface Problem {
  /** Stable rule id, e.g. "short-not-boolean". */
  rule: string;
  severity: Severity;
  /** One sentence that says what Mattermost will do with it. */
  message: string;
  start: number;
  end: number;
  /**
   * JSON path of the offending key or value, e.g. ["attachments", 0, "fields", 1, "short"]
   * ([] for the document itself). The preview uses it to mark where the problem would show.
   */
  path: (string | number)[];
  /** Present only where the fix is certain. */
  fix?: Fix;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}
