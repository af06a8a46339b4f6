/**
 * Standalone validators generated at build time (scripts/validators.mjs). esbuild replaces this module
 * with the generated code (scripts/esbuild-plugins.mjs), so the bundles validate without ajv and never
 * compile a schema. In the plain tsc build (unit tests) it stays empty and validate.ts compiles the
 * schemas with ajv on first use instead; both give the same results (test/unit/lint/validators.test.ts).
 */
import type { Kind } from './problem';
import type { CompiledValidator } from './validate';

/** @public validate.ts reads it through `require` (knip does not see that use), esbuild replaces it. */
export const precompiled: Partial<Record<Kind, CompiledValidator>> | undefined = undefined;
