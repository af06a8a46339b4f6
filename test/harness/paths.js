'use strict';
// Where the harness keeps things. Everything downloaded or built for tests lives under .vscode-test/,
// as @vscode/test-electron keeps its VS Code download there; test artifacts go to test-results/.
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..', '..');
const cache = path.join(root, '.vscode-test');
const results = path.join(root, 'test-results');

/** A short scratch folder: code-server puts Unix sockets under TMPDIR (path limit 107 bytes). */
function scratch(prefix) {
  const base = path.join(process.env.MMP_TMP || '/tmp', 'mmp');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, prefix));
}

module.exports = { root, cache, results, scratch };
