/**
 * The one model of what the Mattermost server does with a payload. Every behaviour has one home
 * here; the linter (src/core/payload), the preview (src/core/preview), the send path's REST
 * conversion (src/core/mattermost/toPost.ts) and the sandbox read it. A behaviour that changes with
 * the server version or a setting is switched in its home (later: a target-server profile argument).
 */

export interface Behaviour {
  id: string;
  /** What the server does, in one line. */
  summary: string;
  /** The file (under src/core/server) that holds it. */
  home: string;
}

export const BEHAVIOURS: readonly Behaviour[] = [
  { id: 'decode', summary: 'Body → JSON value per kind: json.Decoder (first value, rest ignored) or json.Unmarshal (commands), no comments, empty body fails.', home: 'decode.ts' },
  { id: 'newline-repair', summary: 'Incoming webhooks only: raw newlines/tabs inside text, fallback, pretext, author_name, title, value are escaped and the body decoded again.', home: 'decode.ts' },
  { id: 'go-keys', summary: 'Struct keys match case-insensitively; the last key filling a field wins (a later null leaves it); map keys (props, context) are exact.', home: 'normalize.ts' },
  { id: 'struct-shapes', summary: 'Which keys each Go struct knows, from the schemas.', home: 'shapes.ts' },
  { id: 'body-limit', summary: 'Bodies over MaximumPayloadSizeBytes + 512 (1 MiB for responses) are cut (webhooks) or refused (413).', home: 'limits.ts' },
  { id: 'post-length', summary: 'MaxPostSize = 16383 runes: webhooks split, REST posts and command responses are refused.', home: 'limits.ts' },
  { id: 'runes', summary: 'Lengths count runes (utf8.RuneCountInString) or UTF-8 bytes.', home: 'runes.ts' },
  { id: 'go-format', summary: 'fmt %v of decoded values: float64 shortest digits with exponent form, maps sorted by UTF-8 bytes.', home: 'goformat.ts' },
  { id: 'slack-conversions', summary: '<!channel>/<!here>/<!all> expansion and <url|text> → [text](url): on which texts, for which kinds, and skip_slack_parsing.', home: 'slack.ts' },
  { id: 'attachment-validity', summary: 'MessageAttachment/PostAction IsValid: colours, button styles (only logged, the post is stored).', home: 'attachments.ts' },
  { id: 'urls-ids', summary: 'IsValidHTTPURL and 26-character ids.', home: 'urls.ts' },
  { id: 'blocks', summary: 'Mattermost Blocks (11.10+, MmBlocksEnabled): props.mm_blocks / blocks / cards stored as sent; clients render the first non-empty of mm_blocks → blocks → cards → attachments, translate Block Kit and Adaptive Cards, drop invalid blocks, cut at 100 nodes / depth 32 / 16000 characters; the server pairs action ids with props.mm_blocks_actions (webhooks: 400).', home: 'blocks.ts' },
  { id: 'blocks-clients', summary: 'How clients read props.mm_blocks: a block with one bad field (type, enum, required) is dropped whole, siblings stay; strict web revisions drop unknown keys.', home: 'blocks-mm.ts' },
  { id: 'blocks-translate', summary: 'Block Kit (props.blocks) and Adaptive Cards (props.cards) translated to MM Blocks by clients; elements outside the subset dropped.', home: 'blocks-translate.ts' },
  { id: 'blocks-limits', summary: 'Render limits after translation: 100 nodes, depth 32, 16000 characters of text and button labels; the crossing block is cut.', home: 'blocks-limits.ts' },
  { id: 'blocks-registry', summary: 'Action ids the server counts as referenced, the props.mm_blocks_actions registry (≤ 50 entries, id rule, URL rules) and ValidateMmBlocksActions with its exact errors.', home: 'blocks-registry.ts' },
  { id: 'posts', summary: 'Webhook → posts: when nothing is posted, the stored message, split posts, field values as stored, post types, reserved props.', home: 'toPost.ts' },
];
