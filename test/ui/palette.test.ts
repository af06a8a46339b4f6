import * as assert from 'assert';
import { openFile, runCommand, screenshot, workbench } from './workbench';

describe('command palette', () => {
  it('lists the Mattermost commands and "Mattermost: Show Log" shows the log', async () => {
    const { page } = await workbench();
    await openFile(page, 'good.incoming.json'); // activates the extension
    await runCommand(page, 'Mattermost: Show Log');
    // The Output panel switches to our channel and shows the activation line.
    const output = page.locator('.panel .output-view, .part.panel .monaco-editor .view-lines').first();
    await output.waitFor({ state: 'visible', timeout: 20000 });
    // Monaco renders spaces as U+00A0.
    await page.waitForFunction(() => /Mattermost Payloads .* activated/.test(((document.querySelector('.part.panel') as HTMLElement | null)?.innerText ?? '').replace(/\u00a0/g, ' ')), null, { timeout: 20000 });
    const text = (await page.locator('.part.panel').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\[activate\] Mattermost Payloads \d+\.\d+\.\d+ activated/);
    await screenshot(page, 'show-log');
  });
});
