import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../../src/core/payload/lint';
import type { Kind } from '../../../src/core/payload/problem';
import { parseProfile, type Profile } from '../../../src/core/server/profile';

const root = path.resolve(__dirname, '../../../..');
const at = (version: string, settings: Record<string, string> = {}): Profile => parseProfile({ Version: version, ...settings }, 'workspace file');

/** Findings as "rule severity «range text»", in document order, for the rules whose id starts with one of `prefixes`. */
function found(text: string, kind: Kind, profile?: Profile, prefixes = ['block', 'collapsible', 'no-text', 'nothing-posted']): string[] {
  return lint(text, kind, profile ? { profile } : undefined)
    .filter(p => prefixes.some(x => p.rule.startsWith(x)))
    .map(p => `${p.rule} ${p.severity} «${text.slice(p.start, p.end)}»`);
}

function messages(text: string, kind: Kind, rule: string, profile?: Profile): string[] {
  return lint(text, kind, profile ? { profile } : undefined).filter(p => p.rule === rule).map(p => p.message);
}

const MB = (blocks: string, reg?: string, text = '"t"') => `{"text": ${text}, "props": {"mm_blocks": [${blocks}]${reg === undefined ? '' : `, "mm_blocks_actions": {${reg}}`}}}`;
const EXT = '{"type": "external", "url": "https://hooks.example.com/a"}';

describe('blocks rules: the reference examples lint as MM_BLOCKS.md §10 says', () => {
  const file = (n: string) => fs.readFileSync(path.join(root, 'test/fixtures/blocks', n), 'utf8');
  it('E-1 (REST post): only the note that a person\'s session loses the registry (send with a bot or token)', () => {
    assert.deepStrictEqual(found(file('e1-rest-buttons-select.post.json'), 'post'), ['blocks-registry-stripped information «"mm_blocks_actions"»']);
  });
  it('E-2 (incoming, no text): clean: blocks count as content, the disabled button is rightly not registered', () => {
    assert.deepStrictEqual(lint(file('e2-openurl-disabled.incoming.json'), 'incoming'), []);
  });
  it('E-2 on a server with the flag off: 400 "No text specified" and the blocks are not shown', () => {
    const p = at('11.10.0', { FeatureFlagMmBlocksEnabled: 'false' });
    assert.deepStrictEqual(found(file('e2-openurl-disabled.incoming.json'), 'incoming', p), ['no-text error «{»', 'blocks-not-shown warning «"mm_blocks"»']);
  });
  it('E-3 (incoming): the collapsible starts collapsed (information)', () => {
    assert.deepStrictEqual(found(file('e3-query-collapsible.incoming.json'), 'incoming'), ['collapsible-collapsed information «"collapsible"»']);
  });
  it('E-4 Block Kit: Slack *Hello* shows as italic (mrkdwn is not converted)', () => {
    assert.deepStrictEqual(found(file('e4-block-kit.incoming.json'), 'incoming'), ['blocks-slack-mrkdwn warning «*Hello*»']);
  });
  it('E-4 Adaptive Card: clean (the mmaction:// link and both Action.Submit ids are registered)', () => {
    assert.deepStrictEqual(lint(file('e4-adaptive-card.incoming.json'), 'incoming'), []);
  });
});

