// Child process for bench/run.mjs: "first diagnostics" cost in a fresh process — load the bundled
// core (same esbuild build as dist/extension.js) and lint a 2 KB payload once, lazy validator included.
'use strict';
const t0 = process.hrtime.bigint();
const core = require(process.argv[2]);
const t1 = process.hrtime.bigint();
const text = require('fs').readFileSync(process.argv[3], 'utf8');
const t2 = process.hrtime.bigint();
const problems = core.lint(text, 'incoming');
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ load: ms(t0, t1), firstLint: ms(t2, t3), total: ms(t0, t1) + ms(t2, t3), problems: problems.length }));
