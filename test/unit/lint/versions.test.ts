/**
 * Version- and setting-aware rules (issue 11 item 4, MATTERMOST_RULES.md §8/§9): each rule is linted with
 * profiles on both sides of its boundary, and the message names the version when the finding depends on it.
 */
import * as assert from 'assert';
import { lint } from '../../../src/core/payload/lint';
import type { Kind, Problem } from '../../../src/core/payload/problem';
import { DEFAULT_PROFILE, formatVersion, parseProfile, type Profile, profileForVersion } from '../../../src/core/server/profile';
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

  it('the default profile and 10.x: over 300000 + 512 bytes, an error named in the message', () => {
    const def = found(big, 'incoming', 'body-too-large', DEFAULT_PROFILE);
    assert.strictEqual(def.length, 1);
    assert.strictEqual(def[0].severity, 'error');
    assert.match(def[0].message, /^Mattermost reads only the first 300512 bytes .*the default limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
    const v10 = found(big, 'post', 'body-too-large', profileForVersion('10.0'));
    assert.strictEqual(v10.length, 1);
    assert.strictEqual(v10[0].severity, 'error');
    assert.match(v10[0].message, /^Mattermost refuses this \d+-byte body \(413 .*on Mattermost 10\.0 the limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
  });

  it('9.8 to 9.x (the change is only ≈ 9.8): the same body "may" be cut or refused, a warning, not an error', () => {
    for (const v of ['9.8', '9.11']) {
      const inc = found(big, 'incoming', 'body-too-large', profileForVersion(v));
      assert.strictEqual(inc.length, 1, v);
      assert.strictEqual(inc[0].severity, 'warning', v);
      assert.match(inc[0].message, new RegExp(`^Mattermost may read only the first 300512 bytes .*since about Mattermost 9\\.8, so on Mattermost ${v.replace('.', '\\.')} it may apply\\) and then rejects the cut JSON`));
      const post = found(big, 'post', 'body-too-large', profileForVersion(v));
      assert.strictEqual(post.length, 1, v);
      assert.strictEqual(post[0].severity, 'warning', v);
      assert.match(post[0].message, /^Mattermost may refuse this \d+-byte body \(413 /);
    }
    // a profile that says MaximumPayloadSizeBytes is certain again
    const said = parseProfile({ Version: '9.8.0', MaximumPayloadSizeBytes: '300000' }, 'workspace file');
    const ps = found(big, 'incoming', 'body-too-large', said);
    assert.strictEqual(ps.length, 1);
    assert.strictEqual(ps[0].severity, 'error');
    assert.match(ps[0].message, /^Mattermost reads only the first 300512 bytes/);
  });

  it('9.0 to 9.7 (MaxFileSize, 100 MB): the 300 KB limit "may" already apply, a warning that names both', () => {
    for (const v of ['9.7', '9.0']) {
      const bodies = {
        incoming: big,
        post: JSON.stringify({ channel_id: 'c'.repeat(26), message: 'a'.repeat(400000) }),
        dialog: JSON.stringify({ trigger_id: 't', url: 'http://127.0.0.1/submit', dialog: { title: 'T', introduction_text: 'a'.repeat(400000) } }),
      };
      for (const kind of ['incoming', 'post', 'dialog'] as const) {
        const ps = found(bodies[kind], kind, 'body-too-large', profileForVersion(v));
        assert.strictEqual(ps.length, 1, `${v} ${kind}`);
        assert.strictEqual(ps[0].severity, 'warning');
        assert.match(ps[0].message, new RegExp(`^On Mattermost ${v.replace('.', '\\.')} the limit is FileSettings\\.MaxFileSize, 104857600 bytes, but .*since about Mattermost 9\\.8, so this server may already `));
        assert.match(ps[0].message, kind === 'incoming' ? /may already read only the first 300512 bytes/ : /may already refuse this \d+-byte body \(413 /);
      }
      // within 300000 + 512 bytes: nothing
      assert.deepStrictEqual(found(JSON.stringify({ text: 'a'.repeat(1000) }), 'incoming', 'body-too-large', profileForVersion(v)), []);
    }
  });

  it('before 9.x (MaxFileSize, 100 MB, certain) and before 5.22 (no limit): the same body is read', () => {
    for (const v of ['8.1', '5.21']) {
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
    assert.match(def[0].message, /but refuses this \d+-byte body as a delayed response to response_url .*the default limit is MaximumPayloadSizeBytes 300000 \+ 512 bytes/);
    // 9.x: the limit came in only ≈ 9.8, so it "may" refuse it
    for (const v of ['9.7', '9.8']) {
      const ps = found(big, 'command', 'body-too-large', profileForVersion(v));
      assert.strictEqual(ps.length, 1, v);
      assert.strictEqual(ps[0].severity, 'warning');
      assert.match(ps[0].message, /but may refuse this \d+-byte body as a delayed response/);
    }
    // 8.1: the limit is MaxFileSize (100 MB); 5.21: none
    for (const v of ['8.1', '5.21']) assert.strictEqual(found(big, 'command', 'body-too-large', profileForVersion(v)).length, 0, v);
  });
});

describe('version-aware rules: log-only attachment validation (≈ 10.6)', () => {
  const text = JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', color: 'red', ts: 1700000000 }] });

  it('from 11.x (and on the default profile) the invalid color and numeric ts are "logged as invalid"; on 10.6–10.x "may" be', () => {
    for (const profile of [profileForVersion('11.0'), DEFAULT_PROFILE]) {
      for (const rule of ['attachment-color', 'attachment-ts']) {
        const ps = found(text, 'incoming', rule, profile);
        assert.strictEqual(ps.length, 1, `${rule} ${profile.config.Version}`);
        assert.match(ps[0].message, /^Mattermost still posts it but logs "Invalid post props": /);
      }
    }
    for (const v of ['10.6', '10.11']) {
      for (const rule of ['attachment-color', 'attachment-ts']) {
        const ps = found(text, 'incoming', rule, profileForVersion(v));
        assert.strictEqual(ps.length, 1, `${rule} ${v}`);
        assert.match(ps[0].message, new RegExp(`^Mattermost still posts it, and on Mattermost ${v.replace('.', '\\.')} it may log "Invalid post props" \\(it validates attachments and actions since about Mattermost 10\\.6\\): `));
        assert.strictEqual(ps[0].severity, 'warning');
      }
    }
  });

  it('before 10.6 nothing is validated or logged: those findings go away', () => {
    for (const v of ['10.5', '9.11', '5.22']) {
      for (const rule of ['attachment-color', 'attachment-ts']) assert.deepStrictEqual(found(text, 'incoming', rule, profileForVersion(v)), [], `${rule} ${v}`);
    }
  });
});

describe('version-aware rules: the other log-only findings (≈ 10.6): no log line claimed before it', () => {
  const integ = { integration: { url: 'http://127.0.0.1/act' } };
  const att = (a: Record<string, unknown>) => JSON.stringify({ text: 'x', attachments: [{ fallback: 'f', ...a }] });
  const LOGGED = /^Mattermost still posts it but logs "Invalid post props": /;
  const NEAR = /^Mattermost still posts it, and on Mattermost 10\.6 it may log "Invalid post props" \(it validates attachments and actions since about Mattermost 10\.6\): /;
  const BEFORE = (v: string) => new RegExp(`^On Mattermost ${v.replace('.', '\\.')}, .*\\(Mattermost still posts it and may not log anything: it validates attachments and actions only since about Mattermost 10\\.6\\)\\.$`);
  // [rule, kind, payload, what the clients still do (said on every version)]
  const CASES: Array<[string, 'incoming' | 'post', string, RegExp]> = [
    ['action-invalid', 'incoming', att({ actions: [{ id: 'a', type: 'button', ...integ }] }), /the action has no `name`/],
    ['action-invalid', 'incoming', att({ actions: [{ id: 'a', name: 'Go', ...integ }] }), /the action has no `type`/],
    ['action-integration', 'incoming', att({ actions: [{ id: 'a', name: 'Go', type: 'button' }] }), /the action has no `integration`, so clicking it does nothing/],
    ['action-integration', 'incoming', att({ actions: [{ id: 'a', name: 'Go', type: 'button', integration: { url: 'ftp://x' } }] }), /clicks cannot be delivered/],
    ['invalid-url', 'incoming', att({ image_url: 'ftp://example.com/a.png' }), /`image_url` must be an http:\/\/ or https:\/\/ URL/],
    ['link-without-label', 'incoming', att({ title_link: 'https://example.com' }), /`title_link` needs a `title`, so no link is shown/],
    ['field-value-format', 'post', JSON.stringify({ channel_id: 'c'.repeat(26), message: 'x', props: { attachments: [{ fallback: 'f', fields: [{ title: 't', value: 42 }] }] } }), /a field `value` in a REST post/],
  ];

  for (const [rule, kind, text, effect] of CASES) {
    it(`${rule}: ${effect.source.slice(0, 40)} — logged from 11.x, "may" on 10.6, no log line claimed on 10.5`, () => {
      for (const profile of [DEFAULT_PROFILE, profileForVersion('11.0')]) {
        const ps = found(text, kind, rule, profile);
        assert.strictEqual(ps.length, 1, `${rule} ${profile.config.Version}`);
        assert.match(ps[0].message, LOGGED);
        assert.match(ps[0].message, effect);
        assert.strictEqual(ps[0].severity, 'warning');
      }
      const near = found(text, kind, rule, profileForVersion('10.6'));
      assert.strictEqual(near.length, 1);
      assert.match(near[0].message, NEAR);
      assert.match(near[0].message, effect);
      for (const v of ['10.5', '9.11']) {
        const ps = found(text, kind, rule, profileForVersion(v));
        assert.strictEqual(ps.length, 1, `${rule} ${v}`);
        assert.match(ps[0].message, BEFORE(v));
        assert.doesNotMatch(ps[0].message, /logs "Invalid post props"/);
        assert.match(ps[0].message, effect);
        assert.strictEqual(ps[0].severity, 'warning');
      }
    });
  }

  it('what the clients do is said where no log line is: an invalid URL may not load, a bad action type may not show', () => {
    const url = found(att({ thumb_url: 'not a url' }), 'incoming', 'invalid-url', profileForVersion('10.5'));
    assert.match(url[0].message, /`thumb_url` must be an http:\/\/ or https:\/\/ URL, so clients may not load or link it/);
    const type = found(att({ actions: [{ id: 'a', name: 'Go', type: 'link', ...integ }] }), 'incoming', 'action-invalid', profileForVersion('10.5'));
    assert.match(type[0].message, /^On Mattermost 10\.5, `type` must be `button` or `select`, not "link", so clients may not show it as meant/);
    assert.doesNotMatch(type[0].message, /invalid action type/);
    const logged = found(att({ actions: [{ id: 'a', name: 'Go', type: 'link', ...integ }] }), 'incoming', 'action-invalid', DEFAULT_PROFILE);
    assert.match(logged[0].message, /logs "Invalid post props": invalid action type: `type` must be/);
  });

  it('the id clicks cannot be routed to is not a logged finding: the same on every version', () => {
    const text = att({ actions: [{ id: 'a-b', name: 'Go', type: 'button', ...integ }] });
    const messages = ['10.5', '10.6', '11.6'].map(v => found(text, 'incoming', 'action-invalid', profileForVersion(v)).map(p => p.message));
    assert.strictEqual(messages[0].length, 1);
    assert.deepStrictEqual(messages[1], messages[0]);
    assert.deepStrictEqual(messages[2], messages[0]);
  });
});

describe('version-aware rules: dialog validation (≈ 6.1): no log line claimed before it', () => {
  const text = JSON.stringify({ trigger_id: 't', url: 'http://127.0.0.1/submit', dialog: { title: 'A title that is much too long', elements: [{ display_name: '', name: 'n', type: 'text' }] } });

  it('from 7.x the dialog opens and the problems are logged; on 6.x "may"; on 6.0 no log line is claimed', () => {
    for (const rule of ['dialog-invalid', 'dialog-element-invalid']) {
      const now = found(text, 'dialog', rule, DEFAULT_PROFILE);
      assert.strictEqual(now.length, 1, rule);
      assert.match(now[0].message, /^Mattermost still opens the dialog but logs "Interactive dialog is invalid": /);
      const near = found(text, 'dialog', rule, profileForVersion('6.2'));
      assert.match(near[0].message, /^Mattermost still opens the dialog, and on Mattermost 6\.2 it may log "Interactive dialog is invalid" \(it validates dialogs since about Mattermost 6\.1\): /);
      const before = found(text, 'dialog', rule, profileForVersion('6.0'));
      assert.strictEqual(before.length, 1, rule);
      assert.match(before[0].message, /^On Mattermost 6\.0, .*\(Mattermost still opens the dialog and may not log anything: it validates dialogs only since about Mattermost 6\.1\)\.$/);
      assert.doesNotMatch(before[0].message, /logs "Interactive dialog is invalid"/);
      assert.strictEqual(before[0].severity, 'warning');
    }
  });
});

describe('version-aware rules: dialog file elements (developer docs: 11.10; not in the reference)', () => {
  const text = JSON.stringify({
    trigger_id: 't', url: 'http://127.0.0.1/submit',
    dialog: { title: 'Upload', elements: [{ display_name: 'Attachments', name: 'files', type: 'file', allow_multiple: true, optional: true }] },
  });

  it('on 11.6 (the default) and 11.9: "may" be an unknown element type, a warning naming the version; allow_multiple is ignored', () => {
    for (const profile of [DEFAULT_PROFILE, profileForVersion('11.9')]) {
      const ps = found(text, 'dialog', 'dialog-element-invalid', profile);
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(ps[0].severity, 'warning');
      assert.deepStrictEqual(ps[0].path, ['dialog', 'elements', 0, 'type']);
      assert.match(ps[0].message, new RegExp(`^On Mattermost ${formatVersion(profile.version).replace('.', '\\.')}, \`type\` "file" may be an unknown element type: file upload elements are read only since about Mattermost 11\\.10`));
      assert.doesNotMatch(ps[0].message, /is not one of/);
      assert.strictEqual(found(text, 'dialog', 'unknown-key', profile).length, 1);
      assert.ok(!lint(text, 'dialog', { profile }).some(p => p.severity === 'error'));
    }
  });

  it('from 11.10: a file element and its allow_multiple are fine', () => {
    for (const v of ['11.10', '12.0']) {
      assert.deepStrictEqual(found(text, 'dialog', 'dialog-element-invalid', profileForVersion(v)), [], v);
      assert.deepStrictEqual(found(text, 'dialog', 'unknown-key', profileForVersion(v)), [], v);
    }
    // allow_multiple stays unknown on other element types
    const other = JSON.stringify({ trigger_id: 't', url: 'http://127.0.0.1/submit', dialog: { title: 'T', elements: [{ display_name: 'A', name: 'a', type: 'text', allow_multiple: true }] } });
    assert.strictEqual(found(other, 'dialog', 'unknown-key', profileForVersion('11.10')).length, 1);
  });

  it('an unknown type that is not file keeps the ordinary message', () => {
    const bad = text.replace('"file"', '"upload"');
    const ps = found(bad, 'dialog', 'dialog-element-invalid', profileForVersion('11.10'));
    assert.strictEqual(ps.length, 1);
    assert.match(ps[0].message, /`type` "upload" is not one of/);
  });
});

describe('version-aware rules: the burn_on_read post type (≈ 11.6)', () => {
  const text = JSON.stringify({ text: 'x', type: 'burn_on_read' });

  it('before 11.6 it "may" be an unknown type (a warning naming the version); from 11.6 the licence note', () => {
    const before = found(text, 'incoming', 'post-type', profileForVersion('11.5'));
    assert.strictEqual(before.length, 1);
    assert.strictEqual(before[0].severity, 'warning');
    assert.match(before[0].message, /^On Mattermost 11\.5, `burn_on_read` may be an unknown post type \(it is read only since about Mattermost 11\.6\)/);
    for (const profile of [profileForVersion('11.6'), DEFAULT_PROFILE]) {
      const ps = found(text, 'incoming', 'post-type', profile);
      assert.strictEqual(ps.length, 1);
      assert.strictEqual(ps[0].severity, 'warning');
      assert.match(ps[0].message, /^Mattermost refuses `burn_on_read` posts \(501\) unless/);
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
