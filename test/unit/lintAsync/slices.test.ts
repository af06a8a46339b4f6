import * as assert from 'assert';
import * as path from 'path';
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
