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
    // It follows the active editor (the item is sent only when what it shows changes): gone for a
    // non-JSON file, another kind for another payload, and back.
    await openFile(page, 'EXPECTED.md');
    await kindItem.waitFor({ state: 'detached', timeout: 20000 });
    await openFile(page, 'good.command.json');
    await page.locator('.statusbar-item', { hasText: 'Slash-command response' }).waitFor({ timeout: 20000 });
    await openFile(page, 'good.incoming.json');
    await kindItem.waitFor({ timeout: 20000 });
    assert.strictEqual(await page.locator('.statusbar-item', { hasText: 'Slash-command response' }).count(), 0);
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
    // the activation line is the first: earlier suites may have logged more than the panel shows,
    // so the panel's filter keeps only it in view
    const filter = page.locator('.part.panel .viewpane-filter input').first();
    await filter.fill('activated');
    // Monaco renders spaces as U+00A0.
    await page.waitForFunction(() => /Mattermost Payloads .* activated/.test((document.querySelector<HTMLElement>('.part.panel')?.innerText ?? '').replace(/\u00a0/g, ' ')), null, { timeout: 20000 });
    const text = (await page.locator('.part.panel').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\[activate\] Mattermost Payloads \d+\.\d+\.\d+ activated/);
    await screenshot(page, 'show-log');
    await filter.fill('');
  });
});
