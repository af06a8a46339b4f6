// Mattermost Blocks, Block Kit and Adaptive Cards in the live preview (issue 13), read from the DOM the webview
// shows in a real workbench: every block type, the layout the clients give them, a collapsible that opens
// without script, and pictures (one of them the README's).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { css, inPreview, openWritten } from './previewFrame';
import { runCommand, screenshot, workbench } from './workbench';

const COMMAND = 'Mattermost: Open Preview to the Side';

/** A status card with every block type, its buttons and menu wired to the registry. */
const STATUS_CARD = {
  text: 'Deployment #42 finished.',
  props: {
    mm_blocks: [
      { type: 'container', border: true, accent_color: 'good', content: [
        { type: 'text', text: '#### :white_check_mark: `api` deployed to **staging**' },
        { type: 'column_set', columns: [
          { type: 'column', width: 'stretch', items: [
            { type: 'text', text: 'Version', is_subtle: true, size: 'small' },
            { type: 'text', text: '**2.4.0**' },
          ] },
          { type: 'column', width: 'stretch', items: [
            { type: 'text', text: 'Duration', is_subtle: true, size: 'small' },
            { type: 'text', text: '4m 12s' },
          ] },
          { type: 'column', items: [{ type: 'image', url: 'https://img.example.com/alice.png', alt_text: 'Alice', size: 'xsmall', image_style: 'person' }] },
        ] },
        { type: 'divider' },
        { type: 'container', flow: 'horizontal', gap: 'small', content: [
          { type: 'button', text: 'View logs', style: 'primary', action_id: 'view_logs' },
          { type: 'button', text: 'Roll back', style: 'danger', action_id: 'rollback' },
          { type: 'static_select', action_id: 'next_step', placeholder: 'Select next step…',
            options: [{ text: 'Promote to production', value: 'promote' }, { text: 'Run smoke tests', value: 'smoke' }] },
        ] },
        { type: 'collapsible', header: [{ type: 'text', text: '**Details**' }], content: [
          { type: 'text', text: '3 services restarted, 0 errors. cc @release-team' },
        ] },
      ] },
    ],
    mm_blocks_actions: {
      view_logs: { type: 'external', url: 'https://integration.example.com/actions/view-logs', context: { deployment_id: '42' } },
      rollback: { type: 'external', url: 'https://integration.example.com/actions/rollback', context: { deployment_id: '42' } },
      next_step: { type: 'external', url: 'https://integration.example.com/actions/next-step', context: { deployment_id: '42' } },
    },
  },
};

/** MM_BLOCKS.md §10 E-4, Block Kit. */
const BLOCK_KIT = {
  text: 'Block Kit',
  props: {
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*Hello* from Block Kit' } },
      { type: 'divider' },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'OK' }, action_id: 'block_kit_demo' }] },
    ],
    mm_blocks_actions: { block_kit_demo: { type: 'external', url: 'https://hooks.example.com/bk' } },
  },
};

/** MM_BLOCKS.md §10 E-4, Adaptive Card. */
const CARD = {
  text: 'Adaptive Card',
  props: {
    cards: [{ type: 'AdaptiveCard', version: '1.5',
      body: [
        { type: 'TextBlock', text: 'See [here](mmaction://cardmd)' },
        { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'OK', id: 'submit1' }] },
      ],
      actions: [{ type: 'Action.Submit', title: 'Footer', id: 'footer1', style: 'positive' }] }],
    mm_blocks_actions: {
      cardmd: { type: 'external', url: 'https://hooks.example.com/c' },
      submit1: { type: 'external', url: 'https://hooks.example.com/c' },
      footer1: { type: 'external', url: 'https://hooks.example.com/c' },
    },
  },
};

const FILES: Record<string, unknown> = {
  'ui-blocks.incoming.json': STATUS_CARD,
  'ui-blockkit.incoming.json': BLOCK_KIT,
  'ui-card.incoming.json': CARD,
};

