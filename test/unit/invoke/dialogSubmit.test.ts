import * as assert from 'assert';
import { defaultContext } from '../../../src/core/invoke/context';
import { checkElementValue, type DialogElement, type ElementValue, judgeCancellation, judgeSubmission, readDialog, submissionOf, submissionRequest } from '../../../src/core/invoke/dialogSubmit';
import type { Answer } from '../../../src/core/invoke/judge';

const el = (over: Partial<DialogElement>): DialogElement => ({
  name: 'f', displayName: 'F', type: 'text', subtype: '', default: '', placeholder: '', helpText: '', optional: false,
  minLength: 0, maxLength: 0, dataSource: '', options: [], multiselect: false, ...over,
});

const answer = (status: number, body: string, contentType: string | undefined = 'application/json'): Answer => ({ status, contentType, body: Buffer.from(body), over: false });

describe('invoke: dialogs — reading the dialog, building the submission', () => {
  const request = {
    trigger_id: 't', url: 'http://127.0.0.1:3050/dialog',
    dialog: {
      callback_id: 'cb-1', state: 'st', notify_on_cancel: true, title: 'T',
      elements: [
        { display_name: 'Name', name: 'name', type: 'text', min_length: 2 },
        { display_name: 'Age', name: 'age', type: 'text', subtype: 'number', optional: true },
        { display_name: 'Agree', name: 'agree', type: 'bool' },
        { display_name: 'Size', name: 'size', type: 'radio', options: [{ text: 'S', value: 's' }] },
        { display_name: 'Note', name: 'note', type: 'textarea', optional: true },
      ],
    },
  };
  const d = readDialog(request)!;

  it('reads url, callback_id, state, notify_on_cancel and the elements; a bare dialog has no url', () => {
    assert.deepStrictEqual([d.url, d.callbackId, d.state, d.notifyOnCancel, d.submitLabel], ['http://127.0.0.1:3050/dialog', 'cb-1', 'st', true, 'Submit']);
    assert.deepStrictEqual(d.elements.map(e => e.name), ['name', 'age', 'agree', 'size', 'note']);
    assert.strictEqual(d.elements[0].minLength, 2);
    assert.strictEqual(readDialog(request.dialog)!.url, '');
  });

  it('types the values as the webapp does: number subtype → number, bool → boolean, empty optional left out', () => {
    const values = new Map<string, ElementValue>([['name', 'Alice'], ['age', '42'], ['agree', true], ['size', 's']]);
    assert.deepStrictEqual(submissionOf(d.elements, values), { name: 'Alice', age: 42, agree: true, size: 's' });
    assert.deepStrictEqual(submissionOf(d.elements, new Map<string, ElementValue>([['age', 'x1']])), { age: 'x1' });
  });

  it('builds the POST exactly: type, callback_id, state, user_id, channel_id, team_id, submission, cancelled (no url)', () => {
    const who = defaultContext();
    const r = submissionRequest({ dialog: d, url: d.url, who, submission: { name: 'Alice' }, cancelled: false });
    assert.deepStrictEqual([r.method, r.url, r.headers['Content-Type']], ['POST', 'http://127.0.0.1:3050/dialog', 'application/json']);
    assert.strictEqual(r.body, JSON.stringify({ type: 'dialog_submission', callback_id: 'cb-1', state: 'st', user_id: who.user_id, channel_id: who.channel_id, team_id: who.team_id, submission: { name: 'Alice' }, cancelled: false }));
    const c = JSON.parse(submissionRequest({ dialog: d, url: d.url, who, submission: { name: 'x' }, cancelled: true }).body!) as Record<string, unknown>;
    assert.deepStrictEqual([c.type, c.cancelled, c.submission], ['dialog_submission', true, {}]);
  });
});

