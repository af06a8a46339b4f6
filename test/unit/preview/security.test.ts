import * as assert from 'assert';
import type { Kind } from '../../../src/core/payload/problem';
import { renderPreviewBody, renderPreviewDocument } from '../../../src/core/preview/render';
import { all, one, parseHtml, problem } from './helpers';

const EVIL = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)><style>body{display:none}</style>",
  'javascript:alert(4)',
  '<a href="javascript:alert(5)">x</a>',
  '[click](javascript:alert(6))',
  '<iframe src="https://evil.example"></iframe>',
].join(' ');

/** Keys that choose what gets rendered; poisoning them would skip the rest of the payload. */
const STRUCTURAL = new Set(['response_type', 'type']);

/** Replaces every string in a payload with the evil string. */
function poison(value: unknown): unknown {
  if (typeof value === 'string') return EVIL;
  if (Array.isArray(value)) return value.map(poison);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, STRUCTURAL.has(k) ? v : poison(v)]));
  }
  return value;
}

const attachment = {
  fallback: 's', color: 's', pretext: 's', author_name: 's', author_link: 's', author_icon: 's', title: 's', title_link: 's',
  text: 's', image_url: 's', thumb_url: 's', footer: 's', footer_icon: 's', ts: 's',
  fields: [{ title: 's', value: 's', short: true }, { title: 's', value: 's', short: false }],
  actions: [{ name: 's', style: 's', type: 'button' }, { name: 's', type: 'select', options: [{ text: 's', value: 's' }] }, { name: 's', type: 'select', data_source: 's' }],
};

const PAYLOADS: Record<Kind, object> = {
  incoming: { text: 's', username: 's', icon_url: 's', icon_emoji: 's', channel: 's', attachments: [attachment] },
  command: { response_type: 'ephemeral', text: 's', username: 's', icon_url: 's', channel_id: 's', attachments: [attachment], extra_responses: [{ response_type: 'in_channel', text: 's' }, { response_type: 'bogus<script>alert(1)</script>', text: 's' }] },
  outgoing: { text: 's', username: 's', icon_url: 's', response_type: 'comment', attachments: [attachment] },
  post: { channel_id: 's', message: 's', root_id: 's', props: { attachments: [attachment] } },
  dialog: {
    trigger_id: 's', url: 's',
    dialog: {
      title: 's', icon_url: 's', introduction_text: 's', submit_label: 's', callback_id: 's',
      elements: ['text', 'textarea', 'select', 'bool', 'radio', 'date', 'datetime', 'other'].map((type) => ({
        display_name: 's', name: 's', type, subtype: 's', default: 's', placeholder: 's', help_text: 's', data_source: type === 'select' ? '' : undefined,
        options: [{ text: 's', value: 's' }],
      })),
    },
  },
};

function assertNoInjection(html: string): void {
  const root = parseHtml(html);
  for (const tag of ['script', 'iframe', 'svg', 'style', 'object', 'embed']) {
    assert.strictEqual(root.querySelectorAll(tag).length, 0, `<${tag}> injected`);
  }
  for (const el of root.querySelectorAll('*')) {
    for (const name of Object.keys(el.attributes)) {
      assert.ok(!/^on/i.test(name), `event handler attribute ${name} on <${el.tagName}>`);
    }
    for (const name of ['href', 'src', 'action', 'formaction']) {
      const v = el.getAttribute(name);
      if (v !== undefined) assert.match(v, /^(https?:|mailto:)/i, `${name}="${v}"`);
    }
  }
  for (const img of root.querySelectorAll('img')) {
    assert.notStrictEqual(img.getAttribute('src'), 'x');
  }
  assert.ok(!/<script/i.test(html));
}

