// Follows MATTERMOST_RULES.md §5.2 and §5.3 (Dialog.IsValid, only logged), with the 11.6 date rules:
// validateRelativePattern, validateDateFormat, validateDateTimeFormat (commonDateTimeFormats).
import { loggedProblem } from '../consequence';
import { onServer, sinceText, support } from '../../server/profile';
import { JsonPath, Rule } from './types';
import { isValidHttpUrl } from '../../server/urls';
import { utf8Length } from '../../server/runes';
import { get, has, isObject, Obj } from './walk';

const SUBTYPES = ['', 'text', 'email', 'number', 'tel', 'url', 'password'];
const TYPES = ['text', 'textarea', 'select', 'bool', 'radio', 'date', 'datetime'];
const NAMED = /^(today|tomorrow|yesterday)$/;
/** A required sign, a number and d, w or m (months), any case, 3–5 characters in all. */
const RELATIVE = /^(?=.{3,5}$)[+-]\d+[dwmDWM]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The four accepted layouts (Go accepts a fractional second after the seconds when parsing). */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** Something that looks like a date-time (a date followed by a time). */
const DATETIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d/;

function optionValues(e: Obj): string[] {
  return Array.isArray(e.options) ? e.options.map(o => (isObject(o) && typeof o.value === 'string' ? o.value : '')).filter(Boolean) : [];
}

