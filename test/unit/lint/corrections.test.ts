/**
 * The corrections of issue 11 (MATTERMOST_RULES.md corrected against the 11.6 server source), one test
 * at each boundary, through the public lint() API only: exact rule id, severity and the text of the range.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../../../src/core/payload/kinds';
import { lint } from '../../../src/core/payload/lint';
import type { Kind, Problem, Severity } from '../../../src/core/payload/problem';
import { parseProfile } from '../../../src/core/server/profile';
import { expectNone } from './helpers';

const CH = '4xp9fdt3pbgtmj3rdtx4xnhxbr';
const A = (att: string, extra = '') => `{"text": "t"${extra}, "attachments": [${att}]}`;
const ACT = (action: string) => A(`{"fallback": "f", "actions": [${action}]}`);
const EL = (el: string) => `{"trigger_id": "x", "url": "https://e.com", "dialog": {"title": "T", "elements": [${el}]}}`;
const POST = (rest: string) => `{"channel_id": "${CH}", "message": "m"${rest}}`;

/** Exactly one problem of `rule`, on exactly `range`, with `severity`; returns it. */
function one(text: string, kind: Kind, rule: string, range: string, severity: Severity, says?: string | RegExp): Problem {
  const all = lint(text, kind);
  const found = all.filter(p => p.rule === rule);
  assert.strictEqual(found.length, 1, `expected one ${rule} in ${text}, got ${JSON.stringify(all, null, 1)}`);
  assert.strictEqual(text.slice(found[0].start, found[0].end), range);
  assert.strictEqual(found[0].severity, severity, found[0].message);
  assert.match(found[0].message, /^Mattermost /);
  if (typeof says === 'string') assert.ok(found[0].message.includes(says), `"${found[0].message}" should say ${says}`);
  else if (says) assert.match(found[0].message, says);
  return found[0];
}

function noErrors(text: string, kind: Kind): void {
  const errors = lint(text, kind).filter(p => p.severity === 'error');
  assert.deepStrictEqual(errors, [], `expected no error in ${text}`);
}

