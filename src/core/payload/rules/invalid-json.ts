// Follows MATTERMOST_RULES.md §1.2 (decode and repair), §4.2 (command responses: no repair) and §4.4.
import { rejectPhrase } from '../consequence';
import { ALL_KINDS, Rule } from './types';

export const invalidJson: Rule = {
  id: 'invalid-json',
  severity: 'error',
  description: 'JSON the server cannot parse (after its newline/tab repair for incoming webhooks), an empty body, or trailing content in a slash-command response.',
  kinds: ALL_KINDS,
  failed(ctx) {
    const d = ctx.decoded;
    if (d.empty && ctx.kind === 'outgoing') return; // not an error: nothing-posted
    const message = d.trailing
      ? `${rejectPhrase(ctx.kind)}: a slash-command response must be exactly one JSON value, and content follows it here.`
      : `${rejectPhrase(ctx.kind)}: it cannot parse the JSON here (${d.reason}).`;
    ctx.report({ path: [], at: d.error, message });
  },
};
