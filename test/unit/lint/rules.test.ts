import * as assert from 'assert';
import { RULE_INFO } from '../../../src/core/payload/lint';
import type { Kind } from '../../../src/core/payload/problem';
import { parseProfile } from '../../../src/core/server/profile';
import { expectNone, expectOne } from './helpers';

interface Case {
  rule: string;
  kind: Kind;
  /** Triggers the rule once, on exactly `range`. */
  bad: string;
  range: string;
  /** A close variant that must not trigger it. */
  good: string;
  /** Part of the message that must appear. */
  says?: string;
  /** The target-server profile (client-config keys), when the rule depends on it. */
  profile?: Record<string, string>;
}

const A = (att: string) => `{"text": "t", "attachments": [${att}]}`;
const ACT = (action: string) => A(`{"fallback": "f", "actions": [${action}]}`);
const EL = (el: string) => `{"trigger_id": "x", "url": "https://e.com", "dialog": {"title": "T", "elements": [${el}]}}`;
const LONG = 'x'.repeat(16383 * 2 + 5);

const MB = (blocks: string, extra = '') => `{"text": "t", "props": {"mm_blocks": [${blocks}]${extra}}}`;
const REG = (reg: string) => `, "mm_blocks_actions": {${reg}}`;
const CASES: Case[] = [
  { rule: 'invalid-json', kind: 'incoming', bad: '{"text": "a",}', range: '}', good: '{"text": "a"}', says: '400 model.incoming_hook.parse_data.app_error' },
  { rule: 'invalid-json', kind: 'command', bad: '{"text": "a"} {"x": 1}', range: '{"x": 1}', good: '{"text": "a"}', says: '500 api.command.execute_command.failed.app_error' },
  { rule: 'invalid-json', kind: 'incoming', bad: '{"footer": "a\nb", "text": "x"}', range: '"a', good: '{"text": "a\nb"}' },
  { rule: 'raw-control-character', kind: 'incoming', bad: '{"text": "line1\nline2\tend"}', range: '"line1\nline2\tend"', good: '{"text": "line1\\nline2"}' },
  { rule: 'trailing-content', kind: 'incoming', bad: '{"text": "a"}\n{"text": "b"}\n', range: '{"text": "b"}', good: '{"text": "a"}\n', says: 'ignores' },
  { rule: 'body-too-large', kind: 'incoming', bad: `{"text": "${'é'.repeat(160000)}"}`, range: '"text"', good: '{"text": "a"}', says: '400' },
  { rule: 'type-mismatch', kind: 'incoming', bad: '{"text": 123}', range: '123', good: '{"text": "123"}', says: '`text` must be a string, not an integer' },
  { rule: 'type-mismatch', kind: 'incoming', bad: '{"text": "a", "props": []}', range: '[]', good: '{"text": "a", "props": {}}' },
  { rule: 'type-mismatch', kind: 'incoming', bad: A('{"fields": {}}'), range: '{}', good: A('{"fallback": "f", "fields": []}') },
  { rule: 'type-mismatch', kind: 'incoming', bad: '{"text": "a", "priority": "high"}', range: '"high"', good: '{"text": "a", "priority": {"priority": "urgent"}}' },
  { rule: 'type-mismatch', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "text", "optional": "true"}'), range: '"true"', good: EL('{"display_name": "A", "name": "a", "type": "text", "optional": true}'), says: '400 api.context.invalid_body_param.app_error' },
  { rule: 'type-mismatch', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "text", "min_length": "5", "max_length": 9}'), range: '"5"', good: EL('{"display_name": "A", "name": "a", "type": "text", "min_length": 5, "max_length": 9}') },
  { rule: 'short-not-boolean', kind: 'incoming', bad: A('{"fallback": "f", "fields": [{"title": "a", "value": "b", "short": "yes"}]}'), range: '"yes"', good: A('{"fallback": "f", "fields": [{"title": "a", "value": "b", "short": "TRUE"}]}') },
  { rule: 'short-not-boolean', kind: 'command', bad: `{"text": "t", "attachments": [{"fallback": "f", "fields": [{"short": null}]}]}`, range: 'null', good: `{"text": "t", "attachments": [{"fallback": "f", "fields": [{"short": "False"}]}]}` },
  { rule: 'short-not-boolean', kind: 'incoming', bad: A('{"fallback": "f", "fields": [{"short": 1}]}'), range: '1', good: A('{"fallback": "f", "fields": [{"short": false}]}') },
  { rule: 'props-attachment-type', kind: 'post', bad: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "m", "props": {"attachments": [{"fallback": "f", "fields": {}}]}}', range: '{}', good: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "m", "props": {"attachments": [{"fallback": "f", "fields": []}]}}' },
  { rule: 'key-case', kind: 'incoming', bad: '{"TEXT": "hi"}', range: '"TEXT"', good: '{"text": "hi"}', says: 'reads `TEXT` as `text`' },
  { rule: 'duplicate-key', kind: 'incoming', bad: '{"Text": "first", "text": "second"}', range: '"Text"', good: '{"text": "second"}' },
  { rule: 'unknown-key', kind: 'incoming', bad: '{"text": "a", "blocks": []}', range: '"blocks"', good: '{"text": "a"}', says: 'Block Kit' },
  { rule: 'unknown-key', kind: 'outgoing', bad: '{"text": "a", "channel": "town-square"}', range: '"channel"', good: '{"text": "a"}' },
  { rule: 'unknown-key', kind: 'incoming', bad: '{"text": "a", "as_user": true}', range: '"as_user"', good: '{"text": "a", "$schema": "mattermost-payloads://schemas/incoming.json"}' },
  { rule: 'unknown-key', kind: 'incoming', bad: A('{"fallback": "f", "colour": "good"}'), range: '"colour"', good: A('{"fallback": "f", "color": "good"}'), says: 'did you mean `color`' },
  { rule: 'no-text', kind: 'incoming', bad: '{"text": ""}', range: '""', good: '{"text": "", "attachments": [{"text": "x"}]}', says: 'web.incoming_webhook.text.app_error' },
  { rule: 'no-text', kind: 'incoming', bad: '{"attachments": null}', range: 'null', good: '{"text": " "}' },
  { rule: 'nothing-posted', kind: 'command', bad: '{"response_type": "ephemeral", "text": ""}', range: '""', good: '{"response_type": "ephemeral", "text": "", "attachments": [{"text": "x"}]}' },
  { rule: 'nothing-posted', kind: 'outgoing', bad: '{"response_type": "comment"}', range: '{', good: '{"text": ""}' },
  { rule: 'response-type', kind: 'command', bad: '{"response_type": "In_Channel", "text": "a"}', range: '"In_Channel"', good: '{"response_type": "in_channel", "text": "a"}', says: 'posts nothing' },
  { rule: 'response-null', kind: 'command', bad: '{"text": "a", "extra_responses": [null]}', range: 'null', good: '{"text": "a", "extra_responses": [{"text": "b"}]}', says: 'may' },
  { rule: 'text-split', kind: 'incoming', bad: `{"text": "${LONG}"}`, range: '"text"', good: `{"text": "${'x'.repeat(16383)}"}`, says: 'into 3 posts' },
  { rule: 'message-too-long', kind: 'post', bad: `{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "${'😀'.repeat(16384)}"}`, range: '"message"', good: `{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "${'😀'.repeat(16383)}"}`, says: 'model.post.is_valid.message_length.app_error' },
  { rule: 'post-type', kind: 'incoming', bad: '{"text": "a", "type": "system_join_channel"}', range: '"system_join_channel"', good: '{"text": "a", "type": "custom_alert"}', says: '400' },
  { rule: 'post-type', kind: 'incoming', bad: '{"text": "a", "type": "alert"}', range: '"alert"', good: '{"text": "a", "type": "alert", "attachments": [{"fallback": "f", "text": "x"}]}', says: '500' },
  { rule: 'type-overwritten', kind: 'incoming', bad: '{"type": "custom_x", "attachments": [{"fallback": "f", "text": "x"}]}', range: '"custom_x"', good: '{"type": "custom_x", "text": "a"}' },
  { rule: 'reserved-prop', kind: 'incoming', bad: '{"text": "a", "props": {"from_webhook": "false"}}', range: '"from_webhook"', good: '{"text": "a", "props": {"card": "x"}}' },
  { rule: 'reserved-prop', kind: 'incoming', bad: '{"text": "a", "props": {"attachments": []}}', range: '"attachments"', good: '{"text": "a", "attachments": []}' },
  { rule: 'override-needs-setting', kind: 'incoming', bad: '{"text": "a", "username": "bot"}', range: '"username"', good: '{"text": "a", "username": ""}', says: 'EnablePostUsernameOverride' },
  { rule: 'override-needs-setting', kind: 'command', bad: '{"text": "a", "icon_url": "https://e.com/i.png"}', range: '"icon_url"', good: '{"text": "a"}', says: 'configured icon wins' },
  { rule: 'channel-name', kind: 'incoming', bad: '{"text": "a", "channel": "Town Square"}', range: '"Town Square"', good: '{"text": "a", "channel": "town-square"}' },
  { rule: 'channel-name', kind: 'incoming', bad: '{"text": "a", "channel": "4xp9fdt3pbgtmj3rdtx4xnhxbr"}', range: '"4xp9fdt3pbgtmj3rdtx4xnhxbr"', good: '{"text": "a", "channel": "@alice"}' },
  { rule: 'channel-name', kind: 'incoming', bad: '{"text": "a", "channel": "#G024BE91L"}', range: '"#G024BE91L"', good: '{"text": "a", "channel": "g024be91l"}', says: 'looks like a Slack channel id' },
  { rule: 'channel-name', kind: 'incoming', bad: '{"text": "a", "channel": "Dev"}', range: '"Dev"', good: '{"text": "a", "channel": "4xp9fdt3pbgtmj3rdtx4xnhxb"}', says: 'looks like a display name' },
  { rule: 'priority-missing', kind: 'incoming', bad: '{"text": "a", "priority": {"priority": null}}', range: 'null', good: '{"text": "a", "priority": {"priority": ""}}' },
  { rule: 'post-webhook-shape', kind: 'post', bad: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "text": "hi"}', range: '"text"', good: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hi"}' },
  { rule: 'post-channel-id', kind: 'post', bad: '{"channel_id": "town-square", "message": "hi"}', range: '"town-square"', good: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hi"}' },
  { rule: 'attachment-null', kind: 'incoming', bad: '{"attachments": [null, {"fallback": "f", "text": "x"}]}', range: 'null', good: '{"attachments": [{"fallback": "f", "text": "x"}]}' },
  { rule: 'attachment-color', kind: 'incoming', bad: A('{"fallback": "f", "color": "red"}'), range: '"red"', good: A('{"fallback": "f", "color": "#FF0000"}'), says: 'logs "Invalid post props"' },
  { rule: 'invalid-url', kind: 'incoming', bad: A('{"fallback": "f", "image_url": "ftp://e.com/a.png"}'), range: '"ftp://e.com/a.png"', good: A('{"fallback": "f", "image_url": "https://e.com/a.png"}') },
  { rule: 'invalid-url', kind: 'incoming', bad: '{"text": "a", "icon_url": "/img/bot.png"}', range: '"/img/bot.png"', good: '{"text": "a"}' },
  { rule: 'link-without-label', kind: 'incoming', bad: A('{"fallback": "f", "title_link": "https://e.com"}'), range: '"title_link"', good: A('{"fallback": "f", "title": "T", "title_link": "https://e.com"}') },
  { rule: 'link-without-label', kind: 'incoming', bad: A('{"fallback": "f", "author_link": "https://e.com"}'), range: '"author_link"', good: A('{"fallback": "f", "author_name": "A", "author_link": "https://e.com"}') },
  { rule: 'attachment-ts', kind: 'incoming', bad: A('{"fallback": "f", "ts": true}'), range: 'true', good: A('{"fallback": "f", "ts": "1700000000"}') },
  { rule: 'field-value-format', kind: 'incoming', bad: A('{"fallback": "f", "fields": [{"value": 1234567}]}'), range: '1234567', good: A('{"fallback": "f", "fields": [{"value": 123456}]}'), says: '`1.234567e+06`' },
  { rule: 'field-value-format', kind: 'command', bad: '{"text": "t", "attachments": [{"fallback": "f", "fields": [{"value": 20231105}]}]}', range: '20231105', good: '{"text": "t", "attachments": [{"fallback": "f", "fields": [{"value": "20231105"}]}]}', says: '`2.0231105e+07`' },
  { rule: 'field-value-format', kind: 'incoming', bad: A('{"fallback": "f", "fields": [{"value": {"k": "v"}}]}'), range: '{"k": "v"}', good: A('{"fallback": "f", "fields": [{"value": true}]}'), says: '`map[k:v]`' },
  { rule: 'field-value-format', kind: 'post', bad: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "m", "props": {"attachments": [{"fallback": "f", "fields": [{"value": 42}]}]}}', range: '42', good: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "m", "props": {"attachments": [{"fallback": "f", "fields": [{"value": "42"}]}]}}' },
  { rule: 'missing-fallback', kind: 'incoming', bad: '{"attachments": [{"title": "T"}]}', range: '{', good: '{"attachments": [{"fallback": "T", "title": "T"}]}' },
  { rule: 'action-invalid', kind: 'incoming', bad: ACT('{"id": "ok", "type": "button", "name": "Go", "style": "blue", "integration": {"url": "https://e.com"}}'), range: '"blue"', good: ACT('{"id": "ok", "type": "button", "name": "Go", "style": "#AABBCC", "integration": {"url": "https://e.com"}}') },
  { rule: 'action-invalid', kind: 'incoming', bad: ACT('{"id": "pick", "type": "select", "name": "Pick", "data_source": "users", "options": [{"text": "a", "value": "a"}], "integration": {"url": "https://e.com"}}'), range: '"options"', good: ACT('{"id": "pick", "type": "select", "name": "Pick", "data_source": "users", "integration": {"url": "https://e.com"}}') },
  { rule: 'action-invalid', kind: 'incoming', bad: ACT('{"id": "do_it", "type": "button", "name": "Go", "integration": {"url": "https://e.com"}}'), range: '"do_it"', good: ACT('{"id": "doit", "type": "button", "name": "Go", "integration": {"url": "https://e.com"}}'), says: '404' },
  { rule: 'action-invalid', kind: 'incoming', bad: ACT('{"id": "Zz09é", "type": "button", "name": "Go", "integration": {"url": "https://e.com"}}'), range: '"Zz09é"', good: ACT('{"id": "AZaz09", "type": "button", "name": "Go", "integration": {"url": "https://e.com"}}'), says: '404' },
  { rule: 'action-integration', kind: 'incoming', bad: ACT('{"id": "a", "name": "Go", "integration": {"url": "e.com/hook"}}'), range: '"e.com/hook"', good: ACT('{"id": "a", "name": "Go", "integration": {"url": "/plugins/x/hook"}}') },
  { rule: 'slack-bold', kind: 'incoming', bad: '{"text": "this is *important* now"}', range: '*important*', good: '{"text": "this is **important** now, 2*3*4 and * list"}', says: 'italic' },
  { rule: 'slack-mention', kind: 'incoming', bad: '{"text": "hey <!everyone>"}', range: '<!everyone>', good: '{"text": "hey <!channel>"}' },
  { rule: 'slack-mention', kind: 'incoming', bad: '{"text": "see <#C024BE7LR|general>"}', range: '<#C024BE7LR|general>', good: '{"text": "see ~general"}' },
  { rule: 'slack-mention', kind: 'post', bad: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hey <!here>"}', range: '<!here>', good: '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hey @here"}' },
  { rule: 'slack-link', kind: 'incoming', bad: A('{"fallback": "f", "title": "see <https://e.com|docs>"}'), range: '<https://e.com|docs>', good: A('{"fallback": "f", "text": "see <https://e.com|docs>"}') },
  { rule: 'slack-mrkdwn-in', kind: 'incoming', bad: A('{"fallback": "f", "text": "x", "mrkdwn_in": ["text"]}'), range: '"mrkdwn_in"', good: A('{"fallback": "f", "text": "x"}') },
  { rule: 'slack-blocks', kind: 'incoming', bad: A('{"fallback": "f", "blocks": []}'), range: '"blocks"', good: A('{"fallback": "f", "text": "x"}') },
  { rule: 'dialog-request', kind: 'dialog', bad: '{"trigger_id": "abc", "url": "", "dialog": {"title": "T", "elements": []}}', range: '""', good: '{"trigger_id": "abc", "url": "https://e.com", "dialog": {"title": "T", "elements": []}}' },
  { rule: 'dialog-invalid', kind: 'dialog', bad: '{"trigger_id": "abc", "url": "https://e.com", "dialog": {"title": "This title is far too long", "elements": []}}', range: '"This title is far too long"', good: '{"trigger_id": "abc", "url": "https://e.com", "dialog": {"title": "Short", "elements": []}}', says: 'still opens' },
  { rule: 'dialog-element-invalid', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "text", "min_length": 5}'), range: '5', good: EL('{"display_name": "A", "name": "a", "type": "text", "min_length": 5, "max_length": 10}') },
  { rule: 'dialog-element-invalid', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 7}'), range: '7', good: EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 15}') },
  { rule: 'dialog-element-invalid', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "date", "default": "2024-01-01T10:00:00Z"}'), range: '"2024-01-01T10:00:00Z"', good: EL('{"display_name": "A", "name": "a", "type": "date", "default": "+2d"}') },
  { rule: 'dialog-element-invalid', kind: 'dialog', bad: EL('{"display_name": "A", "name": "a", "type": "select", "multiselect": true, "default": "x, z", "options": [{"text": "X", "value": "x"}, {"text": "Y", "value": "y"}]}'), range: '"x, z"', good: EL('{"display_name": "A", "name": "a", "type": "select", "multiselect": true, "default": "x, y", "options": [{"text": "X", "value": "x"}, {"text": "Y", "value": "y"}]}') },
  { rule: 'blocks-not-shown', kind: 'incoming', profile: { Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' }, bad: '{"text": "t", "props": {"mm_blocks": [{"type": "divider"}]}}', range: '"mm_blocks"', good: '{"text": "t", "props": {"mm_blocks": []}}', says: 'shows it to nobody' },
  { rule: 'blocks-pairing', kind: 'incoming', bad: MB('{"type": "button", "text": "Go", "action_id": "go"}, {"type": "button", "text": "Stop", "action_id": "stop"}', REG('"go": {"type": "external", "url": "https://e.example.com/a"}')), range: '"stop"', good: MB('{"type": "button", "text": "Go", "action_id": "go"}, {"type": "button", "text": "Stop", "action_id": "stop", "disabled": true}', REG('"go": {"type": "external", "url": "https://e.example.com/a"}')), says: 'mm_blocks_actions missing entry for action_id "stop"' },
  { rule: 'blocks-registry', kind: 'incoming', bad: MB('{"type": "button", "text": "Go", "action_id": "go"}', REG('"go": {"type": "openURL", "url": "//e.example.com/a"}')), range: '"//e.example.com/a"', good: MB('{"type": "button", "text": "Go", "action_id": "go"}', REG('"go": {"type": "openURL", "url": "/team/channels/town-square"}')), says: 'must not be a protocol-relative URL' },
  { rule: 'blocks-registry-stripped', kind: 'command', bad: `{"response_type": "in_channel", "text": "t", "props": {"mm_blocks": [{"type": "button", "text": "Go", "action_id": "go"}]${REG('"go": {"type": "external", "url": "https://e.example.com/a"}')}}}`, range: '"mm_blocks_actions"', good: `{"response_type": "ephemeral", "text": "t", "props": {"mm_blocks": [{"type": "button", "text": "Go", "action_id": "go"}]${REG('"go": {"type": "external", "url": "https://e.example.com/a"}')}}}`, says: 'removes `mm_blocks_actions`' },
  { rule: 'block-dropped', kind: 'incoming', bad: MB('{"type": "image", "url": "https://e.example.com/i.png"}'), range: '"image"', good: MB('{"type": "image", "url": "https://e.example.com/i.png", "alt_text": "Logo"}'), says: '`alt_text` is missing' },
  { rule: 'block-unknown-key', kind: 'incoming', bad: MB('{"type": "divider", "invalid": "extra-keys"}'), range: '"invalid"', good: MB('{"type": "divider"}'), says: 'may drop' },
  { rule: 'blocks-untranslated', kind: 'incoming', bad: '{"text": "t", "props": {"blocks": [{"type": "context", "elements": []}, {"type": "divider"}]}}', range: '"context"', good: '{"text": "t", "props": {"blocks": [{"type": "divider"}]}}', says: 'Block Kit `context` block' },
  { rule: 'blocks-render-limit', kind: 'incoming', bad: MB(Array.from({ length: 101 }, () => '{"type": "divider"}').join(', ').replace(/(.*), \{"type": "divider"\}$/, '$1, {"type": "text", "text": "last"}')), range: '{"type": "text", "text": "last"}', good: MB(Array.from({ length: 100 }, () => '{"type": "divider"}').join(', ')), says: 'at most 100 blocks' },
  { rule: 'blocks-one-format', kind: 'incoming', bad: '{"text": "t", "props": {"mm_blocks": [{"type": "divider"}], "cards": [{"type": "AdaptiveCard", "body": []}]}}', range: '"cards"', good: '{"text": "t", "props": {"mm_blocks": [], "cards": [{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "x"}]}]}}', says: '`props.cards` is not' },
  { rule: 'blocks-slack-mrkdwn', kind: 'incoming', bad: '{"text": "t", "props": {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Build *green*"}}]}}', range: '*green*', good: '{"text": "t", "props": {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Build **green**"}}]}}', says: 'shows as italic' },
  { rule: 'collapsible-collapsed', kind: 'incoming', bad: MB('{"type": "collapsible", "header": [{"type": "text", "text": "h"}], "content": [{"type": "divider"}]}'), range: '"collapsible"', good: MB('{"type": "collapsible", "collapsed": true, "header": [{"type": "text", "text": "h"}], "content": [{"type": "divider"}]}'), says: 'starts expanded' },
];

describe('lint rules (cases from the server\'s behaviour)', () => {
  for (const c of CASES) {
    describe(`${c.rule} [${c.kind}]`, () => {
      it(`flags ${JSON.stringify(c.range.slice(0, 40))}`, () => {
        const p = expectOne(c.bad, c.kind, c.rule, c.range, c.profile && { profile: parseProfile(c.profile, 'workspace file') });
        const info = RULE_INFO.find(r => r.id === c.rule)!;
        assert.strictEqual(p.severity, info.severity);
        assert.match(p.message, /^Mattermost /);
        if (c.says) assert.ok(p.message.includes(c.says), `message "${p.message}" should say ${c.says}`);
      });
      it('does not flag the correct variant', () => expectNone(c.good, c.kind, c.rule, c.profile && { profile: parseProfile(c.profile, 'workspace file') }));
    });
  }

  it('has a test case for every rule', () => {
    const tested = new Set(CASES.map(c => c.rule));
    assert.deepStrictEqual(RULE_INFO.map(r => r.id).filter(id => !tested.has(id)), []);
  });

  it('rule ids are unique and every rule has a one-line description', () => {
    const ids = RULE_INFO.map(r => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const r of RULE_INFO) assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
  });
});
