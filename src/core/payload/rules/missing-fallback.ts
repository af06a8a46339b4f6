// Follows MATTERMOST_RULES.md §2.1 (fallback).
import { MESSAGE_KINDS, Rule, type FixBuilder } from './types';
import { At, attachments, str } from './walk';

export const missingFallback: Rule = {
  id: 'missing-fallback',
  severity: 'information',
  description: 'An attachment without fallback, the plain-text summary used where attachments are not rendered (e.g. notifications).',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    const list = attachments(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (str(a.v, 'fallback') !== '') continue;
      if (a.v.fallback !== undefined && a.v.fallback !== null) continue; // wrong type: reported elsewhere
      const source = str(a.v, 'title') || str(a.v, 'pretext') || str(a.v, 'text');
      const summary = source.split('\n')[0].trim().slice(0, 200);
      ctx.report({
        path: a.path,
        target: 'open',
        message: 'Mattermost has no `fallback` for this attachment, so places that cannot render attachments (such as notifications) show no text for it.',
        fix: summary ? fallbackFix(a, summary) : undefined,
      });
    }
  },
};

/** The fix that adds a fallback (a module function: a closure in the loop would capture the loop's variables, and V8 then allocates their context on every iteration, findings or not). */
function fallbackFix(a: At, summary: string): FixBuilder {
  return t => {
    const open = t.range(a.path, 'open').start;
    const ws = /^[ \t\r\n]*/.exec(t.text.slice(open + 1))![0];
    const entry = `"fallback": ${JSON.stringify(summary)}`;
    const newText = ws.includes('\n') ? `${ws}${entry},${ws}` : `${ws}${entry}, `;
    const from = str(a.v, 'title') ? 'title' : str(a.v, 'pretext') ? 'pretext' : 'text';
    return { title: `Add a fallback built from the ${from}`, edits: [{ start: open + 1, end: open + 1 + ws.length, newText }] };
  };
}
