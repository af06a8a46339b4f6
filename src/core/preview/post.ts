/** One Mattermost post (header, avatar, message, attachments) and split-post grouping. */
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc } from './html';
import { imageHtml } from './images';

interface PostOverrides {
  username?: string;
  iconUrl?: string;
  iconEmoji?: string;
}

export interface PostSpec {
  /** JSON path of the object this post comes from ([] or ["extra_responses", 0]). */
  base: JsonPath;
  /** Display name when no username override is given. */
  defaultName: string;
  overrides: PostOverrides;
  /** Extra text for the override note (e.g. the command's own settings win). */
  overrideHint?: string;
  bot: boolean;
  /** Message Markdown, already through the server's conversions. */
  message: string;
  /** Whether the findings anchor for the message text belongs to this post. */
  textAnchor: boolean;
  attachmentsHtml: string;
  ephemeral?: boolean;
  extraClass?: string;
  /** Anchored paths shown in the header (e.g. username, channel, response_type). */
  headerPaths: JsonPath[];
  headerExtra?: string;
}

function avatar(ctx: RenderContext, spec: PostSpec, name: string): string {
  const { iconEmoji, iconUrl } = spec.overrides;
  if (iconEmoji) {
    const shown = /^:.*:$/.test(iconEmoji) ? iconEmoji : `:${iconEmoji}:`;
    return `<div class="mm-avatar mm-avatar-emoji" data-testid="avatar" data-source="icon_emoji"><span class="mm-emoji"${attr('title', shown)}>${esc(shown)}</span></div>`;
  }
  if (iconUrl) {
    return `<div class="mm-avatar mm-avatar-image" data-testid="avatar" data-source="icon_url">${imageHtml(iconUrl, 'icon_url', ctx.loadRemoteImages)}</div>`;
  }
  const initial = Array.from(name.trim())[0] ?? '?';
  return `<div class="mm-avatar mm-avatar-default" data-testid="avatar" data-source="default">${esc(initial.toUpperCase())}</div>`;
}

function overrideNote(spec: PostSpec): string {
  const keys: string[] = [];
  if (spec.overrides.username) keys.push('username');
  if (spec.overrides.iconUrl) keys.push('icon_url');
  if (spec.overrides.iconEmoji) keys.push('icon_emoji');
  if (keys.length === 0) return '';
  const hint = spec.overrideHint ? ` ${spec.overrideHint}` : '';
  return `<span class="mm-override-note" data-testid="override-note"${attr('data-overrides', keys.join(' '))}${attr('title', `${keys.join(', ')}: shown only when the server enables integrations to override usernames / profile picture icons.${hint}`)}>${esc(keys.join(', '))}: needs the server's override setting</span>`;
}

function timeText(now: Date | undefined): string {
  if (!now || Number.isNaN(now.getTime())) return '';
  const iso = now.toISOString();
  return `<time class="mm-post-time"${attr('datetime', iso)}>${iso.slice(11, 16)} UTC</time>`;
}

export function renderPost(ctx: RenderContext, spec: PostSpec): string {
  const name = spec.overrides.username || spec.defaultName;
  const nameCls = spec.overrides.username ? 'mm-post-name' : 'mm-post-name mm-post-name-default';
  const message = spec.message
    ? `<div class="mm-post-text" data-testid="post-text">${ctx.markdown(spec.message)}</div>`
    : '';
  const textAnchor = spec.textAnchor ? ctx.findings.anchor([...spec.base, 'text'], [...spec.base, 'message']) : '';
  const ephemeral = spec.ephemeral
    ? `<div class="mm-ephemeral-label" data-testid="ephemeral-label">(Only visible to you)</div>`
    : '';
  const classes = ['mm-post', spec.ephemeral ? 'mm-post-ephemeral' : '', spec.extraClass ?? ''].filter(Boolean).join(' ');
  return (
    `<article class="${classes}" data-testid="post"${attr('data-kind', ctx.kind)}${attr('data-path', spec.base.map(String).join('.') || undefined)}>` +
    avatar(ctx, spec, name) +
    `<div class="mm-post-content">` +
    `<header class="mm-post-header"><span class="${nameCls}" data-testid="post-username">${esc(name)}</span>` +
    (spec.bot ? '<span class="mm-bot-tag">BOT</span>' : '') +
    timeText(ctx.now) +
    overrideNote(spec) +
    (spec.headerExtra ?? '') +
    `</header>` +
    (spec.headerPaths.length > 0 ? ctx.findings.anchor(...spec.headerPaths) : '') +
    message +
    textAnchor +
    spec.attachmentsHtml +
    ephemeral +
    `</div></article>`
  );
}

/** Wraps the posts of a split message, labelled "Post k of N". */
export function renderSplit(posts: string[]): string {
  if (posts.length === 1) return posts[0];
  const n = posts.length;
  return (
    `<div class="mm-split" data-testid="split"${attr('data-parts', n)}>` +
    posts
      .map(
        (p, i) =>
          `<section class="mm-split-post" data-testid="split-post"${attr('data-part', i + 1)}${attr('data-parts', n)}>` +
          `<div class="mm-split-label" data-testid="split-label">Post ${i + 1} of ${n}</div>${p}</section>`,
      )
      .join('') +
    `</div>`
  );
}

/** A banner for payloads the server refuses or turns into nothing. */
export function banner(kind: 'no-post' | 'info', text: string, anchor = ''): string {
  return `<div class="mm-banner mm-banner-${kind}" data-testid="${kind}" role="status">${esc(text)}${anchor}</div>`;
}
