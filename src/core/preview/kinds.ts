/**
 * Per-kind rendering of integration payloads into the posts Mattermost creates. What is posted (the
 * stored message, the split, when nothing is posted) comes from the server model (src/core/server/toPost.ts).
 */
import { MAX_POST_RUNES } from '../server/limits';
import { runeCount } from '../server/runes';
import type { PostsOutcome, ResponsePosts } from '../server/toPost';
import { renderAttachments } from './attachments';
import { renderPostBlocks } from './blocks';
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { attr, esc } from './html';
import { banner, renderPost, renderSplit, type PostSpec } from './post';
import { arr, isObject, str, type Obj } from './values';

const HEADER_KEYS = ['username', 'icon_url', 'icon_emoji', 'channel', 'channel_id', 'type', 'props', 'priority', 'response_type', 'skip_slack_parsing', 'goto_location', 'root_id'];

function headerPaths(base: JsonPath, keys: string[] = HEADER_KEYS): JsonPath[] {
  return keys.map((k) => [...base, k]);
}

/** Attachments list as the server keeps it (renderAttachments skips non-objects). */
function attachmentsOf(ctx: RenderContext, obj: Obj): unknown[] | undefined {
  return arr(ctx.field(obj, 'attachments'));
}

/** The attachments, or what the response's blocks show instead (server model: ResponsePosts.blocks). */
function interactive(ctx: RenderContext, r: ResponsePosts, attachments: () => string): string {
  return r.blocks ? renderPostBlocks(ctx, r.blocks, attachments) : attachments();
}

function responseAt(outcome: PostsOutcome, base: JsonPath): ResponsePosts | undefined {
  return outcome.responses.find((r) => r.base.length === base.length && r.base.every((seg, i) => seg === base[i]));
}

/**
 * CreateWebhookPost: one post, or several when the message is over MaxPostSize runes; the
 * attachments go on the last one.
 */
function webhookPosts(ctx: RenderContext, spec: Omit<PostSpec, 'attachmentsHtml' | 'textAnchor' | 'message'>, messages: string[], attachmentsHtml: string): string {
  const posts = messages.map((chunk, i) =>
    renderPost(ctx, {
      ...spec,
      message: chunk,
      textAnchor: i === 0,
      attachmentsHtml: i === messages.length - 1 ? attachmentsHtml : '',
      headerPaths: i === 0 ? spec.headerPaths : [],
    }),
  );
  const note =
    messages.length > 1
      ? banner('info', `The message is ${runeCount(messages.join(''))} runes, over Mattermost's ${MAX_POST_RUNES}: the server splits it into ${messages.length} posts.`)
      : '';
  return note + renderSplit(posts);
}

function overridesOf(ctx: RenderContext, obj: Obj, withEmoji: boolean): PostSpec['overrides'] {
  return {
    username: str(ctx.field(obj, 'username')) || undefined,
    iconUrl: str(ctx.field(obj, 'icon_url')) || undefined,
    iconEmoji: withEmoji ? str(ctx.field(obj, 'icon_emoji')) || undefined : undefined,
  };
}

function channelExtra(ctx: RenderContext, obj: Obj, key: string): string {
  const ch = str(ctx.field(obj, key));
  return ch ? `<span class="mm-post-channel" data-testid="post-channel"${attr('title', `${key} override`)}>→ ${esc(ch)}</span>` : '';
}

export function renderIncoming(ctx: RenderContext, root: Obj, outcome: PostsOutcome): string {
  const r = responseAt(outcome, [])!;
  return webhookPosts(
    ctx,
    {
      base: [],
      defaultName: 'webhook',
      overrides: overridesOf(ctx, root, true),
      bot: true,
      headerPaths: headerPaths([]),
      headerExtra: channelExtra(ctx, root, 'channel'),
    },
    r.messages,
    interactive(ctx, r, () => renderAttachments(ctx, attachmentsOf(ctx, root), ['attachments'], { slack: r.slack })),
  );
}

