import * as assert from 'node:assert/strict';
import {
  adviceFor, BodyTooLargeError, CancelledError, describeError, InvalidCredentialsError, MattermostError, MfaRequiredError,
  NetworkError, PayloadError, RateLimitedError, RedirectError, SessionExpiredError, TimeoutError, TokenRevokedError,
} from '../../../src/core/mattermost/errors';
import { clearSecrets } from '../../../src/core/mattermost/redact';
import { toPost } from '../../../src/core/mattermost/toPost';
import { MAX_POST_RUNES } from '../../../src/core/server/limits';

describe('errors: adviceFor', () => {
  afterEach(() => clearSecrets());

  const byId: Array<[number, string, string, string]> = [
    [404, 'web.incoming_webhook.channel.app_error', 'Unknown channel', 'edit-payload'],
    [403, 'web.incoming_webhook.channel_locked.app_error', 'Locked channel', 'edit-payload'],
    [400, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook', 'check-webhook'],
    [400, 'web.incoming_webhook.text.app_error', 'No text', 'edit-payload'],
    [400, 'model.incoming_hook.parse_data.app_error', 'The server could not parse the payload', 'edit-payload'],
    [501, 'web.incoming_webhook.disabled.app_error', 'Incoming webhooks are disabled', 'contact-admin'],
    [413, 'api.context.request_body_too_large.app_error', 'Body too large', 'edit-payload'],
    [403, 'api.context.permissions.app_error', 'No permission', 'check-channel'],
    [400, 'model.post.is_valid.message_length.app_error', 'Message too long', 'edit-payload'],
    [401, 'api.user.check_user_mfa.bad_code.app_error', 'Wrong MFA code', 'enter-mfa'],
    [401, 'api.user.login.invalid_credentials_sso', 'Login failed', 'login'],
    [401, 'api.user.login.invalid_credentials_email', 'Login failed', 'login'],
  ];
  for (const [status, id, summary, action] of byId) {
    it(`${status} ${id} → ${summary}`, () => {
      const a = adviceFor(new MattermostError({ status, id }));
      assert.equal(a.summary, summary);
      assert.equal(a.action, action);
      assert.ok(a.detail.length > 10);
    });
  }

  it('"Overrides disabled": username/icon overrides are explained by toPost notes, and 403 permissions by advice', () => {
    const { notes } = toPost({ text: 'x', username: 'bot', icon_url: 'https://x/i.png' }, 'c1');
    assert.ok(notes.some(n => n.field === 'username' && /override/.test(n.message)));
    assert.ok(notes.some(n => n.field === 'icon_url'));
  });

  it('typed errors', () => {
    assert.equal(adviceFor(new SessionExpiredError({ status: 401 })).action, 'login');
    assert.match(adviceFor(new TokenRevokedError({ status: 401 })).detail, /revoked/);
    assert.equal(adviceFor(new MfaRequiredError({ status: 400 }, false)).summary, 'MFA code needed');
    assert.equal(adviceFor(new InvalidCredentialsError({ status: 401 })).summary, 'Login failed');
    assert.match(adviceFor(new RateLimitedError({ status: 429 }, 5)).detail, /in 5 s/);
    assert.equal(adviceFor(new MattermostError({ status: 429, serverMessage: 'limit exceeded' })).summary, 'Rate limited');
    assert.equal(adviceFor(new TimeoutError('x', 1500)).action, 'retry');
    assert.equal(adviceFor(new CancelledError()).action, 'none');
    assert.equal(adviceFor(new NetworkError('x', 'ECONNRESET')).summary, 'Network error');
    assert.equal(adviceFor(new BodyTooLargeError('x', 10)).summary, 'Answer too large');
    assert.equal(adviceFor(new RedirectError(302, 'https://evil.test/', true, false)).action, 'check-server-url');
    assert.equal(adviceFor(new MattermostError({ status: 503 })).summary, 'Server error (503)');
    assert.equal(adviceFor('weird').summary, 'Error');
  });

  it('messages never carry secrets or stack traces', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz';
    const e = new MattermostError({ status: 500, serverMessage: `Authorization: Bearer ${token}\n    at foo (/x.js:1:1)`, request: `POST https://mm.example.com/hooks/${token}` });
    const text = [e.message, describeError(e), e.serverMessage ?? '', e.request ?? ''].join('\n');
    assert.ok(!text.includes(token), text);
    const r = new RedirectError(301, `https://evil.test/hooks/${token}?access_token=${token}`, true, false);
    assert.ok(!r.message.includes(token) && !(r.location ?? '').includes(token));
    assert.ok(!describeError(new TypeError('x')).includes(' at '));
  });
});

