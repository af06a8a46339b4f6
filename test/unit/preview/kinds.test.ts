import * as assert from 'assert';
import { runeCount, splitRunes } from '../../../src/core/server/runes';
import { all, fixture, one, render } from './helpers';

describe('preview: per kind', () => {
  describe('overrides', () => {
    it('shows username and icon as the bot and marks them as needing the override setting', () => {
      const root = render('incoming', fixture('incoming-full.json'));
      assert.strictEqual(one(root, 'post-username').text, 'ci-bot');
      const note = one(root, 'override-note');
      assert.strictEqual(note.getAttribute('data-overrides'), 'username icon_url');
      assert.match(note.text, /needs the server's override setting/);
      assert.strictEqual(one(root, 'avatar').getAttribute('data-source'), 'icon_url');
      assert.strictEqual(one(root, 'post-channel').text, '→ town-square');
    });

    it('shows icon_emoji as the avatar for incoming webhooks', () => {
      const root = render('incoming', { text: 'x', icon_emoji: ':ghost:', icon_url: 'https://e.example/i.png' });
      const avatar = one(root, 'avatar');
      assert.strictEqual(avatar.getAttribute('data-source'), 'icon_emoji');
      assert.strictEqual(avatar.text, ':ghost:');
      assert.strictEqual(one(root, 'override-note').getAttribute('data-overrides'), 'icon_url icon_emoji');
    });

    it('has no override note and a default name without overrides', () => {
      const root = render('incoming', { text: 'x' });
      assert.strictEqual(all(root, 'override-note').length, 0);
      assert.strictEqual(one(root, 'post-username').text, 'webhook');
    });

    it('matches keys case-insensitively, last one winning, as Go does', () => {
      const root = render('incoming', '{"text":"first","TEXT":"second","Username":"Bob"}');
      assert.strictEqual(one(root, 'post-text').text.trim(), 'second');
      assert.strictEqual(one(root, 'post-username').text, 'Bob');
    });

    it('post kind shows no overrides', () => {
      const root = render('post', { message: 'hi', username: 'nope', props: {} });
      assert.strictEqual(all(root, 'override-note').length, 0);
      assert.strictEqual(one(root, 'post-username').text, 'you');
    });
  });

  describe('split posts', () => {
    it('counts runes (code points), not UTF-16 units', () => {
      assert.strictEqual(runeCount('😀a'), 2);
      assert.strictEqual('😀a'.length, 3);
      assert.deepStrictEqual(splitRunes('😀😀😀', 2), ['😀😀', '😀']);
    });

    it('keeps exactly 16383 runes of emoji in one post', () => {
      const text = '😀'.repeat(16383); // 32766 UTF-16 units
      const root = render('incoming', { text });
      assert.strictEqual(all(root, 'split-post').length, 0);
      assert.strictEqual(all(root, 'post').length, 1);
    });

    it('splits text over 16383 runes into the posts the server creates, attachments on the last', () => {
      const text = 'a'.repeat(16383) + '😀'.repeat(16383) + 'z';
      const root = render('incoming', { text, attachments: [{ text: 'att' }] });
      const parts = all(root, 'split-post');
      assert.strictEqual(parts.length, 3);
      assert.deepStrictEqual(all(root, 'split-label').map((l) => l.text), ['Post 1 of 3', 'Post 2 of 3', 'Post 3 of 3']);
      assert.strictEqual(all(parts[0], 'attachment').length, 0);
      assert.strictEqual(all(parts[1], 'attachment').length, 0);
      assert.strictEqual(all(parts[2], 'attachment').length, 1);
      assert.strictEqual(one(parts[1], 'post-text').text.trim(), '😀'.repeat(16383));
      assert.strictEqual(one(parts[2], 'post-text').text.trim(), 'z');
      assert.strictEqual(parts[0].getAttribute('data-parts'), '3');
    });

    it('shows that the server rejects a REST post over 16383 runes', () => {
      const root = render('post', { channel_id: 'c', message: '😀'.repeat(16384) });
      assert.match(one(root, 'cannot-render').text, /rejects/);
      assert.strictEqual(all(root, 'post').length, 0);
      const ok = render('post', { channel_id: 'c', message: '😀'.repeat(16383) });
      assert.strictEqual(all(ok, 'cannot-render').length, 0);
      assert.strictEqual(all(ok, 'post').length, 1);
    });
  });

  describe('incoming webhook with nothing to post', () => {
    it('shows the 400 "No text specified" when text is empty and attachments absent, null, [] or only nulls', () => {
      assert.match(one(render('incoming', { text: '' }), 'cannot-render').text, /No text specified/);
      assert.match(one(render('incoming', { attachments: null }), 'cannot-render').text, /No text specified/);
      assert.match(one(render('incoming', { attachments: [] }), 'cannot-render').text, /No text specified/);
      assert.match(one(render('incoming', { attachments: [null, null] }), 'cannot-render').text, /No text specified/);
      assert.strictEqual(all(render('incoming', { attachments: [null, { text: 'a' }] }), 'cannot-render').length, 0);
    });
  });

  describe('slash-command responses', () => {
    const root = render('command', fixture('command-responses.json'));
    const posts = all(root, 'post');

    it('labels ephemeral responses "(Only visible to you)"', () => {
      assert.strictEqual(posts.length, 3);
      assert.strictEqual(one(posts[0], 'ephemeral-label').text, '(Only visible to you)');
      assert.ok(posts[0].classList.contains('mm-post-ephemeral'));
    });

    it('renders each extra response as its own post', () => {
      const extras = all(root, 'extra-response');
      assert.strictEqual(extras.length, 3);
      assert.strictEqual(all(extras[0], 'ephemeral-label').length, 0, 'in_channel is a normal post');
      assert.strictEqual(one(extras[0], 'post-text').text.trim(), 'Everyone sees this');
      assert.match(one(extras[1], 'no-post').text, /posts nothing for this response_type/);
      assert.strictEqual(all(extras[1], 'post').length, 0);
      assert.strictEqual(one(extras[2], 'ephemeral-label').text, '(Only visible to you)', 'empty response_type is ephemeral');
    });

    it('shows nothing posted for an unknown top-level response_type', () => {
      const r = render('command', { response_type: 'in-channel', text: 'typo' });
      assert.strictEqual(all(r, 'post').length, 0);
      assert.match(one(r, 'no-post').text, /Mattermost posts nothing for this response_type/);
    });
  });

  describe('outgoing-webhook responses', () => {
    it('shows response_type comment as a reply under the triggering post', () => {
      const root = render('outgoing', fixture('outgoing-comment.json'));
      const thread = one(root, 'thread');
      assert.ok(one(thread, 'triggering-post'));
      const reply = one(thread, 'thread-reply');
      assert.strictEqual(all(reply, 'post').length, 1);
      assert.strictEqual(one(reply, 'post-username').text, 'echo');
    });

    it('shows other responses as a normal post', () => {
      const root = render('outgoing', { text: 'hello' });
      assert.strictEqual(all(root, 'thread').length, 0);
      assert.strictEqual(all(root, 'post').length, 1);
    });

    it('posts nothing without a text key or attachments, but posts an explicit empty text', () => {
      assert.strictEqual(all(render('outgoing', { username: 'x' }), 'no-post').length, 1);
      assert.strictEqual(all(render('outgoing', { text: '' }), 'post').length, 1);
    });
  });
});
