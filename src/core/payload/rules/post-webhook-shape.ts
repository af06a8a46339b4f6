// Follows MATTERMOST_RULES.md §6.2 (a REST post has message and props.attachments).
import { Rule } from './types';
import { get, has, isObject } from './walk';

export const postWebhookShape: Rule = {
  id: 'post-webhook-shape',
  severity: 'warning',
  description: 'A webhook-shaped body (text, attachments) in a REST post, whose fields are message and props.attachments: the server ignores text and attachments.',
  kinds: ['post'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    const keys = Object.keys(r).filter(k => k === 'text' || k === 'attachments');
    if (keys.length === 0) return;
    const certain =
      (!has(r, 'text') || !has(r, 'message')) &&
      (!has(r, 'attachments') || get(r.props, 'attachments') === undefined) &&
      (r.props === undefined || r.props === null || isObject(r.props));
    for (const key of keys) {
      const message =
        key === 'text'
          ? 'Mattermost ignores `text` in a REST post (it is a webhook field), so this text is not posted; use `message`.'
          : 'Mattermost ignores top-level `attachments` in a REST post (a webhook field), so they are not shown; use `props.attachments`.';
      ctx.report({
        path: [key],
        target: 'key',
        message,
        fix: certain
          ? tools => {
              const out: Record<string, unknown> = {};
              for (const [k, v] of Object.entries(r)) {
                if (k === 'text') out.message = v;
                else if (k === 'attachments') out.props = { ...(isObject(r.props) ? r.props : {}), attachments: v };
                else if (k === 'props' && has(r, 'attachments')) continue;
                else out[k] = v;
              }
              const indent = /\n([ \t]+)"/.exec(tools.text)?.[1] ?? '  ';
              const whole = tools.range([], 'value');
              return { title: 'Convert to message + props.attachments', edits: [{ ...whole, newText: JSON.stringify(out, null, indent) }] };
            }
          : undefined,
      });
    }
  },
};
