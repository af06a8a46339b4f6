// Follows MATTERMOST_RULES.md §1.5 (request bodies: MaximumPayloadSizeBytes + 512), §1.6 (a delayed
// response POSTed to response_url goes through the same limit: 413) and §4.2 (command responses: 1 MiB).
import { ALL_KINDS, Rule } from './types';
import { isObject, utf8Length } from './walk';

/** Byte limits the server reads; beyond them the body is cut (webhooks) or refused (REST, 413). */
export const BODY_LIMIT: Record<string, number> = {
  incoming: 300000 + 512,
  dialog: 300000 + 512,
  post: 300000 + 512,
  command: 1024 * 1024,
  outgoing: 1024 * 1024,
};

/** The limit of a delayed slash-command response, POSTed to response_url (/hooks/commands/{id}). */
export const DELAYED_RESPONSE_LIMIT = 300000 + 512;

export const bodyTooLarge: Rule = {
  id: 'body-too-large',
  severity: 'error',
  description: 'A body over the server\'s read limit (300000 + 512 bytes by default for requests and delayed command responses, 1 MiB for command/outgoing responses).',
  kinds: ALL_KINDS,
  check(ctx) {
    // The 1 MiB limit is checked by the linter core; here only the lower limit of response_url.
    if (ctx.kind !== 'command' || ctx.text.length * 3 <= DELAYED_RESPONSE_LIMIT || ctx.text.length > BODY_LIMIT.command) return;
    const bytes = utf8Length(ctx.text);
    if (bytes <= DELAYED_RESPONSE_LIMIT || bytes > BODY_LIMIT.command) return;
    // on the top-level member that takes the most room
    let key: string | undefined;
    let most = -1;
    if (isObject(ctx.root)) {
      for (const k of Object.keys(ctx.root)) {
        const v = ctx.root[k];
        const n = typeof v === 'string' ? v.length : JSON.stringify(v)?.length ?? 0;
        if (n > most) {
          most = n;
          key = k;
        }
      }
    }
    ctx.report({
      path: key === undefined ? [] : [key],
      target: key === undefined ? 'open' : 'key',
      severity: 'warning',
      message: `Mattermost reads up to 1 MiB of a command's own answer, but refuses this ${bytes}-byte body as a delayed response to response_url (413 api.context.request_body_too_large.app_error; the default limit is 300000 + 512 bytes).`,
    });
  },
};
