import * as assert from 'node:assert/strict';
import { MFA_RETRIES, mfaCodeProblem, serverFor, serverUrlProblem, webhookNameProblem, webhookUrlProblem } from '../../../src/core/mattermost/account';
import { clearSecrets } from '../../../src/core/mattermost/redact';

describe('account rules: which server a command uses', () => {
  afterEach(() => clearSecrets());
  const never = (): Promise<string | undefined> => Promise.reject(new Error('the current account was read although a server was named'));

  it('the given server (a resend\'s recorded one) wins over the setting and the current account', async () => {
    assert.deepEqual(await serverFor('https://recorded.example.com/', 'https://setting.example.com', never), { origin: 'https://recorded.example.com' });
  });

  it('then setting mattermostPayloads.server, then the current account (read only then)', async () => {
    assert.deepEqual(await serverFor(undefined, 'https://MM.example.com:443', never), { origin: 'https://mm.example.com' });
    let reads = 0;
    const current = () => { reads++; return Promise.resolve('http://127.0.0.1:8065'); };
    assert.deepEqual(await serverFor(undefined, undefined, current), { origin: 'http://127.0.0.1:8065' });
    assert.equal(reads, 1);
  });

  it('nothing names a server: log in first', async () => {
    assert.deepEqual(await serverFor(undefined, undefined, () => Promise.resolve(undefined)), { login: true });
  });

  it('a server that is not a plain http(s) origin is refused, and the message carries no credential', async () => {
    for (const bad of ['ftp://mm.example.com', 'https://alice:s3cr3t-pass@mm.example.com', 'https://mm.example.com/?token=abcdefghijklmnop', 'mm example']) {
      const r = await serverFor(undefined, bad, never);
      assert.ok('invalid' in r, bad);
      assert.match(r.invalid, /is not an http\(s\) URL without a user name, query or fragment\. Fix mattermostPayloads\.server\./);
      assert.ok(!r.invalid.includes('s3cr3t-pass'), r.invalid);
    }
  });
});

describe('account rules: input boxes', () => {
  it('the login server URL', () => {
    assert.equal(serverUrlProblem('https://mattermost.example.com'), undefined);
    assert.equal(serverUrlProblem('http://127.0.0.1:8065/'), undefined);
    assert.match(serverUrlProblem('ftp://mattermost.example.com') ?? '', /Enter an http\(s\) URL/);
    assert.match(serverUrlProblem('https://u:p@mm.example.com') ?? '', /no user name/);
  });

  it('an MFA code: 6 to 8 digits, spaces around ignored; asked again at most 3 times', () => {
    for (const ok of ['123456', ' 1234567 ', '12345678']) assert.equal(mfaCodeProblem(ok), undefined, ok);
    for (const bad of ['12345', '123456789', '12 3456', 'abcdef', '']) assert.equal(mfaCodeProblem(bad), 'Enter the 6-digit code.', bad);
    assert.equal(MFA_RETRIES, 3);
  });

  it('a webhook URL', () => {
    assert.equal(webhookUrlProblem(' https://mm.example.com/hooks/abcdefghijklmnopqrstuvwxyz '), undefined);
    assert.match(webhookUrlProblem('mm.example.com/hooks/x') ?? '', /must start with https:\/\/ or http:\/\//);
    assert.match(webhookUrlProblem('') ?? '', /Enter the webhook URL/);
  });

  it('a webhook name: 1–60 of letters, digits, spaces, dots, @, _ or -, not taken', () => {
    const taken = new Set(['alerts']);
    for (const ok of ['ops', ' team hook ', 'a.b@c_d-e', 'x'.repeat(60)]) assert.equal(webhookNameProblem(ok, taken), undefined, ok);
    for (const bad of ['', '   ', 'x'.repeat(61), 'a/b', 'naïve?']) assert.match(webhookNameProblem(bad, taken) ?? '', /Use 1–60 letters/, bad);
    assert.equal(webhookNameProblem(' alerts ', taken), 'That name is taken.');
  });
});
