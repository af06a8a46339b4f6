import { Rule } from './types';

export const propsAttachmentType: Rule = {
  id: 'props-attachment-type',
  severity: 'warning',
  description: 'REST post: a props.attachments value of the wrong type; the post is stored, but the server cannot read that attachment and only logs it.',
  kinds: ['post'],
};
