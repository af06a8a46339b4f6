// ESLint (flat config). `npm run lint` runs it; `npm test` runs it as its `lint` layer, together with knip
// (unused exports and files: see knip.json), before the unit layer.
//
// - src/ and test/ (TypeScript): typescript-eslint's recommended type-aware rules, typed through the project's
//   tsconfig.json (projectService).
// - The build, bench and harness scripts (.mjs, .cjs, .js, plain Node): ESLint's recommended JavaScript rules.
// - src/core never imports `vscode`, by `import`, `import type`, `export … from`, `import x = require()`,
//   `import('vscode')` or `require('vscode')`: the core runs on plain Node (the CLI, the lint worker, the unit tests).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscodeInCore = 'src/core runs on plain Node (CLI, lint worker, unit tests): it never imports `vscode`. '
  + 'Put editor code in src/vscode and pass what the core needs as plain values or a small interface.';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', '.bench/', 'test-results/', 'test/fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // TypeScript: src/ and test/, type-aware.
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // `_name` marks a parameter or binding that is there for its position or its type only.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },

  // Test files: mocha's `describe`/`it` take async callbacks whose promises mocha awaits.
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },

  // The core never imports `vscode`.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: noVscodeInCore }],
        patterns: [{ group: ['vscode/*'], message: noVscodeInCore }],
      }],
      // `require('vscode')` and `import('vscode')` are not import declarations, so no-restricted-imports does
      // not see them: match them by syntax. (test/unit/project/eslint-config.test.ts checks every form.)
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='require'][arguments.0.value=/^vscode(\\u002F|$)/]", message: noVscodeInCore },
        { selector: "ImportExpression[source.value=/^vscode(\\u002F|$)/]", message: noVscodeInCore },
      ],
    },
  },

  // Plain-Node scripts: build, bench, test harness.
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
