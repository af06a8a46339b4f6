import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { openDocument, ourDiagnostics, waitFor, workspacePath, workspaceUri } from './util';

const MM = 'blocks-mm.incoming.json';
const BK = 'blocks-kit.incoming.json';
const AC = 'blocks-card.incoming.json';
const PROFILE_FILE = '.mattermost/blocks-server.json';

const MM_TEXT = `{
  "text": "Deploy finished",
  "props": {
    "mm_blocks": [
      {"type": "text", "text": "Deployed **main**"},
      {"type": "image", "url": "https://example.com/chart.png"},
      {"type": "button", "text": "Roll back", "action_id": "rollback"}
    ],
    "mm_blocks_actions": {
      "rollbak": {"type": "external", "url": "https://example.com/actions/rollback"}
    }
  }
}
`;

const BK_TEXT = `{
  "text": "Block Kit",
  "props": {
    "blocks": [
      {"type": "section", "text": {"type": "mrkdwn", "text": "*Build* passed"}},
      {"type": "context", "elements": [{"type": "mrkdwn", "text": "ci"}]}
    ]
  }
}
`;

const AC_TEXT = `{
  "text": "Adaptive Card",
  "props": {
    "cards": [{"type": "AdaptiveCard", "version": "1.5", "body": [
      {"type": "TextBlock", "text": "Leave request"},
      {"type": "FactSet", "facts": [{"title": "Dates", "value": "3–7 March"}]}
    ]}]
  }
}
`;

/** "rule «range text» severity" for our diagnostics on `file`, once `ok` holds. */
async function findings(file: string, text: string, ok: (f: string[]) => boolean, timeoutMs = 20000): Promise<string[]> {
  let last: string[] = [];
  const lines = text.split('\n');
  const slice = (r: vscode.Range): string => {
    if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
    return `${lines[r.start.line].slice(r.start.character)}…`;
  };
  try {
    return await waitFor(`the diagnostics of ${file}`, () => {
      last = ourDiagnostics(workspaceUri(file)).map(d => `${typeof d.code === 'object' ? String(d.code.value) : String(d.code)} «${slice(d.range)}» ${vscode.DiagnosticSeverity[d.severity]}`);
      return ok(last) ? last : undefined;
    }, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}; the diagnostics said: ${JSON.stringify(last)}`, { cause: e });
  }
}

describe('Mattermost Blocks, Block Kit and Adaptive Cards: diagnostics', function () {
  this.timeout(120000);

  before(() => {
    fs.writeFileSync(workspacePath(MM), MM_TEXT);
    fs.writeFileSync(workspacePath(BK), BK_TEXT);
    fs.writeFileSync(workspacePath(AC), AC_TEXT);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('mattermostPayloads').update('serverProfile', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(workspacePath(PROFILE_FILE), { force: true });
  });

  it('an MM Blocks incoming webhook: the dropped image and the registry that does not pair (400)', async () => {
    await openDocument(MM);
    const f = await findings(MM, MM_TEXT, x => x.length === 3);
    assert.deepStrictEqual(f, [
      'block-dropped «"image"» Warning',
      'blocks-pairing «"rollback"» Error',
      'blocks-pairing «"rollbak"» Error',
    ]);
    const pairing = ourDiagnostics(workspaceUri(MM)).find(d => d.code === 'blocks-pairing')!;
    assert.match(pairing.message, /400 api\.context\.invalid_body\.app_error, "mm_blocks_actions missing entry for action_id "rollback""/);
  });

  it('a Block Kit payload: Slack *bold* shows as italic, the context block is not translated', async () => {
    await openDocument(BK);
    const f = await findings(BK, BK_TEXT, x => x.length === 2);
    assert.deepStrictEqual(f, ['blocks-slack-mrkdwn «*Build*» Warning', 'blocks-untranslated «"context"» Warning']);
  });

  it('an Adaptive Card payload: the FactSet is not translated', async () => {
    await openDocument(AC);
    const f = await findings(AC, AC_TEXT, x => x.length === 1);
    assert.deepStrictEqual(f, ['blocks-untranslated «"FactSet"» Warning']);
  });

  it('the version / flag warning follows a workspace server profile', async () => {
    await openDocument(AC);
    fs.mkdirSync(workspacePath('.mattermost'), { recursive: true });
    fs.writeFileSync(workspacePath(PROFILE_FILE), JSON.stringify({ Version: '11.6.0' }));
    await vscode.workspace.getConfiguration('mattermostPayloads').update('serverProfile', PROFILE_FILE, vscode.ConfigurationTarget.Workspace);
    const old = await findings(AC, AC_TEXT, x => x.includes('blocks-not-shown «"cards"» Warning'), 60000);
    assert.deepStrictEqual(old, ['blocks-not-shown «"cards"» Warning']);
    assert.match(ourDiagnostics(workspaceUri(AC))[0].message, /may show it to nobody: the target server is Mattermost 11\.6/);

    fs.writeFileSync(workspacePath(PROFILE_FILE), JSON.stringify({ Version: '11.10.0', FeatureFlagMmBlocksEnabled: 'false' }));
    await findings(AC, AC_TEXT, () => ourDiagnostics(workspaceUri(AC)).some(d => /MmBlocksEnabled feature flag off/.test(d.message)), 60000);

    fs.writeFileSync(workspacePath(PROFILE_FILE), JSON.stringify({ Version: '11.10.0' }));
    const shown = await findings(AC, AC_TEXT, x => x.length === 1 && x[0].startsWith('blocks-untranslated'), 60000);
    assert.deepStrictEqual(shown, ['blocks-untranslated «"FactSet"» Warning']);
  });
});
