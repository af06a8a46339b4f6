/** eslint.config.mjs keeps `vscode` out of src/core, in every way a module can be loaded. */
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../../..');

const FORMS: [string, string][] = [
  ['import declaration', "import * as vscode from 'vscode';"],
  ['type-only import', "import type { Uri } from 'vscode';"],
  ['re-export', "export { window } from 'vscode';"],
  ['import = require', "import vscodeEq = require('vscode');"],
  ['require()', "const viaRequire = require('vscode');"],
  ['import()', "const viaImport = import('vscode');"],
  ['a subpath', "import sub from 'vscode/sub';"],
];

describe('ESLint config: src/core never imports vscode', function () {
  this.timeout(120000);
  let eslint: ESLint;
  before(() => {
    // Only the two rules under test; without type information, so that text need not be a file of the project.
    eslint = new ESLint({
      cwd: root,
      overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
      ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax',
    });
  });

  const problems = async (text: string, file: string) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
    return result.messages;
  };

  for (const [name, line] of FORMS) {
    it(`reports ${name} under src/core, not under src/vscode`, async () => {
      const inCore = await problems(line, 'src/core/payload/probe.ts');
      assert.ok(inCore.length >= 1, `not reported: ${line}`);
      assert.ok(inCore.every(m => m.severity === 2 && /never imports `vscode`/.test(m.message)), JSON.stringify(inCore));
      assert.deepStrictEqual(await problems(line, 'src/vscode/probe.ts'), []);
    });
  }

  it('leaves packages whose names only start with vscode alone', async () => {
    const text = "import * as ls from 'vscode-json-languageservice';\nconst uri = require('vscode-uri');\n";
    assert.deepStrictEqual(await problems(text, 'src/core/payload/probe.ts'), []);
  });
});
