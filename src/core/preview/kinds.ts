/** Per-kind rendering of integration payloads into the posts Mattermost creates. */
import { renderAttachments } from './attachments';
import type { RenderContext } from './context';
import type { JsonPath } from './findings';
import { runeCount, splitRunes } from './goformat';
import { attr, esc } from './html';
import { arr, bool, isObject, str, type JObject, type Json } from './json';
import { banner, renderPost, renderSplit, type PostSpec } from './post';
import { processMainText } from './slack';

/** MaxPostSize on current schemas (PostMessageMaxRunesV2). */
export const MAX_POST_RUNES = 16383;

const HEADER_KEYS = ['username', 'icon_url', 'icon_emoji', 'channel', 'channel_id', 'type', 'props', 'priority', 'response_type', 'skip_slack_parsing', 'goto_location', 'root_id'];

function headerPaths(base: JsonPath, keys: string[] = HEADER_KEYS): JsonPath[] {
  return keys.map((k) => [...base, k]);
}

/** Attachments list as the server keeps it: null entries dropped (renderAttachments skips non-objects). */
function attachmentsOf(ctx: RenderContext, obj: JObject): Json[] | undefined {
  return arr(ctx.field(obj, 'attachments'));
}

/**
 * CreateWebhookPost: one post, or several when the message is over MaxPostSize runes; the
 * attachments go on the last one.
 */
function webhookPosts(ctx: RenderContext, spec: Omit<PostSpec, 'attachmentsHtml' | 'textAnchor'>, attachmentsHtml: string): string {
  const chunks = splitRunes(spec.message, MAX_POST_RUNES);
  const posts = chunks.map((chunk, i) =>
    renderPost(ctx, {
      ...spec,
      message: chunk,
      textAnchor: i === 0,
      attachmentsHtml: i === chunks.length - 1 ? attachmentsHtml : '',
      headerPaths: i === 0 ? spec.headerPaths : [],
    }),
  );
  const note =
    chunks.length > 1
      ? banner('info', `The message is ${runeCount(spec.message)} runes, over Mattermost's ${MAX_POST_RUNES}: the server splits it into ${chunks.length} posts.`)
      : '';
  return note + renderSplit(posts);
}

function overridesOf(ctx: RenderContext, obj: JObject, withEmoji: boolean): PostSpec['overrides'] {
  return {
    username: str(ctx.field(obj, 'username')) || undefined,
    iconUrl: str(ctx.field(obj, 'icon_url')) || undefined,
    iconEmoji: withEmoji ? str(ctx.field(obj, 'icon_emoji')) || undefined : undefined,
  };
}

function channelExtra(ctx: RenderContext, obj: JObject, key: string): string {
  const ch = str(ctx.field(obj, key));
  return ch ? `<span class="mm-post-channel" data-testid="post-channel"${attr('title', `${key} override`)}>→ ${esc(ch)}</span>` : '';
}

export function renderIncoming(ctx: RenderContext, root: JObject): string {
  const textValue = ctx.field(root, 'text');
  const text = str(textValue) ?? '';
  const attachments = attachmentsOf(ctx, root);
  if (text === '' && attachments === undefined) {
    return banner(
      'rejected',
      'Mattermost rejects this webhook (400 "No text specified"): text is empty and there are no attachments.',
      ctx.findings.anchor(['text'], ['attachments']),
    );
  }
  const attachmentsHtml = renderAttachments(ctx, attachments, ['attachments'], { slack: true });
  return webhookPosts(
    ctx,
    {
      base: [],
      defaultName: 'webhook',
      overrides: overridesOf(ctx, root, true),
      bot: true,
      message: processMainText(text),
      headerPaths: headerPaths([]),
      headerExtra: channelExtra(ctx, root, 'channel'),
    },
    attachmentsHtml,
  );
}

