// Sending a Mattermost Blocks payload (issue 13) to the sandbox playing Mattermost 11.10: the blocks and the
// action registry arrive unchanged; through the API a token session keeps the registry, and a password session
// is told before the send that the server will remove it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { startSandbox, Sandbox } from '../../src/sandbox/server';
import { SEED } from '../../src/sandbox/state';
import { answer, input, pick, ScriptedPrompter, testApi, withPrompter } from './prompter';
import { openDocument, workspacePath } from './util';

/** MM_BLOCKS.md §10 E-2 with a text and a collapsible: blocks wired to an openURL and an external action. */
const PAYLOAD = {
  text: 'Deployment #42 finished.',
  props: {
    mm_blocks: [
      { type: 'text', text: 'Deployed `main` to **staging**.' },
      { type: 'container', flow: 'horizontal', gap: 'small', content: [
        { type: 'button', text: 'View logs', style: 'primary', action_id: 'view_logs' },
        { type: 'button', text: 'Go to Off-Topic', action_id: 'go_off_topic' },
        { type: 'button', text: 'Disabled action', action_id: 'inert', disabled: true },
      ] },
      { type: 'collapsible', header: [{ type: 'text', text: '**Details**' }], content: [{ type: 'text', text: '3 services, 0 errors' }] },
    ],
    mm_blocks_actions: {
      view_logs: { type: 'external', url: 'https://integration.example.com/actions/view-logs', context: { deployment_id: '42' } },
      go_off_topic: { type: 'openURL', url: '/sandbox/channels/off-topic', query: { from: 'deploy' } },
    },
  },
};
const TEXT = JSON.stringify(PAYLOAD, null, 2) + '\n';
const FILE = 'blocks-send.incoming.json';

describe('send Mattermost Blocks (against the sandbox playing 11.10 on 127.0.0.1)', function () {
  let sandbox: Sandbox;
  let p: ScriptedPrompter;

  before(async () => {
    sandbox = await startSandbox({ config: { version: '11.10.0' } });
    fs.writeFileSync(workspacePath(FILE), TEXT);
    await vscode.workspace.getConfiguration('mattermostPayloads').update('confirmBeforeSend', false, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('mattermostPayloads').update('confirmBeforeSend', undefined, vscode.ConfigurationTarget.Global);
    const { services } = await testApi();
    if (await services.store.account(sandbox.url)) await vscode.commands.executeCommand('mattermostPayloads.logout');
    await services.store.removeWebhook('blocks-hook');
    await sandbox.close();
    fs.rmSync(workspacePath(FILE), { force: true });
  });
  beforeEach(async () => { p = await withPrompter(); });
  afterEach(() => assert.strictEqual(p.remaining(), 0, `not every scripted answer was used:\n${p.texts()}`));

  const posts = () => sandbox.requests.filter(r => r.method === 'POST' && r.path === '/api/v4/posts');

  it('to a webhook: the exact text is sent, and the sandbox stores the blocks and the registry as sent', async () => {
    const { services } = await testApi();
    await services.store.saveWebhook('blocks-hook', sandbox.webhookUrl('normal'));
    await openDocument(FILE);
    p.script(pick('blocks-hook'));
    const before = sandbox.posts.length;
    const outcome = await vscode.commands.executeCommand<{ status: string; detail: string }>('mattermostPayloads.sendToWebhook');
    assert.deepStrictEqual(outcome, { status: 'sent', detail: '200 ok' }, p.texts());
    const hookCalls = sandbox.requests.filter(r => r.path.startsWith('/hooks/'));
    assert.strictEqual(hookCalls.at(-1)?.body, TEXT, 'the editor text is sent unchanged');
    assert.strictEqual(sandbox.posts.length, before + 1);
    const post = sandbox.posts.at(-1)!;
    assert.deepStrictEqual(post.props.mm_blocks, PAYLOAD.props.mm_blocks);
    assert.deepStrictEqual(post.props.mm_blocks_actions, PAYLOAD.props.mm_blocks_actions);
    assert.strictEqual(fs.readFileSync(workspacePath(FILE), 'utf8'), TEXT, 'the file changed');
  });

  it('via the API with a personal access token: the registry is kept, no question about it', async () => {
    p.script(input(sandbox.url), pick('Personal access token'), input(SEED.pat));
    await vscode.commands.executeCommand('mattermostPayloads.login');
    await openDocument(FILE);
    const before = posts().length;
    p.script(pick('sandbox/town-square'));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    assert.strictEqual(outcome?.status, 'sent', p.texts());
    assert.ok(!/removes props\.mm_blocks_actions/.test(p.texts()), 'a token session was warned');
    assert.strictEqual(posts().length, before + 1);
    const body = JSON.parse(posts().at(-1)!.body) as { message: string; props: Record<string, unknown> };
    assert.strictEqual(body.message, PAYLOAD.text);
    assert.deepStrictEqual(body.props.mm_blocks, PAYLOAD.props.mm_blocks);
    assert.deepStrictEqual(body.props.mm_blocks_actions, PAYLOAD.props.mm_blocks_actions);
    assert.deepStrictEqual(sandbox.posts.at(-1)!.props.mm_blocks_actions, PAYLOAD.props.mm_blocks_actions, 'the sandbox dropped the registry of a token session');
  });

  it('via the API logged in with a password: asked first, told the registry will be removed; "Cancel" sends nothing', async () => {
    p.script(input(sandbox.url), pick('Password'), input(SEED.user.username), input(SEED.user.password));
    await vscode.commands.executeCommand('mattermostPayloads.login');
    await openDocument(FILE);
    const before = posts().length;
    p.script(pick('sandbox/town-square'), answer('ask', undefined));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    assert.strictEqual(outcome?.status, 'not sent');
    assert.strictEqual(posts().length, before, 'a post was sent although the user cancelled');
    const asked = p.seen.filter(s => s.type === 'ask').at(-1)?.text ?? '';
    assert.match(asked, /logged in with a password: Mattermost \(11\.10 and later\) removes props\.mm_blocks_actions/);
  });

  it('…and "Send Anyway" posts once; the server drops the registry, as the question said', async () => {
    await openDocument(FILE);
    const before = posts().length;
    p.script(pick('sandbox/town-square'), answer('ask', 'Send Anyway'));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('mattermostPayloads.sendViaApi');
    assert.strictEqual(outcome?.status, 'sent', p.texts());
    assert.strictEqual(posts().length, before + 1, 'not exactly one post');
    const body = JSON.parse(posts().at(-1)!.body) as { props: Record<string, unknown> };
    assert.deepStrictEqual(body.props.mm_blocks_actions, PAYLOAD.props.mm_blocks_actions, 'the extension itself dropped the registry');
    const stored = sandbox.posts.at(-1)!;
    assert.strictEqual(stored.props.mm_blocks_actions, undefined);
    assert.deepStrictEqual(stored.props.mm_blocks, PAYLOAD.props.mm_blocks);
  });
});
