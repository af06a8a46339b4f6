'use strict';
// For finding a block in the editor benchmarks (bench/editor/*Host.js, with MMP_BENCH_CPUPROF=<dir>): an inspector
// CPU profile of the thread that calls it (the extension host's), taken in-process, written as a .cpuprofile
// (open it in Chrome DevTools, or summarize it with `node bench/profile-top.mjs FILE`).
const fs = require('fs');
const path = require('path');

/** Starts profiling (sampling every `intervalUs`); the returned stop(file) writes the profile to `file`. */
async function startProfile(intervalUs = 100) {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
  return async file => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
  };
}

module.exports = { startProfile };
