'use strict';
// Mocha's spec reporter, plus a stats file (MMP_STATS_FILE) so the harness can add up every layer,
// including the suites that run inside the VS Code extension host.
const fs = require('fs');
const pkg = require('mocha');
const Mocha = pkg.Mocha || pkg; // mocha 12 is ESM: require() returns a namespace

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String(err && err.message || err).split('\n')[0] }));
    runner.once('end', () => {
      const file = process.env.MMP_STATS_FILE;
      if (!file) return;
      const s = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending, failures }));
    });
  }
}

module.exports = CountingReporter;
