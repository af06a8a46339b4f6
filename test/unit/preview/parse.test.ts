import * as assert from 'assert';
import { lineColumn, parsePayload } from '../../../src/core/preview/json';
import { renderPreviewBody } from '../../../src/core/preview/render';
import { all, one, render } from './helpers';

describe('preview: tolerant parsing', () => {
  it('shows "cannot render" with the reason and line:column for broken JSON', () => {
    const root = render('incoming', '{\n  "text": "hi",\n  "username": \n}');
    const panel = one(root, 'cannot-render');
    assert.match(panel.text, /Cannot render:/);
    assert.match(panel.text, /value expected at line 4, column 1 \(4:1\)/);
    assert.strictEqual(all(root, 'post').length, 0);
  });

  it('reports an unterminated string mid-edit', () => {
    assert.match(one(render('command', '{"text": "abc'), 'cannot-render').text, /unterminated string/);
  });

  it('reports an empty file and a non-object payload', () => {
    assert.match(one(render('incoming', '   '), 'cannot-render').text, /empty/);
    assert.match(one(render('incoming', '[1,2]'), 'cannot-render').text, /must be a JSON object, not an array/);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', '{', '}', 'null', '"x"', '{"attachments": {}}', '{"attachments": [1, "x", [], {"fields": 3}]}', '{"extra_responses": [null]}', '{"dialog": 5}', '{"elements": [null, 1]}'];
    for (const text of inputs) {
      for (const kind of ['incoming', 'command', 'outgoing', 'dialog', 'post'] as const) {
        assert.doesNotThrow(() => renderPreviewBody({ text, kind }), `${kind}: ${text}`);
      }
    }
  });

  it('tolerates comments, and trailing text for webhooks like Go json.Decoder', () => {
    assert.strictEqual(all(render('incoming', '// note\n{"text": "x"}'), 'post').length, 1);
    assert.strictEqual(all(render('incoming', '{"text": "x"} trailing'), 'post').length, 1);
    assert.strictEqual(all(render('dialog', '{"title": "x"} trailing'), 'cannot-render').length, 1);
  });

  it('computes 1-based line and column', () => {
    assert.deepStrictEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
    const r = parsePayload('{"a": tru}');
    assert.ok(!r.ok);
  });
});
