import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../../src/core/payload/lint';
import { isKind, KINDS } from '../../../src/core/payload/problem';

const root = path.resolve(__dirname, '../../../..');

/**
 * Expands a VS Code snippet body with its defaults: ${1:default} (nested), $1 / ${1} (the text of the
 * first placeholder with that number), ${1|a,b|} (first choice), $0, and \$ \} \\ escapes.
 */
export function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  let i = 0;
  const parse = (stopAt: string | undefined): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (stopAt && c === stopAt) {
        return out;
      } else if (c === '$') {
        const simple = /^\$(\d+)/.exec(body.slice(i));
        if (simple) {
          i += simple[0].length;
          out += values.get(simple[1]) ?? '';
          continue;
        }
        const open = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
        if (!open) {
          out += c;
          i++;
          continue;
        }
        i += open[0].length;
        const n = open[1];
        if (open[2] === '}') out += values.get(n) ?? '';
        else if (open[2] === ':') {
          const inner = parse('}');
          i++; // the closing }
          if (!values.has(n)) values.set(n, inner);
          out += values.get(n);
        } else {
          const end = body.indexOf('|}', i);
          const first = body.slice(i, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
          i = end + 2;
          if (!values.has(n)) values.set(n, first);
          out += values.get(n);
        }
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return parse(undefined);
}

describe('snippet expansion helper', () => {
  it('expands placeholders, mirrors, choices, $0 and escapes', () => {
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $1 $2 ${3|x,y|} \\$x$0 ${1}'), 'a b a b b x $x a b');
  });
});

describe('snippets lint clean for their kind', () => {
  const files = fs.readdirSync(path.join(root, 'snippets')).filter(f => f.endsWith('.json'));
  it('there is one snippets file per kind', () => assert.deepStrictEqual(files.map(f => f.replace('.json', '')).sort(), [...KINDS].sort()));
  for (const file of files) {
    const kind = file.replace('.json', '');
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', file), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
    for (const [name, s] of Object.entries(snippets)) {
      it(`${file}: ${s.prefix} (${name})`, () => {
        assert.ok(isKind(kind));
        assert.match(s.prefix, /^mm-/);
        const text = expandSnippet(s.body.join('\n'));
        assert.doesNotThrow(() => JSON.parse(text), text);
        assert.deepStrictEqual(lint(text, kind as never).map(p => `${p.rule}: ${p.message}`), []);
      });
    }
  }
});

describe('schema defaultSnippets lint clean for their kind', () => {
  for (const kind of KINDS) {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${kind}.json`), 'utf8')) as { defaultSnippets: { label: string; body: unknown }[] };
    for (const s of schema.defaultSnippets) {
      it(`${kind}: ${s.label}`, () => {
        const text = expandSnippet(JSON.stringify(s.body, null, 2));
        assert.deepStrictEqual(lint(text, kind).map(p => `${p.rule}: ${p.message}`), []);
      });
    }
  }
});
