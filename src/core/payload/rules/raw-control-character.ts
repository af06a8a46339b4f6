// Follows MATTERMOST_RULES.md §1.2 step 3: the incoming-webhook repair makes these parse, so nothing is lost
// (information; a portability note: commands and other tools do not repair).
import { Rule } from './types';

export const rawControlCharacter: Rule = {
  id: 'raw-control-character',
  severity: 'information',
  description: 'Raw newlines or tabs inside text, fallback, pretext, author_name, title or value that only the incoming-webhook repair makes parse.',
  kinds: ['incoming'],
};
