// Follows MATTERMOST_RULES.md §1.3 step 5 (the type is forced when attachments survive decoding, step 2).
import { noAttachments } from '../../server/toPost';
import { Rule } from './types';
import { isObject } from './walk';

export const typeOverwritten: Rule = {
  id: 'type-overwritten',
  severity: 'warning',
  description: 'An incoming-webhook type that is replaced by slack_attachment because attachments are present.',
  kinds: ['incoming'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r) || !Array.isArray(r.attachments) || noAttachments(r.attachments)) return;
    if (typeof r.type !== 'string' || r.type === '' || r.type === 'slack_attachment') return;
    ctx.report({
      path: ['type'],
      message: `Mattermost replaces \`type\` ${JSON.stringify(r.type)} with \`slack_attachment\` because the message has attachments.`,
    });
  },
};
