/** Response helpers: Mattermost's AppError JSON shape (server/public/model/utils.go) and the headers every answer carries. */
import type { ServerResponse } from 'node:http';
import { newId } from './state';

export interface Ctx {
  res: ServerResponse;
  requestId: string;
}

/** `versionId`: what X-Version-Id says (src/sandbox/profile.ts versionId()). */
export function baseHeaders(res: ServerResponse, requestId: string, versionId: string): void {
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('X-Version-Id', versionId);
}

export function newRequestId(): string {
  return newId();
}

const MESSAGES: Record<string, string> = {
  'api.context.session_expired.app_error': 'Invalid or expired session, please login again.',
  'api.context.token_provided.app_error': 'Session is not OAuth but token was provided in the query string.',
  'api.context.permissions.app_error': 'You do not have the appropriate permissions.',
  'api.context.invalid_body_param.app_error': 'Invalid or missing {{.Name}} in request body.',
  'api.context.invalid_param.app_error': 'Invalid {{.Name}} parameter.',
  // the server's English text for this id was not found (MM_BLOCKS.md §11); the detailed error says why
  'api.context.invalid_body.app_error': 'Invalid request body.',
  'api.context.request_body_too_large.app_error': 'The request body is too large.',
  'api.context.404.app_error': 'Sorry, we could not find the page.',
  'api.user.login.invalid_credentials_email_username': 'Enter a valid email or username and/or password.',
  'api.user.login.blank_pwd.app_error': 'Password field must not be blank',
  'api.user.login.inactive.app_error': 'Login failed because your account has been deactivated. Please contact an administrator.',
  'api.user.check_user_login_attempts.too_many.app_error': 'Your account is locked because of too many failed password attempts. Please reset your password.',
  'mfa.validate_token.authenticate.app_error': 'Invalid MFA token.',
  'api.user.check_user_mfa.bad_code.app_error': 'Invalid MFA token.',
  'web.incoming_webhook.disabled.app_error': 'Incoming webhooks have been disabled by the system admin.',
  'web.incoming_webhook.text.app_error': 'No text specified',
  'web.incoming_webhook.invalid.app_error': 'Invalid webhook',
  'web.incoming_webhook.user.app_error': 'Couldn\'t find the user',
  'web.incoming_webhook.channel.app_error': 'Couldn\'t find the channel',
  'web.incoming_webhook.channel_locked.app_error': 'This webhook is not permitted to post to the requested channel',
  'web.incoming_webhook.permissions.app_error': 'Inappropriate channel permissions',
  'model.incoming_hook.parse_data.app_error': 'Unable to parse incoming data',
  'api.webhook.incoming.error': 'Could not decode the multipart payload of incoming webhook.',
  'api.post.create_webhook_post.creating.app_error': 'Error creating post',
  'model.post.is_valid.message_length.app_error': 'Post Message property is longer than the maximum permitted length.',
  'model.post.is_valid.type.app_error': 'Invalid type.',
  'model.post.is_valid.props.app_error': 'Invalid props',
  'app.channel.get_by_name.missing.app_error': 'Channel does not exist.',
  'app.team.get_by_name.missing.app_error': 'Unable to find the existing team.',
  'api.post.create_post.root_id.app_error': 'Invalid RootId parameter.',
  'api.config.client.old_format.app_error': 'New format for the client configuration is not supported yet. Please specify ?format=old in the query string.',
  'api.post.post_priority.priority_post_only_allowed_for_root_post.request_error': 'Only root posts are allowed to have priority.',
  'api.post.post_priority.priority_post_not_allowed_for_user.request_error': 'You are not allowed to add post priority.',
  'api.context.mfa_required.app_error': 'Multi-factor authentication is required on this server.',
};

/**
 * Writes an AppError: `{id, message, detailed_error, request_id, status_code}` (is_oauth omitted when false).
 * `detailed`: the detailed error, which a server shows only with ServiceSettings.EnableDeveloper on.
 */
export function appError(ctx: Ctx, status: number, id: string, message?: string, detailed = ''): void {
  const { res, requestId } = ctx;
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({
    id,
    message: message ?? MESSAGES[id] ?? id,
    detailed_error: detailed,
    request_id: requestId,
    status_code: status,
  });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function sendJson(ctx: Ctx, status: number, value: unknown, extraHeaders: Record<string, string | string[]> = {}): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(value);
  res.statusCode = status;
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function sendText(ctx: Ctx, status: number, text: string, contentType = 'text/plain'): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
