// Mocha root hooks for the UI layer: stop the shared workbench after all tests, and keep a
// screenshot of every failed test in test-results/.
import { screenshot, stopWorkbench, workbench } from './workbench';

export const mochaHooks = {
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (test && test.state === 'failed') {
      const wb = await workbench().catch(() => undefined);
      if (wb) await screenshot(wb.page, `FAILED-${test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`).catch(() => undefined);
    }
  },
  async afterAll() {
    await stopWorkbench();
  },
};
