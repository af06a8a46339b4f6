/**
 * Version- and setting-aware rules (issue 11 item 4, MATTERMOST_RULES.md §8/§9): each rule is linted with
 * profiles on both sides of its boundary, and the message names the version when the finding depends on it.
 */
import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import type { Kind, Problem } from '../../../src/core/payload/problem';
import { DEFAULT_PROFILE, parseProfile, type Profile, profileForVersion } from '../../../src/core/server/profile';
import { applyFix } from './helpers';

function found(text: string, kind: Kind, rule: string, profile: Profile): Problem[] {
  return lint(text, kind, { profile }).filter(p => p.rule === rule);
}

describe('version-aware rules: short as a string (5.8)', () => {
  const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'TRUE' }, { title: 'c', value: 'd', short: false }] }] });

  it('5.7 refuses the string form, names the version, and fixes it to the boolean', () => {
    for (const kind of ['incoming', 'command', 'outgoing'] as const) {
      const ps = found(text, kind, 'short-not-boolean', profileForVersion('5.7'));
      assert.strictEqual(ps.length, 1, kind);
      assert.strictEqual(ps[0].severity, 'error');
      assert.match(ps[0].message, /^On Mattermost 5\.7, `short` must be a JSON true or false .*since Mattermost 5\.8/);
      assert.strictEqual(text.slice(ps[0].start, ps[0].end), '"TRUE"');
      assert.ok(ps[0].fix);
      const fixed = applyFix(text, ps[0].fix);
      assert.deepStrictEqual(found(fixed, kind, 'short-not-boolean', profileForVersion('5.7')), []);
      assert.strictEqual((JSON.parse(fixed) as { attachments: { fields: { short: unknown }[] }[] }).attachments[0].fields[0].short, true);
    }
  });

  it('5.8, 9.11 and the default profile accept "TRUE" and "false"', () => {
    for (const profile of [profileForVersion('5.8'), profileForVersion('9.11'), DEFAULT_PROFILE]) {
      assert.deepStrictEqual(found(text, 'incoming', 'short-not-boolean', profile), []);
    }
  });

  it('a string that is not true/false is still refused on every version, once', () => {
    const bad = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', fields: [{ title: 'a', value: 'b', short: 'yes' }] }] });
    for (const profile of [profileForVersion('5.7'), DEFAULT_PROFILE]) {
      const ps = found(bad, 'incoming', 'short-not-boolean', profile);
      assert.strictEqual(ps.length, 1);
      assert.match(ps[0].message, /rejects the whole request/);
    }
  });
});

describe('version-aware rules: keys older servers do not read (unknown-key, §8)', () => {
  const command = JSON.stringify({ text: 'x', skip_slack_parsing: true, extra_responses: [{ text: 'y' }] });

  it('extra_responses (5.6): ignored on 5.5 with the version named, read from 5.6', () => {
    const before = found(command, 'command', 'unknown-key', profileForVersion('5.5')).filter(p => p.path[0] === 'extra_responses');
    assert.strictEqual(before.length, 1);
    assert.strictEqual(before[0].severity, 'warning');
    assert.match(before[0].message, /^On Mattermost 5\.5, `extra_responses` is ignored: it is read only since Mattermost 5\.6/);
    assert.strictEqual(command.slice(before[0].start, before[0].end), '"extra_responses"');
    assert.deepStrictEqual(found(command, 'command', 'unknown-key', profileForVersion('5.6')).filter(p => p.path[0] === 'extra_responses'), []);
  });

  it('skip_slack_parsing (5.20): ignored on 5.19 (also inside an extra response), read from 5.20; false is not reported', () => {
    const text = JSON.stringify({ text: 'x', skip_slack_parsing: true, extra_responses: [{ text: 'y', skip_slack_parsing: true }, { text: 'z', skip_slack_parsing: false }] });
    const before = found(text, 'command', 'unknown-key', profileForVersion('5.19'));
    assert.deepStrictEqual(before.map(p => p.path), [['skip_slack_parsing'], ['extra_responses', 0, 'skip_slack_parsing']]);
    assert.match(before[0].message, /^On Mattermost 5\.19, `skip_slack_parsing` is ignored: it is read only since Mattermost 5\.20, so the Slack processing/);
    assert.deepStrictEqual(found(text, 'command', 'unknown-key', profileForVersion('5.20')), []);
  });

  it('webhook priority (≈9.11): "may be ignored" on 9.10 for incoming and outgoing, nothing from 9.11', () => {
    const text = JSON.stringify({ text: 'x', priority: { priority: 'urgent' } });
    for (const kind of ['incoming', 'outgoing'] as const) {
      const before = found(text, kind, 'unknown-key', profileForVersion('9.10'));
      assert.strictEqual(before.length, 1, kind);
      assert.match(before[0].message, /^On Mattermost 9\.10, `priority` may be ignored: it is read only since about Mattermost 9\.11/);
      assert.deepStrictEqual(found(text, kind, 'unknown-key', profileForVersion('9.11')), []);
      assert.deepStrictEqual(found(text, kind, 'unknown-key', DEFAULT_PROFILE), []);
    }
  });

  it('action tooltip (≈11.6): "may be ignored" on 11.5, nothing on 11.6', () => {
    const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', actions: [{ id: 'a', name: 'A', type: 'button', tooltip: 'Approve it', integration: { url: 'http://127.0.0.1/x' } }] }] });
    const before = found(text, 'incoming', 'unknown-key', profileForVersion('11.5'));
    assert.strictEqual(before.length, 1);
    assert.deepStrictEqual(before[0].path, ['attachments', 0, 'actions', 0, 'tooltip']);
    assert.match(before[0].message, /^On Mattermost 11\.5, `tooltip` may be ignored: .*about Mattermost 11\.6/);
    assert.deepStrictEqual(found(text, 'incoming', 'unknown-key', profileForVersion('11.6')), []);
  });
});

