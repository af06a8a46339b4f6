// Runs the mocha files of one folder inside the extension host (the @vscode/test-electron
// contract: the host loads extensionTestsPath and awaits its exported run()).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import type MochaType from 'mocha';

export function runMochaFolder(folder: string): Promise<void> {
  // The extension host forwards console output without printf formatting, and mocha captures
  // console.log when it loads: patch it first, and copy every line to the harness's log file.
  const logFile = process.env.MMP_LOG_FILE;
  const original = console.log.bind(console);
  const log = (...args: unknown[]) => {
    const line = util.format(...args);
    if (logFile) fs.appendFileSync(logFile, line + '\n');
    original(line);
  };
  console.log = log;
  // mocha 12 is ESM-only: the extension host (CommonJS) gets a namespace from require(), synchronously,
  // before any test file loads; `import()` would be compiled to the same require() here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha is ESM-only, loaded synchronously (see above)
  const pkg = require('mocha') as typeof MochaType | { Mocha: typeof MochaType };
  const Mocha = 'Mocha' in pkg ? pkg.Mocha : pkg;
  Mocha.reporters.Base.consoleLog = log;
  // The harness's reporter is plain JS in the source tree; this file runs from out/test/integration.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time path outside the compiled tree
  const Reporter = require(path.resolve(__dirname, '../../../test/harness/reporter.js')) as MochaType.ReporterConstructor;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: Reporter });
  for (const f of fs.readdirSync(folder).filter(f => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(folder, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures: number) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
