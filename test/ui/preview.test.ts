// The live preview in a real workbench (code-server in headless chromium), checked on the DOM the
// webview actually shows. Payloads are written into the workspace here, so these tests do not
// depend on other fixtures.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Dialog, Page } from 'playwright-core';
import { css, inPreview, openWritten, previewFrame } from './previewFrame';
import { runCommand, screenshot, workbench } from './workbench';

const COMMAND = 'Mattermost: Open Preview to the Side';

const RICH = {
  username: 'deploy-bot',
  text: '#### Release 2.4.0 is live\nAll checks passed on `main`. Read <https://example.com/changelog|what changed>, cc @release-team',
  attachments: [
    {
      fallback: 'Release 2.4.0 deployed to production',
      color: 'good',
      pretext: 'Deployment finished in **4m 12s**',
      author_name: 'CI Pipeline',
      title: 'Production deploy #1842',
      title_link: 'https://ci.example.com/deploys/1842',
      text: 'Rolled out to 12 of 12 nodes with _zero_ errors.',
      fields: [
        { title: 'Environment', value: 'production', short: true },
        { title: 'Version', value: '`2.4.0`', short: true },
        { title: 'Commit', value: '[a1b2c3d](https://git.example.com/commit/a1b2c3d) Fix the flaky login test', short: false },
        { title: 'Duration', value: '4m 12s', short: true },
        { title: 'Triggered by', value: '@alice', short: true },
      ],
      footer: 'CI Pipeline',
      ts: 1718000000,
      actions: [
        { id: 'rollback', name: 'Roll back', style: 'danger', integration: { url: 'https://hooks.example.com/rollback' } },
        { id: 'promote', name: 'Promote to EU', style: 'primary', integration: { url: 'https://hooks.example.com/promote' } },
        { id: 'region', type: 'select', name: 'Pick a region', options: [{ text: 'eu-west', value: 'eu-west' }, { text: 'us-east', value: 'us-east' }], integration: { url: 'https://hooks.example.com/region' } },
      ],
    },
    {
      fallback: '2 flaky tests quarantined',
      color: '#ff0000',
      title: '2 flaky tests quarantined',
      text: '- `login.spec.ts`\n- `upload.spec.ts`',
    },
  ],
};

const LONG_TEXT = 'All work and no play makes Jack a dull boy. '.repeat(450); // 19800 runes: two posts

const INJECTION = {
  username: '<b>bold?</b>',
  text: "<script>alert('text')</script> <img src=x onerror=alert('img')> [click me](javascript:alert('md')) <javascript:alert('slack')|slack link>",
  attachments: [{
    fallback: 'x',
    color: "\"><script>alert('color')</script>",
    title: "</h1><script>alert('title')</script>",
    title_link: "javascript:alert('title_link')",
    text: '<iframe src="https://evil.example.com"></iframe>',
    fields: [{ title: '<style>body{display:none}</style>', value: "<svg onload=alert('svg')>", short: true }],
    actions: [{ id: 'x', name: "<img src=x onerror=alert('button')>", integration: { url: 'https://hooks.example.com/x' } }],
  }],
};

const DIALOG = {
  trigger_id: 'trigger',
  url: 'https://example.com/submit',
  dialog: {
    callback_id: 'feedback',
    title: 'Send feedback',
    introduction_text: 'Tell us **how it went**.',
    submit_label: 'Send',
    elements: [
      { display_name: 'Your name', name: 'name', type: 'text', placeholder: 'Jane Doe' },
      { display_name: 'Email', name: 'email', type: 'text', subtype: 'email', optional: true },
      { display_name: 'Comments', name: 'comments', type: 'textarea', help_text: 'Plain text only.' },
      { display_name: 'Rating', name: 'rating', type: 'select', default: '5', options: [{ text: 'Great', value: '5' }, { text: 'OK', value: '3' }] },
      { display_name: 'Assignee', name: 'assignee', type: 'select', data_source: 'users', optional: true },
      { display_name: 'Subscribe', name: 'subscribe', type: 'bool', placeholder: 'Send me updates', optional: true },
      { display_name: 'Priority', name: 'priority', type: 'radio', options: [{ text: 'Low', value: 'low' }, { text: 'High', value: 'high' }] },
      { display_name: 'Due date', name: 'due', type: 'date', optional: true },
    ],
  },
};

