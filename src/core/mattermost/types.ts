/** Shapes the client exchanges with its callers. Server objects keep only the fields the extension uses. */
import type { Readable } from 'stream';

export type TokenKind = 'session' | 'pat';

/** A stored login. `origin` is a normalized origin (origin.ts); every request is built from it. */
export interface Account {
  origin: string;
  token: string;
  tokenKind: TokenKind;
  user?: MattermostUser;
}

export interface MattermostUser {
  id: string;
  username: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  nickname?: string;
  [key: string]: unknown;
}

export interface Team {
  id: string;
  name: string;
  display_name: string;
  type?: string;
  [key: string]: unknown;
}

export interface Channel {
  id: string;
  team_id: string;
  name: string;
  display_name: string;
  /** O open, P private, D direct, G group */
  type: string;
  [key: string]: unknown;
}

export interface Post {
  id: string;
  channel_id: string;
  user_id?: string;
  message: string;
  create_at?: number;
  type?: string;
  props?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The body of POST /api/v4/posts. */
export interface PostCreateBody {
  channel_id: string;
  message: string;
  root_id?: string;
  type?: string;
  props?: Record<string, unknown>;
  metadata?: { priority?: { priority: string; requested_ack?: boolean; persistent_notifications?: boolean } };
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
/** Receives only redacted lines. */
export type Logger = (level: LogLevel, message: string) => void;

// --- the structural subset of fetch the client needs (node-fetch 2 and global fetch both fit) ---

/**
 * A request body: a text, or the same text in slices (a big payload read from the editor in slices is
 * sent without ever being joined: see `bodyChunks` in http.ts).
 */
export type BodyText = string | readonly string[];

interface FetchRequestInit {
  method: string;
  headers: Record<string, string>;
  /** A text, or (a sliced body) a Node Readable of Buffers, which node-fetch pipes and global fetch iterates. */
  body?: string | Readable;
  /** Global fetch wants it for a streamed body; node-fetch ignores it. */
  duplex?: 'half';
  redirect: 'manual';
  signal: AbortSignal;
}

export interface FetchHeadersLike {
  get(name: string): string | null;
  forEach?(callback: (value: string, name: string) => void): void;
}

export interface FetchResponseLike {
  status: number;
  headers: FetchHeadersLike;
  /** node-fetch: a Node Readable; global fetch: a web ReadableStream; null when there is no body. */
  body: unknown;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchRequestInit) => Promise<FetchResponseLike>;

export interface CallOptions {
  /** Cancels the request (CancelledError). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}
