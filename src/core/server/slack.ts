/**
 * Slack markup as the server treats it (server/channels/app/slack.go, webhook.go; MATTERMOST_RULES.md
 * §1.3 step 4, §2.5): which conversions run, on which texts, and the finders the linter uses to point
 * at markup that stays literal. Finder indices are UTF-16 indices into the decoded string.
 */
import type { Kind } from '../payload/problem';

/** The user-visible texts of a message payload, by how the server treats them. */
export type TextRole = 'message' | 'pretext' | 'attachment-text' | 'title' | 'field-value' | 'field-title' | 'author_name' | 'footer' | 'fallback';

/** Roles where the server expands <!channel>, <!here>, <!all> and <@USERID> (ProcessSlackText). */
export const MENTION_ROLES: readonly TextRole[] = ['message', 'pretext', 'attachment-text', 'title', 'field-value'];
/** Roles where the server converts <url|text> to a Markdown link (ParseSlackLinksToMarkdown). */
export const LINK_ROLES: readonly TextRole[] = ['message', 'pretext', 'attachment-text', 'field-value'];

/**
 * Whether the server applies its Slack processing to a payload part at all: never to REST posts, and
 * not to a slash-command response with `skip_slack_parsing: true`.
 */
export function slackProcessed(kind: Kind, skipSlackParsing: unknown): boolean {
  if (kind === 'post' || kind === 'dialog') return false;
  return !(kind === 'command' && skipSlackParsing === true);
}

/**
 * Whether `<url|text>` in an attachment's texts becomes a Markdown link: ParseMessageAttachment runs
 * for every webhook and command attachment, skip_slack_parsing or not (§2.5, §4.3); never for REST.
 */
export function attachmentLinksConverted(kind: Kind): boolean {
  return kind !== 'post' && kind !== 'dialog';
}

/** `<url|text>`: neither part may contain a newline, `<`, `|` or `>`. */
const LINK_WITH_TEXT = /<([^\n<|>]+)\|([^\n<|>]+)>/g;

/** ParseSlackLinksToMarkdown: `<url|text>` → `[text](url)`; a plain `<url>` is left as is. */
export function slackLinksToMarkdown(text: string): string {
  if (text.indexOf('|') < 0) return text;
  return text.replace(LINK_WITH_TEXT, (_m, url: string, label: string) => `[${label}](${url})`);
}

/** expandAnnouncement: `<!channel>`, `<!here>`, `<!all>` → `@channel`, `@here`, `@all`. `<@USERID>` needs the user list and is left alone. */
export function expandAnnouncements(text: string): string {
  if (text.indexOf('<!') < 0) return text;
  return text.replace(/<!(channel|here|all)>/g, '@$1');
}

/**
 * The text the server stores for a string in `role`, when Slack processing applies (`slack`) and when
 * its `<url|text>` links are converted (`links`: as `slack`, except in attachments, see attachmentLinksConverted).
 */
export function convertSlackText(text: string, role: TextRole, slack: boolean, links: boolean = slack): string {
  let out = slack && MENTION_ROLES.includes(role) ? expandAnnouncements(text) : text;
  if (links && LINK_ROLES.includes(role)) out = slackLinksToMarkdown(out);
  return out;
}

export interface Found {
  from: number;
  to: number;
}

/** Slack `*bold*` (Markdown renders it italic). `**bold**`, list bullets and `2*3*4` do not match. */
const BOLD = /(^|[^\w*\\])\*(?![\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g;

/**
 * True when `s` has a '*' with no '*' on either side: every BOLD match opens with one (`\*(?![\s*])`
 * after start or [^\w*\\]). `**bold**` and `***` have none, so the regex is not run on them.
 */
export function hasLoneStar(s: string): boolean {
  for (let i = s.indexOf('*'); i >= 0; i = s.indexOf('*', i + 1)) {
    if (s.charCodeAt(i + 1) === 42) {
      i++;
      continue;
    }
    if (i === 0 || s.charCodeAt(i - 1) !== 42) return true;
  }
  return false;
}

/** What findSlackBold finds in a text with no lone `*` (most of them): shared, not an array per text. */
const NO_BOLD: readonly (Found & { inner: string })[] = [];

export function findSlackBold(s: string): readonly (Found & { inner: string })[] {
  if (!hasLoneStar(s)) return NO_BOLD;
  const out: (Found & { inner: string })[] = [];
  const re = BOLD;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const from = m.index + m[1].length;
    out.push({ from, to: from + m[2].length + 2, inner: m[2] });
    re.lastIndex = from + m[2].length + 2;
  }
  return out;
}

export type MentionKind = 'everyone' | 'subteam' | 'channel-ref' | 'slack-user' | 'special' | 'date';

/** Slack angle-bracket tokens: <!everyone>, <!subteam^…>, <#C…>, <@U…>, <!channel>/<!here>/<!all>, <!date^…>. */
/** Slack angle-bracket tokens (module level: a literal in the function is a new RegExp per text). */
const TOKEN = /<(![a-z]+(?:\^[^>|\n]*)?(?:\|[^>\n]*)?|#[A-Z0-9]+(?:\|[^>\n]*)?|@[A-Za-z0-9]+(?:\|[^>\n]*)?)>/g;

const NO_TOKENS: readonly (Found & { token: string; kind: MentionKind })[] = [];

export function findSlackTokens(s: string): readonly (Found & { token: string; kind: MentionKind })[] {
  let out: (Found & { token: string; kind: MentionKind })[] | undefined;
  const re = TOKEN;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const body = m[1];
    let kind: MentionKind | undefined;
    if (body.startsWith('!everyone')) kind = 'everyone';
    else if (body.startsWith('!subteam')) kind = 'subteam';
    else if (body.startsWith('!date')) kind = 'date';
    else if (/^!(channel|here|all)(\||$)/.test(body)) kind = 'special';
    else if (body.startsWith('#')) kind = 'channel-ref';
    else if (/^@[UW][A-Z0-9]{5,}(\||$)/.test(body)) kind = 'slack-user';
    if (kind) (out ??= []).push({ from: m.index, to: m.index + m[0].length, token: m[0], kind });
  }
  return out ?? NO_TOKENS;
}

/** Slack links `<url|text>` as the server's regex sees them (no newline, <, | or > inside the parts). */
export function findSlackLinks(s: string): (Found & { url: string; text: string })[] {
  const out: (Found & { url: string; text: string })[] = [];
  const re = /<([^\n<>|!#@][^\n<>|]*)\|([^\n<>|]+)>/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ from: m.index, to: m.index + m[0].length, url: m[1], text: m[2] });
  return out;
}
