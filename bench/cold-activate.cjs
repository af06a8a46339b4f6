// Child process for bench/run.mjs: loads dist/extension.js in plain Node with the `vscode` stub and
// times module evaluation and activate() separately. Also counts `new Function` (how ajv compiles a
// schema) during both, to prove that no schema is compiled at load or activation.
'use strict';
const Module = require('module');
const path = require('path');
const t0 = process.hrtime.bigint();
const stub = require('./vscode-stub.cjs');
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return stub;
  return origLoad.call(this, request, parent, isMain);
};
let functionCalls = 0;
const RealFunction = globalThis.Function;
globalThis.Function = new Proxy(RealFunction, {
  construct(t, args) { functionCalls++; return Reflect.construct(t, args); },
  apply(t, self, args) { functionCalls++; return Reflect.apply(t, self, args); },
});
const file = path.resolve(__dirname, '..', process.argv[2] || 'dist/extension.js');
const t1 = process.hrtime.bigint();
const ext = require(file);
const t2 = process.hrtime.bigint();
const memento = { get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} };
const context = {
  subscriptions: [],
  workspaceState: memento,
  globalState: memento,
  secrets: stub.__stub('secrets'),
  extensionUri: stub.__stub('extensionUri'),
  extensionPath: path.resolve(__dirname, '..'),
  asAbsolutePath: p => path.resolve(__dirname, '..', p),
  storageUri: undefined,
  globalStorageUri: stub.__stub('globalStorageUri'),
  logUri: stub.__stub('logUri'),
  extensionMode: 1,
  extension: { packageJSON: require('../package.json') },
  environmentVariableCollection: stub.__stub('env'),
};
let error;
const t3 = process.hrtime.bigint();
try {
  ext.activate(context);
} catch (e) {
  error = String(e && e.stack || e);
}
const t4 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ stubSetup: ms(t0, t1), load: ms(t1, t2), activate: ms(t3, t4), functionCalls, subscriptions: context.subscriptions.length, error }));
