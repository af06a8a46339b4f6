// Follows MATTERMOST_RULES.md §3.1 and §3.2 (PostAction.IsValid, only logged): a missing or empty
// `type` is "invalid action type" too. §8: that validation exists only since ≈ 10.6 (behaviour
// 'log-only-validation'); before it the message says what the clients still do, without a log line.
import { ACTION_STYLES, isValidActionStyle } from '../../server/attachments';
import { support } from '../../server/profile';
import { loggedProblem } from '../consequence';
import { MESSAGE_KINDS, Rule } from './types';
import type { JsonPath as JsonPathAlias, RuleContext } from './types';
import { actions, isObject } from './walk';

const OPTION_KEYS = ['text', 'value'];

export const actionInvalid: Rule = {
  id: 'action-invalid',
  severity: 'warning',
  description: 'Interactive actions that PostAction.IsValid flags (missing name, missing or bad type, bad style, options on a button, a menu without or with both options and data_source, empty options) or whose id the click route cannot carry.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['log-only-validation'],
  check(ctx) {
    const items = actions(ctx.root, ctx.kind);
    for (let j = 0; j < items.length; j++) {
      const a = items[j];
      const v = a.v;
      const name = v.name;
      if (name === undefined || name === null || name === '') {
        if (name === undefined) bad(ctx, a.path, 'the action has no `name` (the button text or menu placeholder)', 'open');
        else bad(ctx, [...a.path, 'name'], 'the action `name` (button text or menu placeholder) is empty');
      }
      const type = typeof v.type === 'string' ? v.type : '';
      if (type !== 'button' && type !== 'select') {
        // the log line says "invalid action type"; where nothing is logged, what the clients do instead
        const logged = support(ctx.profile, 'log-only-validation') !== 'no';
        const why = (s: string) => (logged ? `invalid action type: ${s}` : `${s}, so clients may not show it as meant`);
        if (v.type === undefined || v.type === null) bad(ctx, v.type === null ? [...a.path, 'type'] : a.path, why('the action has no `type` (`button` or `select`)'), v.type === null ? 'value' : 'open');
        else if (typeof v.type === 'string') bad(ctx, [...a.path, 'type'], why(`\`type\` must be \`button\` or \`select\`, not ${JSON.stringify(type)}`));
      }
      const style = v.style;
      if (typeof style === 'string' && style !== '' && !isValidActionStyle(style)) {
        bad(ctx, [...a.path, 'style'], `\`style\` must be one of ${ACTION_STYLES.join(', ')} or #RRGGBB, not ${JSON.stringify(style)}`);
      }
      const options = Array.isArray(v.options) ? v.options : undefined;
      const ds = typeof v.data_source === 'string' ? v.data_source : '';
      if (type === 'button') {
        if (options && options.length > 0) bad(ctx, [...a.path, 'options'], 'a button cannot have `options`', 'key');
        if (ds !== '') bad(ctx, [...a.path, 'data_source'], 'a button cannot have a `data_source`', 'key');
      }
      if (type === 'select') {
        if (ds !== '' && ds !== 'users' && ds !== 'channels') bad(ctx, [...a.path, 'data_source'], `a menu's \`data_source\` must be \`users\` or \`channels\`, not ${JSON.stringify(ds)}`);
        else if (ds !== '' && options && options.length > 0) bad(ctx, [...a.path, 'options'], 'a menu needs either `options` or `data_source`, not both', 'key');
        else if (ds === '' && (!options || options.length === 0)) bad(ctx, v.options === undefined ? a.path : [...a.path, 'options'], 'a menu needs a non-empty `options` list or a `data_source`', v.options === undefined ? 'open' : 'value');
      }
      if (options) {
        // paths are built only for a problem: most options have none
        for (let i = 0; i < options.length; i++) {
          const o: unknown = options[i];
          if (o === null) bad(ctx, [...a.path, 'options', i], 'a menu option is null');
          else if (isObject(o)) {
            for (const k of OPTION_KEYS) {
              const s = o[k];
              if (s === undefined || s === '' || s === null) {
                const op = [...a.path, 'options', i];
                bad(ctx, s === undefined ? op : [...op, k], `each option needs a non-empty \`${k}\``, s === undefined ? 'open' : 'value');
              }
            }
          }
        }
      }
      const id = v.id;
      if (typeof id === 'string' && id !== '' && !routableId(id)) {
        ctx.report({
          path: [...a.path, 'id'],
          message: 'Mattermost cannot route clicks for this action (404): its click URL only accepts ids made of letters and digits.',
        });
      }
    }
  },
};

/** One finding (a module function: a closure per action was an allocation per action and lint). */
function bad(ctx: RuleContext, p: JsonPathAlias, why: string, target: 'key' | 'value' | 'open' = 'value'): void {
  ctx.report({ path: p, target, message: loggedProblem(ctx.profile, 'log-only-validation', why) });
}

/** What the click route carries, /^[A-Za-z0-9]+$/ for a non-empty id, as a loop (a regex test per action was this rule's hottest line). */
function routableId(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}
