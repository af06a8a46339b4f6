// Follows MATTERMOST_RULES.md §2.5 (Slack `*bold*` is Markdown emphasis): what the author meant as bold shows as italic, a warning.
import { findSlackBold, hasLoneStar } from '../../server/slack';
import { MESSAGE_KINDS, Rule } from './types';
import { markedTexts } from './walk';

export const slackBold: Rule = {
  id: 'slack-bold',
  severity: 'warning',
  description: 'Slack *bold*, which Mattermost\'s Markdown renders as italic.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    for (const t of markedTexts(ctx.root, ctx.kind)) {
      // a lone `*` first (findSlackBold asks too, after allocating its result): most texts have none
      if (!t.markdown || !hasLoneStar(t.v)) continue;
      for (const m of findSlackBold(t.v)) {
        ctx.report({
          path: t.path,
          sub: [m.from, m.to],
          message: `Mattermost renders Slack \`*${m.inner}*\` as italic (Markdown); bold is \`**${m.inner}**\`.`,
          fix: tools => {
            const a = tools.stringOffset(t.path, m.from);
            const a1 = tools.stringOffset(t.path, m.from + 1);
            const b = tools.stringOffset(t.path, m.to - 1);
            const b1 = tools.stringOffset(t.path, m.to);
            if (a === undefined || a1 === undefined || b === undefined || b1 === undefined) return undefined;
            if (a1 - a !== 1 || b1 - b !== 1) return undefined; // escaped asterisk: not certain
            return { title: `Change to **${m.inner}**`, edits: [{ start: a, end: a1, newText: '**' }, { start: b, end: b1, newText: '**' }] };
          },
        });
      }
    }
  },
};