export function renderOutgoing(ctx: RenderContext, root: JObject): string {
  const textValue = ctx.field(root, 'text');
  const text = str(textValue) ?? '';
  const attachments = attachmentsOf(ctx, root);
  const hasText = textValue !== undefined && textValue !== null;
  if (!hasText && (!attachments || attachments.length === 0)) {
    return banner(
      'no-post',
      'Mattermost posts nothing for this response: there is no "text" key and no attachments.',
      ctx.findings.anchor(['text'], ['attachments']),
    );
  }
  const comment = str(ctx.field(root, 'response_type')) === 'comment';
  const posts = webhookPosts(
    ctx,
    {
      base: [],
      defaultName: 'webhook',
      overrides: overridesOf(ctx, root, false),
      bot: true,
      message: processMainText(text),
      headerPaths: headerPaths([]),
    },
    renderAttachments(ctx, attachments, ['attachments'], { slack: true }),
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

function renderCommandResponse(ctx: RenderContext, obj: JObject, base: JsonPath, label: string): string {
  const responseType = str(ctx.field(obj, 'response_type')) ?? '';
  const skip = bool(ctx.field(obj, 'skip_slack_parsing')) === true;
  const text = str(ctx.field(obj, 'text')) ?? '';
  const attachments = attachmentsOf(ctx, obj);
  const heading = label ? `<div class="mm-response-label" data-testid="response-label">${esc(label)}</div>` : '';
  if (responseType !== '' && responseType !== 'ephemeral' && responseType !== 'in_channel') {
    return (
      heading +
      banner(
        'no-post',
        `Mattermost posts nothing for this response_type ("${responseType}"): only "in_channel" and "ephemeral" are used.`,
        ctx.findings.anchor([...base, 'response_type']),
      )
    );
  }
  const ephemeral = responseType !== 'in_channel';
  if (ephemeral && text === '' && attachments === undefined) {
    return heading + banner('no-post', 'Mattermost posts nothing: an ephemeral response needs text or attachments.', ctx.findings.anchor([...base, 'text']));
  }
  const message = skip ? text : processMainText(text);
  const overrides = overridesOf(ctx, obj, false);
  const tooLong = !ephemeral && runeCount(message) > MAX_POST_RUNES;
  const post = renderPost(ctx, {
    base,
    defaultName: 'slash command',
    overrides,
    overrideHint: "The command's own configured username and icon win over the response's.",
    bot: overrides.username !== undefined || overrides.iconUrl !== undefined,
    message,
    textAnchor: true,
    attachmentsHtml: renderAttachments(ctx, attachments, [...base, 'attachments'], { slack: !skip }),
    ephemeral,
    headerPaths: headerPaths(base),
    headerExtra: channelExtra(ctx, obj, 'channel_id'),
  });
  const reject = tooLong
    ? banner('rejected', `The message is ${runeCount(message)} runes, over Mattermost's ${MAX_POST_RUNES}: creating the post fails (500 create_post_failed).`)
    : '';
  return heading + reject + post;
}

export function renderCommand(ctx: RenderContext, root: JObject): string {
  const parts = [renderCommandResponse(ctx, root, [], '')];
  const extras = arr(ctx.field(root, 'extra_responses')) ?? [];
  extras.forEach((extra, i) => {
    if (isObject(extra)) {
      parts.push(
        `<div class="mm-extra-response" data-testid="extra-response"${attr('data-index', i)}>` +
          renderCommandResponse(ctx, extra, ['extra_responses', i], `extra_responses[${i}]`) +
          `</div>`,
      );
    }
  });
  return parts.join('');
}

/** REST `POST /api/v4/posts`: no overrides, no Slack conversion, no splitting. */
export function renderRestPost(ctx: RenderContext, root: JObject): string {
  const message = str(ctx.field(root, 'message')) ?? '';
  const props = ctx.field(root, 'props');
  const attachments = isObject(props) ? arr(props.exact('attachments')) : undefined;
  const runes = runeCount(message);
  if (runes > MAX_POST_RUNES) {
    return banner(
      'rejected',
      `Mattermost rejects this post (400 model.post.is_valid.message_length.app_error): the message is ${runes} runes, over ${MAX_POST_RUNES}. The REST API does not split.`,
      ctx.findings.anchor(['message']),
    );
  }
  const rootId = str(ctx.field(root, 'root_id'));
  const post = renderPost(ctx, {
    base: [],
    defaultName: 'you',
    overrides: {},
    bot: false,
    message,
    textAnchor: true,
    attachmentsHtml: renderAttachments(ctx, attachments, ['props', 'attachments'], { slack: false }),
    headerPaths: headerPaths([], ['channel_id', 'root_id', 'type', 'props', 'file_ids', 'metadata']),
    extraClass: rootId ? 'mm-post-reply' : undefined,
  });
  return rootId ? `<div class="mm-thread-replies" data-testid="thread-reply"><div class="mm-thread-label">Reply in thread ${esc(rootId)}</div>${post}</div>` : post;
}
