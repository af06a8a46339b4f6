// Drives code-server's workbench in headless chromium. One code-server (with the extension installed
// from the .vsix the harness just packaged) and one browser page are shared by all UI tests.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

/** A module of the plain-JS harness in the source tree (this file runs from out/test/ui). */
function harnessModule<T>(file: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time path outside the compiled tree
  return require(path.join(__dirname, '..', '..', '..', 'test', 'harness', file)) as T;
}
const harness = harnessModule<{
  startCodeServer(opts: { dir: string; vsix: string }): Promise<{ url: string; userDataDir: string; stop(): Promise<void> }>;
}>('codeServer.js');
const browserHarness = harnessModule<{ launchBrowser(): Promise<{ page: Page; close(): Promise<void> }> }>('browser.js');
const paths = harnessModule<{ root: string; results: string; scratch(prefix: string): string }>('paths.js');

export interface Workbench {
  page: Page;
  url: string;
  workspace: string;
  /** Changes a user setting the way a person editing settings.json would. */
  setUserSetting(key: string, value: unknown): void;
  stop(): Promise<void>;
}

let current: Promise<Workbench> | undefined;

const resultsDir: string = process.env.MMP_RESULTS || paths.results;

/** Start code-server + chromium once; later calls return the same workbench. */
export function workbench(): Promise<Workbench> {
  current ??= start();
  return current;
}

async function start(): Promise<Workbench> {
  const vsix = process.env.MMP_VSIX;
  if (!vsix) throw new Error('MMP_VSIX is not set: run the UI tests through `npm test` (test/harness/run-all.js)');
  const dir: string = paths.scratch('ui-');
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(process.env.MMP_FIXTURE || path.join(paths.root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const cs = await harness.startCodeServer({ dir, vsix });
  const browser = await browserHarness.launchBrowser();
  const page: Page = browser.page;
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.statusbar').waitFor({ timeout: 60000 });
  return {
    page, url: cs.url, workspace,
    setUserSetting(key: string, value: unknown) {
      const file = path.join(cs.userDataDir, 'User', 'settings.json');
      const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (value === undefined) delete settings[key]; else settings[key] = value;
      fs.writeFileSync(file, JSON.stringify(settings, null, 2));
    },
    async stop() {
      await browser.close();
      await cs.stop();
      if (!process.env.MMP_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function stopWorkbench(): Promise<void> {
  if (current) { const wb = await current.catch(() => undefined); current = undefined; await wb?.stop(); }
}

/** F1, type the command's title, Enter (retried once: a closing quick input can swallow the palette). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      try { await input.waitFor({ state: 'visible', timeout: 3000 }); break; } catch { /* retry */ }
    }
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) { last = e; }
  }
  throw last;
}

/** Quick Open a workspace file by name and wait for its editor (retried: a closing quick input can swallow keys). */
export async function openFile(page: Page, name: string): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(name);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ timeout: 10000 });
      await row.click();
      await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 10000 });
      return;
    } catch (e) { last = e; }
  }
  throw last;
}

export async function notification(page: Page, text: string | RegExp): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: 30000 });
  return (await toast.innerText()).replace(/\s+/g, ' ').trim();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * After a suite that used the example integration: all editors closed, untitled ones (answers,
 * dialogs) discarded, the notifications cleared, the file it wrote removed, the example stopped.
 */
export async function endExampleSuite(page: Page | undefined, file: string | undefined, example: { child: { kill(): unknown } } | undefined): Promise<void> {
  if (page) {
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ }).click({ timeout: 5000 }).catch(() => undefined);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  }
  if (file) fs.rmSync(file, { force: true });
  example?.child.kill();
}
