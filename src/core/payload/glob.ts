/**
 * A small glob matcher: `**` (any number of path segments), `*` (within a segment), `?`, `{a,b}`
 * (nestable) and `[abc]` classes. Paths use `/`; backslashes are normalized.
 */

const cache = new Map<string, RegExp>();

function escape(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function translate(glob: string): string {
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
      re += escape(glob[++i]);
    } else {
      re += escape(c);
    }
  }
  while (depth-- > 0) re += ')';
  return re;
}

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${translate(glob.replace(/^\.\//, ''))}$`);
    cache.set(glob, re);
  }
  return re;
}

export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** True when `path` (workspace-relative) matches `glob`. */
export function matchGlob(glob: string, path: string): boolean {
  return globToRegExp(glob).test(normalizePath(path));
}

/** True when the path or its base name matches (so `*.hook.json` works in any folder). */
export function matchPathOrBasename(glob: string, path: string): boolean {
  const p = normalizePath(path);
  if (matchGlob(glob, p)) return true;
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base !== p && matchGlob(glob, base);
}

/** True when the glob has any wildcard (otherwise it names one file). */
export function isGlob(s: string): boolean {
  return /[*?{[]/.test(s);
}
