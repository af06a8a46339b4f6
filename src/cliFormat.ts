/** How `lint` (and `invoke`) print findings: `file:line:col severity rule message`, or one JSON array element per file. */
import { LineIndex } from './core/json/lines';
import type { Kind, Problem } from './core/payload/problem';

export function jsonElement(file: string, kind: Kind, problems: Problem[], text: string): string {
  const lines = problems.length ? new LineIndex(text) : undefined;
  const el = {
    file,
    kind,
    problems: problems.map(p => {
      const s = lines!.positionAt(p.start);
      const e = lines!.positionAt(p.end);
      return { rule: p.rule, severity: p.severity, message: p.message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    }),
  };
  // exactly as the element appears in JSON.stringify(array, null, 2)
  return '  ' + JSON.stringify(el, null, 2).replace(/\n/g, '\n  ');
}

export function textLines(file: string, problems: Problem[], text: string): string {
  if (problems.length === 0) return '';
  const lines = new LineIndex(text);
  let out = '';
  for (const p of problems) {
    const s = lines.positionAt(p.start);
    out += `${file}:${s.line + 1}:${s.character + 1} ${p.severity} ${p.rule} ${p.message}\n`;
  }
  return out;
}

