import * as assert from 'assert';
import type { Problem } from '../../../src/core/payload/problem';
import { fitForPreview, PREVIEW_FULL_CHARS, renderFittedDocument } from '../../../src/core/previewFit';

function payload(attachments: number): { text: string; value: { text: string; attachments: { fallback: string; color: string; text: string }[] } } {
  const value = {
    text: 'Nightly builds',
    attachments: Array.from({ length: attachments }, (_, i) => ({ fallback: `Build ${i}`, color: i % 2 ? 'good' : 'danger', text: `Build **${i}** passed ${'x'.repeat(60)}` })),
  };
  return { text: JSON.stringify(value, null, 2) + '\n', value };
}

const problem = (path: (string | number)[], rule = 'attachment-color'): Problem => ({ rule, severity: 'warning', message: `problem at ${path.join('.')}`, start: 0, end: 1, path });

const DOC = { kind: 'incoming' as const, nonce: 'abcdefghijklmnopqrstuv', cspSource: 'vscode-resource:', styleUri: 'vscode-resource:/media/preview.css', title: 'Preview: big.incoming.json' };

describe('what of a big payload the preview shows (src/core/previewFit.ts)', () => {
  it('leaves a payload that fits as it is, with all its findings', () => {
    const { text } = payload(3);
    const problems = [problem(['attachments', 2, 'color'])];
    const fitted = fitForPreview(text, problems, 10_000);
    assert.strictEqual(fitted.text, text);
    assert.deepStrictEqual(fitted.problems, problems);
    assert.strictEqual(fitted.note, undefined);
    assert.deepStrictEqual(fitted.omissions, []);
  });

  it('keeps the leading attachments that fit in the limit and says how many of how many it shows', () => {
    const { text, value } = payload(2000); // ~250 KB
    const limit = 20_000;
    const fitted = fitForPreview(text, [], limit);
    const shown = JSON.parse(fitted.text) as typeof value;
    assert.strictEqual(shown.text, value.text, 'scalars are kept');
    assert.ok(shown.attachments.length > 10 && shown.attachments.length < 2000, `${shown.attachments.length} attachments shown`);
    assert.deepStrictEqual(shown.attachments, value.attachments.slice(0, shown.attachments.length), 'the leading items, unchanged');
    assert.ok(JSON.stringify(shown).length <= limit + 200, `${JSON.stringify(shown).length} chars of JSON for a ${limit} limit`);
    assert.deepStrictEqual(fitted.omissions, [{ path: ['attachments'], shown: shown.attachments.length, total: 2000, what: 'items' }]);
    assert.match(fitted.note ?? '', new RegExp(`the first ${shown.attachments.length} of 2,000 items of "attachments"`));
    assert.match(fitted.note ?? '', /This payload is \d+ KB, too big to preview whole/);
  });

  it('keeps the findings on the part shown and counts the others', () => {
    const { text } = payload(2000);
    const problems = [problem([]), problem(['attachments', 0, 'color']), problem(['attachments', 1999, 'color']), problem(['attachments', 1500])];
    const fitted = fitForPreview(text, problems, 20_000);
    assert.deepStrictEqual(fitted.problems.map(p => p.path), [[], ['attachments', 0, 'color']]);
    assert.match(fitted.note ?? '', /2 findings in the rest are in the Problems panel\./);
  });

  it('cuts one long string to what fits', () => {
    const text = JSON.stringify({ text: 'y'.repeat(50_000), username: 'bot' });
    const fitted = fitForPreview(text, [], 10_000);
    const shown = JSON.parse(fitted.text) as { text: string; username: string };
    assert.strictEqual(shown.username, 'bot');
    assert.ok(shown.text.length > 5_000 && shown.text.length <= 10_000, `${shown.text.length} characters kept`);
    assert.strictEqual(fitted.omissions[0].what, 'characters');
    assert.match(fitted.note ?? '', /characters of "text"/);
  });

  it('hands text that is not plain JSON to the renderer unchanged', () => {
    const text = '{ "text": "a" // comment\n' + ' '.repeat(30_000) + '}';
    const fitted = fitForPreview(text, [problem([], 'invalid-json')], 10_000);
    assert.strictEqual(fitted.text, text);
    assert.strictEqual(fitted.note, undefined);
    assert.strictEqual(fitted.problems.length, 1);
  });

  it('uses 320 KB as the default limit: a request body the server accepts (300,000 bytes) is shown whole', () => {
    assert.strictEqual(PREVIEW_FULL_CHARS, 320 * 1024);
    const { text } = payload(1750); // ~290 KB: whole
    assert.ok(text.length > 280_000 && text.length < 300_000, `${text.length}`);
    assert.strictEqual(fitForPreview(text, []).text, text);
    const bigger = payload(4000).text; // ~660 KB, about 520 KB as compact JSON
    assert.ok(bigger.length > 320 * 1024, `${bigger.length}`);
    assert.ok(fitForPreview(bigger, []).note);
  });

  it('renders what fits with the note, escaped, at the top of the body', () => {
    const value = { text: 'hello', attachments: [{ fallback: 'f', text: 'first attachment' }], '<b>list</b>': Array.from({ length: 3000 }, (_, i) => `item ${i}`) };
    const { html, note } = renderFittedDocument({ ...DOC, text: JSON.stringify(value, null, 2) }, 5_000);
    assert.ok(note && note.includes('"<b>list</b>"'));
    const banner = /<body[^>]*>\n?<div class="mm-banner mm-banner-info" data-testid="preview-truncated" role="note">([^<]*)<\/div>/.exec(html);
    assert.ok(banner, html.slice(0, 1500));
    assert.match(banner[1], /&quot;&lt;b&gt;list&lt;\/b&gt;&quot;/);
    assert.match(html, /first attachment/);
  });

  it('renders a payload that fits without a note', () => {
    const { html, note } = renderFittedDocument({ ...DOC, text: payload(2).text });
    assert.strictEqual(note, undefined);
    assert.doesNotMatch(html, /preview-truncated/);
    assert.match(html, /Build <strong>1<\/strong> passed/);
  });
});
