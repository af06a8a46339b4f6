import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { startSandbox, Sandbox } from '../../src/sandbox/server';
import { SEED } from '../../src/sandbox/state';
import { notification, openFile, runCommand, screenshot, workbench } from './workbench';

async function quickInput(page: Page, title: string, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 20000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

async function quickPick(page: Page, label: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 20000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
}

describe('sending from the command palette', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox(); });
  after(async () => { await sandbox.close(); });

  it('"Send Payload to Webhook" posts the open payload to the sandbox', async () => {
    const { page } = await workbench();
    // Store a webhook through Manage Webhooks: the URL goes to secret storage, only the name is shown.
    await runCommand(page, 'Mattermost: Manage Webhooks');
    await quickPick(page, 'Add webhook');
    await quickInput(page, 'Add Webhook (1/2)', sandbox.webhookUrl('normal'));
    await quickInput(page, 'Add Webhook (2/2)', 'sandbox');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20000 });

    await openFile(page, 'good.incoming.json');
    await runCommand(page, 'Mattermost: Send Payload to Webhook');
    await quickPick(page, 'sandbox');
    // First send to this target from this workspace: a modal asks.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await dialog.innerText(), /Send the payload to webhook "sandbox"\?/);
    await dialog.locator('.monaco-button', { hasText: /^Send$/ }).click();
    const toast = await notification(page, /Mattermost answered 200 ok/);
    assert.match(toast, /Sent good\.incoming\.json to webhook "sandbox"/);
    assert.ok(!toast.includes(SEED.hooks.normal.id), 'the webhook key is shown');
    await screenshot(page, 'send-to-webhook');

    const hookCalls = sandbox.requests.filter(r => r.path === `/hooks/${SEED.hooks.normal.id}`);
    assert.strictEqual(hookCalls.length, 1, 'exactly one webhook request');
    assert.strictEqual(hookCalls[0].headers['content-type'], 'application/json');
    assert.strictEqual(sandbox.posts.length, 1, 'one post arrived');
    assert.strictEqual(sandbox.posts[0].channel_id, SEED.channels.townSquare.id);
    assert.ok(sandbox.posts[0].message.length > 0);
  });

  it('Cancel on the progress notification stops the send: nothing is posted, the history says cancelled', async () => {
    const { page } = await workbench();
    const hookPath = `/hooks/${SEED.hooks.normal.id}`;
    const calls = () => sandbox.requests.filter(r => r.path === hookPath).length;
    const before = { calls: calls(), posts: sandbox.posts.length };
    // the sandbox holds the request for 4 s, then drops it if the client has gone
    sandbox.inject({ kind: 'delay', ms: 4000, path: '/hooks/' });
    try {
      await openFile(page, 'good.incoming.json');
      await runCommand(page, 'Mattermost: Send Payload to Webhook');
      await quickPick(page, 'sandbox');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Sending good\.incoming\.json to webhook "sandbox"/ }).first();
      await toast.waitFor({ state: 'visible', timeout: 20000 });
      for (let i = 0; i < 100 && calls() === before.calls; i++) await new Promise(r => setTimeout(r, 50));
      assert.strictEqual(calls(), before.calls + 1, 'the request did not reach the sandbox');
      await screenshot(page, 'send-progress');
      await toast.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await toast.waitFor({ state: 'hidden', timeout: 20000 });

      await runCommand(page, 'Mattermost: Show Send History');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'cancelled by you' }).first();
      await row.waitFor({ state: 'visible', timeout: 20000 });
      assert.match(await row.innerText(), /good\.incoming\.json → webhook "sandbox"/);
      await page.keyboard.press('Escape');

      // past the delay: the sandbox saw the client go and posted nothing; nothing was sent again
      await new Promise(r => setTimeout(r, 4500));
      assert.strictEqual(sandbox.posts.length, before.posts, 'a cancelled send was posted');
      assert.strictEqual(calls(), before.calls + 1, 'the send was retried');
      assert.strictEqual(await page.locator('.notifications-toasts .notification-toast', { hasText: /Mattermost answered/ }).count(), 0, 'a success was shown');
    } finally {
      sandbox.clearFaults();
    }
  });
});
