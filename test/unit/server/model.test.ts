import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeBody, decodeRules, readPayload } from '../../../src/core/server/decode';
import { BEHAVIOURS } from '../../../src/core/server/index';
import { postsOf, postTypeFate, storedFieldValue } from '../../../src/core/server/toPost';
import type { Kind } from '../../../src/core/payload/problem';

const SERVER = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'src', 'core', 'server');

describe('server model: one home per behaviour', () => {
  it('every behaviour names a file that exists, and every file is the home of one', () => {
    const files = fs.readdirSync(SERVER).filter(f => f.endsWith('.ts') && f !== 'index.ts' && f !== 'profile.ts');
    for (const b of BEHAVIOURS) assert.ok(files.includes(b.home), `${b.id}: ${b.home}`);
    for (const f of files) assert.ok(BEHAVIOURS.some(b => b.home === f), `${f} is nobody's home`);
    assert.strictEqual(new Set(BEHAVIOURS.map(b => b.id)).size, BEHAVIOURS.length);
  });
});

describe('server model: decoding per kind', () => {
  const KINDS: Kind[] = ['incoming', 'command', 'outgoing', 'dialog', 'post'];

  it('json.Decoder for every kind but slash-command responses (json.Unmarshal); the repair for incoming only', () => {
    for (const k of KINDS) assert.deepStrictEqual(decodeRules(k), { firstValueOnly: k !== 'command', repairNewlines: k === 'incoming' });
  });

  it('ignores content after the first value, except for slash-command responses', () => {
    for (const k of KINDS) {
      const d = decodeBody('{"text": "a"} {"text": "b"}', k);
      assert.strictEqual(d.ok, k !== 'command', k);
      if (d.ok) assert.deepStrictEqual(d.value, { text: 'a' });
    }
  });

  it('has no comments and no empty body, for any kind', () => {
    for (const k of KINDS) {
      const c = decodeBody('{"text": "a"} // c', k);
      // a comment after the value is trailing content for json.Decoder, an error for json.Unmarshal
      assert.strictEqual(c.ok, k !== 'command', k);
      const d = decodeBody('// c\n{"text": "a"}', k);
      assert.ok(!d.ok && /comment/.test(d.reason), k);
      const e = decodeBody(' \n ', k);
      assert.ok(!e.ok && e.empty, k);
    }
  });

  it('repairs raw newlines and tabs in the six keys of incoming webhooks only, and keeps the repaired value', () => {
    const text = '{"text": "a\nb", "attachments": [{"fields": [{"title": "t\tt", "value": "v\nv"}]}]}';
    const r = readPayload(text, 'incoming');
    assert.ok(r.ok);
    assert.deepStrictEqual(r.value, { text: 'a\nb', attachments: [{ fields: [{ title: 't\tt', value: 'v\nv' }] }] });
    assert.strictEqual(r.decoded.repaired?.length, 3);
    assert.strictEqual(readPayload(text, 'outgoing').ok, false);
    assert.strictEqual(readPayload('{"footer": "a\nb"}', 'incoming').ok, false);
  });

  it('matches struct keys case-insensitively, the last one winning; map keys stay exact', () => {
    const r = readPayload('{"TEXT": "a", "text": "b", "Text": "c", "props": {"Foo": 1, "foo": 2}}', 'incoming');
    assert.ok(r.ok);
    assert.deepStrictEqual(r.value, { text: 'c', props: { Foo: 1, foo: 2 } });
    // a later null leaves the field as it was
    const n = readPayload('{"text": "a", "TEXT": null}', 'incoming');
    assert.ok(n.ok);
    assert.deepStrictEqual(n.value, { text: 'a' });
  });
});

