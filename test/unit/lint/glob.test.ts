/**
 * The non-backtracking glob matcher (src/core/payload/glob.ts): agrees with the regex translation it
 * replaced on ordinary globs, never throws, and does bounded work on pathological globs. No timings
 * are asserted; work is bounded through the matcher's step counter (and mocha's timeout).
 */
import * as assert from 'assert';
import {
  MAX_GLOB_LENGTH,
  compileGlob,
  globMatchStats,
  globToRegExp,
  isGlob,
  matchGlob,
  matchPathOrBasename,
} from '../../../src/core/payload/glob';

// ---- The previous implementation, verbatim, as the reference -------------------------------------

function refEscape(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function refTranslate(glob: string): string {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (glob[i + 1] === '/' && atStart) {
          i++;
          re += '(?:[^/]*/)*'; // "**/" : zero or more directories
        } else {
          re += '.*';
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) {
      re += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += refEscape(glob[++i]);
    } else {
      re += refEscape(c);
    }
  }
  while (depth-- > 0) re += ')';
  return re;
}

function refMatchGlob(glob: string, path: string): boolean {
  const re = new RegExp(`^${refTranslate(glob.replace(/^\.\//, ''))}$`);
  return re.test(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

// ---- Tests --------------------------------------------------------------------------------------

describe('glob matcher (non-backtracking)', () => {
  describe('agrees with the previous regex implementation', () => {
    const globs = [
      '*.json',
      '**/*.json',
      '**',
      '*',
      '**/',
      '**/**',
      '**/**/*.json',
      'hooks/**',
      'hooks/**/x.json',
      'hooks/**/*.json',
      'hooks/*.json',
      'hooks/**/**/x.json',
      'a/**/b/**/c',
      'a**b',
      'a/**b',
      'a**/b',
      '**.json',
      '***.json',
      'x/***/y',
      '*/*',
      '*/**',
      '*.*',
      '?',
      '??',
      'a?.json',
      '?/?',
      '*.{hook,alert}.json',
      '{a,b/{c,d}}/*.json',
      '{a,b}',
      '{,a}b',
      '{}x',
      '{a,b',
      '{a,{b,c}',
      'a,b',
      'a}b',
      '{**/x,y}',
      '{a/**/x,y}',
      '[ab].json',
      '[!ab].json',
      '[^ab].json',
      '[a-c]*',
      '*[0-9].json',
      '[a-]x',
      '[-a]x',
      '[ab',
      'x[',
      '[',
      'a.b+c(1).json',
      '^$.json',
      '(a|b)',
      'a\\*b',
      '\\*',
      '\\?',
      '\\{a,b\\}',
      '{a\\,b,c}',
      'a\\',
      './hooks/*.json',
      './**/*.json',
      '',
      '.json',
      '*.hook.json',
      'deep/dir/*.hook.json',
      '**/node_modules/**',
      '**/*.{incoming,outgoing,command}.json',
    ];
    const paths = [
      '',
      'a',
      'b',
      'ab',
      'x',
      'y',
      'a.json',
      'b.json',
      'c.json',
      'ab.json',
      'a/.json',
      '.json',
      'a.b+c(1).json',
      'x.alert.json',
      'x.other.json',
      'x.hook.json',
      'deep/dir/x.hook.json',
      'dir/a.json',
      'x/y/a.json',
      'x/y/z/a.json',
      'hooks',
      'hooks/',
      'hooks/x.json',
      'hooks/a.json',
      'hooks/a/x.json',
      'hooks/a/b/x.json',
      'hooks/a/b.json',
      'other/x.json',
      'a/b',
      'a/b/c',
      'a/x/b/y/c',
      'a/b/c/d',
      'axb',
      'a/x/b',
      'a/b.json',
      'b/c/x.json',
      'b/d/x.json',
      'a/x.json',
      'b',
      'bb',
      'x/y',
      'a/x/y',
      'p/q/x',
      'x/z/y',
      'x//y',
      '//',
      '/',
      'a/',
      '/a',
      '0',
      'a5.json',
      'a-x',
      '-x',
      'cx',
      ']',
      'a]',
      '[ab',
      'x[',
      '[',
      'a*b',
      'aXb',
      '*',
      '?',
      'z',
      '{a,b}',
      'a,b',
      'a}b',
      'a,bc',
      'a\\',
      'c',
      '^$.json',
      '(a|b)',
      'n/node_modules/p/q.json',
      'x/y.incoming.json',
      'y.command.json',
      'y.post.json',
      './hooks/a.json',
      '.\\hooks\\a.json',
    ];
    it(`on ${globs.length} globs × ${paths.length} paths`, () => {
      const diffs: string[] = [];
      for (const g of globs) {
        for (const p of paths) {
          const want = refMatchGlob(g, p);
          if (matchGlob(g, p) !== want) diffs.push(`matchGlob(${JSON.stringify(g)}, ${JSON.stringify(p)}) should be ${want}`);
          if (globToRegExp(g).test(p.replace(/\\/g, '/').replace(/^\.\//, '')) !== want) {
            diffs.push(`globToRegExp(${JSON.stringify(g)}) on ${JSON.stringify(p)} should be ${want}`);
          }
        }
      }
      assert.deepStrictEqual(diffs, []);
    });

    it('on random globs and paths over a small alphabet', () => {
      // Deterministic LCG so failures reproduce.
      let seed = 12345;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const pieces = ['a', 'b', '/', '.', '*', '**', '**/', '?', '{a,b}', '{a/,}', '{*,b/**/}', '[ab]', '[a-b]', '\\*', '{', ',', '}'];
      const chars = ['a', 'b', '/', '.', '*'];
      const diffs: string[] = [];
      for (let n = 0; n < 3000; n++) {
        let g = '';
        for (let k = rand(7); k >= 0; k--) g += pieces[rand(pieces.length)];
        for (let m = 0; m < 8; m++) {
          let p = '';
          for (let k = rand(9); k > 0; k--) p += chars[rand(chars.length)];
          const want = refMatchGlob(g, p);
          if (matchGlob(g, p) !== want) diffs.push(`matchGlob(${JSON.stringify(g)}, ${JSON.stringify(p)}) should be ${want}`);
        }
      }
      assert.deepStrictEqual(diffs.slice(0, 10), []);
    });
  });

  describe('pathological globs', () => {
    const evil = '**a**a**a**a**a**a**a**a**b';
    const path45 = 'a'.repeat(45);

    it(`${evil} against a 45-character path is false, 200 times, with bounded work`, () => {
      const size = compileGlob(evil).size;
      for (let i = 0; i < 200; i++) {
        const before = globMatchStats.steps;
        assert.strictEqual(matchGlob(evil, path45), false);
        const steps = globMatchStats.steps - before;
        assert.ok(steps <= 2 * (path45.length + 1) * size, `${steps} steps for ${path45.length} × ${size}`);
      }
    });

    it('still matches correctly when the pathological glob should match', () => {
      assert.strictEqual(matchGlob(evil, `${path45}b`), true);
      assert.strictEqual(matchGlob(evil, `${'a/'.repeat(30)}b`), true);
      assert.strictEqual(matchGlob(evil, 'aaaaaaab'), false); // only 7 a's
    });

    it('does bounded work on star-heavy globs with long paths', () => {
      const globs = ['*a*a*a*a*a*a*a*a*a*b', '**/**/**/**/**/**/**/x', '{*,**}{*,**}{*,**}{*,**}{*,**}b', '?*?*?*?*?*?*b'];
      const path = `${'a/'.repeat(100)}${'a'.repeat(300)}`;
      for (const g of globs) {
        const size = compileGlob(g).size;
        for (let i = 0; i < 20; i++) {
          const before = globMatchStats.steps;
          assert.strictEqual(matchGlob(g, path), false, g);
          assert.ok(globMatchStats.steps - before <= 2 * (path.length + 1) * size, g);
        }
      }
    });

    it('compiles nested and many brace alternatives without expanding them', () => {
      const wide = `{${Array.from({ length: 200 }, (_, i) => `f${i}`).join(',')}}.json`;
      assert.ok(matchGlob(wide, 'f199.json'));
      assert.ok(!matchGlob(wide, 'f200.json'));
      const nested = '{a,b}'.repeat(40); // 2^40 expansions if expanded
      assert.ok(matchGlob(nested, 'ab'.repeat(20)));
      assert.ok(!matchGlob(nested, 'ab'.repeat(20) + 'c'));
      assert.ok(compileGlob(nested).size < 10 * nested.length);
    });

    it(`globs longer than ${MAX_GLOB_LENGTH} characters match nothing`, () => {
      const long = `${'a'.repeat(MAX_GLOB_LENGTH)}*`;
      assert.strictEqual(matchGlob(long, `${'a'.repeat(MAX_GLOB_LENGTH)}x`), false);
      assert.strictEqual(matchPathOrBasename(`**/${'*'.repeat(MAX_GLOB_LENGTH)}`, 'x/y.json'), false);
      assert.strictEqual(globToRegExp(long).test(`${'a'.repeat(MAX_GLOB_LENGTH)}x`), false);
      const edge = `${'a'.repeat(MAX_GLOB_LENGTH - 1)}*`; // exactly the limit still works
      assert.strictEqual(matchGlob(edge, `${'a'.repeat(MAX_GLOB_LENGTH - 1)}xyz`), true);
    });
  });

  describe('never throws', () => {
    it('[z-a].json matches nothing', () => {
      for (const p of ['a.json', 'z.json', 'm.json', '-.json', '[z-a].json', 'x/a.json']) {
        assert.doesNotThrow(() => matchGlob('[z-a].json', p));
        assert.strictEqual(matchGlob('[z-a].json', p), false, p);
        assert.strictEqual(matchPathOrBasename('[z-a].json', p), false, p);
        assert.strictEqual(globToRegExp('[z-a].json').test(p), false, p);
      }
    });

    it('a reversed range only drops that range from the class', () => {
      assert.ok(matchGlob('[z-ab].json', 'b.json'));
      assert.ok(!matchGlob('[z-ab].json', 'm.json'));
      assert.ok(matchGlob('[!z-a].json', 'm.json'));
    });

    it('on odd globs', () => {
      const odd = ['[', ']', '[[', '[]', '[!]', '[!', '{', '}', '{{{', '}}}', ',', '\\', '\\\\', '(', '[\\]', '[a-\\]', '**/**/', '*{', '?[', '[*-?]', '[\uffff-\u0000]', '\ud83d', '$', '.*'];
      for (const g of odd) {
        for (const p of ['', 'a', '[', ']', '{', '}', '/', 'a/b', '\\']) {
          assert.doesNotThrow(() => matchGlob(g, p), g);
          assert.doesNotThrow(() => matchPathOrBasename(g, p), g);
          assert.doesNotThrow(() => globToRegExp(g).test(p), g);
          assert.strictEqual(globToRegExp(g).test(p.replace(/\\/g, '/')), matchGlob(g, p), `${g} ${p}`);
        }
      }
    });
  });

  describe('semantics', () => {
    const cases: [string, string, boolean][] = [
      // braces
      ['{a,b}.json', 'a.json', true],
      ['{a,b}.json', 'c.json', false],
      ['x.{a,{b,c}}', 'x.c', true],
      ['x.{a,{b,c}}', 'x.{b,c}', false],
      ['{,pre-}x', 'x', true],
      ['{,pre-}x', 'pre-x', true],
      ['{a,b', 'b', true], // an unclosed group closes at the end
      ['a}', 'a}', true], // a stray } is literal
      ['a,b', 'a,b', true], // a comma outside braces is literal
      // classes
      ['[abc]', 'b', true],
      ['[abc]', 'd', false],
      ['[a-c]x', 'bx', true],
      ['[a-c]x', 'dx', false],
      ['[!a-c]x', 'dx', true],
      ['[!a-c]x', 'bx', false],
      ['[a-]', '-', true],
      ['[]]', ']', true],
      ['[ab', '[ab', true], // unclosed: a literal [
      ['[ab', 'a', false],
      ['a/[!b]/c', 'a/x/c', true],
      ['a[!b]c', 'a/c', false], // a negated class stays within one segment
      // escapes
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'axb', false],
      ['\\?', '?', true],
      ['\\?', 'x', false],
      ['\\[ab]', '[ab]', true],
      ['\\[ab]', 'a', false],
      ['\\{a,b\\}', '{a,b}', true],
      ['{a\\,b,c}', 'a,b', true],
      ['{a\\,b,c}', 'c', true],
      ['{a\\,b,c}', 'b', false],
      // stars
      ['*', 'a', true],
      ['*', '', true],
      ['*', 'a/b', false],
      ['?', '', false],
      ['?', '/', false],
      ['a**b', 'a/x/b', true],
      ['a/**', 'a/', true],
      ['a/**', 'a', false],
      // `**/` at a segment start: zero or more whole segments
      ['**/x.json', 'x.json', true],
      ['**/x.json', 'a/x.json', true],
      ['**/x.json', 'a/b/c/x.json', true],
      ['**/x.json', 'ax.json', false],
      ['**/x.json', '/x.json', true],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['a/**/b', 'ab', false],
      ['a/**/b', 'a/xb', false],
      ['a/**/**/b', 'a/b', true],
      ['x**/y', 'x/y', true], // not at a segment start: `**` then a literal `/`
      ['x**/y', 'xy', false],
      ['x**/y', 'xz/y', true],
      ['./**/*.json', 'a.json', true],
    ];
    for (const [glob, path, expected] of cases) {
      it(`${glob} ${expected ? 'matches' : 'does not match'} ${path || '(empty)'}`, () => {
        assert.strictEqual(matchGlob(glob, path), expected);
        assert.strictEqual(globToRegExp(glob).test(path), expected);
      });
    }
  });

  describe('API', () => {
    it('caches compiled globs', () => {
      assert.strictEqual(compileGlob('**/*.hook.json'), compileGlob('**/*.hook.json'));
      assert.strictEqual(globToRegExp('*.y'), globToRegExp('*.y'));
    });

    it('matchPathOrBasename falls back to the base name', () => {
      assert.ok(matchPathOrBasename('*.hook.json', 'deep\\dir\\x.hook.json'));
      assert.ok(matchPathOrBasename('x.json', 'a/b/x.json'));
      assert.ok(!matchPathOrBasename('b/x.json', 'a/c/x.json'));
      assert.ok(!matchPathOrBasename('[z-a]', 'a/b/z'));
    });

    it('isGlob', () => {
      for (const g of ['*.json', 'a?', '{a,b}', '[ab]']) assert.ok(isGlob(g), g);
      for (const g of ['a.json', 'dir/a.json', '']) assert.ok(!isGlob(g), g);
    });
  });
});
