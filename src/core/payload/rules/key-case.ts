// Follows MATTERMOST_RULES.md §1.2 (Go matches keys case-insensitively).
import { ALL_KINDS, Rule } from './types';

export const keyCase: Rule = {
  id: 'key-case',
  severity: 'information',
  description: 'A key written in another letter case ("TEXT"), which the server still matches (Go matches keys case-insensitively).',
  kinds: ALL_KINDS,
  decoded(ctx) {
    const list = ctx.read.norm?.caseKeys;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      ctx.report({ path: c.path, target: 'key', message: `Mattermost reads \`${c.actual}\` as \`${c.path[c.path.length - 1]}\` (keys match case-insensitively), but other tools may not.` });
    }
  },
};