describe('preview: escaping of payload text', () => {
  for (const kind of Object.keys(PAYLOADS) as Kind[]) {
    it(`${kind}: a script-injection string in every field stays text`, () => {
      for (const loadRemoteImages of [false, true]) {
        const text = JSON.stringify(poison(PAYLOADS[kind]));
        // an error finding: the preview says "cannot render" with its (escaped) message
        assertNoInjection(renderPreviewBody({ text, kind, loadRemoteImages, problems: [problem(['x'], EVIL, 'error', EVIL)] }));
        const html = renderPreviewBody({ text, kind, loadRemoteImages, problems: [problem(['x'], EVIL, 'warning', EVIL)] });
        assertNoInjection(html);
        const root = parseHtml(html);
        assert.ok(root.text.includes('<script>alert(1)</script>'), 'the text is shown literally');
        // The poisoned payload really was rendered, not skipped.
        const rendered = kind === 'dialog' ? all(root, 'dialog-element').length : all(root, 'field').length;
        assert.ok(rendered >= 2, `${kind}: payload elements rendered`);
      }
    });
  }

  it('escapes keys and values in JSON-text fallbacks and Go maps', () => {
    const html = renderPreviewBody({ kind: 'incoming', text: JSON.stringify({ attachments: [{ fields: [{ title: 't', value: { [EVIL]: EVIL } }], ts: { [EVIL]: 1 } }] }) });
    assertNoInjection(html);
  });

  it('escapes the document title and style URI and sanitises the nonce', () => {
    const doc = renderPreviewDocument({ kind: 'incoming', text: '{"text":"x"}', nonce: `abc"'><script>`, cspSource: 'vscode-webview://1', styleUri: '"><script>alert(1)</script>', title: '</title><script>alert(1)</script>' });
    assert.ok(!/<script/i.test(doc));
    const root = parseHtml(doc);
    assert.strictEqual(root.querySelector('style')?.getAttribute('nonce'), 'abcscript');
  });
});

describe('preview: document and CSP', () => {
  const input = { kind: 'incoming' as const, text: JSON.stringify({ text: 'x', attachments: [{ color: '#AbCdEf', text: 'y' }] }), nonce: 'N0nce123', cspSource: 'vscode-webview://abc', styleUri: 'vscode-webview://abc/media/preview.css', title: 'Preview' };

  it('has a strict CSP with the nonce and no script source', () => {
    const root = parseHtml(renderPreviewDocument(input));
    const csp = root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src vscode-webview:\/\/abc 'nonce-N0nce123'/);
    assert.match(csp, /img-src vscode-webview:\/\/abc data:(;|$)/);
    assert.ok(!/https:|http:/.test(csp), 'no remote images while off');
    assert.ok(!/script-src/.test(csp));
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.strictEqual(root.querySelectorAll('script').length, 0);
    assert.strictEqual(root.querySelector('link[rel="stylesheet"]')?.getAttribute('href'), 'vscode-webview://abc/media/preview.css');
    assert.strictEqual(root.querySelector('title')?.text, 'Preview');
  });

  it('allows remote images in the CSP only when the setting is on', () => {
    const root = parseHtml(renderPreviewDocument({ ...input, loadRemoteImages: true }));
    const csp = root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /img-src vscode-webview:\/\/abc data: https: http:/);
  });

  it('puts custom colours in the nonce style block instead of inline styles', () => {
    const doc = renderPreviewDocument(input);
    const root = parseHtml(doc);
    const style = root.querySelector('style');
    assert.strictEqual(style?.getAttribute('nonce'), 'N0nce123');
    assert.match(style?.text ?? '', /\.mm-hex-abcdef\{--mm-color:#abcdef;\}/);
    assert.ok(one(root, 'attachment-box').classList.contains('mm-hex-abcdef'));
    assert.strictEqual(root.querySelectorAll('[style]').length, 0);
  });

  it('is deterministic', () => {
    const now = new Date('2026-01-05T12:00:00Z');
    assert.strictEqual(renderPreviewDocument({ ...input, now }), renderPreviewDocument({ ...input, now }));
    assert.strictEqual(all(parseHtml(renderPreviewBody(input)), 'post').length, 1);
  });
});
