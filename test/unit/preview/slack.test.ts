import * as assert from 'assert';
import { expandAnnouncements, slackLinksToMarkdown } from '../../../src/core/server/slack';
import { all, fixture, one, render } from './helpers';

describe('preview: Slack markup conversion', () => {
  describe('the conversion functions', () => {
    it('converts <url|text> to [text](url) and leaves plain <url> alone', () => {
      assert.strictEqual(slackLinksToMarkdown('see <https://a.example|A> and <https://b.example>'), 'see [A](https://a.example) and <https://b.example>');
    });
    it('does not match across newlines, or with <, | or > inside a part', () => {
      assert.strictEqual(slackLinksToMarkdown('<https://a\n.example|A>'), '<https://a\n.example|A>');
      assert.strictEqual(slackLinksToMarkdown('<https://a.example|A\nB>'), '<https://a.example|A\nB>');
      assert.strictEqual(slackLinksToMarkdown('<https://a|b|c>'), '<https://a|b|c>');
      assert.strictEqual(slackLinksToMarkdown('<<https://a|b>'), '<[b](https://a)');
    });
    it('expands <!channel>, <!here>, <!all> but not <!everyone> or <@USERID>', () => {
      assert.strictEqual(expandAnnouncements('<!channel> <!here> <!all> <!everyone> <@U123>'), '@channel @here @all <!everyone> <@U123>');
    });
  });

  describe('incoming webhook: where the server converts', () => {
    const root = render('incoming', fixture('incoming-full.json'));
    const att = all(root, 'attachment')[0];

    it('converts links and announcements in the main text', () => {
      const text = one(root, 'post-text');
      const log = text.querySelectorAll('a').find((a) => a.text === 'the log');
      assert.strictEqual(log?.getAttribute('href'), 'https://ci.example.com/42');
      assert.ok(all(text, 'mention').some((m) => m.text === '@channel'));
      assert.ok(!text.text.includes('<!channel>'));
    });

    it('converts links in attachment pretext, text and string field values', () => {
      assert.strictEqual(one(att, 'attachment-pretext').querySelector('a')?.getAttribute('href'), 'https://pre.example.com');
      assert.strictEqual(one(att, 'attachment-text').querySelector('a')?.getAttribute('href'), 'https://txt.example.com');
      const value = all(att, 'field-value')[0];
      assert.strictEqual(value.querySelector('a')?.getAttribute('href'), 'https://v.example.com');
      assert.ok(all(value, 'mention').some((m) => m.text === '@channel'));
      assert.ok(all(one(att, 'attachment-pretext'), 'mention').some((m) => m.text === '@here'));
    });

    it('does not convert links in title, author_name or footer', () => {
      assert.ok(one(att, 'attachment-title').text.includes('<https://t.example.com|title link>'));
      assert.ok(one(att, 'attachment-author').text.includes('<https://a.example.com|name>'));
      assert.ok(one(att, 'attachment-footer').text.includes('<https://foot.example.com|footer link>'));
    });

    it('expands announcements in the title', () => {
      const title = one(att, 'attachment-title').text;
      assert.ok(title.includes('@all') && !title.includes('<!all>'));
    });

    it('never shows the fallback', () => {
      assert.ok(!root.text.includes('fallback'));
    });

    it('leaves <@USERID> as is', () => {
      const t = one(render('incoming', { text: 'hi <@U123ABC>' }), 'post-text');
      assert.ok(t.text.includes('<@U123ABC>'));
    });
  });

  describe('where the server does not convert', () => {
    it('post kind (REST API): no conversion in message or attachments', () => {
      const root = render('post', fixture('post-rest.json'));
      const text = one(root, 'post-text');
      assert.ok(text.text.includes('<https://x.example.com|no conversion>'));
      assert.ok(text.text.includes('<!channel>'));
      assert.strictEqual(text.querySelectorAll('a').length, 0);
      assert.ok(one(root, 'attachment-pretext').text.includes('<https://p.example.com|kept>'));
    });

    it('command response with skip_slack_parsing: no conversion in the text, only links in attachments (§2.5, §4.3)', () => {
      const root = render('command', {
        response_type: 'in_channel',
        skip_slack_parsing: true,
        text: '<https://x.example.com|raw> <!here>',
        attachments: [{ text: '<https://y.example.com|converted> <!here>' }],
      });
      assert.ok(one(root, 'post-text').text.includes('<https://x.example.com|raw>'));
      assert.ok(one(root, 'post-text').text.includes('<!here>'));
      const att = one(root, 'attachment-text');
      assert.strictEqual(att.querySelector('a')?.getAttribute('href'), 'https://y.example.com');
      assert.ok(!att.text.includes('<https://y.example.com|converted>'));
      assert.ok(att.text.includes('<!here>'), 'no mention processing in attachments either');
    });

    it('command response without skip_slack_parsing is converted', () => {
      const root = render('command', { response_type: 'in_channel', text: '<https://x.example.com|conv>' });
      assert.strictEqual(one(root, 'post-text').querySelector('a')?.getAttribute('href'), 'https://x.example.com');
    });

    it('outgoing webhook responses are converted (CreateWebhookPost)', () => {
      const root = render('outgoing', fixture('outgoing-comment.json'));
      assert.strictEqual(one(root, 'post-text').querySelector('a')?.getAttribute('href'), 'https://x.example.com');
    });
  });
});
