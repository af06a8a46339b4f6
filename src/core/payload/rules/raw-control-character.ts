import { Rule } from './types';

export const rawControlCharacter: Rule = {
  id: 'raw-control-character',
  severity: 'warning',
  description: 'Raw newlines or tabs inside text, fallback, pretext, author_name, title or value that only the incoming-webhook repair makes parse.',
  kinds: ['incoming'],
};
