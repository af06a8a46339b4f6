// esbuild plugins shared by esbuild.mjs and bench/: how the payload core is bundled (issue 6).
//  - src/core/payload/precompiled.ts becomes the ajv standalone validators generated from schemas/
//    (scripts/validators.mjs), so nothing is compiled at run time;
//  - `ajv` itself is replaced by a stub that throws: with precompiled validators it is never called,
//    and the compiler (~120 KB) stays out of every bundle;
//  - schemas/**/*.json imported by the core lose their annotations (descriptions, snippets): the core
//    only reads their structure (properties, items, $ref, x-go-map) to know the Go struct shapes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorsSource, stripAnnotations } from './validators.mjs';

const SCHEMAS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schemas') + sep;

export function payloadCorePlugin() {
  let source;
  return {
    name: 'payload-core',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]payload[\\/]precompiled\.ts$/ }, () => {
        source ??= validatorsSource();
        return { contents: `${source}\nmodule.exports = { precompiled: { ...exports } };`, loader: 'js' };
      });
      build.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', namespace: 'ajv-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'ajv-stub' }, () => ({
        contents: 'module.exports = function () { throw new Error("ajv is not bundled: validators are precompiled (scripts/validators.mjs)"); };',
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]schemas[\\/].*\.json$/ }, args =>
        args.path.startsWith(SCHEMAS)
          ? { contents: JSON.stringify(stripAnnotations(JSON.parse(readFileSync(args.path, 'utf8')))), loader: 'json' }
          : undefined,
      );
    },
  };
}

// ---------- the shared core chunk (issue 12: size budgets) ----------
// The linter core (src/core/payload, src/core/server, src/core/json, with the precompiled validators) is
// bundled once, into dist/core.js. Not in it: the preview renderer (dist/preview.js, markdown-it), the
// Mattermost client (src/core/mattermost, commands.js; redact keeps its per-bundle copy as before), and the
// worker hosts (workerHost.ts, payload/lintAsync.ts), which the extension uses at activation and subclasses. The other shipped bundles (extension, commands, preview, the two
// workers) do not carry a copy: each import of a core module from outside the core becomes a small proxy
// whose exports are getters that require('./core.js') on first use. So activation does not evaluate the
// core, and the first lint loads it (the path bench/cold-lint.cjs measures).
const SRC_CORE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core') + sep;
const NOT_CORE = [/^preview[\\/]/, /^workerHost\.ts$/, /^payload[\\/]lintAsync\.ts$/, /^previewFit\.ts$/, /^mattermost[\\/]/];

/** Is this absolute source path part of dist/core.js? */
export function inCoreChunk(path) {
  if (!path.startsWith(SRC_CORE) || !path.endsWith('.ts')) return false;
  const rel = path.slice(SRC_CORE.length);
  return !NOT_CORE.some(re => re.test(rel));
}

/** Every module of the core chunk, as its key (path under src/core without .ts). */
function coreModules() {
  const out = [];
  const walk = dir => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (inCoreChunk(p) && !p.endsWith('.d.ts')) out.push(relative(SRC_CORE, p).slice(0, -3).split(sep).join('/'));
    }
  };
  walk(SRC_CORE);
  return out.sort();
}

/** Entry source of dist/core.js: every core module's namespace, by key. */
export function coreEntrySource() {
  // Each module behind a getter that require()s it: esbuild then wraps the modules in lazy initialisers, so
  // loading dist/core.js evaluates nothing and the first lint evaluates only what it reaches (an `import *`
  // of every module evaluated all of them, every kind's validators included, on load: ≈ 45 ms of the
  // "first diagnostics" budget).
  const mods = coreModules();
  return 'export const __modules = {};\n' + mods.map(m =>
    `Object.defineProperty(__modules, ${JSON.stringify(m)}, { enumerable: true, get() { return require(${JSON.stringify(SRC_CORE + m + '.ts')}); } });`).join('\n') + '\n';
}

function resolveTs(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const c of [base, base + '.ts', join(base, 'index.ts')]) if (c.endsWith('.ts') && existsSync(c)) return c;
  return undefined;
}

/**
 * Imports of core modules from outside the core become proxies onto dist/core.js.
 * `exportsOf(key)` lists a core module's export names (read from the built dist/core.js).
 */
export function coreChunkPlugin(exportsOf) {
  return {
    name: 'core-chunk',
    setup(build) {
      build.onResolve({ filter: /^\./ }, args => {
        if (args.namespace !== 'file' || inCoreChunk(args.importer)) return undefined;
        const target = resolveTs(args.importer, args.path);
        return target && inCoreChunk(target) ? { path: target, namespace: 'core-proxy' } : undefined;
      });
      build.onResolve({ filter: /^\.\/core\.js$/, namespace: 'core-proxy' }, () => ({ path: './core.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'core-proxy' }, args => {
        const key = relative(SRC_CORE, args.path).slice(0, -3).split(sep).join('/');
        const names = exportsOf(key);
        if (!names) throw new Error(`core chunk: no module ${key} in dist/core.js`);
        return {
          loader: 'js',
          contents: `var m;function g(){return m||(m=require('./core.js').__modules[${JSON.stringify(key)}]);}` +
            `Object.defineProperty(exports,'__esModule',{value:true});` +
            `for(const k of ${JSON.stringify(names)})Object.defineProperty(exports,k,{enumerable:true,get(){return g()[k];}});`,
        };
      });
    },
  };
}

/**
 * node-fetch 2 takes `require('url').URL || whatwgUrl.URL`: on Node ≥ 10 the built-in URL always wins, so
 * whatwg-url (and its tr46 Unicode tables, ~290 KB minified) is dead weight. It becomes Node's own URL.
 */
export function nodeUrlPlugin() {
  return {
    name: 'node-url',
    setup(build) {
      build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
      build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({ contents: "module.exports = { URL: require('url').URL };", loader: 'js' }));
    },
  };
}
