// Issue 14 item 3 in a real workbench: the example integration's answer, previewed; its "Update"
// button clicked in the webview; the click goes through the extension to the example on 127.0.0.1
// and the post it answers with replaces the previewed one (a new post document with its preview).
// Then the slash command invoked from the command palette (the README's picture, docs/invoke-command.png)
// and an MM Blocks "Refresh" button clicked in the preview of its "blocks" answer.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { inPreview, openWritten } from './previewFrame';
import { exampleAnswer, type RunningExample, startExample } from '../exampleIntegration';
import { endExampleSuite, notification, runCommand, screenshot, workbench } from './workbench';

const FILE = 'ui-buttons.command.json';

/** The webview frame whose title matches and whose preview has the text (in the post's text, or in `where`). */
async function frameWith(page: Page, title: RegExp, text: string, where = '[data-testid="post-text"]', timeoutMs = 45000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      try {
        if (title.test(await frame.title()) && (await frame.locator(where, { hasText: text }).count()) > 0) return frame;
      } catch { /* navigated away meanwhile */ }
    }
    if (Date.now() > deadline) throw new Error(`no preview titled ${title} showing "${text}"`);
    await page.waitForTimeout(200);
  }
}

describe('clicking buttons in the preview (example integration)', function () {
  this.timeout(180000);
  let page: Page;
  let workspace = '';
  let example: RunningExample | undefined;
  const SETTINGS = () => path.join(workspace, '.vscode', 'settings.json');

  before(async () => {
    example = await startExample();
    const wb = await workbench();
    page = wb.page;
    workspace = wb.workspace;
    // the team's shared definition, as a workspace setting
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(SETTINGS(), JSON.stringify({ 'mattermostPayloads.integrations': [{ name: 'example', url: `${example.base}/command`, trigger: 'example' }] }, null, 2));
    fs.writeFileSync(path.join(workspace, FILE), await exampleAnswer(example.base));
    await runCommand(page, 'View: Close All Editors');
  });

  after(async () => {
    await endExampleSuite(page, workspace && path.join(workspace, FILE), example);
    if (workspace) fs.rmSync(path.join(workspace, '.vscode'), { recursive: true, force: true });
  });

  it('"Update" sends the action request through the extension and the updated post replaces the preview', async () => {
    await openWritten(page, FILE);
    await runCommand(page, 'Mattermost: Open Preview to the Side');
    await inPreview(page, `Preview: ${FILE}`, async frame => {
      const update = frame.locator('[data-testid="action-button"]', { hasText: 'Update' });
      await update.waitFor();
      assert.match(await update.getAttribute('href') ?? '', /^command:mattermostPayloads\.preview\.action\?/);
      assert.strictEqual(await frame.locator('script').count(), 0, 'a script in the preview');
      await update.click();
    });
    // the answer's update, as a post document with its own preview
    await frameWith(page, /^Preview: update-update-\d+\.post\.json$/, 'Updated by @local-user (step 2).');
    // the ephemeral reply, as Mattermost shows it only to the clicking user
    const toast = await notification(page, /You updated the post\./);
    assert.match(toast, /Ephemeral reply to "Update"/);
    await page.locator(`.tabs-container .tab.active[aria-label*="update-update-"]`).first().waitFor({ timeout: 20000 });
    await screenshot(page, 'invoke-click-update');
  });

  /** "Mattermost: Invoke Slash Command…" from the palette: the definition, the token (first time), the text. */
  async function invokeFromPalette(text: string): Promise<void> {
    await runCommand(page, 'Mattermost: Invoke Slash Command…');
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '/example' }).first();
    await row.waitFor({ timeout: 20000 });
    await row.click();
    // the token is asked once (a password box), then kept in secret storage
    const title = page.locator('.quick-input-widget .quick-input-title, .quick-input-widget .quick-input-message');
    await page.waitForFunction(() => /Token of "example"|\/example …/.test(document.querySelector('.quick-input-widget')?.textContent ?? ''), undefined, { timeout: 20000 });
    if (/Token of "example"/.test((await title.allInnerTexts()).join(' '))) {
      assert.strictEqual(await input.getAttribute('type'), 'password', 'the token box shows what is typed');
      await input.fill('example-command-token');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /\/example …/.test(document.querySelector('.quick-input-widget')?.textContent ?? ''), undefined, { timeout: 20000 });
    }
    await input.fill(text);
    await page.keyboard.press('Enter');
  }

  it('invokes the example\'s slash command from the command palette: the answer opens with its preview (README picture)', async () => {
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ }).click({ timeout: 3000 }).catch(() => undefined);
    await invokeFromPalette('deploy api to staging');
    const frame = await frameWith(page, /^Preview: example-answer-\d+\.command\.json$/, 'you typed: deploy api to staging');
    assert.strictEqual(await frame.locator('[data-testid="action-button"]', { hasText: 'Update' }).count(), 1);
    await page.locator('.tabs-container .tab.active[aria-label*="example-answer-"]').first().waitFor({ timeout: 20000 });
    // the summary of what Mattermost would show
    await notification(page, /Mattermost shows a post in the channel/);
    // the answer as it came is one line: formatted for the picture (the untitled document only)
    await runCommand(page, 'Format Document');
    await page.locator('.monaco-editor .view-line', { hasText: '"response_type": "in_channel"' }).first().waitFor({ timeout: 10000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'invoke-command');
  });

  it('an MM Blocks "Refresh" button in the preview is sent through the extension; the refreshed blocks open with their preview', async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await invokeFromPalette('blocks');
    const answer = await frameWith(page, /^Preview: example-answer-\d+\.command\.json$/, 'here are Mattermost Blocks.');
    const refresh = answer.locator('[data-testid="block-button"]', { hasText: 'Refresh' });
    await refresh.waitFor();
    assert.match(await refresh.getAttribute('href') ?? '', /^command:mattermostPayloads\.preview\.action\?/);
    assert.ok(/Refreshed 0 times/.test(await answer.locator('[data-testid="blocks"]').innerText()));
    assert.strictEqual(await answer.locator('script').count(), 0, 'a script in the preview');
    await refresh.click();
    const refreshed = await frameWith(page, /^Preview: refresh-refresh-\d+\.post\.json$/, 'Refreshed 1 time', '[data-testid="blocks"]');
    assert.strictEqual(await refreshed.locator('[data-testid="block-button"]', { hasText: 'Refresh' }).count(), 1);
    await notification(page, /blocks are replaced/);
    await screenshot(page, 'invoke-click-blocks-refresh');
  });
});
