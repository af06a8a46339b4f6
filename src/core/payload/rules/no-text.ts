import { noTextSpecified } from '../../server/toPost';
import { Rule } from './types';
import { isObject } from './walk';

export const noText: Rule = {
  id: 'no-text',
  severity: 'error',
  description: 'Incoming webhook with empty text and attachments absent or null: rejected with 400 "No text specified".',
  kinds: ['incoming'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    const { text, attachments } = r;
    if (!noTextSpecified(r)) return;
    const message = 'Mattermost rejects the request (400 web.incoming_webhook.text.app_error, "No text specified") because `text` is empty and there are no attachments.';
    if (text !== undefined) ctx.report({ path: ['text'], message });
    else if (attachments === null) ctx.report({ path: ['attachments'], message });
    else ctx.report({ path: [], target: 'open', message });
  },
};
