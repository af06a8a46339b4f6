import * as assert from 'assert';
import { openFile, runCommand, screenshot, workbench } from './workbench';

describe('command palette', () => {
  it('lists the Mattermost commands and "Mattermost: Show Log" shows the log', async () => {
    const { page } = await workbench();
    await openFile(page, 'good.incoming.json'); // activates the extension
    // The status bar shows the payload kind and the account.
    const kindItem = page.locator('.statusbar-item', { hasText: 'Incoming webhook' });
    await kindItem.waitFor({ timeout: 20000 });
    await page.locator('.statusbar-item', { hasText: 'Not logged in' }).waitFor({ timeout: 20000 });
    // Clicking the kind offers the other kinds.
    await kindItem.click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Mattermost payload kind of this file' }).waitFor({ timeout: 20000 });
    const kinds = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    assert.deepStrictEqual(kinds.map(k => k.split(' ')[0]), ['Incoming', 'Slash-command', 'Outgoing-webhook', 'Interactive', 'REST', 'Detect']);
    await page.keyboard.press('Escape');
    await runCommand(page, 'Mattermost: Show Log');
    // The Output panel switches to our channel and shows the activation line.
    const output = page.locator('.panel .output-view, .part.panel .monaco-editor .view-lines').first();
    await output.waitFor({ state: 'visible', timeout: 20000 });
    // earlier tests may have logged more than the panel shows: filter the output down to the activation line
    const filter = page.locator('.part.panel input[placeholder="Filter"]').first();
    if (await filter.isVisible()) await filter.fill('activated');
    // Monaco renders spaces as U+00A0.
    await page.waitForFunction(() => /Mattermost Payloads .* activated/.test((document.querySelector<HTMLElement>('.part.panel')?.innerText ?? '').replace(/\u00a0/g, ' ')), null, { timeout: 20000 });
    const text = (await page.locator('.part.panel').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\[activate\] Mattermost Payloads \d+\.\d+\.\d+ activated/);
    await screenshot(page, 'show-log');
    if (await filter.isVisible()) await filter.fill('');
  });
});
