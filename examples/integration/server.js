#!/usr/bin/env node
'use strict';
// A small example integration for "Mattermost: Invoke Slash Command…", "Trigger Outgoing Webhook…"
// and `mattermost-payloads invoke`. Plain Node http, no dependencies.
//
//   node examples/integration/server.js [--port 3050]        (npm start runs it too)
//
// Endpoints (tokens: MMP_EXAMPLE_COMMAND_TOKEN / MMP_EXAMPLE_HOOK_TOKEN, defaults below):
//   POST|GET /command     a slash command. Text "later": answers now and again through response_url;
//                         Text "blocks": Mattermost Blocks with a "Refresh" button, a menu and an openURL
//                         button, wired through props.mm_blocks_actions back to this example.
//                         anything else: a message with an "Update" button and an "Open dialog" button.
//   POST /action/update   the Update button: replaces the post ({update}).
//   POST /action/dialog   the Open dialog button: opens a dialog through the Mattermost server in
//                         MATTERMOST_URL (POST /api/v4/actions/dialogs/open with the click's trigger_id).
//                         Default http://127.0.0.1:8066: the local server the extension runs for the
//                         session (setting mattermostPayloads.invoke.serverPort; "Mattermost: Copy
//                         Local Server URL"), which shows the dialog as a *.dialog.json with a preview.
//   POST /action/refresh  the Blocks "Refresh" button and menu: answers type "refresh" with new blocks
//                         (the count in the registry context goes up; a menu's choice is shown).
//   POST /dialog          the dialog's submission: a field error for a name that does not start with a
//                         capital letter (the webapp itself blocks an empty required field), and the
//                         notify_on_cancel cancellation, printed as "dialog cancelled (callback_id …)".
//   POST /outgoing        an outgoing webhook (form or JSON): replies in the thread.
//   POST|GET /faulty      a faulty slash command; the text says how it fails:
//                         content-type (JSON sent as text/plain), status (503), too-big (2 MiB),
//                         invalid-json, empty, nothing (an ephemeral answer with no text), slow (35 s).
const http = require('http');

const COMMAND_TOKEN = process.env.MMP_EXAMPLE_COMMAND_TOKEN || 'example-command-token';
const HOOK_TOKEN = process.env.MMP_EXAMPLE_HOOK_TOKEN || 'example-hook-token';
const MATTERMOST_URL = process.env.MATTERMOST_URL || 'http://127.0.0.1:8066';

const arg = process.argv.indexOf('--port');
const port = Number(arg > 0 ? process.argv[arg + 1] : process.env.MMP_EXAMPLE_PORT || 3050);

