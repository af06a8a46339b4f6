// Deterministic, realistic incoming-webhook payloads for the benchmark: a message with many
// attachments (fields, actions with integrations, links, Markdown), pretty-printed like a file on disk.
// `errors: true` plants about five problems spread through the document (start, ~1/4, ~1/2, ~3/4, end).

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

const WORDS = ['build', 'deploy', 'release', 'staging', 'production', 'merged', 'pipeline', 'tests', 'passed', 'failed', 'latency', 'alert', 'cluster', 'node', 'queue', 'backlog', 'review', 'approved', 'rollback', 'canary', 'metrics', 'p99', 'dashboard', 'incident', 'owner', 'service', 'region', 'eu-west-1', 'us-east-2', 'cache', 'hit', 'ratio'];
const COLORS = ['good', 'warning', 'danger', '#2eb886', '#a30200', '#439fe0'];

function sentence(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  return out.join(' ');
}

function attachment(r, i) {
  const id = 1000 + i;
  const a = {
    fallback: `Build ${id} ${sentence(r, 3)}`,
    color: COLORS[i % COLORS.length],
    pretext: `Pipeline **${sentence(r, 2)}** for \`main\``,
    author_name: 'CI',
    author_link: 'https://ci.example.com',
    author_icon: 'https://ci.example.com/icon.png',
    title: `Build ${id}`,
    title_link: `https://ci.example.com/builds/${id}`,
    text: `All **${Math.floor(r() * 500)}** tests ${sentence(r, 8)}. See <https://ci.example.com/builds/${id}/log|the log>.`,
    fields: [
      { title: 'Branch', value: 'main', short: true },
      { title: 'Duration', value: `${Math.floor(r() * 9)}m ${Math.floor(r() * 59)}s`, short: true },
      { title: 'Notes', value: sentence(r, 12), short: false },
    ],
    actions: [
      { id: `approve${id}`, name: 'Approve', type: 'button', style: 'primary', integration: { url: 'https://ci.example.com/hooks/approve', context: { build: id, action: 'approve' } } },
      { id: `env${id}`, name: 'Deploy to…', type: 'select', options: [{ text: 'Staging', value: 'staging' }, { text: 'Production', value: 'production' }], integration: { url: '/plugins/ci/deploy', context: { build: id } } },
    ],
    footer: 'ci.example.com',
    footer_icon: 'https://ci.example.com/favicon.png',
    ts: String(1700000000 + i), // a string: a numeric ts is logged as invalid (MATTERMOST_RULES.md §2.4), and "valid" means no problem
  };
  return a;
}

/** ~`bytes` long payload text (UTF-8 ≈ UTF-16 length here: ASCII plus a few symbols). */
export function generate(bytes, errors, seed = 42) {
  const r = rng(seed);
  const base = { text: '#### Nightly builds\nSummary of the last runs, see the attachments.', channel: 'town-square', attachments: [] };
  const empty = JSON.stringify(base, null, 2).length;
  const probe = JSON.stringify({ ...base, attachments: Array.from({ length: 20 }, (_, i) => attachment(rng(seed), i)) }, null, 2).length;
  const n = Math.max(1, Math.floor((bytes - empty) / ((probe - empty) / 20)));
  for (let i = 0; i < n; i++) base.attachments.push(attachment(r, i));
  if (errors) {
    const at = q => base.attachments[Math.min(n - 1, Math.floor(q * n))];
    base.attachments[0].color = 'red'; // attachment-color (warning)
    at(0.25).fields[1].short = 'yes'; // short-not-boolean (error, with fix)
    at(0.5).title_link = 'ci.example.com/builds'; // invalid-url (warning)
    at(0.75).text = 'Deploy *done* by <@U024BE7LH>'; // slack-bold + slack-mention (information)
    at(1).actions[0].integration.url = ''; // action-integration (warning)
    base.attachments[n - 1].Pretxt = 'typo'; // unknown-key (warning)
  }
  let text = JSON.stringify(base, null, 2) + '\n';
  return text;
}

export const SIZES = [
  { name: '2 KB', bytes: 2 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '300 KB', bytes: 290 * 1024 },
  { name: '1 MB', bytes: 1024 * 1024 },
  { name: '10 MB', bytes: 10 * 1024 * 1024 },
];
