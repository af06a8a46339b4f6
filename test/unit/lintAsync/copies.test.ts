import * as assert from 'assert';
import * as path from 'path';
import { lint } from '../../../src/core/payload/lint';
import { applyChanges, LintRunner, TextChange } from '../../../src/core/payload/lintAsync';

const root = path.resolve(__dirname, '../../../..');
const WORKER = path.join(root, 'out/src/lintWorker.js');

function payload(n: number): string {
  const attachments = Array.from({ length: n }, (_, i) => ({
    fallback: `Build ${i}`,
    color: 'good',
    text: `Build ${i} passed`,
    fields: [{ title: 'Branch', value: 'main', short: true }],
  }));
  return JSON.stringify({ text: 'Nightly builds', attachments }, null, 2) + '\n';
}

/** `text` in slices of 1000 characters. */
function slices(text: string): () => string | undefined {
  let at = 0;
  return () => {
    if (at >= text.length) return undefined;
    at += 1000;
    return text.slice(at - 1000, at);
  };
}

/** A change replacing the first `from` after `after` with `to`. */
function replace(text: string, from: string, to: string, after = 0): TextChange {
  const offset = text.indexOf(from, after);
  assert.ok(offset >= 0, `${from} not found`);
  return { offset, length: from.length, text: to };
}

describe('applyChanges: an edit\'s changes applied one after the other', () => {
  it('applies changes given last-first, as VS Code reports a multi-cursor edit', () => {
    assert.strictEqual(applyChanges('abcdef', [{ offset: 4, length: 1, text: 'XY' }, { offset: 1, length: 2, text: '' }]), 'adXYf');
  });
  it('inserts, deletes, and refuses a change outside the text', () => {
    assert.strictEqual(applyChanges('ab', [{ offset: 2, length: 0, text: 'c' }]), 'abc');
    assert.strictEqual(applyChanges('abc', [{ offset: 0, length: 3, text: '' }]), '');
    assert.strictEqual(applyChanges('abc', [{ offset: 2, length: 2, text: 'x' }]), undefined);
  });
});

describe('LintRunner: the worker\'s copy of a document, moved on edit by edit', () => {
  let runner: LintRunner;
  beforeEach(() => { runner = new LintRunner(WORKER, { workerThreshold: 0 }); });
  afterEach(() => runner.dispose());

  it('lints the edited copy exactly as lint() lints the edited text, with no text sent', async function () {
    this.timeout(20000);
    let text = payload(300);
    assert.strictEqual(runner.lintCopy('doc', 1, 'incoming'), undefined, 'a copy before any was kept');
    assert.deepStrictEqual(await runner.lintSlices(slices(text), 'incoming', undefined, () => false, { doc: 'doc', version: 1 }), lint(text, 'incoming'));
    // edit 2: a field's short becomes "yes"; edit 3: two changes at once (later one first), a bad colour and an unknown key
    const edits: TextChange[][] = [
      [replace(text, '"short": true', '"short": "yes"', text.length / 2)],
    ];
    text = applyChanges(text, edits[0])!;
    const second = [replace(text, '"color": "good"', '"color": "red"', text.length / 3), replace(text, '"fallback"', '"Pretxt"', 100)].sort((a, b) => b.offset - a.offset);
    const after = applyChanges(text, second)!;
    runner.change('doc', 2, edits[0]);
    assert.deepStrictEqual(await runner.lintCopy('doc', 2, 'incoming'), lint(text, 'incoming'));
    runner.change('doc', 3, second);
    const expected = lint(after, 'incoming', { disabledRules: ['unknown-key'] });
    assert.ok(expected.some(p => p.rule === 'short-not-boolean') && expected.length >= 2, JSON.stringify(expected.map(p => p.rule)));
    assert.deepStrictEqual(await runner.lintCopy('doc', 3, 'incoming', { disabledRules: ['unknown-key'] }), expected);
    assert.notDeepStrictEqual(lint(after, 'incoming'), expected, 'the options must reach the worker');
  });

  it('has no copy at another version, after a missed version, or once forgotten', async function () {
    this.timeout(20000);
    const text = payload(50);
    await runner.lintSlices(slices(text), 'incoming', undefined, () => false, { doc: 'a', version: 5 });
    await runner.lintSlices(slices(text), 'incoming', undefined, () => false, { doc: 'b', version: 1 });
    assert.strictEqual(runner.lintCopy('a', 4, 'incoming'), undefined);
    runner.change('a', 7, [{ offset: 0, length: 0, text: ' ' }]); // version 6 was missed
    assert.strictEqual(runner.lintCopy('a', 7, 'incoming'), undefined);
    assert.strictEqual(runner.lintCopy('a', 5, 'incoming'), undefined);
    assert.deepStrictEqual(await runner.lintCopy('b', 1, 'incoming'), lint(text, 'incoming'));
    runner.forget('b');
    assert.strictEqual(runner.lintCopy('b', 1, 'incoming'), undefined);
  });

  it('answers "no copy" when the worker cannot apply a change, so the caller hands the text over again', async function () {
    this.timeout(20000);
    const text = payload(20);
    await runner.lintSlices(slices(text), 'incoming', undefined, () => false, { doc: 'd', version: 1 });
    runner.change('d', 2, [{ offset: text.length + 10, length: 5, text: 'x' }]); // does not fit: the worker drops its copy
    assert.strictEqual(await runner.lintCopy('d', 2, 'incoming'), undefined);
  });
});
