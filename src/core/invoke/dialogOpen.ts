/**
 * `POST /api/v4/actions/dialogs/open` as the server checks it (MATTERMOST_RULES.md §5.1), in its order:
 * strict decode, empty `url`, then the trigger id (DecodeAndVerifyTriggerId in
 * server/public/model/integration_action.go, read through the code search: every refusal there is
 * http.StatusBadRequest), and `Dialog.IsValid` problems, which the server only logs. Pure: the clock
 * and "did this session issue that trigger id" are arguments.
 */
import { lint } from '../payload/lint';
import type { Problem } from '../payload/problem';
import { readPayload } from '../server/decode';
import { DIALOG_OPEN } from '../server/integrations';

export type OpenCheck =
  | { ok: true; value: Record<string, unknown>; triggerId: string; userId: string; signature: string; logged: Problem[] }
  | { ok: false; status: 400; id: string; message: string };

export interface OpenCheckOptions {
  now: number;
  /** Whether this signature (the 4th part of a trigger id) was issued here. */
  issued: (signature: string) => boolean;
  lifetimeMs?: number;
}

/** Go's base64.StdEncoding: the standard alphabet with `=` padding to a multiple of 4. */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function refuse(id: string, message: string): OpenCheck {
  return { ok: false, status: 400, id, message };
}

/** A new trigger id's parts, as model.GenerateTriggerId joins them. */
export function splitTriggerId(triggerId: string): string[] | undefined {
  if (!STD_BASE64.test(triggerId)) return undefined;
  return Buffer.from(triggerId, 'base64').toString('utf8').split(':');
}

export function checkOpenDialog(text: string, opts: OpenCheckOptions): OpenCheck {
  const E = DIALOG_OPEN.errors;
  // 1. strict decode: not JSON, not an object, or a field of the wrong type
  const read = readPayload(text, 'dialog');
  const problems = lint(text, 'dialog');
  const undecodable = !read.ok || read.value === null || typeof read.value !== 'object' || Array.isArray(read.value)
    || problems.some(p => p.rule === 'type-mismatch' || p.rule === 'invalid-json');
  if (undecodable) return refuse(E.body, 'Invalid or missing dialog in request body.');
  const value = read.value as Record<string, unknown>;
  // 2. url
  if (typeof value.url !== 'string' || value.url === '') return refuse(E.body, 'Invalid or missing url in request body.');
  // 3. the trigger id
  const triggerId = typeof value.trigger_id === 'string' ? value.trigger_id : '';
  const parts = splitTriggerId(triggerId);
  if (!parts) return refuse(E.base64, 'Failed to decode base64 for trigger ID for interactive dialog.');
  if (parts.length !== 4) return refuse(E.missingData, 'Trigger ID missing required data for interactive dialog.');
  // strconv.ParseInt's error is ignored by the server: an unreadable time is 0, so expired
  const ts = /^[+-]?\d+$/.test(parts[2]) ? Number(parts[2]) : 0;
  const lifetime = opts.lifetimeMs ?? DIALOG_OPEN.triggerLifetimeMs;
  if (opts.now - ts > lifetime) return refuse(E.expired, `Trigger ID for interactive dialog is expired. Maximum TTL is ${lifetime / 1000}s.`);
  if (!STD_BASE64.test(parts[3])) return refuse(E.signatureBase64, 'Failed to decode base64 for signature of trigger ID for interactive dialog.');
  if (!opts.issued(parts[3])) return refuse(E.verify, 'Signature verification failed for trigger ID for interactive dialog (this session did not issue it).');
  // 4. Dialog.IsValid: only logged
  const logged = problems.filter(p => p.rule.startsWith('dialog-') && p.rule !== 'dialog-request');
  return { ok: true, value, triggerId, userId: parts[1], signature: parts[3], logged };
}