export function renderOutgoing(ctx: RenderContext, root: Obj, outcome: PostsOutcome): string {
  const r = responseAt(outcome, [])!;
  if (r.nothing !== undefined) return banner('no-post', r.nothing, ctx.findings.anchor(['text'], ['attachments']));
  const comment = str(ctx.field(root, 'response_type')) === 'comment';
  const posts = webhookPosts(
    ctx,
    {
      base: [],
      defaultName: 'webhook',
      overrides: overridesOf(ctx, root, false),
      bot: true,
      headerPaths: headerPaths([]),
    },
    r.messages,
    interactive(ctx, r, () => renderAttachments(ctx, attachmentsOf(ctx, root), ['attachments'], { slack: r.slack })),
  );
  if (!comment) return posts;
  return (
    `<div class="mm-thread" data-testid="thread">` +
    `<article class="mm-post mm-post-root mm-post-placeholder" data-testid="triggering-post"><div class="mm-avatar mm-avatar-default">U</div>` +
    `<div class="mm-post-content"><header class="mm-post-header"><span class="mm-post-name mm-post-name-default">user</span></header>` +
    `<div class="mm-post-text"><p><em>(the triggering post)</em></p></div></div></article>` +
    `<div class="mm-thread-replies" data-testid="thread-reply"><div class="mm-thread-label">Reply in the triggering post's thread</div>${posts}</div>` +
    `</div>`
  );
}

function renderCommandResponse(ctx: RenderContext, obj: Obj, r: ResponsePosts, label: string): string {
  const base = r.base;
  const heading = label ? `<div class="mm-response-label" data-testid="response-label">${esc(label)}</div>` : '';
  if (r.nothing !== undefined) {
    const anchor = r.ephemeral ? [...base, 'text'] : [...base, 'response_type'];
    return heading + banner('no-post', r.nothing, ctx.findings.anchor(anchor));
  }
  const overrides = overridesOf(ctx, obj, false);
  const post = renderPost(ctx, {
    base,
    defaultName: 'slash command',
    overrides,
    overrideHint: "The command's own configured username and icon win over the response's.",
    bot: overrides.username !== undefined || overrides.iconUrl !== undefined,
    message: r.messages[0] ?? '',
    textAnchor: true,
    attachmentsHtml: interactive(ctx, r, () => renderAttachments(ctx, attachmentsOf(ctx, obj), [...base, 'attachments'], { slack: r.slack })),
    ephemeral: r.ephemeral,
    headerPaths: headerPaths(base),
    headerExtra: channelExtra(ctx, obj, 'channel_id'),
  });
  return heading + post;
}

export function renderCommand(ctx: RenderContext, root: Obj, outcome: PostsOutcome): string {
  const parts = [renderCommandResponse(ctx, root, responseAt(outcome, [])!, '')];
  const extras = arr(ctx.field(root, 'extra_responses')) ?? [];
  extras.forEach((extra, i) => {
    const r = responseAt(outcome, ['extra_responses', i]);
    if (isObject(extra) && r) {
      parts.push(
        `<div class="mm-extra-response" data-testid="extra-response"${attr('data-index', i)}>` +
          renderCommandResponse(ctx, extra, r, `extra_responses[${i}]`) +
          `</div>`,
      );
    }
  });
  return parts.join('');
}

/** REST `POST /api/v4/posts`: no overrides, no Slack conversion, no splitting. */
export function renderRestPost(ctx: RenderContext, root: Obj, outcome: PostsOutcome): string {
  const r = responseAt(outcome, [])!;
  const props = ctx.field(root, 'props');
  const attachments = isObject(props) ? arr(ctx.field(props, 'attachments')) : undefined;
  const rootId = str(ctx.field(root, 'root_id'));
  const post = renderPost(ctx, {
    base: [],
    defaultName: 'you',
    overrides: {},
    bot: false,
    message: r.messages[0] ?? '',
    textAnchor: true,
    attachmentsHtml: interactive(ctx, r, () => renderAttachments(ctx, attachments, ['props', 'attachments'], { slack: r.slack })),
    headerPaths: headerPaths([], ['channel_id', 'root_id', 'type', 'props', 'file_ids', 'metadata']),
    extraClass: rootId ? 'mm-post-reply' : undefined,
  });
  return rootId ? `<div class="mm-thread-replies" data-testid="thread-reply"><div class="mm-thread-label">Reply in thread ${esc(rootId)}</div>${post}</div>` : post;
}