export const dialogElementInvalid: Rule = {
  id: 'dialog-element-invalid',
  severity: 'warning',
  description: 'Dialog element problems Dialog.IsValid only logs: lengths, min/max_length, subtype, type, data sources, defaults not among the options, date formats, time_interval.',
  kinds: ['dialog'],
  dependsOn: ['dialog-validation-logged', 'dialog-date-elements', 'dialog-datetime-config', 'dialog-file-elements'],
  check(ctx) {
    const list = get(get(ctx.root, 'dialog'), 'elements');
    if (!Array.isArray(list)) return;
    list.forEach((e, i) => {
      const base: JsonPath = ['dialog', 'elements', i];
      if (!isObject(e)) return;
      const bad = (key: string | undefined, why: string) =>
        ctx.report({ path: key && has(e, key) ? [...base, key] : base, target: key && has(e, key) ? 'value' : 'open', message: loggedProblem(ctx.profile, 'dialog-validation-logged', why) });
      const s = (k: string) => (typeof e[k] === 'string' ? e[k] : '');
      const len = (k: string) => utf8Length(s(k));
      const type = s('type');
      if (has(e, 'datetime_config') && support(ctx.profile, 'dialog-datetime-config') === 'no') {
        // §8: datetime_config is read since 11.6 (docs: minimum server version)
        ctx.report({ path: [...base, 'datetime_config'], target: 'key', message: `${cap(onServer(ctx.profile))}, \`datetime_config\` is ignored: it is read only since Mattermost 11.6, so its time interval, time zone and manual entry settings do not apply.` });
      }

      if (len('display_name') < 1 || len('display_name') > 24) bad('display_name', `\`display_name\` must be 1–24 bytes (it is ${len('display_name')})`);
      if (len('name') < 1 || len('name') > 300) bad('name', `\`name\` must be 1–300 bytes (it is ${len('name')})`);
      if (len('help_text') > 150) bad('help_text', `\`help_text\` is ${len('help_text')} bytes, over 150`);
      const min = typeof e.min_length === 'number' ? e.min_length : 0;
      const max = typeof e.max_length === 'number' ? e.max_length : 0;
      if (min < 0) bad('min_length', '`min_length` must not be negative');
      else if (min > max) bad('min_length', `\`min_length\` ${min} is greater than \`max_length\` ${max}${has(e, 'max_length') ? '' : ' (max_length defaults to 0)'}`);
      if (e.multiselect === true && type !== 'select') bad('multiselect', '`multiselect` only works on `select` elements');

      const limit = (k: string, n: number) => {
        if (len(k) > n) bad(k, `\`${k}\` is ${len(k)} bytes, over ${n} for a ${type} element`);
      };
      switch (type) {
        case 'text':
        case 'textarea': {
          const n = type === 'text' ? 150 : 3000;
          limit('default', n);
          limit('placeholder', n);
          if (!SUBTYPES.includes(s('subtype'))) bad('subtype', `\`subtype\` must be one of text, email, number, tel, url, password, not ${JSON.stringify(s('subtype'))}`);
          break;
        }
        case 'select': {
          limit('default', 3000);
          limit('placeholder', 3000);
          const ds = s('data_source');
          if (!['', 'users', 'channels', 'dynamic'].includes(ds)) bad('data_source', `\`data_source\` must be users, channels or dynamic, not ${JSON.stringify(ds)}`);
          if (ds === 'dynamic') {
            const url = s('data_source_url');
            const ok = isValidHttpUrl(url) || (url.startsWith('/plugins/') && !url.includes('..') && !url.slice(1).includes('//'));
            if (!ok) bad('data_source_url', 'a dynamic menu needs `data_source_url`, an http(s) URL or a /plugins/ path without .. or //');
            if (Array.isArray(e.options) && e.options.length > 0) bad('options', 'a dynamic menu cannot have static `options`');
          } else if (ds === '' && s('default') !== '') {
            const values = optionValues(e);
            const wanted = e.multiselect === true ? s('default').replace(/ /g, '').split(',') : [s('default')];
            const missing = wanted.filter(w => !values.includes(w));
            if (missing.length) bad('default', `the default ${JSON.stringify(missing.join(','))} is not one of the option values`);
          }
          break;
        }
        case 'bool':
          if (!['', 'true', 'false'].includes(s('default'))) bad('default', `a bool \`default\` must be "true", "false" or "", not ${JSON.stringify(s('default'))}`);
          limit('placeholder', 150);
          break;
        case 'radio':
          if (s('default') !== '' && !optionValues(e).includes(s('default'))) bad('default', `the default ${JSON.stringify(s('default'))} is not one of the option values`);
          break;
        case 'date':
        case 'datetime':
          if (support(ctx.profile, 'dialog-date-elements') === 'no') {
            // §8: date/datetime elements are ≈ 11.6; before, an unknown element type
            ctx.report({
              path: [...base, 'type'],
              message: `${cap(onServer(ctx.profile))}, \`type\` ${JSON.stringify(type)} may be an unknown element type: date and datetime elements are read only since about Mattermost 11.6, so the dialog may not show a date picker for it.`,
            });
            break;
          }
          limit('default', 150);
          limit('placeholder', 150);
          for (const k of ['default', 'min_date', 'max_date']) {
            const v = s(k);
            if (v === '' || NAMED.test(v) || RELATIVE.test(v)) continue;
            if (type === 'datetime' && k === 'default') {
              if (!ISO_DATETIME.test(v)) bad(k, `\`default\` must be a full date-time (2006-01-02T15:04:05Z, 2006-01-02T15:04:05-07:00, 2006-01-02T15:04:05 or 2006-01-02T15:04) or a relative date such as +2d, not ${JSON.stringify(v)}`);
            } else if (DATETIME_LIKE.test(v)) {
              bad(k, `\`${k}\` is checked as a date: only the date portion of ${JSON.stringify(v)} will be used`);
            } else if (!ISO_DATE.test(v)) {
              bad(k, `\`${k}\` must be YYYY-MM-DD, today/tomorrow/yesterday or a signed relative date (+2d, -1w, +6M: d, w or m), not ${JSON.stringify(v)}`);
            }
          }
          if (type === 'datetime') {
            const t = e.time_interval;
            if (t === undefined || t === null || t === 0) bad('time_interval', '`time_interval` is missing or 0, so it will be reset to the default, 60 minutes');
            else if (typeof t === 'number' && (t < 1 || t > 1440 || 1440 % t !== 0)) bad('time_interval', `\`time_interval\` must be 1–1440 and divide 1440, not ${t}`);
          }
          break;
        case 'file':
          // Not in MATTERMOST_RULES.md: the 11.6-dev validator has no `file` case ("invalid element type"),
          // the developer docs say "Minimum Server Version: 11.10" (mattermost-developer-documentation
          // 06bce5ad, "File elements"); no server source seen, so "may" and a warning (docs/rule-severity.md).
          if (support(ctx.profile, 'dialog-file-elements') === 'no') {
            ctx.report({
              path: [...base, 'type'],
              message: `${cap(onServer(ctx.profile))}, \`type\` "file" may be an unknown element type: file upload elements are read only ${sinceText('dialog-file-elements')} (developer docs), so the dialog may not show an upload field for it.`,
            });
          }
          break;
        default:
          bad('type', type === '' ? 'the element has no `type`' : `\`type\` ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`);
      }
    });
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
