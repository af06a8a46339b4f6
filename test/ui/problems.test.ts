import * as assert from 'assert';
import { openFile, screenshot, workbench } from './workbench';

describe('Problems panel', () => {
  it('shows what Mattermost will do with each problem of an invalid payload', async () => {
    const { page } = await workbench();
    await openFile(page, 'bad.incoming.json');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length >= 5, null, { timeout: 30000 });
    const texts = (await rows.allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    const all = texts.join('\n');
    // The file row, then one row per problem, each with its message, source, rule id and position.
    assert.match(all, /bad\.incoming\.json/);
    assert.match(all, /Mattermost rejects the whole request \(400 model\.incoming_hook\.parse_data\.app_error\).*Mattermost\s*\(?short-not-boolean\)?.*\[Ln 9, Col 54\]/);
    assert.match(all, /Mattermost ignores `?mrkdwn`?.*Mattermost\s*\(?unknown-key\)?.*\[Ln 3, Col 3\]/);
    assert.match(all, /Mattermost\s*\(?attachment-color\)?.*\[Ln 7, Col 16\]/);
    assert.match(all, /Mattermost\s*\(?slack-bold\)?.*\[Ln 2, Col 19\]/);
    // Severity icons: one error, two warnings, one info.
    assert.strictEqual(await page.locator('.markers-panel .monaco-list-row .codicon-error').count(), 1);
    assert.strictEqual(await page.locator('.markers-panel .monaco-list-row .codicon-warning').count(), 2);
    assert.strictEqual(await page.locator('.markers-panel .monaco-list-row .codicon-info').count(), 1);
    // Nothing from the built-in JSON validation on top of ours.
    assert.ok(!/\bjson\(/i.test(all), all);
    await screenshot(page, 'problems-panel');
  });
});
