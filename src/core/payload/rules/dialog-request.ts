// Follows MATTERMOST_RULES.md §5.1 steps 2 and 3 (empty url: 400; trigger id checks).
import { Rule } from './types';
import { has, isObject } from './walk';

export const dialogRequest: Rule = {
  id: 'dialog-request',
  severity: 'error',
  description: 'An open-dialog request without url or trigger_id, which is rejected with 400.',
  kinds: ['dialog'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    for (const [key, why] of [
      ['trigger_id', '(400 interactive_message.decode_trigger_id.missing_data): `trigger_id` is empty; use the one from the command or click that opens the dialog'],
      ['url', '(400 api.context.invalid_body_param.app_error): `url`, where the submission is sent, is required'],
    ]) {
      const v = r[key];
      if (v !== undefined && v !== null && v !== '') continue;
      ctx.report({ path: has(r, key) ? [key] : [], target: has(r, key) ? 'value' : 'open', message: `Mattermost rejects the request ${why}.` });
    }
  },
};
