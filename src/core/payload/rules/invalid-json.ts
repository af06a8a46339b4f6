import { ALL_KINDS, Rule } from './types';

export const invalidJson: Rule = {
  id: 'invalid-json',
  severity: 'error',
  description: 'JSON the server cannot parse (after its newline/tab repair for incoming webhooks), an empty body, or trailing content in a slash-command response.',
  kinds: ALL_KINDS,
};
