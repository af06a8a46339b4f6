// Follows MATTERMOST_RULES.md §2.5 and §4.3: skip_slack_parsing stops the conversion in the main text only.
import { findSlackLinks } from '../../server/slack';
import { MESSAGE_KINDS, Rule, type FixBuilder, type JsonPath } from './types';
import { LINK_ROLES } from '../../server/slack';
import { markedTexts } from './walk';

export const slackLink: Rule = {
  id: 'slack-link',
  severity: 'warning',
  description: 'Slack <url|text> links where Mattermost does not convert them (title, author_name, footer, fallback, field titles, REST posts, main text with skip_slack_parsing): shown literally.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    const list = markedTexts(ctx.root, ctx.kind);
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (t.v.indexOf('|') < 0) continue;
      if (t.links && LINK_ROLES.includes(t.role)) continue;
      const key = t.path[t.path.length - 1];
      for (const m of findSlackLinks(t.v)) {
        const where = !t.links ? (ctx.kind === 'post' ? 'in REST posts' : 'in the main text with skip_slack_parsing') : `in \`${key}\``;
        const advice = t.markdown ? `write \`[${m.text}](${m.url})\`` : key === 'title' ? 'use `title_link`' : key === 'author_name' ? 'use `author_link`' : 'it is plain text';
        ctx.report({
          path: t.path,
          sub: [m.from, m.to],
          message: `Mattermost does not convert Slack links ${where}, so \`<${m.url}|${m.text}>\` shows literally; ${advice}.`,
          fix: t.markdown ? linkFix(t.path, m.from, m.to, m.text, m.url) : undefined,
        });
      }
    }
  },
};

/** The fix for one Slack link in Markdown (a module function: a closure in the loop would capture the loop's variables, and V8 then allocates their context on every iteration, findings or not). */
function linkFix(path: JsonPath, from: number, to: number, text: string, url: string): FixBuilder {
  return tools => {
    const a = tools.stringOffset(path, from);
    const b = tools.stringOffset(path, to);
    if (a === undefined || b === undefined) return undefined;
    return { title: `Change to [${text}](${url})`, edits: [{ start: a, end: b, newText: JSON.stringify(`[${text}](${url})`).slice(1, -1) }] };
  };
}
