import * as assert from 'assert';
import * as http from 'http';
import { call } from '../../../src/core/invoke/call';
import { type DelayedAnswer, ResponseReceiver } from '../../../src/core/invoke/receiver';

function post(url: string, body: string | Buffer, contentType = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method: 'POST', headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

describe('invoke: the local response_url receiver (§1.6)', () => {
  let now = 1_000_000;
  let receiver: ResponseReceiver;
  const got: DelayedAnswer[] = [];

  beforeEach(async () => {
    got.length = 0;
    receiver = new ResponseReceiver({ now: () => now });
    const base = await receiver.start();
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
    receiver.onAnswer(a => got.push(a));
  });
  afterEach(() => receiver.close());

  it('takes 5 answers per hook, the 6th gets 400 try_use.invalid; each is judged as a command answer', async () => {
    const url = receiver.newHook('deploy');
    for (let i = 1; i <= 5; i++) {
      const r = await post(url, JSON.stringify({ response_type: 'in_channel', text: `step ${i}` }));
      assert.deepStrictEqual([r.status, r.body], [200, 'ok']);
    }
    const sixth = await post(url, '{"text":"6"}');
    assert.strictEqual(sixth.status, 400);
    assert.strictEqual((JSON.parse(sixth.body) as { id: string }).id, 'app.command_webhook.try_use.invalid');
    assert.deepStrictEqual(got.map(a => a.use), [1, 2, 3, 4, 5]);
    assert.strictEqual(got[0].trigger, 'deploy');
    assert.strictEqual(got[0].verdict.outcome, 'shown');
    assert.match(got[4].verdict.documents[0].text, /step 5/);
  });

  it('300000 + 512 bytes pass; one more is 413 for JSON, 400 for text; neither counts as a use', async () => {
    const url = receiver.newHook('x');
    const fill = (n: number) => { const head = '{"text":"'; const tail = '"}'; return head + 'a'.repeat(n - head.length - tail.length) + tail; };
    const over = await post(url, fill(300513));
    assert.strictEqual(over.status, 413);
    assert.strictEqual((JSON.parse(over.body) as { id: string }).id, 'api.context.request_body_too_large.app_error');
    const overText = await post(url, 'a'.repeat(300513), 'text/plain');
    assert.strictEqual(overText.status, 400);
    assert.strictEqual(got.length, 0);
    const exact = await post(url, fill(300512));
    assert.strictEqual(exact.status, 200);
    assert.strictEqual(got.length, 1);
    assert.strictEqual(got[0].use, 1);
  });

  it('invalid JSON is 400 web.command_webhook.parse; a text answer is fine and shown as text', async () => {
    const url = receiver.newHook('x');
    const bad = await post(url, '{"text":');
    assert.strictEqual((JSON.parse(bad.body) as { id: string }).id, 'web.command_webhook.parse.app_error');
    const text = await post(url, 'plain words', 'text/plain');
    assert.strictEqual(text.status, 200);
    assert.strictEqual(got[0].verdict.outcome, 'shown');
    assert.deepStrictEqual(JSON.parse(got[0].verdict.documents[0].text), { text: 'plain words' });
  });

  it('unknown hooks and hooks older than 30 minutes get 404 get.missing', async () => {
    const url = receiver.newHook('x');
    const unknown = url.replace(/[a-z0-9]{26}$/, 'a'.repeat(26));
    assert.strictEqual((await post(unknown, '{"text":"x"}')).status, 404);
    now += 30 * 60 * 1000 + 1;
    const late = await post(url, '{"text":"x"}');
    assert.strictEqual(late.status, 404);
    assert.strictEqual((JSON.parse(late.body) as { id: string }).id, 'app.command_webhook.get.missing');
    assert.strictEqual(got.length, 0);
  });
});

describe('invoke: calling an integration (timeout, read limit, refused)', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
      if (req.url === '/big') { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('x'.repeat(5000)); return; }
      res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => { server.closeAllConnections(); server.close(); });

  it('gives up after the timeout', async () => {
    const r = await call({ method: 'POST', url: `${base}/slow`, headers: {}, body: 'x' }, { timeoutMs: 200 });
    assert.strictEqual(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /did not answer within/);
  });

  it('reads at most the limit and says more came', async () => {
    const r = await call({ method: 'GET', url: `${base}/big`, headers: {} }, { limit: 1000 });
    assert.ok(r.ok);
    assert.strictEqual(r.ok && r.answer.body.length, 1000);
    assert.strictEqual(r.ok && r.answer.over, true);
  });

  it('does not follow a redirect, and reports its Location', async () => {
    const r = await call({ method: 'GET', url: `${base}/r`, headers: {} });
    assert.ok(r.ok);
    assert.strictEqual(r.ok && r.answer.status, 302);
    assert.strictEqual(r.ok && r.answer.location, 'http://127.0.0.1:1/elsewhere');
  });

  it('a refused connection is no answer', async () => {
    const r = await call({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {} });
    assert.strictEqual(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /refused/);
  });
});
