// Follows MATTERMOST_RULES.md §6.2: at save, an entry of props.attachments that does not decode is dropped.
import { Rule } from './types';

export const propsAttachmentType: Rule = {
  id: 'props-attachment-type',
  severity: 'warning',
  description: 'REST post: a props.attachments value of the wrong type; the post is stored without that attachment (it does not decode, so the server drops it).',
  kinds: ['post'],
};
