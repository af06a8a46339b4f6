// For scale, not a budget: the least work that places problems in a JSON text in JavaScript. A bare
// recursive scanner that finds the value offsets of some paths (strings skipped with the native
// indexOf, no early stop, no linting, no messages). The benchmark times it next to JSON.parse on the
// 2 KB payloads, to show how much of the "≤ 3× JSON.parse with errors" budget placing alone takes.

function stringEnd(text, i) {
  let q = text.indexOf('"', i + 1);
  while (q >= 0) {
    if (text.charCodeAt(q - 1) !== 92) return q + 1;
    let b = q - 2;
    while (b > i && text.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
  return text.length;
}

function ws(text, i) {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
  return i;
}

function valueEnd(text, i) {
  const c = text.charCodeAt(i);
  if (c === 34) return stringEnd(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 34) j = stringEnd(text, j) - 1;
      else if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i + 1;
  for (; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
  }
  return j;
}

/** Visits the container at `i` whose trie node `n` has children; fills their offsets; returns its end. */
function visit(text, i, n) {
  const kids = n.children;
  const isObject = text.charCodeAt(i) === 123;
  i = ws(text, i + 1);
  let index = 0;
  while (i < text.length && text.charCodeAt(i) !== (isObject ? 125 : 93)) {
    let child;
    if (isObject) {
      const ks = i;
      const ke = stringEnd(text, i);
      i = ws(text, ws(text, ke) + 1);
      for (const [name, node] of kids) {
        if (typeof name === 'string' && name.length === ke - ks - 2 && text.startsWith(name, ks + 1)) child = node;
      }
    } else child = kids.get(index++);
    let ve;
    if (child !== undefined) {
      child.start = i;
      const c = text.charCodeAt(i);
      ve = child.children && (c === 123 || c === 91) ? visit(text, i, child) : valueEnd(text, i);
      child.end = ve;
    } else ve = valueEnd(text, i);
    i = ws(text, ve);
    if (text.charCodeAt(i) === 44) i = ws(text, i + 1);
  }
  return i + 1;
}

/** [start, end) of the value at each path (keys written without escapes), or [-1, -1]. */
export function placePaths(text, paths) {
  const root = { children: new Map(), start: -1, end: -1 };
  const nodes = paths.map(p => {
    let n = root;
    for (const seg of p) {
      let c = n.children?.get(seg);
      if (!c) (n.children ??= new Map()).set(seg, (c = { children: undefined, start: -1, end: -1 }));
      n = c;
    }
    return n;
  });
  visit(text, ws(text, 0), root);
  return nodes.map(n => [n.start, n.end]);
}
