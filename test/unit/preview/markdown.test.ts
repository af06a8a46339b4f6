import * as assert from 'assert';
import { all, one, render } from './helpers';

describe('preview: Markdown text', () => {
  const md = (text: string, loadRemoteImages = false) => one(render('incoming', { text }, { loadRemoteImages }), 'post-text');

  it('renders bold, italics, strike and inline code', () => {
    const t = md('**b** _i_ ~~s~~ `c`');
    assert.strictEqual(t.querySelector('strong')?.text, 'b');
    assert.strictEqual(t.querySelector('em')?.text, 'i');
    assert.strictEqual(t.querySelector('s')?.text, 's');
    assert.strictEqual(t.querySelector('code')?.text, 'c');
  });

  it('renders code blocks, tables, lists and block quotes', () => {
    const t = md('```js\nlet x = "<b>";\n```\n\n| a | b |\n|---:|---|\n| 1 | 2 |\n\n- one\n- two\n\n1. first\n\n> quoted');
    assert.strictEqual(t.querySelector('pre code')?.text, 'let x = "<b>";\n');
    assert.strictEqual(t.querySelectorAll('table td').length, 2);
    assert.strictEqual(t.querySelector('th')?.getAttribute('class'), 'mm-align-right');
    assert.strictEqual(t.querySelector('th')?.getAttribute('style'), undefined, 'no inline style under the CSP');
    assert.strictEqual(t.querySelectorAll('ul li').length, 2);
    assert.strictEqual(t.querySelectorAll('ol li').length, 1);
    assert.strictEqual(t.querySelector('blockquote')?.text.trim(), 'quoted');
  });

  it('turns single newlines into line breaks, as Mattermost does', () => {
    assert.strictEqual(md('a\nb').querySelectorAll('br').length, 1);
  });

  it('opens links in a new tab without referrer', () => {
    const a = md('[site](https://example.com/x) and https://auto.example.com').querySelectorAll('a');
    assert.strictEqual(a.length, 2);
    for (const link of a) {
      assert.strictEqual(link.getAttribute('target'), '_blank');
      assert.strictEqual(link.getAttribute('rel'), 'noopener noreferrer');
    }
    assert.strictEqual(a[0].getAttribute('href'), 'https://example.com/x');
    assert.strictEqual(a[1].getAttribute('href'), 'https://auto.example.com');
  });

  it('allows mailto links but neutralises javascript:, data:, vbscript: and relative links', () => {
    const t = md('[m](mailto:a@example.com) [j](javascript:alert(1)) [d](data:text/html,x) [v](vbscript:x) [r](/etc/passwd) <javascript:alert(2)>');
    const hrefs = t.querySelectorAll('a').map((a) => a.getAttribute('href'));
    assert.deepStrictEqual(hrefs, ['mailto:a@example.com']);
    assert.ok(!t.innerHTML.includes('href="javascript'));
    assert.ok(t.text.includes('[j](javascript:alert(1))'), 'the neutralised link stays visible as text');
  });

  it('does not render raw HTML', () => {
    const t = md('<b>bold?</b> <img src=x onerror=alert(1)>');
    assert.strictEqual(t.querySelector('b'), null);
    assert.strictEqual(t.querySelector('img'), null);
    assert.ok(t.text.includes('<b>bold?</b>'));
  });

  it('shows emoji shortcodes as styled text', () => {
    const emoji = all(md('hi :smile: and :+1:'), 'emoji');
    assert.deepStrictEqual(emoji.map((e) => e.text), [':smile:', ':+1:']);
    assert.ok(emoji[0].classList.contains('mm-emoji'));
  });

  it('highlights @mentions and marks @channel/@here/@all as special', () => {
    const mentions = all(md('@alice, @channel @here @all and mail a@b.com `@code`'), 'mention');
    assert.deepStrictEqual(mentions.map((m) => m.text), ['@alice', '@channel', '@here', '@all']);
    assert.ok(!mentions[0].classList.contains('mm-mention-special'));
    assert.ok(mentions.slice(1).every((m) => m.classList.contains('mm-mention-special')));
  });

  it('does not treat a trailing full stop as part of a mention', () => {
    assert.strictEqual(one(md('thanks @bob.'), 'mention').text, '@bob');
  });

  it('shows Markdown images as placeholders unless remote images are on', () => {
    const off = md('![logo](https://example.com/logo.png)');
    assert.strictEqual(off.querySelector('img'), null);
    assert.match(one(off, 'image-placeholder').text, /example\.com\/logo\.png — remote images are off/);
    const on = md('![logo](https://example.com/logo.png)', true);
    assert.strictEqual(on.querySelector('img')?.getAttribute('src'), 'https://example.com/logo.png');
  });
});
