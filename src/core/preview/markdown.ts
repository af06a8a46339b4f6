/** Markdown as Mattermost renders it, via markdown-it (raw HTML off, safe links, mentions, emoji). */
import MarkdownIt from 'markdown-it';
import { attr, esc, isSafeHref } from './html';
import { imageHtml } from './images';
import { mmactionLinks } from '../server/blocks-registry';

type MD = InstanceType<typeof MarkdownIt>;
type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

export interface MarkdownEnv {
  loadRemoteImages: boolean;
}

const SPECIAL_MENTIONS = new Set(['channel', 'here', 'all']);

/** @username (Mattermost usernames: letters, digits, ".", "-", "_"; a trailing "." is punctuation). */
const MENTION_OR_EMOJI = /(?<![\p{L}\p{N}_@.])@([a-z][a-z0-9._-]*)|(?<![\p{L}\p{N}:]):([a-z0-9_+-]+):/giu;

function splitText(state: StateCore, content: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  const push = (type: string, text: string): void => {
    const t = new state.Token(type, '', 0);
    t.content = text;
    out.push(t);
  };
  for (const m of content.matchAll(MENTION_OR_EMOJI)) {
    const index = m.index ?? 0;
    let whole = m[0];
    if (m[1] !== undefined) {
      whole = whole.replace(/\.+$/, '');
    }
    if (index > last) {
      push('text', content.slice(last, index));
    }
    push(m[1] !== undefined ? 'mm_mention' : 'mm_emoji', whole);
    last = index + whole.length;
  }
  if (out.length === 0) {
    return [];
  }
  if (last < content.length) {
    push('text', content.slice(last));
  }
  return out;
}

function mentionsAndEmoji(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) {
      continue;
    }
    const children: Token[] = [];
    let linkDepth = 0;
    for (const tok of block.children) {
      if (tok.type === 'link_open') linkDepth++;
      if (tok.type === 'link_close') linkDepth--;
      if (tok.type === 'text' && linkDepth === 0) {
        const parts = splitText(state, tok.content);
        if (parts.length > 0) {
          children.push(...parts);
          continue;
        }
      }
      children.push(tok);
    }
    block.children = children;
  }
}

/** markdown-it writes `style="text-align:…"` on table cells; a strict CSP blocks style attributes, so use classes. */
function tableAlignClasses(state: StateCore): void {
  for (const tok of state.tokens) {
    if (tok.type !== 'th_open' && tok.type !== 'td_open') continue;
    const style = String(tok.attrGet('style') ?? '');
    if (style) {
      const align = /text-align:\s*(left|right|center)/.exec(style);
      tok.attrs = (tok.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) tok.attrJoin('class', `mm-align-${align[1]}`);
    }
  }
}

function createMarkdown(): MD {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = (url: string): boolean => isSafeHref(url) || isActionLink(url);
  md.core.ruler.push('mm_mentions_emoji', mentionsAndEmoji);
  md.core.ruler.push('mm_table_align', tableAlignClasses);

  const rules = md.renderer.rules;
  rules.link_open = (tokens, idx) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    const action = isActionLink(href) ? mmactionLinks(`<${href}>`)[0]?.id : undefined;
    if (action !== undefined) {
      return `<span class="mm-action-link" data-testid="action-link"${attr('data-action-id', action)}${attr('title', `action link: a click runs the action "${action}" of mm_blocks_actions`)}>`;
    }
    if (!isSafeHref(href)) {
      return '<span class="mm-link-neutralised">';
    }
    return `<a class="mm-link"${attr('href', href)} target="_blank" rel="noopener noreferrer">`;
  };
  rules.link_close = (tokens, idx) => {
    // Find the matching open to know whether it rendered as <a> or <span>.
    for (let i = idx - 1; i >= 0; i--) {
      if (tokens[i].type === 'link_open') {
        return isSafeHref(String(tokens[i].attrGet('href') ?? '')) ? '</a>' : '</span>';
      }
    }
    return '</span>';
  };
  rules.image = (tokens, idx, _opts, env) => {
    const tok = tokens[idx];
    const src = String(tok.attrGet('src') ?? '');
    const alt = tok.children ? md.renderer.renderInlineAsText(tok.children, md.options, env ?? {}) : tok.content;
    const load = (env as Partial<MarkdownEnv> | undefined)?.loadRemoteImages === true;
    return imageHtml(src, 'markdown', load, alt);
  };
  rules.mm_mention = (tokens, idx) => {
    const text = tokens[idx].content;
    const name = text.slice(1).toLowerCase();
    const special = SPECIAL_MENTIONS.has(name);
    const cls = special ? 'mm-mention mm-mention-special' : 'mm-mention';
    return `<span class="${cls}" data-testid="mention"${attr('data-mention', name)}>${esc(text)}</span>`;
  };
  rules.mm_emoji = (tokens, idx) => {
    const text = tokens[idx].content;
    return `<span class="mm-emoji" data-testid="emoji"${attr('title', text)}>${esc(text)}</span>`;
  };
  return md;
}

/** `mmaction://<id>` (markdown actions, MM_BLOCKS.md §3.4): drawn as an action, never as a navigable link. */
function isActionLink(url: string): boolean {
  return /^mmaction:\/\//i.test(url.trim());
}

let instance: MD | undefined;

/** Renders Mattermost Markdown to an HTML fragment. The input is never trusted. */
export function renderMarkdown(text: string, env: MarkdownEnv): string {
  instance ??= createMarkdown();
  return instance.render(text, { ...env });
}

/** Inline-only Markdown (no paragraphs), for one-line places. */
export function renderMarkdownInline(text: string, env: MarkdownEnv): string {
  instance ??= createMarkdown();
  return instance.renderInline(text, { ...env });
}

