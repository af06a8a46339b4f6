/** Public surface of the Mattermost core (no `vscode` imports anywhere below). */
export * from './types';
export * from './errors';
export * from './origin';
export * from './redact';
export { MattermostClient, withSessionRetry } from './client';
export type { ClientOptions, LoginParams, LoginResult, CreatePostResult, WebhookResult } from './client';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT, DEFAULT_TIMEOUT_MS, retryAfterSeconds } from './http';
export type { RateLimitPolicy, TransportOptions } from './http';
export { toPost } from './toPost';
export type { ConversionNote, ConversionNoteKind, ToPostResult } from './toPost';
