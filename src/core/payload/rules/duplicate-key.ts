// Follows MATTERMOST_RULES.md §1.2 (Go decoding: a key that appears twice, the last one wins).
import { ALL_KINDS, Rule } from './types';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  severity: 'warning',
  description: 'Two keys that fill the same field ("text" and "Text"): the server keeps only the last one.',
  kinds: ALL_KINDS,
};
