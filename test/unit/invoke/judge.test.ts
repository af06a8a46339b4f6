import * as assert from 'assert';
import { type Answer, exitCodeOf, judgeAction, judgeCommand, judgeOutgoing, noAnswer } from '../../../src/core/invoke/judge';
import { internalHostNote } from '../../../src/core/invoke/note';
import { commandAnswerIsJson, reservedHost } from '../../../src/core/server/integrations';

const answer = (status: number, contentType: string | undefined, body: string | Buffer, over = false): Answer =>
  ({ status, contentType, body: Buffer.isBuffer(body) ? body : Buffer.from(body), over });

describe('invoke: answers judged as the server does (§4.2–4.4, §3.3)', () => {
  it('Content-Type: exactly application/json before ";" (case-sensitive)', () => {
    assert.strictEqual(commandAnswerIsJson('application/json'), true);
    assert.strictEqual(commandAnswerIsJson(' application/json ; charset=utf-8'), true);
    assert.strictEqual(commandAnswerIsJson('Application/JSON'), false);
    assert.strictEqual(commandAnswerIsJson('text/plain'), false);
    assert.strictEqual(commandAnswerIsJson(undefined), false);
  });

  it('command, 200 JSON in_channel: shown, exit 0, the answer linted as a command payload', () => {
    const v = judgeCommand(answer(200, 'application/json', '{"response_type":"in_channel","text":"hi"}'), 'w');
    assert.strictEqual(v.outcome, 'shown');
    assert.match(v.summary, /a post in the channel/);
    assert.strictEqual(v.documents[0].kind, 'command');
    assert.deepStrictEqual(v.documents[0].problems, []);
    assert.strictEqual(exitCodeOf(v), 0);
  });

  it('command, ephemeral with extra_responses: both described', () => {
    const v = judgeCommand(answer(200, 'application/json', '{"text":"a","extra_responses":[{"response_type":"in_channel","text":"b"}]}'));
    assert.strictEqual(v.outcome, 'shown');
    assert.match(v.summary, /an ephemeral message, then a post in the channel/);
  });

  it('command, non-200: fails with failed_resp, body ignored, exit 1', () => {
    const v = judgeCommand(answer(503, 'application/json', '{"text":"x"}'), 'deploy');
    assert.strictEqual(v.outcome, 'failed');
    assert.match(v.summary, /503.*\/deploy failed \(500 api\.command\.execute_command\.failed_resp\.app_error\)/);
    assert.strictEqual(v.documents.length, 0);
    assert.strictEqual(exitCodeOf(v), 1);
  });

  it('command, JSON sent as text/plain: shown as text (changed), exit 1; the text document is what shows', () => {
    const body = '{"response_type":"in_channel","text":"x"}';
    const v = judgeCommand(answer(200, 'text/plain', body));
    assert.strictEqual(v.outcome, 'changed');
    assert.match(v.summary, /not exactly "application\/json"/);
    assert.deepStrictEqual(JSON.parse(v.documents[0].text), { text: body });
    assert.strictEqual(exitCodeOf(v), 1);
  });

  it('command, Application/JSON counts as text', () => {
    assert.strictEqual(judgeCommand(answer(200, 'Application/JSON', '{"text":"x"}')).outcome, 'changed');
  });

  it('command, plain text answer with a text Content-Type: shown as ephemeral text, exit 0', () => {
    const v = judgeCommand(answer(200, 'text/plain', 'Hello there'));
    assert.strictEqual(v.outcome, 'shown');
    assert.strictEqual(exitCodeOf(v), 0);
  });

  it('command, invalid JSON and empty body with application/json: fails (500 failed), with the invalid-json finding', () => {
    const bad = judgeCommand(answer(200, 'application/json', '{"text": "a"'));
    assert.strictEqual(bad.outcome, 'failed');
    assert.match(bad.summary, /not valid JSON/);
    assert.ok(bad.documents[0].problems.some(p => p.rule === 'invalid-json' && p.severity === 'error'));
    const empty = judgeCommand(answer(200, 'application/json', ''));
    assert.strictEqual(empty.outcome, 'failed');
    assert.match(empty.summary, /empty/);
    assert.strictEqual(exitCodeOf(empty), 1);
  });

  it('command, empty text answer: nothing shown, exit 1', () => {
    const v = judgeCommand(answer(200, 'text/plain', ''));
    assert.strictEqual(v.outcome, 'nothing');
    assert.strictEqual(exitCodeOf(v), 1);
  });

  it('command, too big: only the first 1 MiB is read, so the JSON is cut and the command fails', () => {
    const big = Buffer.from(JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }));
    const v = judgeCommand(answer(200, 'application/json', big.subarray(0, 1024 * 1024), true));
    assert.strictEqual(v.outcome, 'failed');
    assert.match(v.summary, /over 1 MiB/);
  });

  it('command, nothing to post: empty ephemeral, or an unknown response_type', () => {
    assert.strictEqual(judgeCommand(answer(200, 'application/json', '{"text":""}')).outcome, 'nothing');
    const other = judgeCommand(answer(200, 'application/json', '{"response_type":"comment","text":"x"}'));
    assert.strictEqual(other.outcome, 'nothing');
    assert.match(other.summary, /response_type/);
    assert.strictEqual(exitCodeOf(other), 1);
  });

  it('command, a system_ type: creating the post fails', () => {
    const v = judgeCommand(answer(200, 'application/json', '{"response_type":"in_channel","text":"x","type":"system_join_channel"}'));
    assert.strictEqual(v.outcome, 'failed');
  });

  it('outgoing: JSON whatever the Content-Type; text key posts the reply', () => {
    const v = judgeOutgoing(answer(200, 'text/plain', '{"text":"reply"}'));
    assert.strictEqual(v.outcome, 'shown');
    assert.strictEqual(v.documents[0].kind, 'outgoing');
    assert.strictEqual(exitCodeOf(v), 0);
  });

  it('outgoing: empty body posts nothing; invalid JSON is only logged; no text and no attachments posts nothing', () => {
    assert.strictEqual(judgeOutgoing(answer(200, 'application/json', '')).outcome, 'nothing');
    const bad = judgeOutgoing(answer(200, 'application/json', '{"text":'));
    assert.strictEqual(bad.outcome, 'failed');
    assert.match(bad.summary, /logs the error and posts nothing/);
    assert.strictEqual(judgeOutgoing(answer(200, 'application/json', '{"username":"x"}')).outcome, 'nothing');
  });

  it('action: non-200 fails the click; update and ephemeral_text become documents; update keeps the channel', () => {
    assert.strictEqual(judgeAction(answer(500, 'application/json', '{}'), 'c'.repeat(26)).outcome, 'failed');
    const v = judgeAction(answer(200, 'application/json', '{"update":{"message":"new"},"ephemeral_text":"done"}'), 'c'.repeat(26));
    assert.strictEqual(v.outcome, 'shown');
    assert.deepStrictEqual(v.documents.map(d => [d.kind, d.label]), [['post', 'update'], ['command', 'ephemeral_text']]);
    assert.strictEqual((JSON.parse(v.documents[0].text) as { channel_id: string }).channel_id, 'c'.repeat(26));
    assert.strictEqual(judgeAction(answer(200, 'application/json', '{}'), 'c').outcome, 'nothing');
  });

  it('no answer: exit 2, and says what Mattermost would do', () => {
    const v = noAnswer('command', 'refused.');
    assert.strictEqual(exitCodeOf(v), 2);
    assert.match(v.summary, /command failed/);
  });

  it('reserved hosts and the AllowedUntrustedInternalConnections note', () => {
    for (const h of ['127.0.0.1', 'localhost', '[::1]', '127.5.5.5']) assert.strictEqual(reservedHost(h), 'loopback', h);
    for (const h of ['10.0.0.5', '192.168.1.2', '172.16.0.1', '172.31.255.1', '169.254.1.1', '[fd00::1]', '[fe80::1]']) assert.strictEqual(reservedHost(h), 'private', h);
    for (const h of ['172.32.0.1', '8.8.8.8', 'example.com', '11.0.0.1']) assert.strictEqual(reservedHost(h), undefined, h);
    const n = internalHostNote('http://127.0.0.1:3050/command')!;
    assert.strictEqual(n.host, '127.0.0.1');
    assert.match(n.message, /AllowedUntrustedInternalConnections/);
    assert.strictEqual(n.configLine, '"ServiceSettings": { "AllowedUntrustedInternalConnections": "127.0.0.1" }');
    assert.strictEqual(internalHostNote('https://integrations.example.com/x'), undefined);
  });
});