describe('blocks rules: exact ranges and what each kind loses', () => {
  it('blocks-pairing: incoming 400 with the server text; REST and commands only a warning; outgoing posts nothing', () => {
    const text = MB('{"type": "button", "text": "Go", "action_id": "go"}', `"old": ${EXT}`);
    assert.deepStrictEqual(found(text, 'incoming'), ['blocks-pairing error «"go"»', 'blocks-pairing error «"old"»']);
    assert.match(messages(text, 'incoming', 'blocks-pairing')[0], /400 api\.context\.invalid_body\.app_error, "mm_blocks_actions missing entry for action_id "go""/);
    assert.match(messages(text, 'incoming', 'blocks-pairing')[1], /mm_blocks_actions entry "old" is not referenced by interactive content/);
    assert.deepStrictEqual(found(text.replace('"t"', '"t", "response_type": "ephemeral"'), 'command'), ['blocks-pairing warning «"go"»', 'blocks-pairing warning «"old"»']);
    assert.match(messages(text, 'command', 'blocks-pairing')[0], /only logs .* clicking this control does nothing/);
    assert.match(messages(text, 'outgoing', 'blocks-pairing')[0], /posts nothing for this response/);
  });

  it('blocks-pairing: an mmaction:// link in the message is ranged on its id; a disabled control must not be registered', () => {
    const text = MB('{"type": "button", "text": "Off", "action_id": "off", "disabled": true}', `"off": ${EXT}`, '"see [docs](mmaction://docs_1?x=1)"');
    assert.deepStrictEqual(found(text, 'incoming'), ['blocks-pairing error «docs_1»', 'blocks-pairing error «"off"»']);
    assert.match(messages(text, 'incoming', 'blocks-pairing')[1], /A disabled control is not a reference/);
  });

  it('blocks-pairing: nothing is checked with the flag off', () => {
    const text = MB('{"type": "button", "text": "Go", "action_id": "go"}');
    assert.deepStrictEqual(found(text, 'incoming', at('12.0.0', { FeatureFlagMmBlocksEnabled: 'false' }), ['blocks-pairing']), []);
    assert.deepStrictEqual(found(text, 'incoming', undefined, ['blocks-pairing']), ['blocks-pairing error «"go"»']);
  });

  it('blocks-registry: the server\'s texts on the right value or key', () => {
    const go = '{"type": "button", "text": "Go", "action_id": "go"}';
    assert.deepStrictEqual(found(MB(go, '"go": {"type": "external", "url": "ftp://x"}'), 'incoming', undefined, ['blocks-registry']), ['blocks-registry error «"ftp://x"»']);
    assert.match(messages(MB(go, '"go": {"type": "external", "url": "ftp://x"}'), 'incoming', 'blocks-registry')[0], /"mm_blocks_actions entry "go": must have a valid integration URL"/);
    assert.deepStrictEqual(found(MB(go, '"go": {"type": "Button", "url": "https://e.example.com"}'), 'incoming', undefined, ['blocks-registry']), ['blocks-registry error «"Button"»']);
    const str = '{"channel_id": "qmd5oqtwoibz8cuzxzg5ekshgr", "message": "m", "props": {"mm_blocks": [' + go + '], "mm_blocks_actions": "c2VjcmV0"}}';
    assert.deepStrictEqual(found(str, 'post', undefined, ['blocks-registry ']), []);
    assert.deepStrictEqual(lint(str, 'post').filter(p => p.rule === 'blocks-registry').map(p => `${p.severity} ${str.slice(p.start, p.end)}`), ['warning "c2VjcmV0"']);
    const q = MB(go, '"go": {"type": "external", "url": "https://e.example.com", "query": {"n": 5}}');
    assert.deepStrictEqual(lint(q, 'incoming').filter(p => p.rule === 'blocks-registry').map(p => `${p.severity} ${q.slice(p.start, p.end)}`), ['warning 5']);
  });

  it('block-dropped: wrong type, enum, missing alt_text, non-object, unknown type, a select with one bad option, a top-level column', () => {
    const text = MB([
      '{"type": "text", "text": "a", "is_subtle": "yes"}',
      '{"type": "text", "text": "b", "size": "large"}',
      '{"type": "image", "url": "https://e.example.com/i.png"}',
      '42',
      '{"type": "carousel"}',
      '{"type": "static_select", "action_id": "s", "placeholder": "P", "options": [{"text": "A", "value": "a"}, {"text": "B"}]}',
      '{"type": "column", "items": [{"type": "divider"}]}',
    ].join(', '), `"s": ${EXT}`);
    assert.deepStrictEqual(found(text, 'incoming', undefined, ['block-dropped']), [
      'block-dropped warning «"yes"»',
      'block-dropped warning «"large"»',
      'block-dropped warning «"image"»',
      'block-dropped warning «42»',
      'block-dropped warning «"carousel"»',
      'block-dropped warning «{"text": "B"}»',
      'block-dropped warning «"column"»',
    ]);
    const m = messages(text, 'incoming', 'block-dropped');
    assert.match(m[2], /drop this `image` block: `alt_text` is missing\. It will not show\./);
    assert.match(m[1], /`size` is "large", not one of "small", "default"/);
  });

  it('block-dropped: a column_set with one bad column is dropped whole; an empty container is dropped', () => {
    const text = MB('{"type": "column_set", "columns": [{"type": "column", "items": [{"type": "divider"}]}, {"type": "text", "text": "x"}]}, {"type": "container", "content": [null]}');
    assert.deepStrictEqual(found(text, 'incoming', undefined, ['block-dropped']), [
      'block-dropped warning «{"type": "text", "text": "x"}»',
      'block-dropped warning «[null]»',
      'block-dropped warning «null»',
    ]);
  });

  it('block-unknown-key and blocks-one-format', () => {
    const text = '{"text": "t", "attachments": [{"fallback": "f", "text": "a"}], "props": {"mm_blocks": [{"type": "divider", "color": "red"}], "blocks": [{"type": "divider"}]}}';
    assert.deepStrictEqual(found(text, 'incoming'), ['blocks-one-format warning «"attachments"»', 'block-unknown-key warning «"color"»', 'blocks-one-format warning «"blocks"»']);
  });

  it('blocks-render-limit: depth and characters at the first block past the limit', () => {
    let deep = '{"type": "text", "text": "deep"}';
    for (let i = 0; i < 32; i++) deep = `{"type": "container", "content": [${deep}]}`;
    assert.deepStrictEqual(found(MB(deep), 'incoming', undefined, ['blocks-render']), ['blocks-render-limit warning «{"type": "text", "text": "deep"}»']);
    const long = MB(`{"type": "text", "text": "${'a'.repeat(15990)}"}, {"type": "button", "text": "${'b'.repeat(20)}", "action_id": "b"}`, `"b": ${EXT}`);
    assert.deepStrictEqual(found(long, 'incoming', undefined, ['blocks-render']), [`blocks-render-limit warning «{"type": "button", "text": "${'b'.repeat(20)}", "action_id": "b"}»`]);
    assert.match(messages(long, 'incoming', 'blocks-render-limit')[0], /16000 characters .* 10 characters are not shown/);
  });

  it('blocks-untranslated: Block Kit and Adaptive Card elements outside the subset', () => {
    const bk = '{"text": "t", "props": {"blocks": [{"type": "actions", "elements": [{"type": "overflow", "action_id": "o"}, {"type": "button", "text": {"type": "plain_text", "text": "B"}, "action_id": "b"}]}], "mm_blocks_actions": {"b": ' + EXT + '}}}';
    assert.deepStrictEqual(found(bk, 'incoming'), ['blocks-untranslated warning «{"type": "overflow", "action_id": "o"}»']);
    const card = '{"text": "t", "props": {"cards": [{"type": "AdaptiveCard", "body": [{"type": "FactSet", "facts": []}, {"type": "TextBlock", "text": "x"}], "actions": [{"type": "Action.OpenUrl", "url": "https://e.example.com"}]}]}}';
    assert.deepStrictEqual(found(card, 'incoming'), ['blocks-untranslated warning «"FactSet"»', 'blocks-untranslated warning «"Action.OpenUrl"»']);
  });

  it('blocks-slack-mrkdwn: links and tokens in section text and fields', () => {
    const text = '{"text": "t", "props": {"blocks": [{"type": "section", "fields": [{"type": "mrkdwn", "text": "<https://e.example.com|site>"}, {"type": "mrkdwn", "text": "hi <!here>"}]}]}}';
    assert.deepStrictEqual(found(text, 'incoming'), ['blocks-slack-mrkdwn warning «<https://e.example.com|site>»', 'blocks-slack-mrkdwn warning «<!here>»']);
  });

  it('blocks-not-shown: "may" before 11.10 (docs-only boundary), certain with the flag off; not with the default profile', () => {
    const text = '{"text": "t", "props": {"cards": [{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "x"}]}]}}';
    assert.deepStrictEqual(found(text, 'incoming', at('11.9.0')), ['blocks-not-shown warning «"cards"»']);
    assert.match(messages(text, 'incoming', 'blocks-not-shown', at('11.9.0'))[0], /may show it to nobody: the target server is Mattermost 11\.9/);
    assert.match(messages(text, 'incoming', 'blocks-not-shown', at('11.10.0', { FeatureFlagMmBlocksEnabled: 'false' }))[0], /but shows it to nobody: .*MmBlocksEnabled/);
    assert.deepStrictEqual(found(text, 'incoming'), []);
    assert.deepStrictEqual(found(text, 'incoming', at('11.10.0')), []);
  });

  it('blocks-registry-stripped: in_channel slash commands lose the registry; ephemeral ones keep it', () => {
    const props = `"props": {"mm_blocks": [{"type": "button", "text": "Go", "action_id": "go"}], "mm_blocks_actions": {"go": ${EXT}}}`;
    assert.deepStrictEqual(found(`{"response_type": "in_channel", "text": "t", ${props}}`, 'command'), ['blocks-registry-stripped warning «"mm_blocks_actions"»']);
    assert.deepStrictEqual(found(`{"text": "t", ${props}}`, 'command'), []);
    const extra = `{"text": "t", "extra_responses": [{"response_type": "in_channel", "text": "x", ${props}}]}`;
    assert.deepStrictEqual(found(extra, 'command'), ['blocks-registry-stripped warning «"mm_blocks_actions"»']);
  });

  it('no-text and nothing-posted say when the blocks do not count', () => {
    const blocks = '"props": {"mm_blocks": [{"type": "text", "text": "x"}]}';
    assert.deepStrictEqual(found(`{${blocks}}`, 'incoming'), []);
    assert.match(messages(`{${blocks}}`, 'incoming', 'no-text', at('11.6.0'))[0], /`props\.mm_blocks` does not count as content: the target server is Mattermost 11\.6/);
    assert.deepStrictEqual(found(`{${blocks}}`, 'outgoing'), ['nothing-posted error «{»']);
    assert.match(messages(`{${blocks}}`, 'outgoing', 'nothing-posted')[0], /`props\.mm_blocks` does not count: add `"text": ""`/);
    assert.deepStrictEqual(found(`{"text": "", ${blocks}}`, 'outgoing'), []);
    assert.match(messages(`{"text": "", ${blocks}}`, 'command', 'nothing-posted')[0], /ephemeral response needs a non-empty `text`/);
  });

  it('no unknown-key or type-mismatch inside props blocks (props is a map the server stores as sent)', () => {
    const text = MB('{"type": "text", "Text": 5, "extra": {"a": [1]}}');
    assert.deepStrictEqual(lint(text, 'incoming').filter(p => p.rule === 'unknown-key' || p.rule === 'type-mismatch' || p.rule === 'key-case'), []);
  });
});
