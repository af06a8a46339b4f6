/**
 * Typed errors for everything the client can meet, and `adviceFor()` which turns them into what the user
 * should do. Every message is built by this module from redacted parts: no secret, no stack trace, no raw
 * exception text from the network layer.
 */
import { redact } from './redact';

export type MattermostErrorCode =
  | 'server'
  | 'session-expired'
  | 'token-revoked'
  | 'mfa-required'
  | 'invalid-credentials'
  | 'rate-limited'
  | 'redirect'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'body-too-large'
  | 'invalid-response'
  | 'invalid-url'
  | 'payload';

/** Base class of every error the client throws. `message` is always redacted. */
abstract class MattermostClientError extends Error {
  abstract readonly code: MattermostErrorCode;
  constructor(message: string) {
    super(redact(message));
  }
}

export interface AppErrorFields {
  status: number;
  /** Mattermost error id, e.g. `web.incoming_webhook.invalid.app_error`; undefined for non-JSON answers. */
  id?: string;
  /** The server's (translated) message, or the plain-text body (trimmed, capped). */
  serverMessage?: string;
  requestId?: string;
  detailedError?: string;
  /** Method and redacted URL of the request, for logs. */
  request?: string;
}

/** An HTTP error answer from the server (Mattermost AppError JSON or a plain-text body). */
export class MattermostError extends MattermostClientError {
  readonly code: MattermostErrorCode = 'server';
  override readonly name: string = 'MattermostError';
  readonly status: number;
  readonly id?: string;
  readonly serverMessage?: string;
  readonly requestId?: string;
  readonly detailedError?: string;
  readonly request?: string;
  constructor(f: AppErrorFields, message?: string) {
    super(message ?? `${f.status}${f.id ? ` ${f.id}` : ''}${f.serverMessage ? `: ${f.serverMessage}` : ''}`);
    this.status = f.status;
    this.id = f.id;
    this.serverMessage = f.serverMessage === undefined ? undefined : redact(f.serverMessage);
    this.requestId = f.requestId;
    this.detailedError = f.detailedError === undefined ? undefined : redact(f.detailedError);
    this.request = f.request === undefined ? undefined : redact(f.request);
  }
}

/** 401 on a request made with a session token: the session expired or was revoked. Log in again, resend once. */
export class SessionExpiredError extends MattermostError {
  override readonly code = 'session-expired';
  override readonly name = 'SessionExpiredError';
  constructor(f: AppErrorFields) {
    super(f, 'Your Mattermost session has expired. Log in again.');
  }
}

/** 401 on a request made with a personal access token: PATs do not expire, so it was revoked (or is wrong). */
export class TokenRevokedError extends MattermostError {
  override readonly code = 'token-revoked';
  override readonly name = 'TokenRevokedError';
  constructor(f: AppErrorFields) {
    super(f, 'The personal access token was rejected: it has been revoked or is not valid.');
  }
}

/**
 * Login needs a multi-factor code (`badCode` false: none or a malformed one was sent, 400
 * `mfa.validate_token.authenticate.app_error`), or the code was wrong (`badCode` true, 401
 * `api.user.check_user_mfa.bad_code.app_error`). Ask for the code and call login again.
 */
export class MfaRequiredError extends MattermostError {
  override readonly code = 'mfa-required';
  override readonly name = 'MfaRequiredError';
  readonly badCode: boolean;
  constructor(f: AppErrorFields, badCode: boolean) {
    super(f, badCode ? 'The multi-factor authentication code was not accepted.' : 'This account needs a multi-factor authentication code.');
    this.badCode = badCode;
  }
}

/** The masked login failure (401 `api.user.login.invalid_credentials*`). */
export class InvalidCredentialsError extends MattermostError {
  override readonly code = 'invalid-credentials';
  override readonly name = 'InvalidCredentialsError';
  constructor(f: AppErrorFields) {
    super(f, 'Login failed: the login ID or password is wrong (the server does not say which).');
  }
}

