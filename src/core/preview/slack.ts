/** The Slack markup conversions the Mattermost server applies (server/channels/app/slack.go, webhook.go). */

/** `<url|text>`: neither part may contain a newline, `<`, `|` or `>`. */
const LINK_WITH_TEXT = /<([^\n<|>]+)\|([^\n<|>]+)>/g;

/** ParseSlackLinksToMarkdown: `<url|text>` → `[text](url)`; a plain `<url>` is left as is. */
export function slackLinksToMarkdown(text: string): string {
  return text.replace(LINK_WITH_TEXT, (_m, url: string, label: string) => `[${label}](${url})`);
}

/** expandAnnouncement: `<!channel>`, `<!here>`, `<!all>` → `@channel`, `@here`, `@all`. `<@USERID>` is left alone. */
export function expandAnnouncements(text: string): string {
  return text.replace(/<!channel>/g, '@channel').replace(/<!here>/g, '@here').replace(/<!all>/g, '@all');
}

/** ProcessSlackText followed by the main-text link conversion (webhooks, commands). */
export function processMainText(text: string): string {
  return slackLinksToMarkdown(expandAnnouncements(text));
}
