import { ALL_KINDS, Rule } from './types';

export const bodyTooLarge: Rule = {
  id: 'body-too-large',
  severity: 'error',
  description: 'A body over the server\'s read limit (300000 + 512 bytes by default for requests, 1 MiB for command/outgoing responses).',
  kinds: ALL_KINDS,
};
