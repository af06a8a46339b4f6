// What bench/run.mjs bundles into .bench/core.js (esbuild resolves the TypeScript sources): the core's lint
// entry points, as the extension host and the lint worker call them.
export { lint } from '../src/core/payload/lint';
export { LintRunner } from '../src/core/payload/lintAsync';
export { usesPrecompiledValidators } from '../src/core/payload/validate';
