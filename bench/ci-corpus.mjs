// A CI-sized set of payload files, generated deterministically from a seed (issue 12): mixed kinds
// (incoming, command, outgoing, dialog, post) and sizes (most under 2 KB, a few up to ~30 KB),
// about one in eight with a planted problem, spread over folders of 100 files like a real repository.
// Usage as a module: makeCorpus(dir, n, seed) → { files, bytes, byKind }; or
//   node bench/ci-corpus.mjs <dir> [n] [seed]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

const WORDS = ['build', 'deploy', 'release', 'staging', 'production', 'merged', 'pipeline', 'tests', 'passed', 'failed', 'latency', 'alert', 'cluster', 'node', 'queue', 'backlog', 'review', 'approved', 'rollback', 'canary', 'metrics', 'p99', 'dashboard', 'incident', 'owner', 'service', 'region', 'cache', 'hit', 'ratio', 'Grüße', 'café', '✅', '🚀'];
const COLORS = ['good', 'warning', 'danger', '#2eb886', '#a30200', '#439fe0'];

function make(r) {
  const pick = a => a[Math.floor(r() * a.length)];
  const int = (a, b) => a + Math.floor(r() * (b - a + 1));
  const words = n => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const attachment = i => ({
    fallback: `Build ${i} ${words(3)}`,
    color: pick(COLORS),
    pretext: `Pipeline **${words(2)}**`,
    title: `Build ${i}`,
    title_link: `https://ci.example.com/builds/${i}`,
    text: `All **${int(1, 900)}** tests ${words(int(4, 14))}.${r() < 0.1 ? ` See <https://ci.example.com/builds/${i}/log|the log>.` : ''}`,
    fields: Array.from({ length: int(0, 4) }, (_, k) => ({ title: `Field ${k}`, value: words(int(1, 6)), short: r() < 0.5 })),
    ...(r() < 0.4 ? { actions: [{ id: `approve${i}`, name: 'Approve', type: 'button', style: 'primary', integration: { url: 'https://ci.example.com/hooks/approve', context: { build: i } } }] } : {}),
    footer: 'ci.example.com',
    ts: 1700000000 + i,
  });
  // sizes: 80% small (0-2 attachments), 18% medium (3-10), 2% large (10-40): ~0.1 KB to ~30 KB
  const u = r();
  const nAtt = u < 0.8 ? int(0, 2) : u < 0.98 ? int(3, 10) : int(10, 40);
  const atts = () => Array.from({ length: nAtt }, (_, i) => attachment(int(1, 99999) + i));
  const k = r();
  let kind;
  let body;
  if (k < 0.4) {
    kind = 'incoming';
    body = { text: `#### ${words(int(2, 8))}`, channel: pick(['town-square', 'builds', 'ops', '@alice']), ...(nAtt ? { attachments: atts() } : {}) };
  } else if (k < 0.6) {
    kind = 'command';
    body = { response_type: pick(['in_channel', 'ephemeral']), text: `Weather for **${words(1)}**`, ...(nAtt ? { attachments: atts() } : {}) };
  } else if (k < 0.75) {
    kind = 'post';
    body = { channel_id: '4xp9fdt3pbgtmj3rdtx4xnhxbr', message: words(int(3, 20)), ...(nAtt ? { props: { attachments: atts() } } : {}) };
  } else if (k < 0.9) {
    kind = 'outgoing';
    body = { response_type: 'comment', text: `Thanks! ${words(int(3, 30))}`, ...(nAtt ? { attachments: atts() } : {}) };
  } else {
    kind = 'dialog';
    body = {
      trigger_id: 'TRIGGER_ID_FROM_THE_SLASH_COMMAND',
      url: 'https://example.com/dialog',
      dialog: {
        callback_id: 'feedback', title: 'Send feedback', submit_label: 'Send', notify_on_cancel: false,
        elements: Array.from({ length: int(1, Math.max(2, Math.min(nAtt, 5))) }, (_, i) => ({ display_name: `Field ${i}`, name: `f${i}`, type: 'text', placeholder: words(2), optional: r() < 0.5 })),
      },
    };
  }
  // about one file in eight has a problem: an error (type mismatch) or a warning (Slack habit, bad URL)
  const p = r();
  if (p < 0.04) {
    if (kind === 'dialog') body.dialog.notify_on_cancel = 'yes'; else if (kind === 'post') body.message = 5; else body.text = 5;
  } else if (p < 0.08) {
    if (kind === 'dialog') body.dialog.title = 'Send *feedback* now'; else if (kind === 'post') body.message = 'Deploy *done*'; else body.text = 'Deploy *done* by <@U024BE7LH>';
  } else if (p < 0.125 && nAtt && kind !== 'dialog') {
    const list = kind === 'post' ? body.props.attachments : body.attachments;
    list[list.length - 1].title_link = 'ci.example.com/builds';
  }
  const pretty = r() < 0.8;
  return { kind, text: (pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body)) + '\n' };
}

/** Writes `n` payload files under `dir` (created), 100 per folder; the same seed gives the same bytes. */
export function makeCorpus(dir, n, seed = 12) {
  const r = rng(seed);
  const byKind = {};
  let bytes = 0;
  const files = [];
  for (let i = 0; i < n; i++) {
    const { kind, text } = make(r);
    const sub = join(dir, `team${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, `p${String(i).padStart(5, '0')}.${kind}.json`);
    writeFileSync(file, text);
    files.push(file);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, byKind };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n = '10000', seed = '12'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/ci-corpus.mjs <dir> [n] [seed]');
    process.exit(2);
  }
  const c = makeCorpus(dir, Number(n), Number(seed));
  console.log(`${c.files.length} files, ${(c.bytes / 1048576).toFixed(1)} MB: ${JSON.stringify(c.byKind)}`);
}
