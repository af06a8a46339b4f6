import * as assert from 'assert';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { lint } from '../../../src/core/payload/lint';
import { LintRunner } from '../../../src/core/payload/lintAsync';

const root = path.resolve(__dirname, '../../../..');
const WORKER = path.join(root, 'out/src/lintWorker.js');

/** An incoming payload with problems spread through it (colour, short, unknown key, Slack bold). */
function payload(n: number): string {
  const attachments = Array.from({ length: n }, (_, i) => ({
    fallback: `Build ${i}`,
    color: i === 7 ? 'red' : 'good',
    text: i === n - 1 ? 'Deploy *done*' : `Build ${i} passed`,
    fields: [{ title: 'Branch', value: 'main', short: i === Math.floor(n / 2) ? 'yes' : true }],
    ...(i === 3 ? { Pretxt: 'typo' } : {}),
  }));
  return JSON.stringify({ text: 'Nightly builds', attachments }, null, 2) + '\n';
}

/** `text` in slices of `size` characters. */
function slicesOf(text: string, size: number): { next: () => string | undefined; taken: () => number } {
  let at = 0;
  let taken = 0;
  return {
    next: () => {
      if (at >= text.length) return undefined;
      taken++;
      const part = text.slice(at, at + size);
      at += size;
      return part;
    },
    taken: () => taken,
  };
}

describe('LintRunner.lintSlices: a big text handed to the worker in slices', () => {
  let runner: LintRunner;
  beforeEach(() => { runner = new LintRunner(WORKER, { workerThreshold: 0 }); });
  afterEach(() => runner.dispose());

  it('returns exactly what lint() returns for the joined text', async function () {
    this.timeout(20000);
    const text = payload(400);
    const expected = lint(text, 'incoming', { disabledRules: ['unknown-key'] });
    assert.ok(expected.length >= 3, JSON.stringify(expected.map(p => p.rule)));
    const s = slicesOf(text, 997);
    assert.deepStrictEqual(await runner.lintSlices(s.next, 'incoming', { disabledRules: ['unknown-key'] }), expected);
    assert.ok(s.taken() > 50, `${s.taken()} slices`);
    assert.ok(runner.running, 'linted in the worker');
  });

  it('gives up when the text changes while it is handed over, and the next lint is not mixed with it', async function () {
    this.timeout(20000);
    const text = payload(300);
    const s = slicesOf(text, 500);
    let asked = 0;
    const result = await runner.lintSlices(s.next, 'incoming', undefined, () => ++asked >= 3);
    assert.strictEqual(result, undefined);
    assert.strictEqual(s.taken(), 3, 'kept slicing after the text changed');
    const other = payload(20);
    assert.deepStrictEqual(await runner.lintSlices(slicesOf(other, 300).next, 'incoming'), lint(other, 'incoming'));
  });

  it('yields to the event loop between slices', async function () {
    this.timeout(20000);
    const text = payload(200);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const s = slicesOf(text, 200);
      await runner.lintSlices(s.next, 'incoming');
      assert.ok(ticks > 0, 'no timer ran while the slices were handed over');
    } finally {
      clearInterval(timer);
    }
  });

  it('lints on this thread when the worker cannot start', async () => {
    const broken = new LintRunner(path.join(root, 'no-such-worker.js'), { workerThreshold: 0 });
    try {
      const text = payload(30);
      const r = await broken.lintSlices(slicesOf(text, 100).next, 'incoming');
      // The worker fails asynchronously: either the slices were dropped (undefined: call again) or linted here.
      const again = r ?? await broken.lintSlices(slicesOf(text, 100).next, 'incoming');
      assert.deepStrictEqual(again, lint(text, 'incoming'));
    } finally {
      broken.dispose();
    }
  });
});

describe('LintRunner.lint: a whole big text goes to the worker in slices too', () => {
  it('posts no message with more than 256 K characters, yields between them, and returns what lint() returns', async function () {
    this.timeout(30000);
    const runner = new LintRunner(WORKER, { workerThreshold: 0 });
    const proto = Worker.prototype;
    const post = Object.getOwnPropertyDescriptor(proto, 'postMessage')!.value as (this: Worker, ...a: unknown[]) => void;
    let largest = 0;
    let messages = 0;
    proto.postMessage = function (this: Worker, value: unknown, ...rest: unknown[]) {
      messages++;
      const m = value as { text?: string; part?: string };
      largest = Math.max(largest, (m.text ?? m.part ?? '').length);
      return post.call(this, value, ...rest);
    };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const text = payload(5000); // about 1.1 million characters
      assert.ok(text.length > 1_000_000, `${text.length} characters`);
      const expected = lint(text, 'incoming');
      assert.ok(expected.length >= 3, JSON.stringify(expected.map(p => p.rule)));
      const ticksBefore = ticks;
      const pending = runner.lint(text, 'incoming');
      const postedAtOnce = messages;
      assert.deepStrictEqual(await pending, expected);
      assert.ok(runner.running, 'linted in the worker');
      assert.ok(largest > 0 && largest <= 256 * 1024, `largest message: ${largest} characters`);
      assert.ok(postedAtOnce <= 1, `${postedAtOnce} messages posted before lint() returned`);
      assert.ok(messages >= Math.ceil(text.length / (256 * 1024)) + 1, `${messages} messages`);
      assert.ok(ticks > ticksBefore, 'no timer ran while the text was handed over');
    } finally {
      clearInterval(timer);
      proto.postMessage = post;
      runner.dispose();
    }
  });
});
