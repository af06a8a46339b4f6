// Follows MATTERMOST_RULES.md §1.3 step 2: `[]` and all-null attachments count as absent.
import { noTextSpecified } from '../../server/toPost';
import { Rule } from './types';
import { isObject } from './walk';

export const noText: Rule = {
  id: 'no-text',
  severity: 'error',
  description: 'Incoming webhook with empty text and attachments absent, null, [] or only nulls: rejected with 400 "No text specified".',
  kinds: ['incoming'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    const { text, attachments } = r;
    if (!noTextSpecified(r)) return;
    const message = 'Mattermost rejects the request (400 web.incoming_webhook.text.app_error, "No text specified") because `text` is empty and there are no attachments (`[]` and `null` entries count as none).';
    if (text !== undefined) ctx.report({ path: ['text'], message });
    else if (attachments !== undefined) ctx.report({ path: ['attachments'], message });
    else ctx.report({ path: [], target: 'open', message });
  },
};
