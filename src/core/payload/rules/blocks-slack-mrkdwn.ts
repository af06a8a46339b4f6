// Follows MM_BLOCKS.md §7: Block Kit text is rendered as Mattermost Markdown; Slack mrkdwn is not converted,
// so *bold* shows as italic and <url|text> links, <@U…> and <!here> tokens show literally (INF: not converted).
import { blocksOf } from '../../server/blocks';
import { findSlackBold, findSlackLinks, findSlackTokens } from '../../server/slack';
import { MESSAGE_KINDS, Rule } from './types';
import type { JsonPath } from './types';
import { get, isObject, valueAt } from './walk';

/** The Block Kit text objects Mattermost draws (section text and fields, header text) with their `text` paths. */
function texts(blocks: unknown, base: JsonPath): { v: string; path: JsonPath }[] {
  const out: { v: string; path: JsonPath }[] = [];
  if (!Array.isArray(blocks)) return out;
  const add = (o: unknown, p: JsonPath) => {
    if (isObject(o) && typeof o.text === 'string' && o.type !== 'plain_text_raw') out.push({ v: o.text, path: [...p, 'text'] });
  };
  blocks.forEach((b, i) => {
    const t = get(b, 'type');
    if (t === 'section') {
      add(get(b, 'text'), [...base, i, 'text']);
      const f = get(b, 'fields');
      if (Array.isArray(f)) f.forEach((x, j) => add(x, [...base, i, 'fields', j]));
    } else if (t === 'header') add(get(b, 'text'), [...base, i, 'text']);
  });
  return out;
}

export const blocksSlackMrkdwn: Rule = {
  id: 'blocks-slack-mrkdwn',
  severity: 'warning',
  description: 'Slack mrkdwn in Block Kit text that Mattermost renders as its own Markdown: *bold* shows as italic, <url|text> links and <@U…>/<!here> tokens show literally.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      if (!b.shown || b.renders !== 'blocks') continue;
      const at = [...b.propsPath, 'blocks'];
      for (const t of texts(valueAt(ctx.root, at), at)) {
        for (const m of findSlackBold(t.v)) {
          ctx.report({ path: t.path, sub: [m.from, m.to], message: `Mattermost renders Block Kit text as its own Markdown, so Slack \`*${m.inner}*\` shows as italic; bold is \`**${m.inner}**\`.` });
        }
        for (const m of findSlackLinks(t.v)) {
          ctx.report({ path: t.path, sub: [m.from, m.to], message: `Mattermost does not convert Slack links in Block Kit text: \`<${m.url}|${m.text}>\` shows literally; write \`[${m.text}](${m.url})\`.` });
        }
        for (const m of findSlackTokens(t.v)) {
          ctx.report({ path: t.path, sub: [m.from, m.to], message: `Mattermost does not convert Slack tokens in Block Kit text: \`${m.token}\` shows literally.` });
        }
      }
    }
  },
};
