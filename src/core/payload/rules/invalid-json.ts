// Follows MATTERMOST_RULES.md §1.2 (decode and repair), §4.2 (command responses: no repair) and §4.4.
import { ALL_KINDS, Rule } from './types';

export const invalidJson: Rule = {
  id: 'invalid-json',
  severity: 'error',
  description: 'JSON the server cannot parse (after its newline/tab repair for incoming webhooks), an empty body, or trailing content in a slash-command response.',
  kinds: ALL_KINDS,
};
