'use strict';
// The lint layer of `npm test`, and `npm run lint`:
//   - ESLint with eslint.config.mjs (typescript-eslint's type-aware rules on src/ and test/, `vscode` kept out of
//     src/core, ESLint's recommended rules on the build, bench and harness scripts);
//   - knip with knip.json: files nothing imports, exports and types nothing imports, dependencies nothing uses,
//     packages imported but not listed in package.json.
// Counted per file: a file is "passed" when neither tool reports anything in it, "failed" otherwise.
// Usage: node test/harness/lint.js [--fix]   (--fix applies ESLint's safe fixes; knip's findings are never auto-fixed)
const { spawnSync } = require('child_process');
const path = require('path');
const { root } = require('./paths');

/** Runs ESLint; returns { files: Map<relative path, string[] findings>, linted: Set<relative path> }. */
async function runEslint(fix) {
  const { ESLint } = require('eslint');
  const eslint = new ESLint({ cwd: root, fix, errorOnUnmatchedPattern: false });
  const results = await eslint.lintFiles(['.']);
  if (fix) await ESLint.outputFixes(results);
  const files = new Map();
  const linted = new Set();
  for (const r of results) {
    const rel = path.relative(root, r.filePath).split(path.sep).join('/');
    linted.add(rel);
    for (const m of r.messages) {
      const where = m.line ? `${m.line}:${m.column}` : '';
      const finding = `${where.padEnd(8)} ${m.severity === 2 ? 'error' : 'warning'}  ${m.message.replace(/\s+/g, ' ')}  ${m.ruleId || ''}`;
      files.set(rel, [...(files.get(rel) || []), finding]);
    }
  }
  return { files, linted };
}

const KNIP_LABELS = {
  files: 'unused file (nothing imports it)', exports: 'unused export', types: 'unused exported type',
  nsExports: 'unused export in namespace', nsTypes: 'unused type in namespace', enumMembers: 'unused enum member',
  classMembers: 'unused class member', namespaceMembers: 'unused namespace member', duplicates: 'duplicate export',
  dependencies: 'unused dependency', devDependencies: 'unused devDependency', optionalPeerDependencies: 'unused optional peer dependency',
  unlisted: 'imported but not in package.json', unresolved: 'unresolved import', binaries: 'binary from no listed package',
  catalog: 'unused catalog entry',
};

/** Runs knip; returns Map<relative path, string[] findings>, or throws when knip itself fails. */
function runKnip() {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'knip', 'bin', 'knip.js'), '--reporter', 'json', '--no-progress'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // knip exits 0 when clean, 1 when it found something, 2 and more when it could not run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`knip exited ${r.status}: ${(r.stderr || '').trim().split('\n').slice(0, 5).join(' / ')}`);
  let report;
  try { report = JSON.parse(r.stdout); } catch { throw new Error(`knip printed no JSON report: ${(r.stderr || r.stdout || '').trim().slice(0, 300)}`); }
  const files = new Map();
  for (const issue of report.issues || []) {
    for (const [type, list] of Object.entries(issue)) {
      if (!Array.isArray(list) || list.length === 0) continue;
      for (const item of list) {
        const entries = Array.isArray(item) ? item : [item]; // duplicates come as arrays of names
        const name = entries.map(e => e.name).join(' = ');
        const where = entries[0].line ? `${entries[0].line}:${entries[0].col}` : '';
        const finding = `${where.padEnd(8)} error  ${KNIP_LABELS[type] || type}: ${name}  knip/${type}`;
        files.set(issue.file, [...(files.get(issue.file) || []), finding]);
      }
    }
  }
  return files;
}

/** The layer: prints the findings, returns the harness's stats shape. */
async function lintLayer({ fix = false } = {}) {
  const failures = [];
  const byFile = new Map();
  let linted = new Set();
  const add = (files) => { for (const [f, list] of files) byFile.set(f, [...(byFile.get(f) || []), ...list]); };
  try {
    const e = await runEslint(fix);
    linted = e.linted;
    add(e.files);
  } catch (err) {
    failures.push({ title: 'eslint could not run', error: err && err.message || String(err) });
  }
  try {
    add(runKnip());
  } catch (err) {
    failures.push({ title: 'knip could not run', error: err && err.message || String(err) });
  }
  const bad = [...byFile.keys()].sort();
  const position = (finding) => { const m = /^(\d+):(\d+)/.exec(finding); return m ? Number(m[1]) * 1e6 + Number(m[2]) : 0; };
  for (const f of bad) {
    console.log(`\n${f}`);
    for (const line of byFile.get(f).sort((a, b) => position(a) - position(b))) console.log(`  ${line}`);
    const n = byFile.get(f).length;
    failures.push({ title: f, error: `${n} problem${n === 1 ? '' : 's'}` });
  }
  // failed: the files with findings, plus one for each linter that could not run.
  const failed = failures.length;
  const passed = new Set([...linted, ...bad]).size - bad.length;
  console.log(`\nlint: ${passed} files clean, ${bad.length} with problems${failures.length > bad.length ? ', and a linter could not run' : ''}`);
  return { passed, failed, pending: 0, failures };
}

module.exports = { lintLayer };

if (require.main === module) {
  lintLayer({ fix: process.argv.includes('--fix') }).then(r => process.exit(r.failed > 0 ? 1 : 0), e => {
    console.error(e && e.message || e);
    process.exit(1);
  });
}