function readBody(req) {
  return new Promise(resolve => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Form or JSON fields of a request (GET: the query). */
async function fieldsOf(req, url) {
  if (req.method === 'GET') return Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  const type = (req.headers['content-type'] || '').split(';')[0].trim();
  if (type === 'application/json') {
    try { return JSON.parse(body); } catch { return {}; }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function base(req) {
  return `http://${req.headers.host}`;
}

function messageWithButtons(req, text) {
  return {
    response_type: 'in_channel',
    text,
    attachments: [{
      fallback: 'Example buttons',
      title: 'Example integration',
      text: 'Click a button.',
      actions: [
        { id: 'update', name: 'Update', type: 'button', style: 'primary', integration: { url: `${base(req)}/action/update`, context: { step: 1 } } },
        { id: 'dialog', name: 'Open dialog', type: 'button', integration: { url: `${base(req)}/action/dialog`, context: {} } },
      ],
    }],
  };
}

// ------------------------------------------------------------------ Mattermost Blocks (MM_BLOCKS.md)

/** The blocks of the "blocks" answer and of each refresh: a counter, a Refresh button, a menu, a docs link. */
function blocksProps(req, count, picked) {
  return {
    mm_blocks: [
      { type: 'container', border: true, content: [
        { type: 'text', text: `#### Refreshed ${count} ${count === 1 ? 'time' : 'times'}${picked ? ` · picked **${picked}**` : ''}` },
        { type: 'container', flow: 'horizontal', gap: 'small', content: [
          { type: 'button', text: 'Refresh', style: 'primary', action_id: 'refresh' },
          { type: 'static_select', action_id: 'pick', placeholder: 'Pick an environment', options: [{ text: 'Staging', value: 'staging' }, { text: 'Production', value: 'production' }] },
          { type: 'button', text: 'Docs', action_id: 'docs' },
        ] },
      ] },
    ],
    mm_blocks_actions: {
      refresh: { type: 'external', url: `${base(req)}/action/refresh`, context: { count }, query: { from: 'example' } },
      pick: { type: 'external', url: `${base(req)}/action/refresh`, context: { count } },
      docs: { type: 'openURL', url: 'https://developers.mattermost.com/integrate/', query: { ref: 'example' } },
    },
  };
}

function messageWithBlocks(req, text) {
  return { response_type: 'in_channel', text, props: blocksProps(req, 0) };
}

async function blocksAction(req, res) {
  const body = await readBody(req);
  let r;
  try { r = JSON.parse(body) || {}; } catch { return send(res, 400, 'not JSON', 'text/plain'); }
  const ctx = r.context || {};
  const { mm_blocks, mm_blocks_actions } = blocksProps(req, Number(ctx.count || 0) + 1, ctx.selected_option);
  return send(res, 200, { type: 'refresh', mm_blocks, mm_blocks_actions });
}

function postJson(url, body) {
  const data = JSON.stringify(body);
  return new Promise(resolve => {
    const r = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, res => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    r.on('error', e => resolve(e.code || 'error'));
    r.end(data);
  });
}

async function command(req, res, url) {
  const f = await fieldsOf(req, url);
  if (req.headers.authorization !== `Token ${COMMAND_TOKEN}` || f.token !== COMMAND_TOKEN) return send(res, 401, 'wrong token', 'text/plain');
  if ((f.text || '').trim() === 'later') {
    setTimeout(() => { void postJson(f.response_url, { response_type: 'in_channel', text: `Done, @${f.user_name}: here is the result.` }); }, 200);
    return send(res, 200, { response_type: 'ephemeral', text: 'Working on it…' });
  }
  if ((f.text || '').trim() === 'blocks') return send(res, 200, messageWithBlocks(req, `Hello @${f.user_name}, here are Mattermost Blocks.`));
  return send(res, 200, messageWithButtons(req, `Hello @${f.user_name}, you typed: ${f.text || '(nothing)'}`));
}

async function faulty(req, res, url) {
  const f = await fieldsOf(req, url);
  const mode = (f.text || '').trim();
  switch (mode) {
    case 'content-type': return send(res, 200, { response_type: 'in_channel', text: 'JSON, but sent as text/plain' }, 'text/plain; charset=utf-8');
    case 'status': return send(res, 503, { text: 'Service unavailable' });
    case 'too-big': return send(res, 200, { text: 'x'.repeat(2 * 1024 * 1024) });
    case 'invalid-json': return send(res, 200, '{"text": "missing brace"');
    case 'empty': return send(res, 200, '');
    case 'nothing': return send(res, 200, { response_type: 'ephemeral', text: '' });
    case 'slow': return setTimeout(() => send(res, 200, { text: 'too late' }), 35000);
    default: return send(res, 200, { text: 'Faulty modes: content-type, status, too-big, invalid-json, empty, nothing, slow.' });
  }
}

async function action(req, res, what) {
  const body = await readBody(req);
  let r;
  try { r = JSON.parse(body) || {}; } catch { return send(res, 400, 'not JSON', 'text/plain'); }
  if (what === 'update') {
    const step = Number((r.context && r.context.step) || 1) + 1;
    return send(res, 200, { update: { message: `Updated by @${r.user_name} (step ${step}).`, props: {} }, ephemeral_text: 'You updated the post.' });
  }
  const status = await postJson(`${MATTERMOST_URL}/api/v4/actions/dialogs/open`, {
    trigger_id: r.trigger_id,
    url: `${base(req)}/dialog`,
    dialog: {
      callback_id: 'example', title: 'Example dialog', state: `step-${(r.context && r.context.step) || 1}`,
      elements: [
        // min_length without max_length: Mattermost opens the dialog but only logs "Interactive dialog is
        // invalid" (max_length defaults to 0); the extension shows it as a diagnostic on the dialog
        { display_name: 'Name', name: 'name', type: 'text', placeholder: 'Ada', help_text: 'Starts with a capital letter.', min_length: 2 },
        { display_name: 'Team size', name: 'size', type: 'text', subtype: 'number', optional: true },
      ],
      submit_label: 'Send', notify_on_cancel: true,
    },
  });
  return send(res, 200, { ephemeral_text: `Asked ${MATTERMOST_URL} to open the dialog (answer: ${status}).` });
}

async function dialog(req, res) {
  const body = await readBody(req);
  let r;
  try { r = JSON.parse(body) || {}; } catch { return send(res, 400, 'not JSON', 'text/plain'); }
  if (r.cancelled) {
    console.log(`dialog cancelled (callback_id ${r.callback_id}, state ${r.state}, user ${r.user_id})`);
    return send(res, 200, '');
  }
  const name = String((r.submission && r.submission.name) || '');
  // the webapp already refuses an empty required field; this is a check only the integration makes
  if (!/^[A-Z]/.test(name)) return send(res, 200, { errors: { name: 'Names start with a capital letter.' } });
  console.log(`dialog submitted (callback_id ${r.callback_id}, state ${r.state}): ${JSON.stringify(r.submission)}`);
  return send(res, 200, {});
}

async function outgoing(req, res, url) {
  const f = await fieldsOf(req, url);
  if (f.token !== HOOK_TOKEN) return send(res, 401, 'wrong token', 'text/plain');
  const said = String(f.text || '').slice(String(f.trigger_word || '').length).trim();
  return send(res, 200, { response_type: 'comment', text: `@${f.user_name} said "${said}" (after ${f.trigger_word}).` });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const route = url.pathname;
  if (route === '/action/refresh' && req.method === 'POST') return void blocksAction(req, res).catch(e => { if (!res.headersSent) send(res, 500, String(e && e.message), 'text/plain'); });
  const run = route === '/command' ? command(req, res, url)
    : route === '/faulty' ? faulty(req, res, url)
      : route === '/outgoing' && req.method === 'POST' ? outgoing(req, res, url)
        : route === '/action/update' && req.method === 'POST' ? action(req, res, 'update')
          : route === '/action/dialog' && req.method === 'POST' ? action(req, res, 'dialog')
            : route === '/dialog' && req.method === 'POST' ? dialog(req, res)
              : Promise.resolve(send(res, 404, 'not found', 'text/plain'));
  run.catch(e => { if (!res.headersSent) send(res, 500, String(e && e.message), 'text/plain'); });
});

server.listen(port, '127.0.0.1', () => {
  const p = server.address().port;
  console.log(`Example integration listening on http://127.0.0.1:${p}`);
  console.log(`  slash command: http://127.0.0.1:${p}/command (token ${COMMAND_TOKEN}); faulty one: /faulty`);
  console.log(`  outgoing webhook: http://127.0.0.1:${p}/outgoing (token ${HOOK_TOKEN})`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
