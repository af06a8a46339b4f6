import { Rule } from './types';
import { isObject } from './walk';

export const typeOverwritten: Rule = {
  id: 'type-overwritten',
  severity: 'warning',
  description: 'An incoming-webhook type that is replaced by slack_attachment because attachments are present.',
  kinds: ['incoming'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r) || !Array.isArray(r.attachments) || r.attachments.length === 0) return;
    if (typeof r.type !== 'string' || r.type === '' || r.type === 'slack_attachment') return;
    ctx.report({
      path: ['type'],
      message: `Mattermost replaces \`type\` ${JSON.stringify(r.type)} with \`slack_attachment\` because the message has attachments.`,
    });
  },
};
