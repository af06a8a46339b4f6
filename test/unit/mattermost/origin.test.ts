import * as assert from 'node:assert/strict';
import { InvalidUrlError } from '../../../src/core/mattermost/errors';
import {
  findByOrigin, isLoopbackHost, isWithinOrigin, normalizeServerUrl, parseWebhookUrl, sameOrigin, urlOnOrigin,
} from '../../../src/core/mattermost/origin';

describe('origin: normalizeServerUrl', () => {
  const ok: Array<[string, string]> = [
    ['https://mm.example.com', 'https://mm.example.com'],
    ['https://mm.example.com/', 'https://mm.example.com'],
    ['  https://MM.Example.COM/  ', 'https://mm.example.com'],
    ['HTTPS://mm.example.com', 'https://mm.example.com'],
    ['mm.example.com', 'https://mm.example.com'],
    ['mm.example.com:8065', 'https://mm.example.com:8065'],
    ['localhost:8065', 'https://localhost:8065'],
    ['https://mm.example.com:443', 'https://mm.example.com'],
    ['http://mm.example.com:80/', 'http://mm.example.com'],
    ['https://mm.example.com:444', 'https://mm.example.com:444'],
    ['https://mm.example.com/chat', 'https://mm.example.com/chat'],
    ['https://mm.example.com/chat///', 'https://mm.example.com/chat'],
    ['https://mm.example.com/a/../chat/', 'https://mm.example.com/chat'],
    ['https://mm.example.com/chat/api/v4', 'https://mm.example.com/chat'],
    ['https://mm.example.com/api/v4/users/me', 'https://mm.example.com'],
    ['https://BÜCHER.example', 'https://xn--bcher-kva.example'],
    ['http://127.0.0.1:8065', 'http://127.0.0.1:8065'],
    ['http://[::1]:8065/', 'http://[::1]:8065'],
  ];
  for (const [input, origin] of ok) {
    it(`${JSON.stringify(input)} → ${origin}`, () => {
      const n = normalizeServerUrl(input);
      assert.equal(n.origin, origin);
      assert.equal(n.url.href.replace(/\/$/, ''), origin);
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['', /Enter the server URL/],
    ['https://user:secretpw@mm.example.com', /user name or password/],
    ['https://mm.example.com@evil.test', /user name or password/],
    ['https://mm.example.com/?token=abc', /query/],
    ['https://mm.example.com/?', /query/],
    ['https://mm.example.com/#frag', /fragment/],
    ['ftp://mm.example.com', /https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
    ['file:///etc/passwd', /https:\/\/ or http:\/\//],
    ['//evil.test/', /scheme/],
    ['https://mm.example.com/hooks/abcdef123', /webhook URL/],
    ['https://mm .example.com', /spaces/],
    ['https://', /not a valid/],
  ];
  for (const [input, re] of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => normalizeServerUrl(input), (e: unknown) => e instanceof InvalidUrlError && re.test(e.message));
    });
  }

  it('never repeats userinfo or query secrets in its errors', () => {
    for (const input of ['https://alice:hunter2pw@mm.example.com', 'https://mm.example.com/?access_token=SECRETTOKEN1']) {
      try {
        normalizeServerUrl(input);
        assert.fail('should throw');
      } catch (e) {
        assert.ok(e instanceof InvalidUrlError);
        assert.ok(!e.message.includes('hunter2pw') && !e.message.includes('SECRETTOKEN1'), e.message);
      }
    }
  });
});

describe('origin: sameOrigin truth table (a credential goes only to the origin it was issued for)', () => {
  const account = 'https://mm.example.com';
  const table: Array<[string, boolean]> = [
    ['https://mm.example.com', true],
    ['https://mm.example.com/', true],
    ['https://MM.EXAMPLE.COM', true],
    ['mm.example.com', true],
    ['https://mm.example.com:443', true],
    ['https://mm.example.com:444', false],
    ['http://mm.example.com', false],
    ['https://mm.example.com.evil.test', false],
    ['https://mm.example.com@evil.test', false],
    ['https://evil.test@mm.example.com', false],
    ['https://evil.test/mm.example.com', false],
    ['https://evil.test?mm.example.com', false],
    ['https://evil.test#mm.example.com', false],
    ['//mm.example.com', false],
    ['//evil.test/', false],
    ['https://xmm.example.com', false],
    ['https://example.com', false],
    ['https://mm.example.co', false],
    ['https://mm.example.com/chat', false],
    ['https://mm.example.com./', false],
    ['not a url at all', false],
  ];
  for (const [candidate, expected] of table) {
    it(`${account} vs ${JSON.stringify(candidate)} → ${expected}`, () => {
      assert.equal(sameOrigin(account, candidate), expected);
      assert.equal(sameOrigin(candidate, account), expected);
    });
  }

  it('path-prefix installs: /chat is its own origin, and /chatty is not /chat', () => {
    assert.equal(sameOrigin('https://mm.example.com/chat', 'https://mm.example.com/chat/'), true);
    assert.equal(sameOrigin('https://mm.example.com/chat', 'https://mm.example.com/chatty'), false);
    assert.equal(sameOrigin('https://mm.example.com/chat', 'https://mm.example.com'), false);
    assert.equal(sameOrigin('https://mm.example.com/chat', 'https://mm.example.com/Chat'), false);
  });

  it('IDN and upper-case hosts compare by their punycode form', () => {
    assert.equal(sameOrigin('https://bücher.example', 'https://xn--bcher-kva.example'), true);
    assert.equal(sameOrigin('https://BÜCHER.EXAMPLE/', 'https://xn--bcher-kva.example'), true);
    // A Cyrillic "а" look-alike is another host.
    assert.equal(sameOrigin('https://mm.exаmple.com', 'https://mm.example.com'), false);
  });

  it('findByOrigin maps a setting to the login of exactly that origin, never another', () => {
    const accounts = [
      { origin: 'https://mm.example.com', token: 'A' },
      { origin: 'https://mm.example.com/chat', token: 'B' },
      { origin: 'http://127.0.0.1:8065', token: 'C' },
    ];
    assert.equal(findByOrigin(accounts, 'https://MM.example.com/')?.token, 'A');
    assert.equal(findByOrigin(accounts, 'https://mm.example.com/chat/')?.token, 'B');
    assert.equal(findByOrigin(accounts, 'http://127.0.0.1:8065')?.token, 'C');
    for (const s of ['https://mm.example.com.evil.test', 'https://mm.example.com@evil.test', 'https://mm.example.com:444', 'http://mm.example.com', '//evil.test', 'https://mm.example.com/chatty', 'http://localhost:8065', '']) {
      assert.equal(findByOrigin(accounts, s), undefined, s);
    }
  });
});

describe('origin: isWithinOrigin / urlOnOrigin', () => {
  it('accepts URLs inside the origin and base path only', () => {
    assert.equal(isWithinOrigin('https://mm.example.com/api/v4/users/me', 'https://mm.example.com'), true);
    assert.equal(isWithinOrigin('https://mm.example.com/chat/api/v4/x', 'https://mm.example.com/chat'), true);
    assert.equal(isWithinOrigin('https://mm.example.com/chat', 'https://mm.example.com/chat'), true);
    assert.equal(isWithinOrigin('https://mm.example.com/chatty/api', 'https://mm.example.com/chat'), false);
    assert.equal(isWithinOrigin('https://mm.example.com/api', 'https://mm.example.com/chat'), false);
    assert.equal(isWithinOrigin('https://mm.example.com/chat/../api', 'https://mm.example.com/chat'), false);
    assert.equal(isWithinOrigin('https://mm.example.com/chat/%2e%2e/api', 'https://mm.example.com/chat'), false);
    assert.equal(isWithinOrigin('https://mm.example.com/chat%2f..%2fapi', 'https://mm.example.com/chat'), false);
    assert.equal(isWithinOrigin('http://mm.example.com/api', 'https://mm.example.com'), false);
    assert.equal(isWithinOrigin('https://mm.example.com:444/api', 'https://mm.example.com'), false);
    assert.equal(isWithinOrigin('https://x@mm.example.com/api', 'https://mm.example.com'), false);
    assert.equal(isWithinOrigin('https://mm.example.com.evil.test/api', 'https://mm.example.com'), false);
    assert.equal(isWithinOrigin('//evil.test/api', 'https://mm.example.com'), false);
  });

  it('urlOnOrigin never leaves the origin', () => {
    assert.equal(urlOnOrigin('https://mm.example.com/chat', '/api/v4/users/me'), 'https://mm.example.com/chat/api/v4/users/me');
    assert.throws(() => urlOnOrigin('https://mm.example.com', '//evil.test/x'), InvalidUrlError);
    assert.throws(() => urlOnOrigin('https://mm.example.com/chat', '/../api/v4'), InvalidUrlError);
    assert.throws(() => urlOnOrigin('https://mm.example.com', 'api/v4'), InvalidUrlError);
    assert.equal(new URL(urlOnOrigin('https://mm.example.com', '/@evil.test/x')).hostname, 'mm.example.com');
  });
});

describe('origin: parseWebhookUrl', () => {
  it('parses hook URLs, with and without a base path', () => {
    const p = parseWebhookUrl('https://MM.example.com/hooks/abc123XYZ');
    assert.equal(p.origin.origin, 'https://mm.example.com');
    assert.equal(p.hookId, 'abc123XYZ');
    assert.equal(p.href, 'https://mm.example.com/hooks/abc123XYZ');
    assert.equal(parseWebhookUrl('https://mm.example.com/chat/hooks/k1/').origin.origin, 'https://mm.example.com/chat');
  });
  it('refuses what is not a webhook URL, without echoing it', () => {
    for (const bad of ['mm.example.com/hooks/abc', 'https://mm.example.com/hooks/', 'https://mm.example.com/hooks/a-b', 'https://u:p@mm.example.com/hooks/abc', 'https://mm.example.com/hooks/abc?x=1', 'ftp://mm.example.com/hooks/abc', 'https://mm.example.com/api/v4/posts']) {
      assert.throws(() => parseWebhookUrl(bad), (e: unknown) => e instanceof InvalidUrlError && !e.message.includes('abc'), bad);
    }
  });
});

describe('isLoopbackHost (plain http is only unconfirmed to this machine)', () => {
  const host = (u: string) => new URL(u).hostname;
  it('accepts localhost, 127.0.0.0/8 and ::1', () => {
    for (const u of ['http://localhost:8065', 'http://LOCALHOST', 'http://127.0.0.1:1', 'http://127.255.0.9', 'http://[::1]:8065', 'http://app.localhost']) {
      assert.strictEqual(isLoopbackHost(host(u)), true, u);
    }
  });
  it('refuses everything else, look-alikes included', () => {
    for (const u of ['http://mm.example.com', 'http://127.0.0.1.evil.test', 'http://localhost.evil.test', 'http://10.0.0.1', 'http://[::2]', 'http://128.0.0.1', 'http://0.0.0.0']) {
      assert.strictEqual(isLoopbackHost(host(u)), false, u);
    }
  });
});
