import * as assert from 'assert';
import * as http from 'http';
import { defaultContext } from '../../../src/core/invoke/context';
import { checkOpenDialog } from '../../../src/core/invoke/dialogOpen';
import { type OpenedDialogRequest, ResponseReceiver } from '../../../src/core/invoke/receiver';
import { actionRequest, commandRequest } from '../../../src/core/invoke/request';

function post(url: string, body: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const dialog = { callback_id: 'cb', title: 'Feedback', elements: [{ display_name: 'Name', name: 'name', type: 'text' }] };

describe('invoke: POST /api/v4/actions/dialogs/open on the session receiver (§5.1)', () => {
  let now = 5_000_000;
  let receiver: ResponseReceiver;
  let openUrl: string;
  const got: OpenedDialogRequest[] = [];
  const who = defaultContext({ user_name: 'alice' });

  beforeEach(async () => {
    got.length = 0;
    receiver = new ResponseReceiver({ now: () => now });
    openUrl = `${await receiver.start()}/api/v4/actions/dialogs/open`;
    receiver.onDialog(d => got.push(d));
  });
  afterEach(() => receiver.close());

  const open = (body: unknown) => post(openUrl, typeof body === 'string' ? body : JSON.stringify(body));

  it('accepts a dialog opened with a trigger id it issued: 200 {"status":"OK"}, handed on with who triggered it', async () => {
    const triggerId = receiver.issueTriggerId(who);
    const r = await open({ trigger_id: triggerId, url: 'http://127.0.0.1:3050/dialog', dialog });
    assert.deepStrictEqual([r.status, r.body], [200, { status: 'OK' }]);
    assert.strictEqual(got.length, 1);
    assert.strictEqual(got[0].who.user_name, 'alice');
    assert.strictEqual((got[0].value.dialog as { title: string }).title, 'Feedback');
    assert.deepStrictEqual(got[0].logged, []);
  });

  it('checks in the server\'s order, each refusal 400 with the server\'s error id, and hands nothing on', async () => {
    const issued = receiver.issueTriggerId(who);
    const parts = Buffer.from(issued, 'base64').toString('utf8').split(':');
    const cases: Array<[string, unknown, string]> = [
      ['not JSON', '{"trigger_id":', 'api.context.invalid_body_param.app_error'],
      ['type mismatch ("optional": "true")', { trigger_id: issued, url: 'http://x/d', dialog: { ...dialog, elements: [{ ...dialog.elements[0], optional: 'true' }] } }, 'api.context.invalid_body_param.app_error'],
      ['type mismatch ("min_length": "5")', { trigger_id: issued, url: 'http://x/d', dialog: { ...dialog, elements: [{ ...dialog.elements[0], min_length: '5' }] } }, 'api.context.invalid_body_param.app_error'],
      ['empty url (before the trigger id)', { trigger_id: 'not base64!', url: '', dialog }, 'api.context.invalid_body_param.app_error'],
      ['trigger id not base64', { trigger_id: 'not base64!', url: 'http://x/d', dialog }, 'interactive_message.decode_trigger_id.base64_decode_failed'],
      ['trigger id of the wrong shape', { trigger_id: b64('junk!'), url: 'http://x/d', dialog }, 'interactive_message.decode_trigger_id.missing_data'],
      ['signature not base64', { trigger_id: b64(`${parts[0]}:${parts[1]}:${parts[2]}:junk!`), url: 'http://x/d', dialog }, 'interactive_message.decode_trigger_id.base64_decode_failed_signature'],
      ['not issued here (a made-up signature)', { trigger_id: b64(`${parts[0]}:${parts[1]}:${parts[2]}:${b64('someone else')}`), url: 'http://x/d', dialog }, 'interactive_message.decode_trigger_id.verify_signature_failed'],
    ];
    for (const [what, body, id] of cases) {
      const r = await open(body);
      assert.deepStrictEqual([r.status, r.body.id, r.body.status_code], [400, id, 400], what);
    }
    const url = await open({ trigger_id: issued, url: '', dialog });
    assert.match(String(url.body.message), /url/, 'the empty-url refusal names the param url');
    assert.strictEqual(got.length, 0);
  });

  it('a trigger id is good for 30 s (OutgoingIntegrationRequestsTimeout): one ms later it is expired', async () => {
    const triggerId = receiver.issueTriggerId(who);
    now += 30_000;
    assert.strictEqual((await open({ trigger_id: triggerId, url: 'http://x/d', dialog })).status, 200);
    now += 1;
    const late = await open({ trigger_id: triggerId, url: 'http://x/d', dialog });
    assert.deepStrictEqual([late.status, late.body.id], [400, 'interactive_message.decode_trigger_id.expired']);
    assert.strictEqual(got.length, 1);
  });

  it('a fresh trigger id not issued by this receiver (e.g. built by another session) fails verification', async () => {
    const other = commandRequest({ url: 'http://127.0.0.1:1/c', method: 'POST', token: 't', trigger: 'x', text: '', responseUrl: 'http://r', context: who });
    const r = await open({ trigger_id: other.triggerId, url: 'http://x/d', dialog });
    assert.deepStrictEqual([r.status, r.body.id], [400, 'interactive_message.decode_trigger_id.verify_signature_failed']);
  });

  it('commands and clicks send the trigger id the receiver issued', () => {
    const t1 = receiver.issueTriggerId(who);
    const t2 = receiver.issueTriggerId(who);
    assert.notStrictEqual(t1, t2);
    const cmd = commandRequest({ url: 'http://127.0.0.1:1/c', method: 'POST', token: 't', trigger: 'x', text: '', responseUrl: 'http://r', context: who, triggerId: t1 });
    assert.strictEqual(new URLSearchParams(cmd.body).get('trigger_id'), t1);
    const click = actionRequest({ url: 'http://127.0.0.1:1/a', context: {}, who, triggerId: t2 });
    assert.strictEqual((JSON.parse(click.body!) as { trigger_id: string }).trigger_id, t2);
  });

  it('IsValid problems are only logged: the dialog is accepted (200) and opened with them', async () => {
    const triggerId = receiver.issueTriggerId(who);
    const r = await open({ trigger_id: triggerId, url: 'http://x/d', dialog: { title: 'A title far longer than twenty-four bytes', elements: [] } });
    assert.deepStrictEqual([r.status, r.body], [200, { status: 'OK' }]);
    assert.ok(got[0].logged.some(p => p.rule === 'dialog-invalid'), JSON.stringify(got[0].logged.map(p => p.rule)));
  });

  it('checkOpenDialog: an unreadable time counts as 0 (the server ignores ParseInt\'s error), so expired', () => {
    const r = checkOpenDialog(JSON.stringify({ trigger_id: b64(`a:b:soon:${b64('sig')}`), url: 'http://x/d', dialog }), { now: 1, issued: () => true, lifetimeMs: 0 });
    assert.deepStrictEqual(r.ok ? 'ok' : r.id, 'interactive_message.decode_trigger_id.expired');
  });

  it('listens on the port asked for; a taken port falls back to a free one and says so', async () => {
    const first = new ResponseReceiver();
    const base = await first.start(0);
    const port = Number(new URL(base).port);
    const second = new ResponseReceiver();
    try {
      const other = await second.start(port);
      assert.notStrictEqual(other, base);
      assert.strictEqual(second.portTaken, true);
      assert.strictEqual(first.portTaken, false);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
