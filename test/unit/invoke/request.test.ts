import * as assert from 'assert';
import { defaultContext, newId } from '../../../src/core/invoke/context';
import { actionRequest, commandRequest, InvokeInputError, outgoingRequest } from '../../../src/core/invoke/request';

const who = defaultContext({ team_domain: 'eng', channel_name: 'dev', user_name: 'alice' });

function decodeTrigger(id: string): string[] {
  return Buffer.from(id, 'base64').toString('utf8').split(':');
}

describe('invoke: the requests Mattermost sends (MATTERMOST_RULES.md §3.3, §4.3, §4.4)', () => {
  it('ids are 26 characters of Mattermost\'s alphabet, and fresh', () => {
    const a = newId();
    assert.match(a, /^[ybndrfg8ejkmcpqxot1uwisza345h769]{26}$/);
    assert.notStrictEqual(a, newId());
  });

  it('a context keeps the values the user set and fills the rest', () => {
    assert.strictEqual(who.team_domain, 'eng');
    assert.strictEqual(who.user_name, 'alice');
    assert.match(who.user_id, /^[a-z0-9]{26}$/);
    assert.strictEqual(defaultContext({ user_name: '' }).user_name, 'local-user');
  });

  it('slash command, POST: exactly the form fields, in order, with Authorization: Token and a fresh trigger_id', () => {
    const r = commandRequest({ url: 'http://127.0.0.1:3050/command', method: 'POST', token: 'tok123', trigger: '/weather', text: 'berlin today', responseUrl: 'http://127.0.0.1:9/hooks/commands/x', context: who });
    assert.strictEqual(r.method, 'POST');
    assert.strictEqual(r.url, 'http://127.0.0.1:3050/command');
    assert.strictEqual(r.headers.Authorization, 'Token tok123');
    assert.strictEqual(r.headers['Content-Type'], 'application/x-www-form-urlencoded');
    const f = new URLSearchParams(r.body);
    assert.deepStrictEqual([...f.keys()], ['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'trigger_id', 'response_url']);
    assert.strictEqual(f.get('token'), 'tok123');
    assert.strictEqual(f.get('command'), '/weather');
    assert.strictEqual(f.get('text'), 'berlin today');
    assert.strictEqual(f.get('team_domain'), 'eng');
    assert.strictEqual(f.get('channel_name'), 'dev');
    assert.strictEqual(f.get('user_id'), who.user_id);
    assert.strictEqual(f.get('response_url'), 'http://127.0.0.1:9/hooks/commands/x');
    assert.strictEqual(f.get('trigger_id'), r.triggerId);
    const parts = decodeTrigger(r.triggerId!);
    assert.strictEqual(parts[1], who.user_id);
    assert.ok(Math.abs(Number(parts[2]) - Date.now()) < 5000);
    const again = commandRequest({ url: 'http://127.0.0.1:3050/command', method: 'POST', token: 'tok123', trigger: 'weather', text: '', responseUrl: 'http://x/', context: who });
    assert.notStrictEqual(again.triggerId, r.triggerId);
    assert.strictEqual(new URLSearchParams(again.body).get('command'), '/weather');
  });

  it('slash command, GET: the fields in the query (after any the URL has), no body, no Content-Type', () => {
    const r = commandRequest({ url: 'http://127.0.0.1:3050/command?v=2', method: 'GET', token: 't0k3n', trigger: 'x', text: 'a&b c', responseUrl: 'http://r/', context: who });
    assert.strictEqual(r.method, 'GET');
    assert.strictEqual(r.body, undefined);
    assert.strictEqual(r.headers['Content-Type'], undefined);
    assert.strictEqual(r.headers.Authorization, 'Token t0k3n');
    const q = new URL(r.url).searchParams;
    assert.strictEqual(q.get('v'), '2');
    assert.strictEqual(q.get('text'), 'a&b c');
    assert.strictEqual(q.get('token'), 't0k3n');
  });

  it('outgoing webhook, form: timestamp in seconds, every field, no Authorization', () => {
    const now = 1_700_000_123_456;
    const r = outgoingRequest({ url: 'http://127.0.0.1:3050/outgoing', contentType: 'form', token: 'hooktok', triggerWord: 'echo', text: 'echo hi', context: who, now });
    assert.strictEqual(r.headers['Content-Type'], 'application/x-www-form-urlencoded');
    assert.strictEqual(r.headers.Authorization, undefined);
    const f = new URLSearchParams(r.body);
    assert.deepStrictEqual([...f.keys()], ['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'timestamp', 'user_id', 'user_name', 'post_id', 'text', 'trigger_word', 'file_ids']);
    assert.strictEqual(f.get('timestamp'), '1700000123');
    assert.strictEqual(f.get('trigger_word'), 'echo');
    assert.strictEqual(f.get('text'), 'echo hi');
    assert.match(f.get('post_id')!, /^[a-z0-9]{26}$/);
  });

  it('outgoing webhook, JSON: timestamp in milliseconds', () => {
    const now = 1_700_000_123_456;
    const r = outgoingRequest({ url: 'http://127.0.0.1:3050/outgoing', contentType: 'json', token: 'hooktok', triggerWord: 'echo', text: 'echo hi', context: who, now });
    assert.strictEqual(r.headers['Content-Type'], 'application/json');
    const b = JSON.parse(r.body!) as Record<string, unknown>;
    assert.strictEqual(b.timestamp, now);
    assert.strictEqual(b.token, 'hooktok');
    assert.strictEqual(b.user_name, 'alice');
    assert.strictEqual(b.file_ids, '');
  });

  it('action: JSON with every field; a select adds context.selected_option', () => {
    const r = actionRequest({ url: 'http://127.0.0.1:3050/action/update', context: { step: 1 }, who, postId: 'p'.repeat(26) });
    const b = JSON.parse(r.body!) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(b), ['user_id', 'user_name', 'channel_id', 'channel_name', 'team_id', 'team_domain', 'post_id', 'trigger_id', 'type', 'data_source', 'context']);
    assert.deepStrictEqual(b.context, { step: 1 });
    assert.strictEqual(b.type, 'button');
    assert.strictEqual(b.trigger_id, r.triggerId);
    const s = actionRequest({ url: 'http://127.0.0.1:3050/a', context: { k: 'v' }, type: 'select', selectedOption: 'opt2', who });
    assert.deepStrictEqual((JSON.parse(s.body!) as { context: unknown }).context, { k: 'v', selected_option: 'opt2' });
  });

  it('refuses URLs that are not http(s), carry credentials, or are not URLs', () => {
    for (const url of ['ftp://x/', 'notaurl', 'http://u:p@127.0.0.1/']) {
      assert.throws(() => commandRequest({ url, method: 'POST', token: 't', trigger: 'x', text: '', responseUrl: 'http://r/', context: who }), InvokeInputError, url);
    }
  });
});
