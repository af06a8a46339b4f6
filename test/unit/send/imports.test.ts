import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// No import cycle in src: checked on the compiled modules (out/src, what runs: type-only imports are
// gone) and, for the editor adapters, on the sources with type imports included.
const out = path.resolve(__dirname, '../../../src');
const src = path.resolve(__dirname, '../../../../src');

type Graph = Map<string, string[]>;

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : []));
}

/** Relative module specifiers a file imports, requires or re-exports (type-only ones too, in .ts). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const re = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]*)['"]|\brequire\(\s*['"](\.{1,2}\/[^'"]*)['"]\s*\)|\bimport\(\s*['"](\.{1,2}\/[^'"]*)['"]\s*\)/g;
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

function graphOf(all: string[], ext: string): Graph {
  const known = new Set(all);
  const graph: Graph = new Map();
  for (const f of all) {
    const deps: string[] = [];
    for (const spec of specifiers(fs.readFileSync(f, 'utf8'))) {
      const base = path.resolve(path.dirname(f), spec);
      const hit = [base, base + ext, path.join(base, `index${ext}`)].find(c => known.has(c));
      if (hit) deps.push(hit);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as "a -> b -> a" paths relative to `root`. */
export function cycles(graph: Graph, root: string): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d].map(x => path.relative(root, x)).join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('imports: no cycle in src', () => {
  it('the cycle finder finds a cycle, and none where there is none', () => {
    const g: Graph = new Map([['/r/a', ['/r/b']], ['/r/b', ['/r/c']], ['/r/c', ['/r/a']], ['/r/d', ['/r/a']]]);
    assert.deepEqual(cycles(g, '/r'), ['a -> b -> c -> a']);
    assert.deepEqual(cycles(new Map([['/r/a', ['/r/b']], ['/r/b', []], ['/r/c', ['/r/b']]]), '/r'), []);
    assert.deepEqual(specifiers(`import type { A } from './a';\nimport * as b from "../b";\nexport { c } from './c';\nconst d = require('./d');\nimport './e';\nimport x from 'vscode';`), ['./a', '../b', './c', './d', './e']);
  });

  it('the compiled modules (what runs) import each other without a cycle', () => {
    const all = files(out, '.js');
    assert.ok(all.length > 50, `compiled sources not found in ${out}`);
    const graph = graphOf(all, '.js');
    assert.ok(graph.get(path.join(out, 'vscode', 'commands', 'send.js'))?.length, 'the walk sees the imports of commands/send.js');
    assert.deepEqual(cycles(graph, out), []);
  });

  it('the editor adapters and the send rules import each other without a cycle, type imports included', () => {
    const all = files(src, '.ts');
    const graph = graphOf(all, '.ts');
    const mine = (f: string) => /^(vscode|core[/\\]mattermost)[/\\]|^extension\.ts$/.test(path.relative(src, f));
    const sub: Graph = new Map([...graph].filter(([f]) => mine(f)).map(([f, deps]) => [f, deps.filter(mine)]));
    assert.ok(sub.size > 20);
    assert.deepEqual(cycles(sub, src), []);
  });
});
