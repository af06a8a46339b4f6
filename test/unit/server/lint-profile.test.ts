/** lint() follows the target-server profile: override-needs-setting (issue 11, item 3). */
import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import type { Kind } from '../../../src/core/payload/problem';
import { DEFAULT_PROFILE, parseProfile, Profile } from '../../../src/core/server/profile';

const RULE = 'override-needs-setting';
const messages = (text: string, kind: Kind, profile?: Profile) => lint(text, kind, profile ? { profile } : undefined).filter(p => p.rule === RULE).map(p => p.message);
const server = (settings: Record<string, string>, version = '10.5.2') => parseProfile({ Version: version, ...settings }, 'logged-in server', 'http://127.0.0.1:8065');
const HOOK = '{"text": "deployed", "username": "ci-bot", "icon_url": "https://example.com/ci.png", "icon_emoji": ":rocket:"}';

describe('lint with a server profile: override-needs-setting', () => {
  it('default profile (nothing known): says what the server must enable', () => {
    const m = messages(HOOK, 'incoming');
    assert.strictEqual(m.length, 3);
    assert.match(m[0], /Mattermost ignores `username` unless your server enables EnablePostUsernameOverride/);
    assert.match(m[1], /`icon_url` unless your server enables EnablePostIconOverride/);
    assert.match(m[2], /`icon_emoji` unless your server enables EnablePostIconOverride/);
    assert.deepStrictEqual(messages(HOOK, 'incoming', DEFAULT_PROFILE), m, 'no profile and the default profile differ');
  });

  it('a known server with the overrides on: no warning', () => {
    assert.deepStrictEqual(messages(HOOK, 'incoming', server({ EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' })), []);
    assert.deepStrictEqual(messages('{"text": "x", "username": "u", "icon_url": "https://e.com/i.png"}', 'outgoing', server({ EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' })), []);
  });

  it('a known server with them off: a warning that names the server version', () => {
    const m = messages(HOOK, 'incoming', server({ EnablePostUsernameOverride: 'false', EnablePostIconOverride: 'false' }));
    assert.strictEqual(m.length, 3);
    assert.match(m[0], /^On Mattermost 10\.5 \(logged-in server\), EnablePostUsernameOverride is off: Mattermost ignores `username` and shows the hook's name\.$/);
    assert.ok(m.every(x => !/unless your server/.test(x)));
  });

  it('one on, one off: only the ignored key is reported', () => {
    const problems = lint(HOOK, 'incoming', { profile: server({ EnablePostUsernameOverride: 'true' }) }).filter(p => p.rule === RULE);
    assert.deepStrictEqual(problems.map(p => HOOK.slice(p.start, p.end)), ['"icon_url"', '"icon_emoji"']);
  });

  it('icon_emoji before 5.14 is not a field, whatever the setting', () => {
    const m = messages('{"text": "x", "icon_emoji": ":rocket:"}', 'incoming', server({ EnablePostIconOverride: 'true' }, '5.13.0'));
    assert.deepStrictEqual(m, ['On Mattermost 5.13, `icon_emoji` is ignored: it is read only since Mattermost 5.14; the hook\'s icon is shown.']);
    assert.deepStrictEqual(messages('{"text": "x", "icon_emoji": ":rocket:"}', 'incoming', server({ EnablePostIconOverride: 'true' }, '5.14.0')), []);
  });

  it('slash-command responses: the command\'s own name/icon, and extra_responses too', () => {
    const cmd = '{"text": "a", "username": "u", "extra_responses": [{"text": "b", "icon_url": "https://e.com/i.png"}]}';
    const m = messages(cmd, 'command', server({}, '9.11'));
    assert.strictEqual(m.length, 2);
    assert.match(m[0], /On Mattermost 9\.11 .*shows the command's own name/);
    assert.match(m[1], /shows the command's own icon/);
    assert.match(messages(cmd, 'command')[0], /command's own configured name wins over it/);
  });

  it('the profile reaches the rules through the worker path too (plain data, structured-clone safe)', () => {
    const p = server({ EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' });
    const cloned = structuredClone(p);
    assert.deepStrictEqual(messages(HOOK, 'incoming', cloned), []);
  });
});
