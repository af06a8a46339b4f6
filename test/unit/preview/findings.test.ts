import * as assert from 'assert';
import type { HTMLElement } from 'node-html-parser';
import { all, fixture, one, problem, render } from './helpers';

/** The element that directly holds the finding's inline container. */
function holder(finding: HTMLElement): HTMLElement {
  const container = finding.parentNode;
  assert.ok(container && container.classList.contains('mm-findings-inline'));
  const parent = container.parentNode;
  assert.ok(parent);
  return parent;
}

describe('preview: linter findings', () => {
  // Warnings and information only: an error means nothing is posted, so nothing is drawn to place it on.
  const problems = [
    problem(['attachments', 0, 'fields', 1, 'short'], 'field-rule', 'warning', 'The server logs this field.'),
    problem(['attachments', 0, 'actions', 2, 'integration'], 'action-integration', 'warning', 'Clicking fails.'),
    problem(['attachments', 0, 'fallback'], 'fallback-ignored', 'information', 'Never shown.'),
    problem(['attachments', 2, 'color'], 'invalid-color', 'warning', 'Default colour.'),
    problem(['username'], 'override', 'information', 'Needs the setting.'),
    problem(['text'], 'text-rule', 'warning', 'About the text.'),
    problem(['blocks'], 'blocks-ignored', 'warning', 'Mattermost ignores blocks.'),
    problem([], 'document', 'warning', 'Whole document.'),
  ];
  const root = render('incoming', fixture('incoming-full.json'), { problems });
  const byRule = (rule: string): HTMLElement => {
    const f = all(root, 'finding').find((x) => x.getAttribute('data-rule') === rule);
    assert.ok(f, rule);
    return f;
  };

  it('renders every problem exactly once', () => {
    assert.strictEqual(all(root, 'finding').length, problems.length);
  });

  it('places a field problem on that field', () => {
    const f = byRule('field-rule');
    const field = holder(f);
    assert.strictEqual(field.getAttribute('data-testid'), 'field');
    assert.strictEqual(one(field, 'field-title').text, 'Short B');
    assert.ok(f.classList.contains('mm-finding-warning'));
    assert.strictEqual(f.getAttribute('data-severity'), 'warning');
    assert.match(f.text, /logs this field/);
  });

  it('places an action problem on that button', () => {
    const action = holder(byRule('action-integration'));
    assert.strictEqual(action.getAttribute('data-testid'), 'action');
    assert.strictEqual(one(action, 'action-button').text, 'Custom');
  });

  it('places a problem on something not rendered at its nearest rendered parent', () => {
    const att = holder(byRule('fallback-ignored'));
    assert.strictEqual(att.getAttribute('data-testid'), 'attachment');
    assert.strictEqual(att.getAttribute('data-index'), '0');
    const att2 = holder(byRule('invalid-color'));
    assert.strictEqual(att2.getAttribute('data-index'), '2');
  });

  it('places override and text problems on the post', () => {
    const header = holder(byRule('override'));
    assert.ok(header.classList.contains('mm-post-content'));
    assert.ok(one(header, 'post-username'));
    const text = holder(byRule('text-rule'));
    assert.ok(text.classList.contains('mm-post-content'));
  });

  it('lists problems that map to nothing rendered at the top', () => {
    const list = one(root, 'findings');
    const rules = all(list, 'finding').map((f) => f.getAttribute('data-rule'));
    assert.deepStrictEqual(rules, ['blocks-ignored', 'document']);
    assert.strictEqual(root.querySelector('.mm-preview')?.childNodes.filter((n) => (n as HTMLElement).tagName).map((n) => (n as HTMLElement).getAttribute('data-testid'))[1], 'findings');
  });

  it('has no findings list without problems', () => {
    const clean = render('incoming', fixture('incoming-full.json'));
    assert.strictEqual(all(clean, 'finding').length, 0);
    assert.strictEqual(all(clean, 'findings').length, 0);
  });

  it('places dialog element problems on the element', () => {
    const r = render('dialog', fixture('dialog-all.json'), { problems: [problem(['dialog', 'elements', 2, 'default'], 'default-not-option')] });
    const el = holder(one(r, 'finding'));
    assert.strictEqual(el.getAttribute('data-testid'), 'dialog-element');
    assert.strictEqual(el.getAttribute('data-name'), 'prio');
  });

  it('places extra_responses problems on that response', () => {
    const r = render('command', fixture('command-responses.json'), { problems: [problem(['extra_responses', 0, 'text'], 'x')] });
    const post = holder(one(r, 'finding')).parentNode;
    assert.strictEqual(post?.getAttribute('data-path'), 'extra_responses.0');
  });

  it('says "cannot render" with the message of an error (nothing is posted) and lists every finding at the top', () => {
    const errors = [problem(['attachments', 0, 'fields', 1, 'short'], 'short-not-boolean', 'error', 'The server rejects the whole request.'), problem(['text'], 'text-rule')];
    const r = render('incoming', fixture('incoming-full.json'), { problems: errors });
    assert.match(one(r, 'cannot-render').text, /Cannot render: The server rejects the whole request\./);
    assert.strictEqual(all(r, 'post').length, 0);
    const listed = all(one(r, 'findings'), 'finding');
    assert.deepStrictEqual(listed.map((f) => f.getAttribute('data-rule')), ['short-not-boolean', 'text-rule']);
    assert.ok(listed[0].classList.contains('mm-finding-error'));
    assert.strictEqual(listed[0].getAttribute('data-severity'), 'error');
  });

  it('lists all problems when the text cannot be parsed', () => {
    const r = render('incoming', '{"text": ', { problems: [problem(['text'], 'x')] });
    assert.ok(one(r, 'cannot-render'));
    assert.strictEqual(all(one(r, 'findings'), 'finding').length, 1);
  });
});
