import * as assert from 'node:assert/strict';
import {
  addSecret, clearSecrets, MASK, redact, redactBody, redactHeaders, redactUrl,
} from '../../../src/core/mattermost/redact';

const TOKEN = 'k7xq3mbn9pfo5ewz1tcy8ud6ra';
const PASSWORD = 'Tr0ub4dor&3-horse';
const HOOK = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';

describe('redact: every secret shape (headers, cookies, login bodies, hook keys, token= and access_token=)', () => {
  beforeEach(() => clearSecrets());
  afterEach(() => clearSecrets());

  const shapes: Array<[string, string, string[]]> = [
    ['Authorization header line', `Authorization: Bearer ${TOKEN}`, [TOKEN]],
    ['authorization lower-case, Token scheme', `authorization: Token ${TOKEN}`, [TOKEN]],
    ['curl -H', `curl -H 'Authorization: Bearer ${TOKEN}' https://mm.example.com/api/v4/users/me`, [TOKEN]],
    ['Authorization in JSON headers', JSON.stringify({ headers: { Authorization: `Bearer ${TOKEN}` } }), [TOKEN]],
    ['Authorization in util.inspect form', `{ authorization: 'Bearer ${TOKEN}' }`, [TOKEN]],
    ['bare Bearer', `sending with Bearer ${TOKEN} now`, [TOKEN]],
    ['Token response header', `Token: ${TOKEN}`, [TOKEN]],
    ['Token header in JSON', JSON.stringify({ token: TOKEN, 'x-request-id': 'abc' }), [TOKEN]],
    ['Cookie', `Cookie: MMAUTHTOKEN=${TOKEN}; MMUSERID=uid123; MMCSRF=csrf9876543`, [TOKEN, 'csrf9876543']],
    ['Set-Cookie', `Set-Cookie: MMAUTHTOKEN=${TOKEN}; Path=/; HttpOnly`, [TOKEN]],
    ['Mattermost cookie anywhere', `cookies were MMAUTHTOKEN=${TOKEN}, MMCSRF=csrf9876543`, [TOKEN, 'csrf9876543']],
    ['login body JSON', JSON.stringify({ login_id: 'alice@example.com', password: PASSWORD, token: '123456' }), ['alice@example.com', PASSWORD, '123456']],
    ['login body JSON, spaced and escaped', `{ "login_id" : "al\\"ice", "password" : "p\\"w-${PASSWORD}" }`, ['al\\"ice', PASSWORD]],
    ['login body form', `login_id=alice%40example.com&password=${encodeURIComponent(PASSWORD)}&token=123456`, ['alice%40example.com', encodeURIComponent(PASSWORD), '123456']],
    ['/hooks/<key>', `POST https://mm.example.com/hooks/${HOOK}`, [HOOK]],
    ['/hooks/commands/<key>', `https://mm.example.com/hooks/commands/${HOOK}`, [HOOK]],
    ['encoded /hooks/', `redirect=https%3A%2F%2Fmm.example.com%2Fhooks%2F${HOOK}`, [HOOK]],
    ['token= form field (outgoing webhook)', `token=${TOKEN}&team_id=t1&text=hello`, [TOKEN]],
    ['token= in the middle of a form', `team_id=t1&token=${TOKEN}&text=hi`, [TOKEN]],
    ['access_token= query', `GET https://mm.example.com/api/v4/users/me?access_token=${TOKEN}&x=1`, [TOKEN]],
    ['URL userinfo', `https://alice:${PASSWORD}@mm.example.com/`, [PASSWORD, 'alice']],
  ];
  for (const [name, input, secrets] of shapes) {
    it(name, () => {
      const out = redact(input);
      for (const s of secrets) assert.ok(!out.includes(s), `"${s}" survived in: ${out}`);
      assert.ok(out.includes(MASK), out);
    });
  }

  it('masks an access_token in a URL fragment (OAuth implicit-flow style)', () => {
    const out = redact('redirected to https://mm.example.com/callback#access_token=sekrit-fragment-token&state=1');
    assert.ok(!out.includes('sekrit-fragment-token'), out);
    assert.match(out, /#access_token=••••••&state=1/);
  });

  it('is idempotent and leaves ordinary text alone', () => {
    const text = 'POST https://mm.example.com/api/v4/posts → 201 in 12 ms (channel town-square)';
    assert.equal(redact(text), text);
    const once = redact(`Authorization: Bearer ${TOKEN}`);
    assert.equal(redact(once), once);
  });

  it('registered secrets are masked wherever they appear, also URL- and JSON-encoded', () => {
    const weird = 'p@ss "word"/+x';
    addSecret(weird);
    addSecret(TOKEN);
    const out = redact(`a ${TOKEN} b ${encodeURIComponent(weird)} c ${JSON.stringify(weird)} d ${weird}`);
    assert.ok(!out.includes(TOKEN) && !out.includes(weird) && !out.includes(encodeURIComponent(weird)) && !out.includes('\\"word\\"'), out);
  });

  it('registering a webhook URL also registers its key', () => {
    addSecret(`https://mm.example.com/hooks/${HOOK}`);
    assert.ok(!redact(`the key is ${HOOK}.`).includes(HOOK));
  });

  it('the returned function unregisters; too-short secrets are ignored', () => {
    const forget = addSecret('s3cr3tvalue');
    assert.ok(!redact('x s3cr3tvalue').includes('s3cr3tvalue'));
    forget();
    assert.ok(redact('x s3cr3tvalue').includes('s3cr3tvalue'));
    addSecret('ab');
    assert.equal(redact('abc ab'), 'abc ab');
  });

  it('redactUrl: https://mm.example.com/hooks/••••••', () => {
    assert.equal(redactUrl(`https://mm.example.com/hooks/${HOOK}`), 'https://mm.example.com/hooks/••••••');
    assert.equal(redactUrl(new URL(`https://mm.example.com/chat/hooks/${HOOK}`)), 'https://mm.example.com/chat/hooks/••••••');
    const u = redactUrl(`https://bob:${PASSWORD}@mm.example.com/api/v4/users/me?access_token=${TOKEN}`);
    assert.ok(!u.includes(PASSWORD) && !u.includes('bob') && !u.includes(TOKEN), u);
    assert.ok(u.startsWith('https://••••••@mm.example.com/'), u);
    assert.ok(!redactUrl(`not a url /hooks/${HOOK}`).includes(HOOK));
  });

  it('redactHeaders masks credential headers entirely and redacts the rest', () => {
    const h = redactHeaders({
      Authorization: `Bearer ${TOKEN}`, Token: TOKEN, Cookie: `MMAUTHTOKEN=${TOKEN}`,
      'set-cookie': [`MMAUTHTOKEN=${TOKEN}; Path=/`, 'MMCSRF=csrf9876543'], 'X-CSRF-Token': 'csrf9876543',
      Location: `https://evil.test/hooks/${HOOK}`, 'Content-Type': 'application/json',
    });
    const all = JSON.stringify(h);
    for (const s of [TOKEN, 'csrf9876543', HOOK]) assert.ok(!all.includes(s), all);
    assert.equal(h['Content-Type'], 'application/json');
    assert.equal(h.Authorization, MASK);
    const fromMap = redactHeaders(new Map([['authorization', `Bearer ${TOKEN}`]]));
    assert.equal(fromMap.authorization, MASK);
  });

  it('redactBody handles form bodies by key, including odd encodings', () => {
    const out = redactBody(`to%6Ben=${TOKEN}&password=${PASSWORD}&text=hello`, 'application/x-www-form-urlencoded; charset=utf-8');
    assert.ok(!out.includes(TOKEN) && !out.includes(PASSWORD), out);
    assert.ok(out.includes('text=hello'));
    const json = redactBody(JSON.stringify({ login_id: 'sandbox', password: PASSWORD }), 'application/json');
    assert.ok(!json.includes(PASSWORD) && !json.includes('"sandbox"'), json);
  });

  it('Error objects and non-strings are stringified and redacted', () => {
    assert.ok(!redact(new Error(`failed: Authorization: Bearer ${TOKEN}`)).includes(TOKEN));
    assert.ok(!redact({ password: PASSWORD }).includes(PASSWORD));
    assert.equal(redact(undefined), '');
  });
});
