#!/usr/bin/env node
// Generates LENIENT copies of schemas/ into dist/schemas/ (same relative layout) for VS Code's built-in
// JSON language service (`contributes.jsonValidation`).
//
// Design decision: our linter (src/core/payload/lint.ts) is the ONLY source of schema and semantic
// problems, because only it knows what the Mattermost server really does (severities, case-insensitive
// keys, webhook repair, messages that say what the server will do). The built-in JSON service only
// reports syntax errors and provides completion, hover and snippets. So these copies keep titles,
// descriptions, markdownDescriptions, enum suggestions (+ markdownEnumDescriptions), defaultSnippets,
// defaults, examples and the properties/items/$ref structure, but can never fail validation: `type`,
// `required`, `additionalProperties: false`, `pattern`, length/number limits, `format`, `const`,
// `not` and conditionals are dropped, and every `enum` becomes `anyOf: [{ enum }, {}]` so the values are
// still offered as completions. `$id` is dropped so relative `$ref`s resolve against the file's own URL.
//
// These copies serve a payload file whose `$schema` names one of them by path (e.g.
// `node_modules/mattermost-payloads/dist/schemas/post.json`); package.json no longer associates them with
// payload files (`jsonValidation` is gone: the extension's own completion and hover follow the server profile).
//
// Also writes dist/annotated-schemas.json: the strict schemas as they are, descriptions included, in one
// file. The extension's completion and hover read it on first use (src/vscode/assist.ts), because the
// bundles' copies of the schemas lose their annotations (scripts/esbuild-plugins.mjs).
//
// Usage: node scripts/editor-schemas.mjs [srcDir] [outDir]   (defaults: schemas → dist/schemas)
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DROP = new Set([
  'type', 'required', 'pattern', 'patternProperties', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties',
  'maxProperties', 'format', 'not', 'if', 'then', 'else', 'dependencies', 'propertyNames', 'contains',
  'additionalItems', '$id', 'x-go-map',
]);
const SCHEMA_MAPS = new Set(['properties', 'definitions']);
const isEmpty = s => s && typeof s === 'object' && !Array.isArray(s) && Object.keys(s).length === 0;

/** Returns a copy of a (sub)schema that accepts every JSON value but keeps what completion and hover need. */
export function toEditorSchema(schema, enumAllowed = false) {
  if (typeof schema === 'boolean') return {};
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROP.has(key)) continue;
    if (key === 'additionalProperties') {
      if (value && typeof value === 'object') out[key] = toEditorSchema(value);
      continue;
    }
    if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEditorSchema(v)]));
    } else if (key === 'items') {
      out[key] = Array.isArray(value) ? value.map(v => toEditorSchema(v)) : toEditorSchema(value);
    } else if (key === 'anyOf' || key === 'oneOf') {
      const branches = value.map(b => toEditorSchema(b, true));
      if (!branches.some(isEmpty)) branches.push({});
      out.anyOf = [...(out.anyOf ?? []), ...branches];
    } else if (key === 'allOf') {
      out[key] = value.map(v => toEditorSchema(v));
    } else if (key === 'enum' && enumAllowed) {
      out[key] = value; // already a branch of an anyOf that has an empty (accept-all) branch
    } else if (key === 'enum' || key === 'const') {
      const values = key === 'enum' ? value : [value];
      const branch = { enum: values };
      if (schema.markdownEnumDescriptions) branch.markdownEnumDescriptions = schema.markdownEnumDescriptions;
      if (schema.enumDescriptions) branch.enumDescriptions = schema.enumDescriptions;
      out.anyOf = [branch, {}, ...(out.anyOf ?? [])];
    } else if ((key === 'markdownEnumDescriptions' || key === 'enumDescriptions') && !enumAllowed && (schema.enum || schema.const !== undefined)) {
      continue; // moved into the enum branch
    } else {
      out[key] = value; // titles, descriptions, defaultSnippets, default, examples, $ref, $schema, …
    }
  }
  return out;
}

function listJson(dir) {
  return readdirSync(dir).flatMap(name => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listJson(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

/** Writes the editor copy of every schema under srcDir into outDir; returns the written paths. */
export function generate(srcDir, outDir) {
  const written = [];
  for (const file of listJson(srcDir)) {
    const target = join(outDir, relative(srcDir, file));
    mkdirSync(dirname(target), { recursive: true });
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(target, JSON.stringify(toEditorSchema(schema), null, 2) + '\n');
    written.push(target);
  }
  return written;
}

/** Writes every schema under srcDir, unchanged, into one file `{ "schemas": [...] }` (for completion and hover). */
export function writeAnnotated(srcDir, file) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ schemas: listJson(srcDir).map(f => JSON.parse(readFileSync(f, 'utf8'))) }) + '\n');
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === self) {
  const root = resolve(dirname(self), '..');
  const src = resolve(process.argv[2] ?? join(root, 'schemas'));
  const out = resolve(process.argv[3] ?? join(root, 'dist', 'schemas'));
  const files = generate(src, out);
  if (!process.argv[3]) writeAnnotated(src, join(root, 'dist', 'annotated-schemas.json'));
  console.log(`editor-schemas: wrote ${files.length} lenient schemas to ${relative(process.cwd(), out) || '.'}`);
}