describe('toPost: webhook/post payload → POST /api/v4/posts body', () => {
  it('text → message, attachments → props.attachments, type slack_attachment, notes', () => {
    const { body, notes } = toPost({ text: 'hi <!channel> <https://x.test|X>', attachments: [{ text: 'a' }, null], props: { keep: true }, channel: 'off-topic', blocks: [] }, 'chan1');
    assert.deepEqual(body, { channel_id: 'chan1', message: 'hi @channel [X](https://x.test)', type: 'slack_attachment', props: { keep: true, attachments: [{ text: 'a' }] } });
    const fields = notes.map(n => `${n.kind}:${n.field}`);
    for (const f of ['converted:text', 'converted:attachments', 'dropped:attachments', 'dropped:channel', 'dropped:blocks', 'converted:message']) assert.ok(fields.includes(f), f);
  });

  it('post-shaped payloads pass through; reserved props and server-set fields are dropped', () => {
    const { body, notes } = toPost(JSON.stringify({ message: 'm', text: 't', props: { from_webhook: 'true', override_username: 'x', a: 1 }, root_id: 'r1', id: 'x', file_ids: ['f'] }), 'c');
    assert.deepEqual(body, { channel_id: 'c', message: 'm', root_id: 'r1', props: { a: 1 } });
    for (const f of ['text', 'props.from_webhook', 'props.override_username', 'id', 'file_ids']) assert.ok(notes.some(n => n.field === f && n.kind === 'dropped'), f);
  });

  it('types: system_ and unknown dropped, custom_ kept; priority → metadata.priority', () => {
    assert.equal(toPost({ text: 'x', type: 'system_join' }, 'c').body.type, undefined);
    assert.equal(toPost({ text: 'x', type: 'alert' }, 'c').body.type, undefined);
    assert.equal(toPost({ text: 'x', type: 'custom_poll' }, 'c').body.type, 'custom_poll');
    assert.deepEqual(toPost({ text: 'x', priority: { priority: 'urgent', requested_ack: true } }, 'c').body.metadata, { priority: { priority: 'urgent', requested_ack: true } });
  });

  it('warns about the REST length limit and empty posts', () => {
    assert.ok(toPost({ text: 'x'.repeat(MAX_POST_RUNES + 1) }, 'c').notes.some(n => n.kind === 'warning' && /16383/.test(n.message)));
    assert.equal(toPost({ text: 'x'.repeat(MAX_POST_RUNES) }, 'c').notes.filter(n => n.kind === 'warning').length, 0);
    assert.ok(toPost({}, 'c').notes.some(n => n.kind === 'warning'));
  });

  it('refuses what it cannot convert', () => {
    for (const bad of ['[1]', 'not json', '"str"']) assert.throws(() => toPost(bad, 'c'), PayloadError);
    assert.throws(() => toPost({ text: 5 }, 'c'), PayloadError);
    assert.throws(() => toPost({ props: [] }, 'c'), PayloadError);
    assert.throws(() => toPost({ attachments: {} }, 'c'), PayloadError);
    assert.throws(() => toPost({ text: 'x' }, ''), PayloadError);
  });
});
