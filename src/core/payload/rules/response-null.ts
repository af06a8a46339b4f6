// Follows MATTERMOST_RULES.md §4.3: a null entry in extra_responses is not skipped; handling it reads
// through a nil pointer after the top-level response is posted. What follows (no HTTP answer, the
// remaining extra responses not handled) is an inference, so the message says "may" and it is a warning.
import { Rule } from './types';
import { get } from './walk';

export const responseNull: Rule = {
  id: 'response-null',
  severity: 'warning',
  description: 'A null entry in a slash-command response\'s extra_responses: the server dereferences it, so the command may end without an answer and later extra responses may not be posted.',
  kinds: ['command'],
  check(ctx) {
    const list = get(ctx.root, 'extra_responses');
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      if (list[i] !== null) continue;
      ctx.report({
        path: ['extra_responses', i],
        message:
          'Mattermost does not skip a null in `extra_responses`: it panics on it after posting the responses before it, so the command may end without an answer and the extra responses after it may not be posted; remove it.',
      });
    }
  },
};
