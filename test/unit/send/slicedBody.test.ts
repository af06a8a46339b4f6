import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nodeFetch from 'node-fetch';
import { clearSecrets } from '../../../src/core/mattermost/redact';
import type { FetchLike } from '../../../src/core/mattermost/types';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server';
import { makeClient } from '../mattermost/helpers';

/**
 * A big payload is sent as the editor read it, in slices (src/vscode/documentText.ts readText): the body is
 * never joined into one string nor encoded at once (10 MB encoded at once blocks the extension host for
 * 50–100 ms); each slice is encoded and written in its own turn of the event loop, with the exact length.
 */

/** A webhook payload (non-ASCII text included) as pretty-printed lines, in slices of `linesPer` lines. */
function payloadInSlices(attachments: number, linesPer: number): string[] {
  const text = JSON.stringify({
    text: 'Nightly builds — résumé ✓ 🚀',
    attachments: Array.from({ length: attachments }, (_, i) => ({ fallback: `Build ${i} — ok 🚀`, color: 'good', text: `Build ${i} passed ✓` })),
  }, null, 2) + '\n';
  const lines = text.split(/(?<=\n)/);
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i += linesPer) parts.push(lines.slice(i, i + linesPer).join(''));
  return parts;
}

describe('sending a big payload in slices (no stall while the body is written)', () => {
  let sb: Sandbox;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); clearSecrets(); });
  beforeEach(() => sb.reset());

  it('the webhook gets exactly the joined text, with its byte length, and posts it (node-fetch)', async () => {
    const parts = payloadInSlices(400, 97);
    const text = parts.join('');
    assert.ok(parts.length > 20, `${parts.length} slices`);
    const r = await makeClient().postWebhook(sb.webhookUrl(), parts);
    assert.deepEqual(r, { status: 200, body: 'ok' });
    assert.equal(sb.requests[0].body, text);
    assert.equal(sb.requests[0].headers['content-length'], String(Buffer.byteLength(text)));
    assert.equal(sb.requests[0].headers['content-type'], 'application/json');
    assert.equal(sb.posts[0].message, 'Nightly builds — résumé ✓ 🚀');
    assert.equal((sb.posts[0].props.attachments as unknown[]).length, 400);
  });

  it('the same with the platform fetch', async () => {
    const parts = payloadInSlices(50, 31);
    const r = await makeClient({ fetch: globalThis.fetch as unknown as FetchLike }).postWebhook(sb.webhookUrl(), parts);
    assert.deepEqual(r, { status: 200, body: 'ok' });
    assert.equal(sb.requests[0].body, parts.join(''));
  });

  it('encodes one slice per turn of the event loop: no chunk bigger than a slice, the loop turns in between', async () => {
    const parts = payloadInSlices(300, 50);
    const largest = Math.max(...parts.map(p => Buffer.byteLength(p)));
    const chunks: { bytes: number; turn: number }[] = [];
    // One count per turn of the event loop (each turn runs the check phase once).
    let turns = 0;
    let timer: NodeJS.Immediate | undefined;
    const count = () => { turns++; timer = setImmediate(count); };
    count();
    const spy: FetchLike = (url, init) => {
      const body = init.body;
      if (typeof body === 'string' || body === undefined) {
        chunks.push({ bytes: Buffer.byteLength(body ?? ''), turn: turns });
        return nodeFetch(url, init);
      }
      const seen = Readable.from((async function* () {
        for await (const c of body as AsyncIterable<Buffer>) { chunks.push({ bytes: c.length, turn: turns }); yield c; }
      })());
      return nodeFetch(url, { ...init, body: seen });
    };
    try {
      await makeClient({ fetch: spy }).postWebhook(sb.webhookUrl(), parts);
    } finally {
      clearImmediate(timer);
    }
    assert.equal(chunks.length, parts.length, 'one chunk per slice');
    assert.ok(chunks.every(c => c.bytes <= largest), `a chunk of ${Math.max(...chunks.map(c => c.bytes))} bytes (slices are at most ${largest})`);
    const spanned = chunks[chunks.length - 1].turn - chunks[0].turn;
    assert.ok(spanned >= chunks.length - 2, `${chunks.length} chunks written within ${spanned} turns of the event loop`);
    assert.equal(sb.requests[0].body, parts.join(''));
  });

  it('after a 429 the one resend carries the whole text again (a fresh stream per attempt)', async () => {
    const parts = payloadInSlices(60, 40);
    sb.inject({ kind: 'rateLimit', retryAfterSeconds: 1, path: '/hooks/' });
    const r = await makeClient().postWebhook(sb.webhookUrl(), parts);
    assert.deepEqual(r, { status: 200, body: 'ok' });
    assert.equal(sb.requests.length, 2);
    assert.equal(sb.requests[1].body, parts.join(''));
    assert.equal(sb.posts.length, 1);
  });

  it('a text as one string is still sent as before', async () => {
    const text = payloadInSlices(3, 1000).join('');
    await makeClient().postWebhook(sb.webhookUrl(), text);
    assert.equal(sb.requests[0].body, text);
  });
});