describe('invoke: dialogs — client-side checks as the webapp makes them (checkDialogElementForError)', () => {
  const cases: Array<[string, DialogElement, ElementValue, string | undefined]> = [
    ['required text empty', el({}), '', 'This field is required.'],
    ['required text missing', el({}), undefined, 'This field is required.'],
    ['optional text empty', el({ optional: true }), '', undefined],
    ['min_length', el({ minLength: 3 }), 'ab', 'Minimum input length is 3.'],
    ['min_length met', el({ minLength: 3 }), 'abc', undefined],
    ['max_length (the input stops there)', el({ maxLength: 3 }), 'abcd', 'Maximum input length is 3 (the input stops there).'],
    ['text default cap 150', el({}), 'a'.repeat(151), 'Maximum input length is 150 (the input stops there).'],
    ['textarea default cap 3000', el({ type: 'textarea' }), 'a'.repeat(3000), undefined],
    ['email without @', el({ subtype: 'email' }), 'alice', 'Must be a valid email address.'],
    ['email', el({ subtype: 'email' }), 'a@b', undefined],
    ['number', el({ subtype: 'number' }), '12a', 'Must be a number.'],
    ['number ok', el({ subtype: 'number' }), '-1.5', undefined],
    ['url without scheme', el({ subtype: 'url' }), 'example.com', 'URL must include http:// or https://.'],
    ['url', el({ subtype: 'url' }), 'https://example.com', undefined],
    ['required bool unchecked counts as empty', el({ type: 'bool' }), false, 'This field is required.'],
    ['optional bool unchecked', el({ type: 'bool', optional: true }), false, undefined],
    ['required select empty', el({ type: 'select', options: [{ text: 'A', value: 'a' }] }), undefined, 'This field is required.'],
    ['multiselect empty', el({ type: 'select', multiselect: true }), [], 'This field is required.'],
    ['radio not an option', el({ type: 'radio', options: [{ text: 'A', value: 'a' }] }), 'b', 'Must be a valid option'],
    ['radio option', el({ type: 'radio', options: [{ text: 'A', value: 'a' }] }), 'a', undefined],
    ['date', el({ type: 'date' }), '2026-02-28', undefined],
    ['date relative', el({ type: 'date' }), '+2d', undefined],
    ['date not real', el({ type: 'date' }), '2026-02-30', 'Invalid date format'],
    ['date with time', el({ type: 'date' }), '2026-02-28T10:00:00Z', 'Date field must be in YYYY-MM-DD format'],
    ['date words', el({ type: 'date' }), 'next week', 'Invalid date format'],
    ['datetime', el({ type: 'datetime' }), '2026-02-28T10:00:00Z', undefined],
    ['datetime without Z', el({ type: 'datetime' }), '2026-02-28T10:00', 'DateTime field must be in YYYY-MM-DDTHH:mm:ssZ format'],
  ];
  for (const [what, element, value, expected] of cases) {
    it(`${what} → ${expected ?? 'passes'}`, () => assert.strictEqual(checkElementValue(element, value), expected));
  }
});

describe('invoke: dialogs — judging the answer to a submission (§5.4)', () => {
  const names = ['name', 'email'];

  it('field errors for known elements keep the dialog open', () => {
    const v = judgeSubmission(answer(200, '{"errors":{"name":"Names start with a capital letter."}}'), names);
    assert.deepStrictEqual([v.outcome, v.fieldErrors, v.ignored, v.error], ['open', { name: 'Names start with a capital letter.' }, [], undefined]);
    assert.match(v.summary, /stays open with 1 field error \(name\)/);
  });

  it('a general error keeps it open and is shown at the top', () => {
    const v = judgeSubmission(answer(200, '{"error":"Backend down"}'), names);
    assert.deepStrictEqual([v.outcome, v.error], ['open', 'Backend down']);
  });

  it('errors naming no element are ignored and the dialog closes (checkIfErrorsMatchElements)', () => {
    const v = judgeSubmission(answer(200, '{"errors":{"nmae":"typo"}}'), names);
    assert.deepStrictEqual([v.outcome, v.fieldErrors, v.ignored], ['closed', {}, ['nmae']]);
    assert.match(v.summary, /"nmae", which is no element of this dialog: Mattermost does not show it and closes the dialog/);
    const mixed = judgeSubmission(answer(200, '{"errors":{"nmae":"typo","email":"bad"}}'), names);
    assert.deepStrictEqual([mixed.outcome, mixed.fieldErrors, mixed.ignored], ['open', { email: 'bad' }, ['nmae']]);
  });

  it('an empty answer or {} closes the dialog', () => {
    assert.strictEqual(judgeSubmission(answer(200, ''), names).outcome, 'closed');
    assert.strictEqual(judgeSubmission(answer(200, '', undefined), names).notes.length, 0);
    assert.match(judgeSubmission(answer(200, '{}'), names).summary, /^Accepted: Mattermost closes the dialog\.$/);
  });

  it('a non-200 answer fails the submission (400 api.post.do_action.action_integration.app_error)', () => {
    const v = judgeSubmission(answer(500, '{"errors":{"name":"x"}}'), names);
    assert.deepStrictEqual([v.outcome, v.status, v.fieldErrors], ['failed', 500, {}]);
    assert.match(v.summary, /400 api\.post\.do_action\.action_integration\.app_error/);
  });

  it('a wrong Content-Type is read as JSON anyway (noted); a body that is not JSON counts as empty', () => {
    const v = judgeSubmission(answer(200, '{"errors":{"name":"x"}}', 'text/plain'), names);
    assert.deepStrictEqual([v.outcome, v.fieldErrors], ['open', { name: 'x' }]);
    assert.match(v.notes[0], /"text\/plain"; the server reads the body as JSON anyway/);
    const bad = judgeSubmission(answer(200, 'thanks!', 'text/plain'), names);
    assert.strictEqual(bad.outcome, 'closed');
    assert.match(bad.summary, /not a JSON object.*may close/);
  });

  it('a cancellation answer: 200 is fine, anything else is logged by the server', () => {
    assert.strictEqual(judgeCancellation(answer(200, '')).outcome, 'closed');
    assert.strictEqual(judgeCancellation(answer(404, 'no')).outcome, 'failed');
  });
});
