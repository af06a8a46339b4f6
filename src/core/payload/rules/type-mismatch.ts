// Follows MATTERMOST_RULES.md §1.2 (a type mismatch fails the whole request), §5.1 step 1 and §6.2.
import { ALL_KINDS, Rule } from './types';

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  severity: 'error',
  description: 'A known field with the wrong JSON type (e.g. "text": 123, "props": [], "attachments": {}), which fails the server\'s decoding.',
  kinds: ALL_KINDS,
};
