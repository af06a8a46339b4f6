// Follows MATTERMOST_RULES.md §1.5 (request bodies: MaximumPayloadSizeBytes + 512), §1.6 (a delayed
// response POSTed to response_url goes through the same limit: 413), §4.2 (command responses: 1 MiB) and §8
// (the limit by version: MaxFileSize from 5.22, MaximumPayloadSizeBytes from ≈ 9.8, none before). The 9.8
// boundary is inferred, so on every 9.x server whose profile does not set MaximumPayloadSizeBytes the
// 300000 + 512 limit "may" apply: a warning that says "may", never an error (requestBodyLimitUncertain).
import type { JsonPath, Range, ScanLocator } from '../../json/locate';
import { BODY_LIMIT, type BodySize } from '../../server/limits';
import { defaultPayloadLimit, isDefaultProfile, onServer, type Profile, requestBodyLimit, requestBodyLimitUncertain, sinceText, supports } from '../../server/profile';
import { utf8Length } from '../../server/runes';
import type { Kind, Problem } from '../problem';
import { ALL_KINDS, Rule } from './types';
import { isObject } from './walk';

export const bodyTooLarge: Rule = {
  id: 'body-too-large',
  severity: 'error',
  description: 'A body over the server\'s read limit (300000 + 512 bytes by default for requests and delayed command responses, 1 MiB for command/outgoing responses).',
  kinds: ALL_KINDS,
  dependsOn: ['body-limit', 'maximum-payload-size'],
  check(ctx) {
    // The read limit itself is checked by the linter core (bodyProblem); here the lower limit of response_url,
    // and, on a 9.x server before ≈ 9.8, the 300000 + 512 limit it may already have.
    mayHaveNewLimit(ctx.kind, ctx.text, ctx.profile, r => ctx.report(r));
    if (ctx.kind !== 'command') return; // before the profile lookups below: they are pure, and only a command needs them
    const uncertain = requestBodyLimitUncertain(ctx.profile);
    const delayed = uncertain ? defaultPayloadLimit() : requestBodyLimit(ctx.profile);
    if (ctx.kind !== 'command' || delayed === undefined || ctx.text.length * 3 <= delayed || ctx.text.length > BODY_LIMIT.command) return;
    const bytes = utf8Length(ctx.text);
    if (bytes <= delayed || bytes > BODY_LIMIT.command) return;
    // on the top-level member that takes the most room
    let key: string | undefined;
    let most = -1;
    if (isObject(ctx.root)) {
      for (const k of Object.keys(ctx.root)) {
        const v = ctx.root[k];
        const n = typeof v === 'string' ? v.length : JSON.stringify(v)?.length ?? 0;
        if (n > most) {
          most = n;
          key = k;
        }
      }
    }
    ctx.report({
      path: key === undefined ? [] : [key],
      target: key === undefined ? 'open' : 'key',
      severity: 'warning',
      message: `Mattermost reads up to 1 MiB of a command's own answer, but ${uncertain ? 'may refuse' : 'refuses'} this ${bytes}-byte body as a delayed response to response_url (413 api.context.request_body_too_large.app_error; ${limitWhy(ctx.profile, delayed)}).`,
    });
  },
};

/**
 * The problem for a body over the server's read limit, placed on the top-level key whose value the
 * cut falls into (when the locator has the document), else at the cut.
 */
export function bodyProblem(kind: Kind, size: BodySize, text: string, locator: ScanLocator | undefined, profile: Profile): Problem {
  const { bytes, cut, limit } = size;
  // a request limit that came in ≈ 9.8, on a 9.x server: it may not have it yet
  const may = kind !== 'command' && kind !== 'outgoing' && requestBodyLimitUncertain(profile);
  let message: string;
  if (kind === 'incoming') message = `Mattermost ${may ? 'may read' : 'reads'} only the first ${limit} bytes of this ${bytes}-byte body (${limitWhy(profile, limit)}) and ${may ? 'then rejects' : 'rejects'} the cut JSON (400 model.incoming_hook.parse_data.app_error).`;
  else if (kind === 'command' || kind === 'outgoing') message = `Mattermost reads only the first 1 MiB of this ${bytes}-byte response, so the cut JSON cannot be parsed${kind === 'outgoing' ? ' and nothing is posted' : ' and the command fails'}.`;
  else message = `Mattermost ${may ? 'may refuse' : 'refuses'} this ${bytes}-byte body (413 api.context.request_body_too_large.app_error; ${limitWhy(profile, limit)}).`;
  let range: Range = { start: cut, end: Math.min(text.length, cut + 1) };
  let path: JsonPath = [];
  if (locator) {
    const p = locator.topLevelAt(cut);
    if (p.length > 0) {
      path = [p[0]];
      range = locator.topLevelKeyRange(p[0]);
    } else range = locator.range([], 'open');
  }
  return { rule: 'body-too-large', severity: may ? 'warning' : 'error', message, start: range.start, end: range.end, path };
}

/**
 * Where the request limit comes from, naming the server when the profile is known: "the default limit is
 * 300000 + 512 bytes", "on Mattermost 9.7 the limit is FileSettings.MaxFileSize, 104857600 bytes".
 */
function limitWhy(profile: Profile, limit: number): string {
  if (requestBodyLimitUncertain(profile) && limit === defaultPayloadLimit()) {
    return `MaximumPayloadSizeBytes 300000 + 512 bytes is the limit ${sinceText('maximum-payload-size')}, so ${onServer(profile)} it may apply`;
  }
  if (!supports(profile, 'maximum-payload-size')) return `${onServer(profile)} the limit is FileSettings.MaxFileSize, ${limit} bytes`;
  if (isDefaultProfile(profile)) return 'the default limit is MaximumPayloadSizeBytes 300000 + 512 bytes';
  return `${onServer(profile)} the limit is MaximumPayloadSizeBytes ${limit - 512} + 512 bytes`;
}

/**
 * A 9.x server before ≈ 9.8 reads request bodies up to FileSettings.MaxFileSize, but the 300000 + 512
 * limit came in only about 9.8, so it may already have it: a request body between the two is a warning
 * that says "may" (the core reports bodies over the server's own limit).
 */
function mayHaveNewLimit(kind: Kind, text: string, profile: Profile, report: (r: { path: JsonPath; target: 'open'; severity: 'warning'; message: string }) => void): void {
  // the cheap, profile-free tests first (all are pure)
  if (kind === 'command' || kind === 'outgoing') return;
  const limit = defaultPayloadLimit();
  if (text.length * 3 <= limit) return;
  if (supports(profile, 'maximum-payload-size') || !requestBodyLimitUncertain(profile)) return;
  const bytes = utf8Length(text);
  const own = requestBodyLimit(profile);
  if (bytes <= limit || (own !== undefined && bytes > own)) return;
  const then = kind === 'incoming'
    ? `read only the first ${limit} bytes of this ${bytes}-byte body and reject the cut JSON (400 model.incoming_hook.parse_data.app_error)`
    : `refuse this ${bytes}-byte body (413 api.context.request_body_too_large.app_error)`;
  report({
    path: [],
    target: 'open',
    severity: 'warning',
    message: `${onServer(profile).replace(/^on/, 'On')} the limit is FileSettings.MaxFileSize, ${own} bytes, but MaximumPayloadSizeBytes (300000 + 512 bytes) is the limit ${sinceText('maximum-payload-size')}, so this server may already ${then}.`,
  });
}
