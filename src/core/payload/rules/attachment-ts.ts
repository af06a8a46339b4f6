import { ONLY_LOGGED } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import { attachments, describeType } from './walk';

export const attachmentTs: Rule = {
  id: 'attachment-ts',
  severity: 'warning',
  description: 'An attachment ts that is neither a string nor a number; only logged as invalid.',
  kinds: MESSAGE_KINDS,
  check(ctx) {
    for (const a of attachments(ctx.root, ctx.kind)) {
      const ts = a.v.ts;
      if (ts === undefined || ts === null || typeof ts === 'string' || typeof ts === 'number') continue;
      ctx.report({ path: [...a.path, 'ts'], message: `${ONLY_LOGGED}: \`ts\` must be a string or a number, not ${describeType(ts)}.` });
    }
  },
};
