// esbuild plugins shared by esbuild.mjs and bench/: how the payload core is bundled (issue 6).
//  - src/core/payload/precompiled.ts becomes the ajv standalone validators generated from schemas/
//    (scripts/validators.mjs), so nothing is compiled at run time;
//  - `ajv` itself is replaced by a stub that throws: with precompiled validators it is never called,
//    and the compiler (~120 KB) stays out of every bundle;
//  - schemas/**/*.json imported by the core lose their annotations (descriptions, snippets): the core
//    only reads their structure (properties, items, $ref, x-go-map) to know the Go struct shapes.
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
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
