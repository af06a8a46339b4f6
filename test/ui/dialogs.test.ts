// Issue 14 item 4 in a real workbench: the example integration's "Open dialog" clicked in the preview,
// the dialog it opens at the extension's local server shown in the preview, Submit clicked there, the
// values typed into the palette's input boxes, and the integration's field error shown under its field.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { inPreview, openWritten } from './previewFrame';
import { exampleAnswer, type RunningExample, startExample } from '../exampleIntegration';
import { endExampleSuite, notification, runCommand, screenshot, workbench } from './workbench';

const FILE = 'ui-dialog.command.json';

/** The webview frame whose title matches and which shows a dialog. */
async function dialogFrame(page: Page, title: RegExp, timeoutMs = 45000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      try {
        if (title.test(await frame.title()) && (await frame.locator('[data-testid="dialog"]').count()) > 0) return frame;
      } catch { /* navigated away meanwhile */ }
    }
    if (Date.now() > deadline) throw new Error(`no preview titled ${title} showing a dialog`);
    await page.waitForTimeout(200);
  }
}

/** Types into the palette's input box once it asks for `prompt`. */
async function answerInput(page: Page, prompt: string, text: string): Promise<void> {
  await page.locator('.quick-input-widget', { hasText: prompt }).waitFor({ state: 'visible', timeout: 20000 });
  await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

describe('a dialog opened by the example integration, submitted from the preview', function () {
  this.timeout(180000);
  let page: Page;
  let workspace = '';
  let example: RunningExample | undefined;

  before(async () => {
    const wb = await workbench();
    page = wb.page;
    workspace = wb.workspace;
    await runCommand(page, 'View: Close All Editors');
    // the URL of the extension's local server, as a user gets it
    await runCommand(page, 'Mattermost: Copy Local Server URL');
    const toast = await notification(page, /Copied http:\/\/127\.0\.0\.1:\d+/);
    const mattermostUrl = /(http:\/\/127\.0\.0\.1:\d+)/.exec(toast)![1];
    example = await startExample({ MATTERMOST_URL: mattermostUrl });
    fs.writeFileSync(path.join(workspace, FILE), await exampleAnswer(example.base));
  });

  after(() => endExampleSuite(page, workspace && path.join(workspace, FILE), example));

  it('"Open dialog" → the dialog preview; Submit → the palette asks; the field error shows under the field', async () => {
    await openWritten(page, FILE);
    await runCommand(page, 'Mattermost: Open Preview to the Side');
    await inPreview(page, `Preview: ${FILE}`, async frame => {
      const open = frame.locator('[data-testid="action-button"]', { hasText: 'Open dialog' });
      await open.waitFor();
      await open.click();
    });
    let frame = await dialogFrame(page, /^Preview: example-\d+\.dialog\.json$/);
    assert.strictEqual(await frame.locator('[data-testid="dialog-title"]').innerText(), 'Example dialog');
    assert.strictEqual(await frame.locator('script').count(), 0, 'a script in the preview');
    const submit = frame.locator('[data-testid="dialog-submit"]');
    assert.match(await submit.getAttribute('href') ?? '', /^command:mattermostPayloads\.preview\.action\?/);
    await submit.click();
    // one input per element: "ada" passes the webapp's checks; the integration wants a capital letter
    await answerInput(page, 'Name', 'ada');
    await answerInput(page, 'Team size', '');
    const deadline = Date.now() + 30000;
    for (;;) {
      frame = await dialogFrame(page, /^Preview: example-\d+\.dialog\.json$/);
      try {
        const error = frame.locator('[data-testid="dialog-element"][data-name="name"] [data-testid="dialog-field-error"]');
        if ((await error.count()) > 0) {
          assert.strictEqual(await error.innerText(), 'Names start with a capital letter.');
          break;
        }
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
      }
      if (Date.now() > deadline) throw new Error('no field error under "Name" in the dialog preview');
      await page.waitForTimeout(250);
    }
    assert.strictEqual(await frame.locator('[data-testid="dialog-field-error"]').count(), 1);
    await notification(page, /stays open with 1 field error \(name\)/);
    await screenshot(page, 'dialog-field-error');
  });
});