describe('live preview (webview DOM)', () => {
  let page: Page;
  let workspace = '';
  const written = ['ui-rich.incoming.json', 'ui-long.incoming.json', 'ui-inject.incoming.json', 'ui-form.dialog.json'];
  const dialogs: string[] = [];
  const onDialog = (d: Dialog) => { dialogs.push(d.message()); void d.dismiss().catch(() => undefined); };

  before(async () => {
    const wb = await workbench();
    page = wb.page;
    workspace = wb.workspace;
    page.on('dialog', onDialog);
    const write = (name: string, payload: unknown) => fs.writeFileSync(path.join(wb.workspace, name), JSON.stringify(payload, null, 2) + '\n');
    write('ui-rich.incoming.json', RICH);
    write('ui-long.incoming.json', { text: LONG_TEXT });
    write('ui-inject.incoming.json', INJECTION);
    write('ui-form.dialog.json', DIALOG);
    await runCommand(page, 'View: Close All Editors');
  });

  after(async () => {
    page?.off('dialog', onDialog);
    // Leave the shared workbench as we found it: no editors of ours, and none of our files (their
    // lint problems would show in later tests' Problems panel).
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    for (const name of written) fs.rmSync(path.join(workspace, name), { force: true });
  });

  it('renders an incoming webhook beside its source: field layout, colours, links, buttons', async () => {
    await openWritten(page, 'ui-rich.incoming.json');
    await runCommand(page, COMMAND);
    await page.locator('.tab', { hasText: 'Preview: ui-rich.incoming.json' }).first().waitFor({ timeout: 20000 });
    // Focus stays in the source editor.
    await page.locator('.tabs-container .tab.active[aria-label*="ui-rich.incoming.json"]').first().waitFor({ timeout: 5000 });
    await inPreview(page, 'Preview: ui-rich.incoming.json', async frame => {
      // Two short fields share a row; a long field takes a row of its own.
      const box = async (title: string) => {
        const b = await frame.locator('[data-testid="field"]', { has: frame.locator('[data-testid="field-title"]', { hasText: title }) }).boundingBox();
        assert.ok(b, `field "${title}" is not visible`);
        return b;
      };
      const env = await box('Environment');
      const version = await box('Version');
      const commit = await box('Commit');
      const duration = await box('Duration');
      const by = await box('Triggered by');
      assert.ok(Math.abs(env.y - version.y) < 2, 'Environment and Version are not on one row');
      assert.ok(version.x > env.x + env.width / 2, 'Version is not to the right of Environment');
      assert.ok(commit.y >= Math.max(env.y + env.height, version.y + version.height) - 1, 'the long field is not below the short pair');
      assert.ok(commit.width > env.width * 1.6, 'the long field is not full width');
      assert.ok(duration.y >= commit.y + commit.height - 1 && Math.abs(duration.y - by.y) < 2, 'Duration and Triggered by do not share the next row');

      // Colour bars: "good" is Mattermost's green, a custom hex colour is used as is.
      assert.strictEqual(await css(frame, '[data-testid="attachment"][data-index="0"] [data-testid="attachment-box"]', 'border-left-color'), 'rgb(0, 193, 0)');
      assert.strictEqual(await css(frame, '[data-testid="attachment"][data-index="1"] [data-testid="attachment-box"]', 'border-left-color'), 'rgb(255, 0, 0)');

      // Links open outside, are http(s), and the Slack <url|label> form became a link.
      const links = await frame.locator('[data-testid="preview"] a').evaluateAll(as => as.map(a => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel'), text: a.textContent })));
      assert.ok(links.length >= 3, `expected links, got ${JSON.stringify(links)}`);
      for (const l of links) {
        // a button or menu with an integration: a link to the extension's one preview command, never to the network
        if (/^command:/.test(l.href ?? '')) { assert.match(l.href ?? '', /^command:mattermostPayloads\.preview\.action\?%5B%7B%22path%22/, `unexpected command link ${l.href}`); continue; }
        assert.match(l.href ?? '', /^https?:\/\//, `unsafe href ${l.href}`);
        assert.strictEqual(l.target, '_blank');
        assert.match(l.rel ?? '', /noopener/);
      }
      assert.ok(links.some(l => l.text === 'what changed' && l.href === 'https://example.com/changelog'), 'the Slack link was not converted');
      assert.ok(links.some(l => l.text === 'Production deploy #1842' && l.href === 'https://ci.example.com/deploys/1842'), 'the title link is missing');

      // Buttons and the menu are drawn; having an integration.url, they are command links through the
      // extension (the webview itself never calls the integration), and the menu stays a disabled <select>.
      const buttons = frame.locator('[data-testid="action-button"]');
      assert.deepStrictEqual(await buttons.allInnerTexts(), ['Roll back', 'Promote to EU']);
      assert.deepStrictEqual(await buttons.evaluateAll(bs => bs.map(b => `${b.tagName} ${/^command:mattermostPayloads\.preview\.action\?/.test(b.getAttribute('href') ?? '')}`)), ['A true', 'A true']);
      assert.strictEqual(await frame.locator('[data-testid="action-select"]').isDisabled(), true);
      assert.strictEqual(await frame.locator('[data-testid="action-choose"]').count(), 1);
      assert.notStrictEqual(await css(frame, '[data-testid="action-button"][data-style="danger"]', 'color'),
        await css(frame, '[data-testid="action-button"][data-style="primary"]', 'color'), 'danger and primary buttons look the same');

      // The username override is marked as needing the server setting; no script in the document.
      await frame.locator('[data-testid="override-note"]').waitFor();
      assert.strictEqual(await frame.locator('script').count(), 0);
    });

    // README picture: hide the side bar (and any panel an earlier test opened) so source and preview share the window.
    if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Toggle Panel Visibility');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.waitForTimeout(500); // let the layout settle before the picture
    await screenshot(page, 'preview-incoming');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  });

  it('follows the VS Code theme (light and dark)', async () => {
    await openWritten(page, 'ui-rich.incoming.json');
    await runCommand(page, COMMAND);
    const look = async (bodyClass: string) => {
      const deadline = Date.now() + 20000;
      for (;;) {
        const seen = await inPreview(page, 'Preview: ui-rich.incoming.json', async f => ({
          cls: (await f.locator('body').getAttribute('class')) ?? '',
          bg: await css(f, 'body', 'background-color'),
          fg: await css(f, 'body', 'color'),
          link: await css(f, '[data-testid="attachment-title"] a', 'color'),
        }));
        if (seen.cls.split(/\s+/).includes(bodyClass)) return seen;
        if (Date.now() > deadline) throw new Error(`the preview body never got class ${bodyClass} (has "${seen.cls}")`);
        await page.waitForTimeout(250);
      }
    };
    let toggled = false;
    try {
      const light = await look('vscode-light');
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      toggled = true;
      const dark = await look('vscode-dark');
      await screenshot(page, 'preview-dark');
      const brightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
      assert.ok(brightness(light.bg) > brightness(dark.bg), `light ${light.bg} vs dark ${dark.bg}`);
      assert.ok(brightness(light.fg) < brightness(dark.fg), `text ${light.fg} vs ${dark.fg}`);
      assert.notStrictEqual(light.link, dark.link, 'links keep one colour in both themes');
    } finally {
      if (toggled) {
        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
        await look('vscode-light');
      }
    }
  });

  it('follows the active editor and shows a long message as the posts the server will create', async () => {
    await openWritten(page, 'ui-long.incoming.json');
    await inPreview(page, 'Preview: ui-long.incoming.json', async frame => {
      const labels = await frame.locator('[data-testid="split-label"]').allInnerTexts();
      assert.deepStrictEqual(labels, ['Post 1 of 2', 'Post 2 of 2']);
      assert.strictEqual(await frame.locator('[data-testid="split-post"]').count(), 2);
      const lengths = await frame.locator('[data-testid="split-post"] [data-testid="post-text"]').evaluateAll(ps => ps.map(p => Array.from((p.textContent ?? '').trim()).length));
      assert.ok(lengths[0] <= 16383 && lengths[0] > 16000, `first post has ${lengths[0]} runes`);
      assert.ok(lengths[0] + lengths[1] >= LONG_TEXT.trim().length - 2, `posts lose text: ${lengths.join(', ')}`);
    });
    await screenshot(page, 'preview-split');
  });

  it('shows a script-injection payload as text and runs none of it', async () => {
    await openWritten(page, 'ui-inject.incoming.json');
    await previewFrame(page, 'Preview: ui-inject.incoming.json');
    await page.waitForTimeout(1000); // give any injected handler a chance to fire (it must not)
    await inPreview(page, 'Preview: ui-inject.incoming.json', async frame => {
      assert.deepStrictEqual(dialogs, [], 'an alert/confirm/prompt fired');
      assert.strictEqual(await frame.locator('script').count(), 0, 'a <script> element reached the DOM');
      assert.strictEqual(await frame.locator('iframe, svg, object, embed').count(), 0, 'an embedded element reached the DOM');
      assert.strictEqual(await frame.locator('body style').count(), 0, 'a <style> element reached the body');
      assert.strictEqual(await frame.locator('img').count(), 0, 'an <img> reached the DOM');
      const handlers = await frame.locator('*').evaluateAll(els => els.flatMap(el => Array.from(el.attributes).filter(a => /^on/i.test(a.name)).map(a => `${el.tagName}[${a.name}]`)));
      assert.deepStrictEqual(handlers, [], 'an event-handler attribute reached the DOM');
      const hrefs = await frame.locator('[href]').evaluateAll(els => els.map(el => el.getAttribute('href') ?? ''));
      assert.ok(hrefs.every(h => !/^\s*javascript:/i.test(h)), `a javascript: link survived: ${hrefs.join(' ')}`);

      // The payload text is visible literally.
      const text = await frame.locator('[data-testid="post-text"]').innerText();
      assert.ok(text.includes("<script>alert('text')</script>"), `post text: ${text}`);
      assert.ok(text.includes("<img src=x onerror=alert('img')>"), `post text: ${text}`);
      assert.strictEqual(await frame.locator('[data-testid="post-username"]').innerText(), '<b>bold?</b>');
      assert.strictEqual(await frame.locator('[data-testid="action-button"]').innerText(), "<img src=x onerror=alert('button')>");
      assert.ok((await frame.locator('[data-testid="attachment-title"]').innerText()).includes("</h1><script>alert('title')</script>"));
      assert.strictEqual(await frame.locator('[data-testid="field-title"]').innerText(), '<style>body{display:none}</style>');
      assert.ok(await frame.locator('[data-testid="preview"]').isVisible(), 'the injected style hid the page');
      assert.strictEqual(await frame.title(), 'Preview: ui-inject.incoming.json');
    });
    await screenshot(page, 'preview-injection');
  });

  it('shows a dialog as the modal with every element type', async () => {
    await openWritten(page, 'ui-form.dialog.json');
    await runCommand(page, COMMAND); // the command again: the same panel, now on this file
    await inPreview(page, 'Preview: ui-form.dialog.json', async frame => {
      const dialog = frame.locator('[data-testid="dialog"]');
      assert.strictEqual(await dialog.getAttribute('role'), 'dialog');
      assert.strictEqual(await frame.locator('[data-testid="dialog-title"]').innerText(), 'Send feedback');
      assert.strictEqual((await frame.locator('[data-testid="dialog-submit"]').innerText()).trim(), 'Send');
      assert.match(await frame.locator('[data-testid="dialog-intro"] strong').innerText(), /how it went/);
      const types = await frame.locator('[data-testid="dialog-element"]').evaluateAll(els => els.map(el => el.getAttribute('data-type')));
      assert.deepStrictEqual(types, ['text', 'text', 'textarea', 'select', 'select', 'bool', 'radio', 'date']);
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-subtype="email"] input').getAttribute('type'), 'email');
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-type="textarea"] textarea').count(), 1);
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-name="rating"] select option:checked').innerText(), 'Great');
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-type="radio"] input[type="radio"]').count(), 2);
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-type="bool"] input[type="checkbox"]').count(), 1);
      assert.strictEqual(await frame.locator('[data-testid="dialog-element"][data-type="date"] input[type="date"]').count(), 1);
      assert.match(await frame.locator('[data-testid="dialog-element"][data-name="assignee"] [data-testid="dialog-data-source"]').innerText(), /users/);
      // Inert: every control is disabled.
      const enabled = await frame.locator('[data-testid="dialog"] input:not([disabled]), [data-testid="dialog"] select:not([disabled]), [data-testid="dialog"] textarea:not([disabled])').count();
      assert.strictEqual(enabled, 0, 'a dialog control is enabled');
    });
    await screenshot(page, 'preview-dialog');
  });
});