describe('version-aware rules: incoming-webhook keys newer than 11.6 (§9.1)', () => {
  const text = JSON.stringify({ text: 'x', root_id: 'abc', silent: true });

  it('on the default profile and older: information, ignored, a newer server may use it', () => {
    for (const profile of [DEFAULT_PROFILE, profileForVersion('9.11')]) {
      const ps = found(text, 'incoming', 'unknown-key', profile);
      assert.deepStrictEqual(ps.map(p => [p.path[0], p.severity]), [['root_id', 'information'], ['silent', 'information']]);
      for (const p of ps) assert.match(p.message, /^On Mattermost (11\.6|9\.11), Mattermost ignores `(root_id|silent)` in an incoming webhook; a newer server \(after 11\.6\) may use it/);
    }
  });

  it('after 11.6 the server may read them: information that says "may"', () => {
    const ps = found(text, 'incoming', 'unknown-key', profileForVersion('11.7'));
    assert.deepStrictEqual(ps.map(p => p.severity), ['information', 'information']);
    assert.match(ps[0].message, /^On Mattermost 11\.7, Mattermost may read `root_id` to post into a thread/);
  });

  it('only for incoming webhooks: elsewhere the ordinary unknown-key message stays', () => {
    const ps = found(JSON.stringify({ text: 'x', silent: true }), 'outgoing', 'unknown-key', DEFAULT_PROFILE);
    assert.strictEqual(ps.length, 1);
    assert.strictEqual(ps[0].severity, 'warning');
  });
});

