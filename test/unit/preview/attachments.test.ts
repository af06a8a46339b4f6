import * as assert from 'assert';
import { all, fixture, one, render } from './helpers';

describe('preview: message attachments', () => {
  const root = render('incoming', fixture('incoming-full.json'));
  const atts = all(root, 'attachment');
  const first = atts[0];

  it('drops null attachments like the server', () => {
    assert.strictEqual(atts.length, 5);
    assert.deepStrictEqual(atts.map((a) => a.getAttribute('data-index')), ['0', '2', '3', '4', '5']);
  });

  it('maps good/warning/danger to Mattermost colours and keeps #RRGGBB', () => {
    assert.deepStrictEqual(atts.map((a) => a.getAttribute('data-color')), ['#00c100', '#1a2b3c', 'default', '#dede01', '#d24b4e']);
    assert.ok(one(first, 'attachment-box').classList.contains('mm-color-good'));
    assert.ok(one(atts[1], 'attachment-box').classList.contains('mm-hex-1a2b3c'));
  });

  it('renders an invalid colour with the default colour and marks it', () => {
    assert.strictEqual(atts[2].getAttribute('data-color-invalid'), 'true');
    assert.ok(one(atts[2], 'attachment-box').classList.contains('mm-color-default'));
    assert.match(one(atts[2], 'color-invalid').text, /"red"/);
    assert.strictEqual(atts[0].getAttribute('data-color-invalid'), undefined);
  });

  it('shows pretext above the box, author with link, title with link', () => {
    assert.ok(one(first, 'attachment-pretext').text.includes('Pretext'));
    const author = one(first, 'attachment-author');
    assert.strictEqual(author.querySelector('a')?.getAttribute('href'), 'https://author.example.com');
    const title = one(first, 'attachment-title').querySelector('a');
    assert.strictEqual(title?.getAttribute('href'), 'https://title.example.com');
    assert.strictEqual(title?.getAttribute('target'), '_blank');
  });

  it('lays out short fields two per row and long fields full width', () => {
    const rows = all(first, 'field-row');
    const layout = rows.map((r) => all(r, 'field-title').map((t) => t.text));
    assert.deepStrictEqual(layout, [['Short A', 'Short B'], ['Long C'], ['Short D', 'Short E'], ['Short F']]);
    const fields = all(first, 'field');
    assert.deepStrictEqual(fields.map((f) => f.getAttribute('data-short')), ['true', 'true', 'false', 'true', 'true', 'true']);
  });

  it('shows field values as the server stringifies them (Go %v)', () => {
    const values = all(first, 'field-value').map((v) => v.text.trim());
    assert.deepStrictEqual(values.slice(1), ['1.234567e+06', 'map[a:1 k:v]', 'true', '42', '[1 x]']);
  });

  it('does not stringify values for REST posts, and uses JS truthiness for short', () => {
    const post = render('post', fixture('post-rest.json'));
    const field = one(post, 'field');
    assert.strictEqual(one(field, 'field-value').text.trim(), '1234567');
    assert.strictEqual(field.getAttribute('data-short'), 'true', '"false" is a truthy string in the webapp');
  });

  it('formats ts (number or string, epoch seconds) in UTC', () => {
    assert.strictEqual(one(first, 'attachment-ts').text, '2023-11-14 22:13 UTC');
    assert.strictEqual(one(first, 'attachment-ts').getAttribute('datetime'), '2023-11-14T22:13:20.000Z');
    assert.strictEqual(one(atts[1], 'attachment-ts').text, '2023-11-14 22:14 UTC');
  });

  it('shows footer text and icon', () => {
    const footer = one(first, 'attachment-footer');
    assert.ok(footer.text.includes('Footer'));
    assert.strictEqual(one(footer, 'image-placeholder').getAttribute('data-role'), 'footer_icon');
  });

  describe('remote images', () => {
    it('shows labelled placeholders and no <img> while remote images are off', () => {
      assert.strictEqual(root.querySelectorAll('img').length, 0);
      const roles = all(root, 'image-placeholder').map((p) => p.getAttribute('data-role'));
      assert.deepStrictEqual(roles, ['icon_url', 'author_icon', 'thumb_url', 'image_url', 'footer_icon']);
      const image = one(one(first, 'attachment-image'), 'image-placeholder');
      assert.strictEqual(image.text, 'image: example.com/image.png — remote images are off');
    });

    it('loads them when allowed', () => {
      const on = render('incoming', fixture('incoming-full.json'), { loadRemoteImages: true });
      const srcs = on.querySelectorAll('img').map((i) => i.getAttribute('src'));
      assert.deepStrictEqual(srcs, [
        'https://example.com/bot.png',
        'https://example.com/author.png',
        'https://example.com/thumb.png',
        'https://example.com/image.png',
        'https://example.com/footer.png',
      ]);
      assert.strictEqual(all(on, 'image-placeholder').length, 0);
      assert.ok(on.querySelectorAll('img').every((i) => i.getAttribute('referrerpolicy') === 'no-referrer'));
    });

    it('never puts a non-http(s) URL in src, even when allowed', () => {
      const on = render('incoming', { attachments: [{ image_url: 'javascript:alert(1)', thumb_url: 'data:image/png;base64,AAAA', footer_icon: 'file:///etc/passwd', footer: 'f' }] }, { loadRemoteImages: true });
      assert.strictEqual(on.querySelectorAll('img').length, 0);
      assert.strictEqual(all(on, 'image-placeholder').length, 3);
    });
  });

  describe('buttons and menus', () => {
    const buttons = all(first, 'action-button');
    it('styles buttons by style (named and #hex)', () => {
      assert.deepStrictEqual(buttons.map((b) => b.text), ['Approve', 'Reject', 'Custom', 'Off']);
      assert.ok(buttons[0].classList.contains('mm-btn-primary'));
      assert.ok(buttons[1].classList.contains('mm-btn-danger'));
      assert.ok(buttons[2].classList.contains('mm-hex-ff8800'));
      assert.ok(buttons[3].classList.contains('mm-btn-default'));
    });
    it('keeps them inert', () => {
      for (const b of buttons) {
        assert.strictEqual(b.getAttribute('type'), 'button');
        assert.strictEqual(b.getAttribute('onclick'), undefined);
      }
      assert.ok(buttons[3].hasAttribute('disabled'), 'disabled: true is shown disabled');
      assert.ok(!buttons[0].hasAttribute('disabled'));
    });
    it('shows selects with their placeholder name and options or data source', () => {
      const selects = all(first, 'action-select');
      assert.strictEqual(selects.length, 2);
      assert.deepStrictEqual(selects[0].querySelectorAll('option').map((o) => o.text), ['Pick one', 'One', 'Two']);
      assert.ok(selects[0].hasAttribute('disabled'));
      assert.strictEqual(selects[1].getAttribute('data-source'), 'users');
      assert.strictEqual(selects[1].querySelector('option')?.text, 'Pick a user');
    });
    it('marks an invalid style and renders it as default', () => {
      const r = render('incoming', { attachments: [{ actions: [{ name: 'X', style: 'purple' }] }] });
      assert.ok(one(r, 'action-button').classList.contains('mm-btn-default'));
      assert.ok(one(r, 'style-invalid').text.includes('purple'));
    });
  });
});
