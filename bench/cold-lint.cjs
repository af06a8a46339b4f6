// Child process for bench/run.mjs: "first diagnostics" cost in a fresh process — load the bundled
// core and lint a 2 KB payload once, lazy validator included. The core is dist/core.js, the chunk that
// dist/extension.js and dist/lintWorker.js require on their first lint (its modules under __modules), or
// a bundle that exports lint itself.
'use strict';
const t0 = process.hrtime.bigint();
const core = require(process.argv[2]);
const t1 = process.hrtime.bigint();
const text = require('fs').readFileSync(process.argv[3], 'utf8');
const t2 = process.hrtime.bigint();
const lint = core.__modules ? core.__modules['payload/lint'].lint : core.lint;
const problems = lint(text, 'incoming');
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ load: ms(t0, t1), firstLint: ms(t2, t3), total: ms(t0, t1) + ms(t2, t3), problems: problems.length }));
