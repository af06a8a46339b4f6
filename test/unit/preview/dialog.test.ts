import * as assert from 'assert';
import type { HTMLElement } from 'node-html-parser';
import { all, fixture, one, render } from './helpers';

describe('preview: interactive dialogs', () => {
  const root = render('dialog', fixture('dialog-all.json'), { now: new Date('2026-01-05T12:00:00Z') });
  const dialog = one(root, 'dialog');
  const els = all(dialog, 'dialog-element');
  const byName = (name: string): HTMLElement => {
    const el = els.find((e) => e.getAttribute('data-name') === name);
    assert.ok(el, name);
    return el;
  };

  it('shows the title, icon placeholder, introduction (Markdown) and labels', () => {
    assert.strictEqual(one(dialog, 'dialog-title').text, 'Create ticket');
    assert.strictEqual(one(one(dialog, 'dialog-icon'), 'image-placeholder').getAttribute('data-role'), 'icon_url');
    assert.strictEqual(one(dialog, 'dialog-intro').querySelector('strong')?.text, 'everything');
    assert.strictEqual(one(dialog, 'dialog-submit').text, 'Create');
    assert.strictEqual(one(dialog, 'dialog-cancel').text, 'Cancel');
  });

  it('renders every element type', () => {
    assert.deepStrictEqual(els.map((e) => e.getAttribute('data-type')), ['text', 'textarea', 'select', 'select', 'select', 'select', 'bool', 'radio', 'date', 'datetime']);
  });

  it('text: subtype, placeholder, default, help text, required marker', () => {
    const el = byName('summary');
    const input = el.querySelector('input');
    assert.strictEqual(input?.getAttribute('type'), 'email');
    assert.strictEqual(input?.getAttribute('placeholder'), 'you@example.com');
    assert.strictEqual(input?.getAttribute('value'), 'a@b.c');
    assert.ok(input?.hasAttribute('disabled'));
    assert.strictEqual(one(el, 'help-text').text, 'Your email');
    assert.strictEqual(all(el, 'required').length, 1);
    assert.ok(el.querySelector('label')?.text.startsWith('Summary'));
  });

  it('textarea: optional marker and default', () => {
    const el = byName('details');
    assert.strictEqual(el.querySelector('textarea')?.text, 'line');
    assert.strictEqual(one(el, 'optional').text.trim(), '(optional)');
    assert.strictEqual(all(el, 'required').length, 0);
  });

  it('select: static options with default, users, channels, dynamic', () => {
    const prio = byName('prio').querySelector('select');
    assert.deepStrictEqual(prio?.querySelectorAll('option').map((o) => o.text), ['Choose...', 'Low', 'High']);
    assert.ok(prio?.querySelectorAll('option')[2].hasAttribute('selected'));
    assert.match(one(byName('who'), 'dialog-data-source').text, /users/);
    assert.match(one(byName('where'), 'dialog-data-source').text, /channels/);
    assert.match(one(byName('proj'), 'dialog-data-source').text, /hooks\.example\.com\/projects/);
  });

  it('bool: checkbox with placeholder as its label', () => {
    const el = byName('urgent');
    const box = el.querySelector('input');
    assert.strictEqual(box?.getAttribute('type'), 'checkbox');
    assert.ok(box?.hasAttribute('checked'));
    assert.ok(el.text.includes('Yes, urgent'));
  });

  it('radio: options with the default checked', () => {
    const radios = byName('size').querySelectorAll('input[type="radio"]');
    assert.strictEqual(radios.length, 2);
    assert.ok(!radios[0].hasAttribute('checked'));
    assert.ok(radios[1].hasAttribute('checked'));
  });

  it('date and datetime: resolved defaults', () => {
    assert.strictEqual(byName('due').querySelector('input')?.getAttribute('value'), '2026-01-06');
    const dt = byName('meet').querySelector('input');
    assert.strictEqual(dt?.getAttribute('type'), 'datetime-local');
    assert.strictEqual(dt?.getAttribute('value'), '2026-03-01T10:30');
  });

  it('defaults the submit label to "Submit" and accepts a bare dialog object', () => {
    const bare = render('dialog', { title: 'T', elements: [{ display_name: 'X', name: 'x', type: 'nope' }] });
    assert.strictEqual(one(bare, 'dialog-submit').text, 'Submit');
    assert.match(one(bare, 'dialog-unknown').text, /"nope"/);
  });
});

describe('preview: a dialog that can be submitted (actionCommand) and the answer\'s errors', () => {
  const payload = {
    trigger_id: 't', url: 'http://127.0.0.1:3050/dialog',
    dialog: { title: 'Example', submit_label: 'Send', elements: [{ display_name: 'Name', name: 'name', type: 'text' }, { display_name: 'Email', name: 'email', type: 'text', subtype: 'email' }] },
  };

  it('without actionCommand Submit and Cancel stay inert buttons', () => {
    const root = render('dialog', payload);
    assert.strictEqual(one(root, 'dialog-submit').tagName, 'BUTTON');
    assert.strictEqual(root.querySelectorAll('a[href^="command:"]').length, 0);
  });

  it('with actionCommand they are command: links carrying only which one it is', () => {
    const root = render('dialog', payload, { actionCommand: 'mattermostPayloads.preview.action' });
    const submit = one(root, 'dialog-submit');
    assert.strictEqual(submit.tagName, 'A');
    assert.strictEqual(submit.text, 'Send');
    const args = (a: HTMLElement) => JSON.parse(decodeURIComponent(a.getAttribute('href')!.replace('command:mattermostPayloads.preview.action?', ''))) as unknown;
    assert.deepStrictEqual(args(submit), [{ dialog: 'submit' }]);
    assert.deepStrictEqual(args(one(root, 'dialog-cancel')), [{ dialog: 'cancel' }]);
    assert.strictEqual(render('dialog', payload, { actionCommand: 'bad command"' }).querySelectorAll('a[href^="command:"]').length, 0);
  });

  it('shows each field error under its field, the general error at the top, escaped; unknown names nowhere', () => {
    const root = render('dialog', payload, { dialogErrors: { error: 'Try <b>again</b>', fields: { name: 'Names start with a capital letter.', nosuch: 'never shown' } } });
    const errs = all(root, 'dialog-field-error');
    assert.strictEqual(errs.length, 1);
    const el = errs[0].parentNode as HTMLElement;
    assert.strictEqual(el.getAttribute('data-name'), 'name');
    assert.strictEqual(errs[0].text, 'Names start with a capital letter.');
    const top = one(root, 'dialog-error');
    assert.strictEqual(top.text, 'Try <b>again</b>');
    assert.strictEqual(top.querySelectorAll('b').length, 0);
    assert.ok(!root.toString().includes('never shown'));
    assert.strictEqual(all(render('dialog', payload), 'dialog-field-error').length, 0);
  });
});
