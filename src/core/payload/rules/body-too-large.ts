import { ALL_KINDS, Rule } from './types';

export const bodyTooLarge: Rule = {
  id: 'body-too-large',
  severity: 'error',
  description: 'A body over the server\'s read limit (300000 + 512 bytes by default for requests, 1 MiB for command/outgoing responses).',
  kinds: ALL_KINDS,
};

/** Byte limits the server reads; beyond them the body is cut (webhooks) or refused (REST, 413). */
export const BODY_LIMIT: Record<string, number> = {
  incoming: 300000 + 512,
  dialog: 300000 + 512,
  post: 300000 + 512,
  command: 1024 * 1024,
  outgoing: 1024 * 1024,
};
