// Issue 14 item 3 in a real workbench: the example integration's answer, previewed; its "Update"
// button clicked in the webview; the click goes through the extension to the example on 127.0.0.1
// and the post it answers with replaces the previewed one (a new post document with its preview).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { inPreview, openWritten } from './previewFrame';
import { exampleAnswer, type RunningExample, startExample } from '../exampleIntegration';
import { endExampleSuite, notification, runCommand, screenshot, workbench } from './workbench';

const FILE = 'ui-buttons.command.json';

/** The webview frame whose title matches and whose preview has the text. */
async function frameWith(page: Page, title: RegExp, text: string, timeoutMs = 45000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      try {
        if (title.test(await frame.title()) && (await frame.locator('[data-testid="post-text"]', { hasText: text }).count()) > 0) return frame;
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

  before(async () => {
    example = await startExample();
    const wb = await workbench();
    page = wb.page;
    workspace = wb.workspace;
    fs.writeFileSync(path.join(workspace, FILE), await exampleAnswer(example.base));
    await runCommand(page, 'View: Close All Editors');
  });

  after(() => endExampleSuite(page, workspace && path.join(workspace, FILE), example));

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
});
