// Follows MATTERMOST_RULES.md §1.2 step 3: the incoming-webhook repair makes these parse, so nothing is lost
// (information; a portability note: commands and other tools do not repair).
import { Rule } from './types';
import { valueAt } from './walk';

export const rawControlCharacter: Rule = {
  id: 'raw-control-character',
  severity: 'information',
  description: 'Raw newlines or tabs inside text, fallback, pretext, author_name, title or value that only the incoming-webhook repair makes parse.',
  kinds: ['incoming'],
  decoded(ctx) {
    const { decoded, locator } = ctx.read;
    const list = decoded.repaired;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const at = list[i];
      const path = locator.pathAt(at + 1) ?? [];
      ctx.report({
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
  },
};
