import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import { renderPreviewBody } from '../../../src/core/preview/render';
import { all, one, render } from './helpers';

describe('preview: reads the payload with the server model', () => {
  it('shows "cannot render" with the reason and line:column for broken JSON', () => {
    const root = render('incoming', '{\n  "text": "hi",\n  "username": \n}');
    const panel = one(root, 'cannot-render');
    assert.match(panel.text, /Cannot render:/);
    assert.match(panel.text, /a missing value at line 4, column 1 \(4:1\)/);
    assert.strictEqual(all(root, 'post').length, 0);
  });

  it('reports an unterminated string mid-edit', () => {
    assert.match(one(render('command', '{"text": "abc'), 'cannot-render').text, /not closed/);
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
        assert.doesNotThrow(() => renderPreviewBody({ text, kind, problems: lint(text, kind) }), `${kind}: ${text} (with problems)`);
      }
    }
  });

  // Issue 10, contradiction 1: the linter warns that the server ignores the rest; the preview renders.
  it('renders a .post.json with content after the JSON value (the server reads the first value)', () => {
    const text = '{"channel_id": "4xp9fdt3pbgtmj3rdtx4xnhxbr", "message": "hello"}\n{"message": "ignored"}';
    const problems = lint(text, 'post');
    assert.deepStrictEqual(problems.map(p => p.rule), ['trailing-content']);
    assert.match(problems[0].message, /ignores everything after it/);
    const root = render('post', text, { problems });
    assert.strictEqual(all(root, 'cannot-render').length, 0);
    assert.strictEqual(one(root, 'post-text').text.trim(), 'hello');
    // the same for webhooks and dialogs (json.Decoder); a slash-command response is json.Unmarshal: refused
    assert.strictEqual(all(render('incoming', '{"text": "x"} trailing'), 'post').length, 1);
    assert.strictEqual(all(render('dialog', '{"trigger_id": "t", "url": "https://x.test", "dialog": {"title": "x"}} trailing'), 'cannot-render').length, 0);
    assert.strictEqual(all(render('command', '{"text": "x"} {"text": "y"}'), 'cannot-render').length, 1);
  });

  // Issue 10, contradiction 2: the linter says the server repairs and accepts it; the preview shows the repaired text.
  it('renders an incoming payload with a raw newline in text as the server repairs it', () => {
    const text = '{"text": "line one\nline two", "attachments": [{"fallback": "f", "title": "a\tb", "text": "x"}]}';
    const problems = lint(text, 'incoming');
    assert.ok(problems.length > 0 && problems.every(p => p.rule === 'raw-control-character' && p.severity !== 'error'), JSON.stringify(problems));
    const root = render('incoming', text, { problems });
    assert.strictEqual(all(root, 'cannot-render').length, 0);
    const post = one(root, 'post-text');
    assert.match(post.text, /line one/);
    assert.match(post.text, /line two/);
    assert.strictEqual(one(root, 'attachment-title').text, 'a\tb');
    // not repaired for other kinds, nor under other keys: the server refuses those
    assert.strictEqual(all(render('outgoing', text), 'cannot-render').length, 1);
    assert.strictEqual(all(render('incoming', '{"text": "x", "footer": "a\nb"}'), 'cannot-render').length, 1);
  });

  // Issue 10, contradiction 3: the linter says 400; the preview must not draw a post.
  it('says "cannot render" for an incoming payload with a // comment (JSON has none: 400)', () => {
    const text = '// note\n{"text": "x"}';
    const problems = lint(text, 'incoming');
    assert.ok(problems.some(p => p.rule === 'invalid-json' && /400/.test(p.message)));
    for (const root of [render('incoming', text), render('incoming', text, { problems })]) {
      assert.match(one(root, 'cannot-render').text, /comment/);
      assert.strictEqual(all(root, 'post').length, 0);
    }
    assert.strictEqual(all(render('incoming', '{"text": "x" /* c */}'), 'cannot-render').length, 1);
  });
});
