// Follows MATTERMOST_RULES.md §1.1 and §4.4: both webhook kinds drop these props and overwrite webhook_display_name.
import { WEBHOOK_DROPPED_PROPS, WEBHOOK_OVERWRITTEN_PROPS } from '../../server/toPost';
import { Rule } from './types';
import { get, isObject } from './walk';

/** Why each of WEBHOOK_DROPPED_PROPS is dropped, and what to write instead. */
const DROPPED: Record<string, string> = {
  from_webhook: 'Mattermost drops `props.from_webhook`: it sets this itself.',
  override_username: 'Mattermost drops `props.override_username`: use the top-level `username` (needs EnablePostUsernameOverride).',
  override_icon_url: 'Mattermost drops `props.override_icon_url`: use the top-level `icon_url` (needs EnablePostIconOverride).',
  attachments: 'Mattermost drops `props.attachments` from webhook requests: put attachments in the top-level `attachments`.',
};

export const reservedProp: Rule = {
  id: 'reserved-prop',
  severity: 'warning',
  description: 'Webhook props the server drops (from_webhook, override_username, override_icon_url, attachments) or overwrites (webhook_display_name).',
  kinds: ['incoming', 'outgoing'],
  check(ctx) {
    const props = get(ctx.root, 'props');
    if (!isObject(props)) return;
    for (const key of Object.keys(props)) {
      let message = WEBHOOK_DROPPED_PROPS.includes(key) ? DROPPED[key] : undefined;
      if (!message && WEBHOOK_OVERWRITTEN_PROPS.includes(key)) {
        message = 'Mattermost overwrites `props.webhook_display_name` with the hook\'s display name.';
      }
      if (message) ctx.report({ path: ['props', key], target: 'key', message });
    }
  },
};