describe('corrections of issue 11 (MATTERMOST_RULES.md §1–§7, 11.6 source)', () => {
  describe('§1.3 step 2: "attachments": [] or only nulls count as absent (incoming)', () => {
    it('empty text and [] → 400 No text specified, on the text', () =>
      one('{"text": "", "attachments": []}', 'incoming', 'no-text', '""', 'error', 'web.incoming_webhook.text.app_error'));
    it('no text and [null, null] → 400, on the attachments', () =>
      one('{"attachments": [null, null]}', 'incoming', 'no-text', '[null, null]', 'error'));
    it('no text and [] → 400, on the attachments', () => one('{"attachments": []}', 'incoming', 'no-text', '[]', 'error'));
    it('one non-null attachment, even empty, is enough', () => {
      expectNone('{"text": "", "attachments": [null, {}]}', 'incoming', 'no-text');
      expectNone('{"attachments": [{"fallback": "f", "text": "x"}]}', 'incoming', 'no-text');
    });
    it('whitespace-only text still passes', () => expectNone('{"text": " ", "attachments": []}', 'incoming', 'no-text'));
  });

  describe('§4.3: an ephemeral command response with empty text and [] or only nulls shows nothing', () => {
    it('[] → nothing-posted (error: nothing is posted)', () =>
      one('{"response_type": "ephemeral", "text": "", "attachments": []}', 'command', 'nothing-posted', '""', 'error', 'shows nothing'));
    it('[null] with no text → nothing-posted on the response', () =>
      one('{"attachments": [null]}', 'command', 'nothing-posted', '{', 'error'));
    it('one attachment is shown', () => expectNone('{"text": "", "attachments": [{"text": "x"}]}', 'command', 'nothing-posted'));
    it('in_channel is not this rule', () => expectNone('{"response_type": "in_channel", "text": "", "attachments": []}', 'command', 'nothing-posted'));
  });

  describe('§1.1/§2.1: a null entry in fields is dropped, not an error', () => {
    for (const kind of ['incoming', 'command', 'outgoing'] as Kind[]) {
      it(`fields: [null] on ${kind} → no error`, () => noErrors(A('{"fallback": "f", "fields": [null, {"title": "a", "value": "b"}]}'), kind));
    }
    it('REST props.attachments fields: [null] → no error', () => noErrors(POST(', "props": {"attachments": [{"fallback": "f", "fields": [null]}]}'), 'post'));
    it('fields: {} still fails the whole request', () => one(A('{"fallback": "f", "fields": {}}'), 'incoming', 'type-mismatch', '{}', 'error'));
  });

  describe('§1.4: card is not a post type', () => {
    it('incoming → 500', () => one('{"text": "a", "type": "card"}', 'incoming', 'post-type', '"card"', 'error', '500'));
    it('outgoing → nothing posted', () => one('{"text": "a", "type": "card"}', 'outgoing', 'post-type', '"card"', 'error', 'posts nothing'));
    it('in_channel command → fails', () => one('{"response_type": "in_channel", "text": "a", "type": "card"}', 'command', 'post-type', '"card"', 'error'));
    it('REST post → 400 model.post.is_valid.type.app_error', () => one(POST(', "type": "card"'), 'post', 'post-type', '"card"', 'error', 'model.post.is_valid.type.app_error'));
    it('props.card is still fine', () => expectNone('{"text": "a", "props": {"card": "x"}}', 'incoming', 'post-type'));
    it('custom_card is fine', () => expectNone('{"text": "a", "type": "custom_card"}', 'incoming', 'post-type'));
  });

  describe('§6.2: REST system_* types get 400', () => {
    it('system_join_channel → 400 api.context.invalid_param.app_error', () =>
      one(POST(', "type": "system_join_channel"'), 'post', 'post-type', '"system_join_channel"', 'error', '400 api.context.invalid_param.app_error'));
    it('"" and custom_* are fine', () => {
      expectNone(POST(', "type": ""'), 'post', 'post-type');
      expectNone(POST(', "type": "custom_x"'), 'post', 'post-type');
    });
  });

  describe('§2.4: a numeric attachment ts is logged as invalid', () => {
    it('1700000000 → warning "logged"', () => one(A('{"fallback": "f", "ts": 1700000000}'), 'incoming', 'attachment-ts', '1700000000', 'warning', /logs "Invalid post props"/));
    it('a fractional number too', () => one(A('{"fallback": "f", "ts": 1700000000.5}'), 'outgoing', 'attachment-ts', '1700000000.5', 'warning'));
    it('the fix quotes it', () => {
      const p = one(A('{"fallback": "f", "ts": 1700000000}'), 'outgoing', 'attachment-ts', '1700000000', 'warning');
      assert.deepStrictEqual(p.fix?.edits.map(e => e.newText), ['"1700000000"']);
    });
    it('a string ts is fine', () => expectNone(A('{"fallback": "f", "ts": "1700000000"}'), 'incoming', 'attachment-ts'));
    it('an ephemeral command response is never validated', () =>
      expectNone('{"text": "t", "attachments": [{"fallback": "f", "ts": 1700000000}]}', 'command', 'attachment-ts'));
  });

  describe('§4.3: ephemeral command responses skip Post.IsValid', () => {
    const long = 'x'.repeat(16384);
    it('long ephemeral text is shown: no message-too-long', () => expectNone(`{"text": "${long}"}`, 'command', 'message-too-long'));
    it('long in_channel text still fails', () =>
      one(`{"response_type": "in_channel", "text": "${long}"}`, 'command', 'message-too-long', '"text"', 'error', '500'));
    it('an unknown type on an ephemeral response is shown, the type is dropped: warning', () =>
      one('{"text": "a", "type": "alert"}', 'command', 'post-type', '"alert"', 'warning', 'dropped'));
    it('system_* is still refused first', () => one('{"text": "a", "type": "system_x"}', 'command', 'post-type', '"system_x"', 'error'));
    it('an extra ephemeral response with an unknown type is not an error', () =>
      one('{"response_type": "in_channel", "text": "a", "extra_responses": [{"text": "b", "type": "alert"}]}', 'command', 'post-type', '"alert"', 'warning'));
    it('an invalid color on an ephemeral response is not logged', () =>
      expectNone('{"text": "t", "attachments": [{"fallback": "f", "color": "red"}]}', 'command', 'attachment-color'));
    it('… but is on an in_channel response', () =>
      one('{"response_type": "in_channel", "text": "t", "attachments": [{"fallback": "f", "color": "red"}]}', 'command', 'attachment-color', '"red"', 'warning'));
  });

  describe('§4.4: a null attachment in an outgoing-webhook response is not removed', () => {
    it('[null] → error, nothing posted, may crash the server', () =>
      one('{"text": "a", "attachments": [null]}', 'outgoing', 'attachment-null', 'null', 'error', /posts nothing.*may /));
    it('on incoming it is removed: information', () =>
      one('{"text": "a", "attachments": [null, {"text": "x"}]}', 'incoming', 'attachment-null', 'null', 'information', 'removes'));
    it('no null: nothing', () => expectNone('{"text": "a", "attachments": [{"text": "x"}]}', 'outgoing', 'attachment-null'));
    it('null fields are filtered first and harmless', () => noErrors(A('{"fallback": "f", "fields": [null]}'), 'outgoing'));
  });

  describe('§4.4: outgoing webhooks overwrite webhook_display_name too', () => {
    it('outgoing → reserved-prop', () =>
      one('{"text": "a", "props": {"webhook_display_name": "X"}}', 'outgoing', 'reserved-prop', '"webhook_display_name"', 'warning', 'overwrites'));
    it('another prop is kept', () => expectNone('{"text": "a", "props": {"display": "X"}}', 'outgoing', 'reserved-prop'));
  });

  describe('§2.5/§4.3: skip_slack_parsing does not stop link conversion inside attachments', () => {
    it('attachment text link is converted: no slack-link', () =>
      expectNone('{"skip_slack_parsing": true, "text": "t", "attachments": [{"fallback": "f", "text": "see <https://e.com|docs>"}]}', 'command', 'slack-link'));
    it('a field value link too', () =>
      expectNone('{"skip_slack_parsing": true, "text": "t", "attachments": [{"fallback": "f", "fields": [{"value": "<https://e.com|docs>"}]}]}', 'command', 'slack-link'));
    it('the main text is not converted', () =>
      one('{"skip_slack_parsing": true, "text": "see <https://e.com|docs>"}', 'command', 'slack-link', '<https://e.com|docs>', 'warning', 'skip_slack_parsing'));
    it('mentions in attachments are still not expanded', () =>
      one('{"skip_slack_parsing": true, "text": "t", "attachments": [{"fallback": "f", "text": "hi <!channel>"}]}', 'command', 'slack-mention', '<!channel>', 'warning'));
  });

  describe('§3.2: a missing or empty action type is flagged', () => {
    const integ = '"integration": {"url": "https://e.com"}';
    it('missing type → on the action', () => one(ACT(`{"name": "Go", ${integ}}`), 'incoming', 'action-invalid', '{', 'warning', 'invalid action type'));
    it('empty type → on the value', () => one(ACT(`{"type": "", "name": "Go", ${integ}}`), 'incoming', 'action-invalid', '""', 'warning', 'invalid action type'));
    it('button is fine', () => expectNone(ACT(`{"type": "button", "name": "Go", ${integ}}`), 'incoming', 'action-invalid'));
  });

  describe('§3.1/§5.2: action tooltip and dialog datetime_config are real fields', () => {
    it('tooltip → no unknown-key', () =>
      expectNone(ACT('{"type": "button", "name": "Go", "tooltip": "Deploy now", "integration": {"url": "https://e.com"}}'), 'incoming', 'unknown-key'));
    it('tooltip must be a string (type mismatch)', () =>
      one(ACT('{"type": "button", "name": "Go", "tooltip": 5, "integration": {"url": "https://e.com"}}'), 'incoming', 'type-mismatch', '5', 'error'));
    it('datetime_config → no unknown-key', () =>
      expectNone(EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 30, "datetime_config": {"time_interval": 30, "location_timezone": "Europe/Berlin", "allow_manual_time_entry": true}}'), 'dialog', 'unknown-key'));
    it('datetime_config.time_interval must be an integer', () =>
      one(EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 30, "datetime_config": {"time_interval": "30"}}'), 'dialog', 'type-mismatch', '"30"', 'error'));
    it('an unknown key inside datetime_config is still reported', () =>
      one(EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 30, "datetime_config": {"timezone": "UTC"}}'), 'dialog', 'unknown-key', '"timezone"', 'warning'));
  });

  describe('§6.2: REST filenames is ignored (json:"-")', () => {
    it('any value is no type mismatch', () => expectNone(POST(', "filenames": "a.png"'), 'post', 'type-mismatch'));
    it('it is reported as ignored, pointing to file_ids', () => one(POST(', "filenames": ["a.png"]'), 'post', 'unknown-key', '"filenames"', 'warning', 'file_ids'));
  });

  describe('§5.3: the stricter dialog date/datetime rules', () => {
    const D = (type: string, k: string, v: string, extra = '') => EL(`{"display_name": "A", "name": "a", "type": "${type}", "${k}": ${JSON.stringify(v)}${extra}}`);
    const TI = ', "time_interval": 30';
    for (const v of ['5d', '+12h', '+1y', '+123456d']) {
      it(`date default ${v} is flagged (sign, d/w/m, 3–5 characters)`, () => one(D('date', 'default', v), 'dialog', 'dialog-element-invalid', JSON.stringify(v), 'warning'));
    }
    for (const v of ['+2d', '-1w', '+6M', '+10D', 'today', 'tomorrow', 'yesterday', '2024-05-01']) {
      it(`date default ${v} is fine`, () => expectNone(D('date', 'default', v), 'dialog', 'dialog-element-invalid'));
    }
    it('a datetime string on a date element: only the date portion is used', () =>
      one(D('date', 'min_date', '2024-01-01T10:00'), 'dialog', 'dialog-element-invalid', '"2024-01-01T10:00"', 'warning', 'date portion'));
    for (const v of ['2024-01-01', '2024-01-01 10:00', '2024-01-01T10:00:00+0100', '+1y']) {
      it(`datetime default ${v} is flagged`, () => one(D('datetime', 'default', v, TI), 'dialog', 'dialog-element-invalid', JSON.stringify(v), 'warning'));
    }
    for (const v of ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00-07:00', '2024-01-01T10:00:00', '2024-01-01T10:00', '+2d']) {
      it(`datetime default ${v} is fine`, () => expectNone(D('datetime', 'default', v, TI), 'dialog', 'dialog-element-invalid'));
    }
    it('datetime min_date is checked as a date: a datetime value is flagged', () =>
      one(D('datetime', 'min_date', '2024-01-01T10:00:00Z', TI), 'dialog', 'dialog-element-invalid', '"2024-01-01T10:00:00Z"', 'warning'));
    it('datetime max_date as a date is fine', () => expectNone(D('datetime', 'max_date', '2024-12-31', TI), 'dialog', 'dialog-element-invalid'));
    it('datetime without time_interval is flagged (reset to 60 minutes)', () =>
      one(EL('{"display_name": "A", "name": "a", "type": "datetime"}'), 'dialog', 'dialog-element-invalid', '{', 'warning', '60 minutes'));
    it('datetime time_interval 0 is flagged on the value', () =>
      one(EL('{"display_name": "A", "name": "a", "type": "datetime", "time_interval": 0}'), 'dialog', 'dialog-element-invalid', '0', 'warning', '60 minutes'));
    it('a date element needs no time_interval', () => expectNone(EL('{"display_name": "A", "name": "a", "type": "date"}'), 'dialog', 'dialog-element-invalid'));
  });

  describe('§4.3: extra_responses: [null] breaks the request', () => {
    it('a null entry → warning that says "may" (inferred consequence), not a parse error', () => {
      const text = '{"text": "a", "extra_responses": [null, {"text": "b"}]}';
      one(text, 'command', 'response-null', 'null', 'warning', /may /);
      expectNone(text, 'command', 'type-mismatch');
    });
    it('no null → nothing', () => expectNone('{"text": "a", "extra_responses": [{"text": "b"}]}', 'command', 'response-null'));
  });

  describe('§1.6: a delayed response to response_url is limited to 300000 + 512 bytes (413)', () => {
    const body = (n: number) => {
      const head = '{"text": "';
      const tail = '"}';
      return head + 'x'.repeat(n - head.length - tail.length) + tail;
    };
    it('300513 bytes → warning naming 413 (only when sent to response_url)', () =>
      one(body(300513), 'command', 'body-too-large', '"text"', 'warning', /413 api\.context\.request_body_too_large\.app_error.*response_url|response_url.*413/));
    it('300512 bytes → nothing', () => expectNone(body(300512), 'command', 'body-too-large'));
    it('over 1 MiB is still an error', () => one(body(1024 * 1024 + 1), 'command', 'body-too-large', '"text"', 'error'));
  });

  describe('§4.3: a slash-command response channel_id that is not a channel id → 403', () => {
    it('a channel name → error', () =>
      one('{"response_type": "in_channel", "channel_id": "town-square", "text": "a"}', 'command', 'post-channel-id', '"town-square"', 'error', '403 api.command.command_post.forbidden.app_error'));
    it('a channel id is fine', () => expectNone(`{"response_type": "in_channel", "channel_id": "${CH}", "text": "a"}`, 'command', 'post-channel-id'));
  });

  describe('§6.2: REST props.attachments entries that do not decode are dropped from the stored post', () => {
    it('says dropped, warning', () =>
      one(POST(', "props": {"attachments": [{"fallback": "f", "text": 5}]}'), 'post', 'props-attachment-type', '5', 'warning', 'without this attachment'));
  });
});

describe('other differences between the corrected reference and the rules', () => {
  it('§6.2: metadata.priority on a REST reply → 400 (error, on the priority)', () =>
    one(POST(`, "root_id": "${CH}", "metadata": {"priority": {"priority": "urgent"}}`), 'post', 'priority-missing', '{"priority": "urgent"}', 'error', 'priority_post_only_allowed_for_root_post'));
  it('§6.2: metadata.priority on a root post is fine', () => expectNone(POST(', "metadata": {"priority": {"priority": "urgent"}}'), 'post', 'priority-missing'));
  it('§1.4: burn_on_read needs a licence and two settings, else 501: a warning that says unless', () =>
    one('{"text": "a", "type": "burn_on_read"}', 'incoming', 'post-type', '"burn_on_read"', 'warning', /501.*unless/));
  it('§1.4: burn_on_read with attachments is overwritten, not reported by post-type', () =>
    expectNone('{"type": "burn_on_read", "attachments": [{"text": "x"}]}', 'incoming', 'post-type'));
  it('§5.3: a date placeholder over 150 bytes is flagged', () =>
    one(EL(`{"display_name": "A", "name": "a", "type": "date", "placeholder": "${'p'.repeat(151)}"}`), 'dialog', 'dialog-element-invalid', `"${'p'.repeat(151)}"`, 'warning', '150'));
  it('§5.3: a date placeholder of 150 bytes is fine', () =>
    expectNone(EL(`{"display_name": "A", "name": "a", "type": "date", "placeholder": "${'p'.repeat(150)}"}`), 'dialog', 'dialog-element-invalid'));
});

describe('severity means what the user loses (issue 11, item 2; docs/rule-severity.md)', () => {
  describe('information: Slack habits and portability notes, nothing visible lost', () => {
    for (const key of ['unfurl_links', 'unfurl_media', 'link_names', 'fallback', 'mrkdwn']) {
      it(`top-level ${key} → unknown-key information`, () =>
        one(`{"text": "a", "${key}": ${key === 'fallback' ? '"f"' : 'true'}}`, 'incoming', 'unknown-key', `"${key}"`, 'information'));
    }
    it('attachment callback_id → information', () => one(A('{"fallback": "f", "callback_id": "x"}'), 'incoming', 'unknown-key', '"callback_id"', 'information'));
    it('attachment attachment_type → information', () => one(A('{"fallback": "f", "attachment_type": "default"}'), 'incoming', 'unknown-key', '"attachment_type"', 'information'));
    it('a typo stays a warning (what the author meant is dropped)', () => one(A('{"fallback": "f", "colour": "good"}'), 'incoming', 'unknown-key', '"colour"', 'warning'));
    it('top-level blocks stays a warning (Block Kit content is not shown)', () => one('{"text": "a", "blocks": []}', 'incoming', 'unknown-key', '"blocks"', 'warning'));
    it('thread_ts stays a warning (the reply is not threaded)', () => one('{"text": "a", "thread_ts": "1.2"}', 'incoming', 'unknown-key', '"thread_ts"', 'warning'));
    it('raw newline the incoming repair fixes → information', () =>
      one('{"text": "line1\nline2"}', 'incoming', 'raw-control-character', '"line1\nline2"', 'information'));
    it('key in another case → information', () => one('{"TEXT": "hi"}', 'incoming', 'key-case', '"TEXT"', 'information'));
  });

  describe('error: nothing is posted', () => {
    it('unknown command response_type → error', () => one('{"response_type": "In_Channel", "text": "a"}', 'command', 'response-type', '"In_Channel"', 'error'));
    it('outgoing response_type other than comment: posted elsewhere → warning', () =>
      one('{"response_type": "in_channel", "text": "a"}', 'outgoing', 'response-type', '"in_channel"', 'warning'));
    it('outgoing response without text or attachments → error', () => one('{"response_type": "comment"}', 'outgoing', 'nothing-posted', '{', 'error'));
  });

  describe('warning: something meant to be shown is changed or dropped', () => {
    it('Slack *bold* shows as italic → warning', () => one('{"text": "this is *important* now"}', 'incoming', 'slack-bold', '*important*', 'warning'));
    it('<!everyone> shown literally → warning', () => one('{"text": "hey <!everyone>"}', 'incoming', 'slack-mention', '<!everyone>', 'warning'));
    it('<url|text> in a title shown literally → warning', () =>
      one(A('{"fallback": "f", "title": "see <https://e.com|docs>"}'), 'incoming', 'slack-link', '<https://e.com|docs>', 'warning'));
    it('Block Kit blocks in an attachment are not shown → warning', () => one(A('{"fallback": "f", "blocks": []}'), 'incoming', 'slack-blocks', '"blocks"', 'warning'));
  });
});

/** test/fixtures/real/**: payloads real integrations send, all posted by the server as written. */
function realPayloads(): { name: string; text: string }[] {
  const root = path.resolve(__dirname, '../../../../test/fixtures/real');
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) =>
    fs.readdirSync(path.join(root, d), { withFileTypes: true }).forEach(e => {
      const rel = d ? `${d}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.json')) out.push({ name: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
    });
  walk('');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

describe('payloads real integrations send (test/fixtures/real): no false error', () => {
  const files = realPayloads();
  it('the corpus is there (Jenkins, GitLab, Gitea, Grafana, Alertmanager, Uptime Kuma, Ansible, Apprise, Argo CD, Zabbix, …)', () => {
    assert.ok(files.length >= 30, `${files.length} files`);
    for (const tool of ['jenkins', 'gitlab', 'gitea', 'grafana', 'alertmanager', 'uptime-kuma', 'ansible', 'apprise', 'argocd', 'zabbix']) {
      assert.ok(files.some(f => f.name.startsWith(`${tool}/`)), tool);
    }
  });
  for (const f of files) {
    it(`${f.name}: no error`, () => {
      const k = detectKind(path.basename(f.name), f.text);
      assert.ok(k, `no kind for ${f.name}`);
      const errors = lint(f.text, k.kind).filter(p => p.severity === 'error');
      assert.deepStrictEqual(errors.map(p => `${p.rule}: ${p.message}`), []);
    });
  }
  it('with a server that has the overrides on: no override warning, nothing else changes, and the payloads only those warnings were about get none', () => {
    // the profile of such a server, as a saved GET /api/v4/config/client?format=old answer
    const on = parseProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' }, 'workspace file');
    const shown = (ps: Problem[]) => ps.filter(p => p.severity !== 'information').map(p => `${p.rule}: ${p.message}`);
    let postedAsWritten = 0;
    for (const f of files) {
      const k = detectKind(path.basename(f.name), f.text)!;
      const before = shown(lint(f.text, k.kind));
      const after = shown(lint(f.text, k.kind, { profile: on }));
      assert.deepStrictEqual(after, before.filter(m => !m.startsWith('override-needs-setting:')), f.name);
      assert.ok(!lint(f.text, k.kind, { profile: on }).some(p => p.severity === 'error'), f.name);
      if (before.length > 0 && after.length === 0) postedAsWritten++;
    }
    // the corpus has payloads whose only warnings were the overrides: with the server's profile they get none
    assert.ok(postedAsWritten >= 10, `${postedAsWritten} payloads`);
  });

  it('a Slack-style payload whose ignored keys change nothing visible gets only information', () => {
    const f = files.find(x => x.name === 'slack-style/callback-id.incoming.json')!;
    const problems = lint(f.text, 'incoming');
    assert.ok(problems.length >= 6, JSON.stringify(problems));
    assert.deepStrictEqual(problems.filter(p => p.severity !== 'information').map(p => p.rule), []);
  });
});
