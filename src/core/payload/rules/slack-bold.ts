// Follows MATTERMOST_RULES.md §2.5 (Slack `*bold*` is Markdown emphasis): what the author meant as bold shows as italic, a warning.
import { findSlackBold, hasLoneStar } from '../../server/slack';
import { MESSAGE_KINDS, Rule, type FixBuilder, type JsonPath } from './types';
import { markedTexts } from './walk';

export const slackBold: Rule = {
  id: 'slack-bold',
  severity: 'warning',
  description: 'Slack *bold*, which Mattermost\'s Markdown renders as italic.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    const list = markedTexts(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      // a lone `*` first (findSlackBold asks too, after allocating its result): most texts have none
      if (!t.markdown || !hasLoneStar(t.v)) continue;
      for (const m of findSlackBold(t.v)) {
        ctx.report({
          path: t.path,
          sub: [m.from, m.to],
          message: `Mattermost renders Slack \`*${m.inner}*\` as italic (Markdown); bold is \`**${m.inner}**\`.`,
          fix: boldFix(t.path, m.from, m.to, m.inner),
        });
      }
    }
  },
};

/** The fix for one `*bold*` (a module function: a closure in the loop would capture the loop's variables, and V8 then allocates their context on every iteration, findings or not). */
function boldFix(path: JsonPath, from: number, to: number, inner: string): FixBuilder {
  return tools => {
    const a = tools.stringOffset(path, from);
    const a1 = tools.stringOffset(path, from + 1);
    const b = tools.stringOffset(path, to - 1);
    const b1 = tools.stringOffset(path, to);
    if (a === undefined || a1 === undefined || b === undefined || b1 === undefined) return undefined;
    if (a1 - a !== 1 || b1 - b !== 1) return undefined; // escaped asterisk: not certain
    return { title: `Change to **${inner}**`, edits: [{ start: a, end: a1, newText: '**' }, { start: b, end: b1, newText: '**' }] };
  };
}
