// Follows MATTERMOST_RULES.md §1.2 (Go decoding: a key that appears twice, the last one wins).
import { ALL_KINDS, Rule } from './types';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  severity: 'warning',
  description: 'Two keys that fill the same field ("text" and "Text"): the server keeps only the last one.',
  kinds: ALL_KINDS,
  decoded(ctx) {
    const { norm, locator } = ctx.read;
    const list = norm?.collisions;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      const winner = c.keys[c.keys.length - 1];
      for (const k of c.keys.slice(0, -1)) {
        const parentActual = norm!.actualPath(c.path.slice(0, -1));
        ctx.report({ path: [], at: locator.range([...parentActual, k], 'key'), message: `Mattermost ignores this \`${k}\`: the later \`${winner}\` fills the same field.` });
      }
    }
  },
};