async function box(frame: Frame, selector: string) {
  const b = await frame.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is not visible`);
  return b;
}

describe('live preview of Mattermost Blocks (webview DOM)', () => {
  let page: Page;
  let workspace = '';

  before(async () => {
    const wb = await workbench();
    page = wb.page;
    workspace = wb.workspace;
    for (const [name, payload] of Object.entries(FILES)) fs.writeFileSync(path.join(workspace, name), JSON.stringify(payload, null, 2) + '\n');
    await runCommand(page, 'View: Close All Editors');
  });

  after(async () => {
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    for (const name of Object.keys(FILES)) fs.rmSync(path.join(workspace, name), { force: true });
  });

  it('draws every block type beside its source, laid out as Mattermost\'s clients do', async () => {
    await openWritten(page, 'ui-blocks.incoming.json');
    await runCommand(page, COMMAND);
    await page.locator('.tab', { hasText: 'Preview: ui-blocks.incoming.json' }).first().waitFor({ timeout: 20000 });
    await inPreview(page, 'Preview: ui-blocks.incoming.json', async frame => {
      await frame.locator('[data-testid="blocks"][data-format="mm_blocks"]').waitFor();
      const types = new Set(await frame.locator('[data-testid="block"]').evaluateAll(els => els.map(el => el.getAttribute('data-type'))));
      for (const t of ['text', 'image', 'divider', 'button', 'static_select', 'container', 'collapsible', 'column_set', 'column']) assert.ok(types.has(t), `no ${t} block drawn`);

      // the bordered container carries the "good" accent bar
      assert.strictEqual(await css(frame, '[data-testid="block"][data-path="props.mm_blocks.0"]', 'border-left-color'), 'rgb(0, 193, 0)');
      // Markdown, emoji and mentions in text blocks
      assert.strictEqual(await frame.locator('[data-testid="block"][data-type="text"] h4 code').first().innerText(), 'api');
      // columns side by side; stretch columns share the width, the auto one takes what its image needs
      const c1 = await box(frame, '[data-path="props.mm_blocks.0.content.1.columns.0"]');
      const c2 = await box(frame, '[data-path="props.mm_blocks.0.content.1.columns.1"]');
      const c3 = await box(frame, '[data-path="props.mm_blocks.0.content.1.columns.2"]');
      assert.ok(Math.abs(c1.y - c2.y) < 2 && Math.abs(c2.y - c3.y) < 2, 'the columns are not on one row');
      assert.ok(c1.x < c2.x && c2.x < c3.x, 'the columns are out of order');
      assert.ok(Math.abs(c1.width - c2.width) < 2 && c3.width < c1.width, `widths ${c1.width} ${c2.width} ${c3.width}`);
      // the subtle label is muted and small
      assert.strictEqual(await css(frame, '[data-path="props.mm_blocks.0.content.1.columns.0.items.0"]', 'font-size'), '12px');
      // a horizontal container: buttons and the menu on one row
      const view = await box(frame, '[data-testid="block-button"][data-action-id="view_logs"]');
      const roll = await box(frame, '[data-testid="block-button"][data-action-id="rollback"]');
      const menu = await box(frame, '[data-testid="block-select"]');
      assert.ok(Math.abs(view.y - roll.y) < 4 && roll.x > view.x && menu.x > roll.x, 'the action row is not a row');
      // primary is a filled button; danger a tinted one; all inert
      assert.notStrictEqual(await css(frame, '[data-action-id="view_logs"]', 'background-color'), await css(frame, '[data-action-id="rollback"]', 'background-color'));
      assert.strictEqual(await frame.locator('[data-testid="block-select"]').isDisabled(), true);
      assert.deepStrictEqual(await frame.locator('[data-testid="block-select"] option').allInnerTexts(), ['Select next step…', 'Promote to production', 'Run smoke tests']);
      // the image is a placeholder: remote images are off by default
      assert.strictEqual(await frame.locator('[data-testid="block"][data-type="image"] [data-testid="image-placeholder"]').count(), 1);
      assert.strictEqual(await frame.locator('img').count(), 0);
      // a divider is a rule across the card
      const rule = await box(frame, '[data-testid="block"][data-type="divider"]');
      assert.ok(rule.width > c1.width * 2, 'the divider does not cross the card');
      // the collapsible starts collapsed and opens without script
      const hidden = frame.locator('[data-testid="block-collapsible-content"]');
      assert.strictEqual(await hidden.isVisible(), false, 'the collapsible did not start collapsed');
      assert.strictEqual(await frame.locator('script').count(), 0);
    });

    // README picture: source and preview side by side, the side bar and panel hidden
    if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Toggle Panel Visibility');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.waitForTimeout(500);
    await screenshot(page, 'preview-blocks');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');

    // opening the collapsible is the browser's own <details> behaviour: no script runs in the webview
    await inPreview(page, 'Preview: ui-blocks.incoming.json', async frame => {
      await frame.locator('[data-testid="block-collapsible-header"]').click();
      await frame.locator('[data-testid="block-collapsible-content"]').waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await frame.locator('[data-testid="block-collapsible-content"]').innerText(), /3 services restarted/);
    });
    await screenshot(page, 'preview-blocks-expanded');
  });

  it('draws Block Kit and Adaptive Cards as Mattermost translates them', async () => {
    await openWritten(page, 'ui-blockkit.incoming.json');
    await runCommand(page, COMMAND);
    await inPreview(page, 'Preview: ui-blockkit.incoming.json', async frame => {
      await frame.locator('[data-testid="blocks"][data-format="blocks"]').waitFor();
      // Slack's *bold* is Mattermost's italic: shown as the clients show it
      assert.strictEqual(await frame.locator('[data-testid="block"][data-type="text"] em').first().innerText(), 'Hello');
      assert.strictEqual(await frame.locator('[data-testid="block"][data-type="divider"]').count(), 1);
      assert.deepStrictEqual(await frame.locator('[data-testid="block-button"]').allInnerTexts(), ['OK']);
    });
    await screenshot(page, 'preview-block-kit');

    await openWritten(page, 'ui-card.incoming.json');
    await inPreview(page, 'Preview: ui-card.incoming.json', async frame => {
      await frame.locator('[data-testid="blocks"][data-format="cards"]').waitFor();
      assert.deepStrictEqual(await frame.locator('[data-testid="block-button"]').allInnerTexts(), ['OK', 'Footer']);
      assert.deepStrictEqual(await frame.locator('[data-testid="block-button"]').evaluateAll(bs => bs.map(b => b.getAttribute('data-style'))), ['default', 'primary']);
    });
    await screenshot(page, 'preview-adaptive-card');
  });
});
