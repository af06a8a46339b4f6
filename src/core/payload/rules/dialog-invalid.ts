// Follows MATTERMOST_RULES.md §5.1 step 4 and §5.3 (Dialog.IsValid, only logged). §8: that validation
// exists only since ≈ 6.1 ('dialog-validation-logged'); before it the message claims no log line.
import { loggedProblem } from '../consequence';
import { Rule } from './types';
import { isValidHttpUrl } from '../../server/urls';
import { utf8Length } from '../../server/runes';
import { has, isObject } from './walk';

export const dialogInvalid: Rule = {
  id: 'dialog-invalid',
  severity: 'warning',
  description: 'Dialog problems Dialog.IsValid only logs: title not 1–24 bytes, icon_url not http(s), duplicate element names.',
  kinds: ['dialog'],
  dependsOn: ['dialog-validation-logged'],
  check(ctx) {
    const r = ctx.root;
    if (!isObject(r)) return;
    const d = r.dialog;
    if (d === undefined || d === null) {
      ctx.report({ path: has(r, 'dialog') ? ['dialog'] : [], target: has(r, 'dialog') ? 'value' : 'open', message: loggedProblem(ctx.profile, 'dialog-validation-logged', `there is no \`dialog\` (title and elements)`) });
      return;
    }
    if (!isObject(d)) return;
    const title = d.title;
    if (title === undefined || title === null || title === '') {
      ctx.report({ path: has(d, 'title') ? ['dialog', 'title'] : ['dialog'], target: has(d, 'title') ? 'value' : 'key', message: loggedProblem(ctx.profile, 'dialog-validation-logged', `\`title\` is required (1–24 bytes)`) });
    } else if (typeof title === 'string' && utf8Length(title) > 24) {
      ctx.report({ path: ['dialog', 'title'], message: loggedProblem(ctx.profile, 'dialog-validation-logged', `\`title\` is ${utf8Length(title)} bytes, over the 24-byte limit`) });
    }
    const icon = d.icon_url;
    if (typeof icon === 'string' && icon !== '' && !isValidHttpUrl(icon)) {
      ctx.report({ path: ['dialog', 'icon_url'], message: loggedProblem(ctx.profile, 'dialog-validation-logged', `\`icon_url\` must be an http:// or https:// URL`) });
    }
    if (Array.isArray(d.elements)) {
      const seen = new Set<string>();
      d.elements.forEach((e, i) => {
        if (!isObject(e) || typeof e.name !== 'string' || e.name === '') return;
        if (seen.has(e.name)) {
          ctx.report({ path: ['dialog', 'elements', i, 'name'], message: loggedProblem(ctx.profile, 'dialog-validation-logged', `element name ${JSON.stringify(e.name)} is used twice, so one value overwrites the other in the submission`) });
        }
        seen.add(e.name);
      });
    }
  },
};
