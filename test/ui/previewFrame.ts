// The preview webview inside the workbench, for the UI tests that read its DOM (preview.test.ts, blocks.test.ts).
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { openFile, runCommand } from './workbench';

/**
 * The webview document titled `title` that shows the preview, once loaded (stylesheet included).
 * code-server nests webviews (an outer iframe.webview whose document holds iframe#active-frame)
 * and replaces the inner frame whenever the HTML changes, so it is looked up afresh each time.
 */
export async function previewFrame(page: Page, title: string, timeoutMs = 30000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      try {
        if ((await frame.title()) === title && (await frame.locator('[data-testid="preview"]').count()) > 0) {
          await frame.waitForLoadState('load');
          return frame;
        }
      } catch { /* frame navigated away meanwhile */ }
    }
    if (Date.now() > deadline) throw new Error(`no webview frame titled "${title}" with a rendered preview`);
    await page.waitForTimeout(200);
  }
}

/**
 * Runs `check` on the preview frame. A re-render (the linter finishing, say) swaps the frame under
 * a running check; then the check starts again on the new frame. Assertion failures are final.
 */
export async function inPreview<T>(page: Page, title: string, check: (frame: Frame) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const frame = await previewFrame(page, title);
    try {
      return await check(frame);
    } catch (e) {
      const swapped = !(e instanceof assert.AssertionError) && (frame.isDetached() || /detached|context was destroyed/i.test(String(e)));
      if (!swapped || attempt >= 5) throw e;
    }
  }
}

/**
 * Opens a file this suite wrote. Through the Explorer, which its file watcher keeps current: Quick
 * Open's file search can miss files written while the workbench runs.
 */
export async function openWritten(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Show Explorer');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  try {
    await row.waitFor({ timeout: 10000 });
  } catch {
    await openFile(page, name); // not in the tree (collapsed, scrolled): try Quick Open after all
    return;
  }
  await row.dblclick();
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 20000 });
}

export function css(frame: Frame, selector: string, property: string): Promise<string> {
  return frame.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
}