/** 429 that could not be waited out within the bound. */
export class RateLimitedError extends MattermostError {
  override readonly code = 'rate-limited';
  override readonly name = 'RateLimitedError';
  /** Seconds the server asked to wait (Retry-After / X-RateLimit-Reset), if it said. */
  readonly retryAfterSeconds?: number;
  constructor(f: AppErrorFields, retryAfterSeconds?: number) {
    super(f, `The server is rate limiting requests${retryAfterSeconds !== undefined ? `; try again in ${retryAfterSeconds} s` : ''}.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A 3xx answer. Nothing was followed, nothing re-sent. `location` is redacted. */
export class RedirectError extends MattermostClientError {
  readonly code = 'redirect';
  override readonly name = 'RedirectError';
  readonly status: number;
  /** Redacted absolute Location, or undefined when the answer had none. */
  readonly location?: string;
  /** The Location points to a different origin (or outside the account's base path). */
  readonly crossOrigin: boolean;
  /** The Location goes from https to http. */
  readonly downgrade: boolean;
  constructor(status: number, location: string | undefined, crossOrigin: boolean, downgrade: boolean) {
    super(`The server answered ${status} with a redirect${location ? ` to ${location}` : ''}. It was not followed${downgrade ? ' (it would go from https to http)' : crossOrigin ? ' (it points to another server)' : ''}; no credentials were re-sent.`);
    this.status = status;
    this.location = location === undefined ? undefined : redact(location);
    this.crossOrigin = crossOrigin;
    this.downgrade = downgrade;
  }
}

export class NetworkError extends MattermostClientError {
  readonly code = 'network';
  override readonly name = 'NetworkError';
  /** e.g. ECONNRESET, ECONNREFUSED, ENOTFOUND, when known. */
  readonly causeCode?: string;
  constructor(target: string, causeCode?: string) {
    super(`Could not reach ${target}${causeCode ? ` (${causeCode})` : ''}.`);
    this.causeCode = causeCode;
  }
}

export class TimeoutError extends MattermostClientError {
  readonly code = 'timeout';
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(target: string, timeoutMs: number) {
    super(`No complete answer from ${target} within ${Math.round(timeoutMs / 100) / 10} s.`);
    this.timeoutMs = timeoutMs;
  }
}

export class CancelledError extends MattermostClientError {
  readonly code = 'cancelled';
  override readonly name = 'CancelledError';
  constructor() {
    super('The request was cancelled.');
  }
}

/** The response body went past the client's cap; reading stopped there. */
export class BodyTooLargeError extends MattermostClientError {
  readonly code = 'body-too-large';
  override readonly name = 'BodyTooLargeError';
  readonly limitBytes: number;
  constructor(target: string, limitBytes: number) {
    super(`The answer from ${target} is larger than ${limitBytes} bytes; it was not read.`);
    this.limitBytes = limitBytes;
  }
}

/** The server answered success but the body is not what Mattermost sends (not JSON, no Token header, …). */
export class InvalidResponseError extends MattermostClientError {
  readonly code = 'invalid-response';
  override readonly name = 'InvalidResponseError';
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** A URL the user gave (server or webhook) is not usable. */
export class InvalidUrlError extends MattermostClientError {
  readonly code = 'invalid-url';
  override readonly name = 'InvalidUrlError';
}

/** A payload that cannot be converted or sent as it is. */
export class PayloadError extends MattermostClientError {
  readonly code = 'payload';
  override readonly name = 'PayloadError';
}

// ---------------------------------------------------------------------------------------------------------
// Advice

type AdviceAction =
  | 'none'
  | 'login'
  | 'enter-mfa'
  | 'retry'
  | 'retry-later'
  | 'edit-payload'
  | 'check-webhook'
  | 'check-channel'
  | 'contact-admin'
  | 'check-server-url';

export interface Advice {
  /** One short line: what happened. */
  summary: string;
  /** What to do about it. */
  detail: string;
  /** What the UI should offer. */
  action: AdviceAction;
}

const BY_ID: Record<string, Omit<Advice, 'summary'> & { summary?: string }> = {
  'web.incoming_webhook.invalid.app_error': { summary: 'Invalid webhook', detail: 'The server does not know this webhook (it was deleted, or the URL is wrong). Copy the URL again from Integrations → Incoming Webhooks and update it in Manage Webhooks.', action: 'check-webhook' },
  'web.incoming_webhook.disabled.app_error': { summary: 'Incoming webhooks are disabled', detail: 'A system admin has turned off incoming webhooks on this server (System Console → Integrations → Integration Management). Ask them, or send via the API instead.', action: 'contact-admin' },
  'web.incoming_webhook.text.app_error': { summary: 'No text', detail: 'The payload needs a non-empty "text", or an "attachments" array. Slack "blocks" are ignored by Mattermost.', action: 'edit-payload' },
  'model.incoming_hook.parse_data.app_error': { summary: 'The server could not parse the payload', detail: 'The body is not valid JSON for a webhook: check types (e.g. "text" must be a string, "short" must be true/false), and that the body is under 300 KB.', action: 'edit-payload' },
  'api.webhook.incoming.error': { summary: 'The webhook request was malformed', detail: 'The Content-Type or form body could not be read. Send the payload as application/json.', action: 'edit-payload' },
  'web.incoming_webhook.channel.app_error': { summary: 'Unknown channel', detail: 'The "channel" override names a channel that does not exist in the webhook\'s team. Use the channel\'s URL name (e.g. "town-square"), not its display name or id.', action: 'edit-payload' },
  'app.channel.get.existing.app_error': { summary: 'The webhook\'s channel is gone', detail: 'The channel this webhook posts to was deleted. Edit the webhook in Mattermost or use another one.', action: 'check-webhook' },
  'web.incoming_webhook.channel_locked.app_error': { summary: 'Locked channel', detail: 'This webhook is locked to its own channel, so the "channel" override is refused. Remove "channel" from the payload or use another webhook.', action: 'edit-payload' },
  'web.incoming_webhook.user.app_error': { summary: 'Unknown user', detail: 'The "@user" channel override names a user that does not exist, or the webhook\'s creator can no longer be loaded.', action: 'edit-payload' },
  'web.incoming_webhook.permissions.app_error': { summary: 'No permission for that channel', detail: 'The webhook\'s creator cannot post in the target channel (private channel or DM they are not in).', action: 'edit-payload' },
  'web.incoming_webhook.split_props_length.app_error': { summary: 'Attachments too large', detail: 'The attachments and props are too large for one post, even after splitting. Make them smaller.', action: 'edit-payload' },
  'api.post.create_webhook_post.creating.app_error': { summary: 'The server could not create the post', detail: 'Usually an unknown "type": use "", "slack_attachment" or a "custom_…" type.', action: 'edit-payload' },
  'api.context.invalid_param.app_error': { summary: 'Invalid parameter', detail: 'A field has a value the server refuses (for example a "system_…" type, or "priority" without "priority.priority").', action: 'edit-payload' },
  'api.context.invalid_body_param.app_error': { summary: 'The server could not decode the request body', detail: 'A field has the wrong type for a post (for example "props" must be an object, "message" a string).', action: 'edit-payload' },
  'api.context.request_body_too_large.app_error': { summary: 'Body too large', detail: 'The request is larger than the server accepts (MaximumPayloadSizeBytes, 300 KB by default). Make the payload smaller.', action: 'edit-payload' },
  'model.post.is_valid.message_length.app_error': { summary: 'Message too long', detail: 'The API refuses messages over 16383 characters (webhooks split them instead). Shorten the message or send it to a webhook.', action: 'edit-payload' },
  'model.post.is_valid.props.app_error': { summary: 'Props too large', detail: 'The post\'s props (attachments included) are over the server\'s limit. Make them smaller.', action: 'edit-payload' },
  'model.post.is_valid.type.app_error': { summary: 'Invalid post type', detail: 'Use "", "slack_attachment" or a "custom_…" type.', action: 'edit-payload' },
  'api.context.permissions.app_error': { summary: 'No permission', detail: 'Your account may not do this here — for example post in this channel (read-only, archived, or you are not a member). Pick another channel or ask an admin.', action: 'check-channel' },
  'app.channel.get_by_name.missing.app_error': { summary: 'Unknown channel', detail: 'No channel with that name in that team (use the URL name, e.g. "town-square"), or you are not a member.', action: 'check-channel' },
  'api.context.session_expired.app_error': { summary: 'Session expired', detail: 'Your session has expired or was revoked. Log in again.', action: 'login' },
  'api.context.token_provided.app_error': { summary: 'Token not accepted that way', detail: 'The server refuses this token; log in again.', action: 'login' },
  'mfa.validate_token.authenticate.app_error': { summary: 'MFA code needed', detail: 'Enter the 6-digit code from your authenticator app.', action: 'enter-mfa' },
  'api.user.check_user_mfa.bad_code.app_error': { summary: 'Wrong MFA code', detail: 'The code was not accepted. Enter the current code from your authenticator app.', action: 'enter-mfa' },
  'api.user.login.blank_pwd.app_error': { summary: 'Password missing', detail: 'Enter your password.', action: 'login' },
  'api.user.login.inactive.app_error': { summary: 'Account deactivated', detail: 'This account is deactivated. Ask a system admin.', action: 'contact-admin' },
  'api.user.login.not_verified.app_error': { summary: 'Email not verified', detail: 'Verify your email address (see the email from the server), then log in again.', action: 'none' },
  'api.user.check_user_login_attempts.too_many.app_error': { summary: 'Too many failed logins', detail: 'The account is locked after too many failed attempts. Ask a system admin to reset it, or wait and try again.', action: 'contact-admin' },
  'api.user.login.bot_login_forbidden.app_error': { summary: 'Bots cannot log in', detail: 'Use a bot access token instead (Log In → personal access token).', action: 'login' },
};

function isInvalidCredentialsId(id: string | undefined): boolean {
  return id !== undefined && id.startsWith('api.user.login.invalid_credentials');
}

/** Turns any error into what the user should do. Never includes a secret or a stack trace. */
export function adviceFor(error: unknown): Advice {
  const a = rawAdvice(error);
  return { summary: redact(a.summary), detail: redact(a.detail), action: a.action };
}

function rawAdvice(error: unknown): Advice {
  if (error instanceof MfaRequiredError) {
    return error.badCode
      ? { summary: 'Wrong MFA code', detail: 'The multi-factor code was not accepted. Enter the current 6-digit code from your authenticator app.', action: 'enter-mfa' }
      : { summary: 'MFA code needed', detail: 'This account uses multi-factor authentication. Enter the 6-digit code from your authenticator app.', action: 'enter-mfa' };
  }
  if (error instanceof SessionExpiredError) {
    return { summary: 'Session expired', detail: 'Your session has expired or was revoked. Log in again.', action: 'login' };
  }
  if (error instanceof TokenRevokedError) {
    return { summary: 'Access token revoked', detail: 'Personal access tokens do not expire, so this one was revoked (or is wrong, or token access was disabled). Create a new token in Profile → Security, then log in with it.', action: 'login' };
  }
  if (error instanceof InvalidCredentialsError) {
    return { summary: 'Login failed', detail: 'The login ID or password is wrong. (The server masks the exact reason: it may also be an SSO-only or locked account.)', action: 'login' };
  }
  if (error instanceof RateLimitedError) {
    const when = error.retryAfterSeconds !== undefined ? `in ${error.retryAfterSeconds} s` : 'in a moment';
    return { summary: 'Rate limited', detail: `The server is limiting requests (429 limit exceeded). Try again ${when}.`, action: 'retry-later' };
  }
  if (error instanceof MattermostError) {
    const byId = error.id ? BY_ID[error.id] : undefined;
    if (byId) return { summary: byId.summary ?? error.id ?? 'Error', detail: byId.detail, action: byId.action };
    if (isInvalidCredentialsId(error.id)) return rawAdvice(new InvalidCredentialsError({ status: error.status, id: error.id }));
    return adviceForStatus(error);
  }
  if (error instanceof RedirectError) {
    const where = error.location ? ` to ${error.location}` : '';
    if (error.downgrade) return { summary: 'Redirect to http refused', detail: `The server redirected${where}, from https to plain http. It was not followed and nothing was re-sent. Check the server URL.`, action: 'check-server-url' };
    return { summary: `Redirect (${error.status}) not followed`, detail: `The server redirected${where}. Redirects are never followed, so credentials and webhook URLs cannot leak to another server. If the new address is right, update the server or webhook URL and log in there.`, action: 'check-server-url' };
  }
  if (error instanceof TimeoutError) return { summary: 'Timed out', detail: `${error.message} Check the connection, or raise mattermostPayloads.requestTimeoutSeconds. A post may have been created anyway; check the channel before resending.`, action: 'retry' };
  if (error instanceof CancelledError) return { summary: 'Cancelled', detail: 'The request was cancelled. A post may have been created anyway if the server had already received it.', action: 'none' };
  if (error instanceof NetworkError) return { summary: 'Network error', detail: `${error.message} Check the server URL and your connection.`, action: 'retry' };
  if (error instanceof BodyTooLargeError) return { summary: 'Answer too large', detail: `${error.message} This is not what a Mattermost server sends; check the server URL.`, action: 'check-server-url' };
  if (error instanceof InvalidResponseError) return { summary: 'Unexpected answer', detail: `${error.message} Is this a Mattermost server (and the right URL)?`, action: 'check-server-url' };
  if (error instanceof InvalidUrlError) return { summary: 'Invalid URL', detail: error.message, action: 'check-server-url' };
  if (error instanceof PayloadError) return { summary: 'Payload cannot be sent', detail: error.message, action: 'edit-payload' };
  if (error instanceof Error) return { summary: 'Error', detail: error.message, action: 'none' };
  return { summary: 'Error', detail: String(error), action: 'none' };
}

function adviceForStatus(error: MattermostError): Advice {
  const said = error.serverMessage ? ` The server said: "${error.serverMessage}".` : '';
  switch (error.status) {
    case 400: return { summary: 'Bad request', detail: `The server refused the request.${said}`, action: 'edit-payload' };
    case 401: return { summary: 'Not authorized', detail: `Log in again.${said}`, action: 'login' };
    case 403: return { summary: 'No permission', detail: `Your account or this webhook may not do this.${said}`, action: 'contact-admin' };
    case 404: return { summary: 'Not found', detail: `The server has no such resource. Check the server URL, team and channel.${said}`, action: 'check-channel' };
    case 413: return { summary: 'Body too large', detail: `The request is larger than the server accepts. Make the payload smaller.${said}`, action: 'edit-payload' };
    case 429: return { summary: 'Rate limited', detail: 'The server is limiting requests. Try again in a moment.', action: 'retry-later' };
    case 501: return { summary: 'Not enabled on this server', detail: `The feature is turned off on this server (for webhooks: incoming webhooks are disabled).${said}`, action: 'contact-admin' };
    default:
      if (error.status >= 500) return { summary: `Server error (${error.status})`, detail: `The server failed to handle the request. Try again later; if it persists, ask the server admin.${said}`, action: 'retry' };
      return { summary: `HTTP ${error.status}`, detail: `The server answered ${error.status}.${said}`, action: 'none' };
  }
}

/** `summary: detail`, redacted — ready for a notification. */
export function describeError(error: unknown): string {
  const a = adviceFor(error);
  return `${a.summary}: ${a.detail}`;
}