describe('version-aware rules: the request body limit (body-too-large, requestBodyLimit)', () => {
  // about 400 KB: over MaximumPayloadSizeBytes 300000 + 512, far under MaxFileSize (100 MB)
  const big = JSON.stringify({ text: 'a'.repeat(400000) });

  it('≈ 9.8 and the default profile: over 300000 + 512 bytes, named in the message', () => {
    const def = found(big, 'incoming', 'body-too-large', DEFAULT_PROFILE);
    assert.strictEqual(def.length, 1);
    assert.match(def[0].message, /reads only the first 300512 bytes .*the default limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
    const v98 = found(big, 'post', 'body-too-large', profileForVersion('9.8'));
    assert.strictEqual(v98.length, 1);
    assert.match(v98[0].message, /^Mattermost refuses this \d+-byte body \(413 .*on Mattermost 9\.8 the limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
  });

  it('before 9.8 (MaxFileSize, 100 MB) and before 5.22 (no limit): the same body is read', () => {
    for (const v of ['9.7', '5.21']) {
      for (const kind of ['incoming', 'post', 'dialog'] as const) assert.deepStrictEqual(found(big, kind, 'body-too-large', profileForVersion(v)), [], `${v} ${kind}`);
    }
  });

  it('a profile file that raises MaximumPayloadSizeBytes moves the limit, and says so', () => {
    const raised = parseProfile({ Version: '10.11.0', MaximumPayloadSizeBytes: '1000000' }, 'workspace file');
    assert.deepStrictEqual(found(big, 'incoming', 'body-too-large', raised), []);
    const lowered = parseProfile({ Version: '10.11.0', MaximumPayloadSizeBytes: '100000' }, 'workspace file');
    const ps = found(JSON.stringify({ text: 'a'.repeat(200000) }), 'incoming', 'body-too-large', lowered);
    assert.strictEqual(ps.length, 1);
    assert.match(ps[0].message, /first 100512 bytes .*on Mattermost 10\.11 the limit is MaximumPayloadSizeBytes 100000 \+ 512 bytes/);
  });

  it('a delayed command response over the request limit: a warning from ≈ 9.8 on (300 KB), none before', () => {
    const def = found(big, 'command', 'body-too-large', DEFAULT_PROFILE);
    assert.strictEqual(def.length, 1);
    assert.strictEqual(def[0].severity, 'warning');
    assert.match(def[0].message, /delayed response to response_url .*the default limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
    // 9.7: the limit is MaxFileSize (100 MB); 5.21: none
    for (const v of ['9.7', '5.21']) assert.strictEqual(found(big, 'command', 'body-too-large', profileForVersion(v)).length, 0, v);
  });
});

describe('version-aware rules: log-only attachment validation (≈ 10.6)', () => {
  const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', color: 'red', ts: 1700000000 }] });

  it('from 10.6 (and on the default profile) the invalid color and numeric ts are "logged as invalid"', () => {
    for (const profile of [profileForVersion('10.6'), DEFAULT_PROFILE]) {
      for (const rule of ['attachment-color', 'attachment-ts']) {
        const ps = found(text, 'incoming', rule, profile);
        assert.strictEqual(ps.length, 1, `${rule} ${profile.config.Version}`);
        assert.match(ps[0].message, /logs/i);
      }
    }
  });

  it('before 10.6 nothing is validated or logged: those findings go away', () => {
    for (const v of ['10.5', '9.11', '5.22']) {
      for (const rule of ['attachment-color', 'attachment-ts']) assert.deepStrictEqual(found(text, 'incoming', rule, profileForVersion(v)), [], `${rule} ${v}`);
    }
  });
});

describe('version-aware rules: dialog date/datetime elements (≈ 11.6) and datetime_config (11.6)', () => {
  const dialog = (element: Record<string, unknown>) =>
    JSON.stringify({ trigger_id: 't', url: 'http://127.0.0.1/submit', dialog: { title: 'When', elements: [{ display_name: 'Day', name: 'day', ...element }] } });

  it('before 11.6 a date element "may" be unknown, with the version named; from 11.6 the date rules apply instead', () => {
    const text = dialog({ type: 'date', default: 'not-a-date' });
    const before = found(text, 'dialog', 'dialog-element-invalid', profileForVersion('11.5'));
    assert.strictEqual(before.length, 1);
    assert.deepStrictEqual(before[0].path, ['dialog', 'elements', 0, 'type']);
    assert.match(before[0].message, /^On Mattermost 11\.5, `type` "date" may be an unknown element type: .*since about Mattermost 11\.6/);
    for (const profile of [profileForVersion('11.6'), DEFAULT_PROFILE]) {
      const ps = found(text, 'dialog', 'dialog-element-invalid', profile);
      assert.strictEqual(ps.length, 1);
      assert.deepStrictEqual(ps[0].path, ['dialog', 'elements', 0, 'default']);
    }
  });

  it('datetime_config is ignored before 11.6 (named), read from 11.6', () => {
    const text = dialog({ type: 'datetime', time_interval: 30, datetime_config: { time_interval: 15 } });
    const before = found(text, 'dialog', 'dialog-element-invalid', profileForVersion('11.5')).filter(p => p.path.at(-1) === 'datetime_config');
    assert.strictEqual(before.length, 1);
    assert.match(before[0].message, /^On Mattermost 11\.5, `datetime_config` is ignored: it is read only since Mattermost 11\.6/);
    assert.deepStrictEqual(found(text, 'dialog', 'dialog-element-invalid', profileForVersion('11.6')), []);
    assert.deepStrictEqual(found(text, 'dialog', 'unknown-key', profileForVersion('11.6')), []);
  });
});
