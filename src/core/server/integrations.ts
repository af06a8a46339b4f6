/**
 * What the server does when it calls an integration (MATTERMOST_RULES.md §4.2, §4.4, §4.5, §1.6, §3.3):
 * how it reads the answer's Content-Type, how much of it, how long it waits, which addresses its
 * untrusted HTTP client refuses, and the limits of a command's response_url.
 */
import { BODY_LIMIT } from './limits';

/** ServiceSettings.OutgoingIntegrationRequestsTimeout: 30 s by default, for commands, outgoing webhooks and actions. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

/** MaxIntegrationResponseSize: what the server reads of a command or outgoing-webhook answer (1 MiB). */
export const INTEGRATION_RESPONSE_LIMIT = BODY_LIMIT.command;

/**
 * CommandResponseFromHTTPBody: JSON only when the media type (before `;`, trimmed) is exactly
 * `application/json`, case-sensitive; anything else makes the whole body the ephemeral `text`.
 */
export function commandAnswerIsJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim() === 'application/json';
}

/** A command's response_url (`POST /hooks/commands/{id}`, §1.6): uses, lifetime and body limit. */
export const COMMAND_WEBHOOK = {
  maxUses: 5,
  lifetimeMs: 30 * 60 * 1000,
  /** MaximumPayloadSizeBytes (300000) + 512: the API handler's MaxBytesReader, not the 1 MiB of §4.2. */
  bodyLimit: BODY_LIMIT.incoming,
} as const;

function ipv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every(p => p <= 255) ? parts : undefined;
}

/**
 * Whether the server's untrusted client refuses this host unless AllowedUntrustedInternalConnections
 * names it (§4.5): loopback, private, link-local and other reserved ranges. Host names other than
 * localhost are resolved by the server; they are judged only when they are literal addresses.
 */
export function reservedHost(hostname: string): 'loopback' | 'private' | undefined {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return 'loopback';
  const v4 = ipv4(h.startsWith('::ffff:') ? h.slice(7) : h);
  if (v4) {
    const [a, b] = v4;
    if (a === 127) return 'loopback';
    if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a >= 224) return 'private';
    return undefined;
  }
  if (h.includes(':')) {
    if (h === '::') return 'private';
    if (/^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h)) return 'private';
  }
  return undefined;
}

/**
 * `POST /api/v4/actions/dialogs/open` (MATTERMOST_RULES.md §5.1): no session needed; a trigger id is
 * good for OutgoingIntegrationRequestsTimeout (DecodeAndVerifyTriggerId); every refusal is 400.
 */
export const DIALOG_OPEN = {
  path: '/api/v4/actions/dialogs/open',
  triggerLifetimeMs: INTEGRATION_TIMEOUT_MS,
  /** The trigger-id errors, in the order the server checks (server/public/model/integration_action.go). */
  errors: {
    base64: 'interactive_message.decode_trigger_id.base64_decode_failed',
    missingData: 'interactive_message.decode_trigger_id.missing_data',
    expired: 'interactive_message.decode_trigger_id.expired',
    signatureBase64: 'interactive_message.decode_trigger_id.base64_decode_failed_signature',
    verify: 'interactive_message.decode_trigger_id.verify_signature_failed',
    /** SetInvalidParamWithErr("dialog") and SetInvalidParam("url") (server/channels/api4/integration_action.go). */
    body: 'api.context.invalid_body_param.app_error',
  },
} as const;

/**
 * The dialog submission the server POSTs to the dialog's url (SubmitInteractiveDialog): its answer
 * must be 200 or the submission fails with the click's error; the body is read as JSON whatever its
 * Content-Type, and a body that does not decode counts as an empty answer.
 */
export const DIALOG_SUBMIT_FAILED = 'api.post.do_action.action_integration.app_error';