describe('server model: what is posted', () => {
  it('incoming: refuses empty text without attachments; splits long text into posts of 16383 runes', () => {
    assert.match(postsOf('incoming', { text: '' }).refused!.reason, /No text specified/);
    assert.match(postsOf('incoming', { text: '', attachments: [] }).refused!.reason, /No text specified/);
    assert.match(postsOf('incoming', { text: '', attachments: [null] }).refused!.reason, /No text specified/);
    assert.strictEqual(postsOf('incoming', { text: '', attachments: [null, { text: 'a' }] }).refused, undefined);
    const long = postsOf('incoming', { text: '😀'.repeat(16384) });
    assert.deepStrictEqual(long.responses[0].messages.map(m => [...m].length), [16383, 1]);
  });

  it('converts Slack markup in webhook text, not in REST posts nor with skip_slack_parsing', () => {
    const text = '<!channel> <https://x.test|docs>';
    assert.deepStrictEqual(postsOf('incoming', { text }).responses[0].messages, ['@channel [docs](https://x.test)']);
    assert.deepStrictEqual(postsOf('post', { message: text }).responses[0].messages, [text]);
    assert.deepStrictEqual(postsOf('command', { text, skip_slack_parsing: true }).responses[0].messages, [text]);
  });

  it('slash commands: response_type decides, ephemeral responses need content, long in-channel text fails the command', () => {
    const o = postsOf('command', { text: 'a', extra_responses: [{ response_type: 'bogus', text: 'b' }, { text: '' }, { response_type: 'in_channel', text: 'c' }] });
    assert.deepStrictEqual(o.responses.map(r => [r.base, r.messages, r.nothing !== undefined, r.ephemeral]), [
      [[], ['a'], false, true],
      [['extra_responses', 0], [], true, false],
      [['extra_responses', 1], [], true, true],
      [['extra_responses', 2], ['c'], false, false],
    ]);
    assert.ok(postsOf('command', { response_type: 'in_channel', text: 'x'.repeat(16384) }).refused);
    // an ephemeral response is never saved, so not checked against the limit
    assert.strictEqual(postsOf('command', { text: 'x'.repeat(16384) }).refused, undefined);
  });

  it('outgoing: nothing without a text key and attachments; REST posts over the limit are refused', () => {
    assert.ok(postsOf('outgoing', { text: null }).responses[0].nothing);
    assert.strictEqual(postsOf('outgoing', { text: '' }).responses[0].nothing, undefined);
    assert.ok(postsOf('post', { message: 'x'.repeat(16384) }).refused);
  });

  it('post types (§1.4, §4.3, §6.2): card is unknown, REST system_* is refused, ephemeral command types are dropped, burn_on_read needs a licence', () => {
    assert.strictEqual(postTypeFate('incoming', { type: 'card' }), 'unknown');
    assert.strictEqual(postTypeFate('post', { type: 'system_join_channel' }), 'system');
    assert.ok(postsOf('post', { message: 'x', type: 'system_join_channel' }).refused);
    assert.strictEqual(postTypeFate('command', { type: 'card' }), 'dropped');
    assert.strictEqual(postTypeFate('command', { type: 'card', response_type: 'in_channel' }), 'unknown');
    assert.strictEqual(postTypeFate('command', { type: 'system_x' }), 'system');
    assert.strictEqual(postTypeFate('incoming', { type: 'card', attachments: [null] }), 'unknown', 'all-null attachments do not force slack_attachment');
    assert.strictEqual(postTypeFate('incoming', { type: 'card', attachments: [{}] }), undefined);
    assert.strictEqual(postTypeFate('incoming', { type: 'burn_on_read' }), 'licensed');
    assert.strictEqual(postsOf('incoming', { text: 'x', type: 'burn_on_read' }).refused, undefined);
  });

  it('REST replies cannot carry a priority; outgoing null attachments post nothing; links in attachments ignore skip_slack_parsing', () => {
    assert.ok(postsOf('post', { message: 'x', root_id: 'a'.repeat(26), metadata: { priority: { priority: 'urgent' } } }).refused);
    assert.strictEqual(postsOf('post', { message: 'x', metadata: { priority: { priority: 'urgent' } } }).refused, undefined);
    assert.ok(postsOf('outgoing', { text: 'x', attachments: [null] }).refused);
    assert.strictEqual(postsOf('incoming', { text: 'x', attachments: [null] }).refused, undefined);
    assert.strictEqual(storedFieldValue('command', '<https://x.test|docs> <!here>', false), '[docs](https://x.test) <!here>');
    assert.strictEqual(storedFieldValue('post', '<https://x.test|docs>', false), '<https://x.test|docs>');
  });
});
