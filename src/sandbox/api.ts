/**
 * The REST endpoints of the sandbox, answering as the server's API v4 does (Mattermost server source:
 * server/channels/api4/user.go `login`, server/channels/api4/post.go, server/channels/api4/system.go): login
 * (Token header, cookies, masked 401s, MFA), logout, users/me, teams, channels, channel by name, create post,
 * and the client config (the played server's version and settings, src/sandbox/profile.ts).
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { runeCount } from '../core/server/runes';
import { decodeFirstValue, isObject } from './goJson';
import { postForClient, restRegistryGate } from './blocks';
import { clientConfig, maxPostRunes, supports } from './profile';
import { appError, sendJson, type Ctx } from './respond';
import {
  findChannelByName, findUserByLogin, newId, publicChannel, publicTeam, sanitizeUser,
  type PostRecord, type SandboxState, type SessionRecord,
} from './state';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  req: IncomingMessage;
  body: string;
  /** True when the body passed MaximumPayloadSizeBytes + 512. */
  bodyTooLarge: boolean;
}

type AuthResult = { ok: true; session: SessionRecord } | { ok: false };

/** ParseAuthTokenFromRequest: cookie (non-GET needs X-CSRF-Token), then Authorization Bearer/Token, then ?access_token. */
function authenticate(state: SandboxState, ctx: Ctx, r: ApiRequest): AuthResult {
  const cookie = parseCookies(r.req.headers.cookie ?? '').MMAUTHTOKEN;
  if (cookie) {
    const s = state.sessions.get(cookie);
    if (s && (r.method === 'GET' || (r.req.headers['x-csrf-token'] !== undefined && r.req.headers['x-csrf-token'] === s.csrf))) return { ok: true, session: s };
    appError(ctx, 401, 'api.context.session_expired.app_error');
    return { ok: false };
  }
  const auth = r.req.headers.authorization ?? '';
  const m = /^(bearer|token)\s+(\S+)\s*$/i.exec(auth);
  if (m) {
    const s = state.sessions.get(m[2]);
    if (s) return { ok: true, session: s };
    appError(ctx, 401, 'api.context.session_expired.app_error');
    return { ok: false };
  }
  if (r.query.has('access_token')) {
    appError(ctx, 401, 'api.context.token_provided.app_error');
    return { ok: false };
  }
  appError(ctx, 401, 'api.context.session_expired.app_error');
  return { ok: false };
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** model.MapFromJSON: a map[string]string; non-string values become "", decode errors give an empty map. */
function stringMap(body: string): Record<string, string> {
  const d = decodeFirstValue(body);
  const out: Record<string, string> = {};
  if (!d.ok || !isObject(d.value)) return out;
  for (const [k, v] of Object.entries(d.value)) out[k] = typeof v === 'string' ? v : '';
  return out;
}

function token(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (const b of randomBytes(26)) s += alphabet[b % alphabet.length];
  return s;
}

const MASKED = 'api.user.login.invalid_credentials_email_username';

function login(state: SandboxState, ctx: Ctx, r: ApiRequest): void {
  const props = stringMap(r.body);
  const loginId = props.login_id ?? '';
  const password = props.password ?? '';
  const mfaToken = props.token ?? '';
  if (password.length === 0) return appError(ctx, 400, 'api.user.login.blank_pwd.app_error');
  const user = findUserByLogin(state, loginId);
  if (!user) return appError(ctx, 401, MASKED);
  // Preflight: deactivated, too many attempts (not masked).
  if (!user.active) return appError(ctx, 401, 'api.user.login.inactive.app_error');
  if (user.failedAttempts >= state.config.maximumLoginAttempts) return appError(ctx, 401, 'api.user.check_user_login_attempts.too_many.app_error');
  if (user.password !== password) {
    user.failedAttempts++;
    return appError(ctx, 401, MASKED);
  }
  if (user.mfaCode !== undefined) {
    const t = mfaToken.trim();
    // dgoogauth: 6 digits (or an 8-digit scratch code) or ErrInvalidCode → 400; a well-formed wrong code → 401.
    if (!/^[0-9]\d{5}$/.test(t) && !/^[1-9]\d{7}$/.test(t)) return appError(ctx, 400, 'mfa.validate_token.authenticate.app_error');
    if (t !== user.mfaCode) return appError(ctx, 401, 'api.user.check_user_mfa.bad_code.app_error');
  }
  user.failedAttempts = 0;
  const session: SessionRecord = { token: token(), userId: user.id, csrf: token(), kind: 'session' };
  state.sessions.set(session.token, session);
  sendJson(ctx, 200, sanitizeUser(user), {
    Token: session.token,
    'Set-Cookie': [
      `MMAUTHTOKEN=${session.token}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax`,
      `MMUSERID=${user.id}; Path=/; Max-Age=2592000; SameSite=Lax`,
      `MMCSRF=${session.csrf}; Path=/; Max-Age=2592000; SameSite=Lax`,
    ],
  });
}

function logout(state: SandboxState, ctx: Ctx, r: ApiRequest): void {
  const auth = /^(bearer|token)\s+(\S+)\s*$/i.exec(r.req.headers.authorization ?? '');
  const t = auth?.[2] ?? parseCookies(r.req.headers.cookie ?? '').MMAUTHTOKEN;
  if (t) {
    const s = state.sessions.get(t);
    if (s && s.kind === 'session') state.sessions.delete(t);
  }
  sendJson(ctx, 200, { status: 'OK' }, {
    'Set-Cookie': ['MMAUTHTOKEN=; Path=/; Max-Age=0; HttpOnly', 'MMUSERID=; Path=/; Max-Age=0', 'MMCSRF=; Path=/; Max-Age=0'],
  });
}

class BadBody extends Error {}

function checkString(o: Record<string, unknown>, k: string): void {
  if (k in o && o[k] !== null && typeof o[k] !== 'string') throw new BadBody(k);
}

function createPost(state: SandboxState, ctx: Ctx, r: ApiRequest, session: SessionRecord): void {
  const d = decodeFirstValue(r.body);
  if (!d.ok || !isObject(d.value)) return appError(ctx, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing post in request body.');
  const o = d.value;
  try {
    for (const k of ['channel_id', 'message', 'root_id', 'type', 'pending_post_id', 'id', 'user_id']) checkString(o, k);
    if ('props' in o && o.props !== null && !isObject(o.props)) throw new BadBody('props');
    if ('metadata' in o && o.metadata !== null && !isObject(o.metadata)) throw new BadBody('metadata');
    if ('file_ids' in o && o.file_ids !== null && (!Array.isArray(o.file_ids) || o.file_ids.some(x => typeof x !== 'string'))) throw new BadBody('file_ids');
  } catch (e) {
    if (e instanceof BadBody) return appError(ctx, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing post in request body.');
    throw e;
  }
  const channelId = typeof o.channel_id === 'string' ? o.channel_id : '';
  const channel = state.channels.get(channelId);
  if (!channel || !channel.members.has(session.userId) || channel.readOnlyFor.has(session.userId)) {
    return appError(ctx, 403, 'api.context.permissions.app_error');
  }
  const message = typeof o.message === 'string' ? o.message : '';
  const rootId = typeof o.root_id === 'string' ? o.root_id : '';
  // postPriorityCheck runs before the root post is looked up (§6.2)
  if (rootId !== '' && isObject(o.metadata) && o.metadata.priority !== undefined && o.metadata.priority !== null) {
    return state.config.postPriority
      ? appError(ctx, 400, 'api.post.post_priority.priority_post_only_allowed_for_root_post.request_error')
      : appError(ctx, 403, 'api.post.post_priority.priority_post_not_allowed_for_user.request_error');
  }
  if (rootId !== '' && !state.posts.some(p => p.id === rootId)) return appError(ctx, 400, 'api.post.create_post.root_id.app_error');
  const type = typeof o.type === 'string' ? o.type : '';
  const sent = isObject(o.props) ? o.props : {};
  // servers that know Mattermost Blocks delete a password session's registry (MM_BLOCKS.md §3.5)
  const props = supports(state.config, 'mm-blocks') ? restRegistryGate(sent, session) : sent;
  if (runeCount(message) > maxPostRunes(state.config)) return appError(ctx, 400, 'model.post.is_valid.message_length.app_error');
  if (!(type === '' || ['slack_attachment', 'me', 'reminder', 'card', 'burn_on_read', 'add_bot_teams_channels'].includes(type) || type.startsWith('custom_') || type.startsWith('system_'))) {
    return appError(ctx, 400, 'model.post.is_valid.type.app_error');
  }
  if ([...JSON.stringify(props)].length > 800000) return appError(ctx, 400, 'model.post.is_valid.props.app_error');
  const now = Date.now();
  const metadata = isObject(o.metadata) && isObject(o.metadata.priority) ? { priority: o.metadata.priority } : {};
  const post: PostRecord = {
    id: newId(), create_at: now, update_at: now, edit_at: 0, delete_at: 0, user_id: session.userId, channel_id: channel.id,
    root_id: rootId, message, type, props, hashtags: '', pending_post_id: typeof o.pending_post_id === 'string' ? o.pending_post_id : '', metadata,
  };
  state.posts.push(post);
  sendJson(ctx, 201, supports(state.config, 'mm-blocks') ? postForClient(state.cookieSecret, post) : post);
}

/**
 * GET /api/v4/config/client?format=old: no session needed. Anonymous callers get the limited config
 * (version, build); a valid session or token the full one; an invalid token 401. Without format=old: 501.
 */
function clientConfigRoute(state: SandboxState, ctx: Ctx, r: ApiRequest): void {
  if (r.query.get('format') !== 'old') return appError(ctx, 501, 'api.config.client.old_format.app_error');
  const hasCredentials = r.req.headers.authorization !== undefined || parseCookies(r.req.headers.cookie ?? '').MMAUTHTOKEN !== undefined;
  if (!hasCredentials) return sendJson(ctx, 200, clientConfig(state.config, false));
  const auth = authenticate(state, ctx, r);
  if (!auth.ok) return;
  sendJson(ctx, 200, clientConfig(state.config, true));
}

/** Routes /api/v4/…; returns false when the path is not an API route. */
export function handleApi(state: SandboxState, ctx: Ctx, r: ApiRequest): boolean {
  if (!r.path.startsWith('/api/v4/')) return false;
  const route = r.path.slice('/api/v4'.length);
  if (r.bodyTooLarge) {
    appError(ctx, 413, 'api.context.request_body_too_large.app_error');
    return true;
  }
  const allow = (method: string): boolean => {
    if (r.method === method) return true;
    appError(ctx, 405, 'api.context.405.app_error', 'Method not allowed.');
    return false;
  };
  if (route === '/users/login') {
    if (allow('POST')) login(state, ctx, r);
    return true;
  }
  if (route === '/users/logout') {
    if (allow('POST')) logout(state, ctx, r);
    return true;
  }
  if (route === '/config/client') {
    if (allow('GET')) clientConfigRoute(state, ctx, r);
    return true;
  }
  const known = route === '/users/me' || route === '/users/me/teams' || route === '/posts'
    || /^\/users\/me\/teams\/[^/]+\/channels$/.test(route) || /^\/teams\/name\/[^/]+\/channels\/name\/[^/]+$/.test(route);
  if (!known) {
    appError(ctx, 404, 'api.context.404.app_error');
    return true;
  }
  const auth = authenticate(state, ctx, r);
  if (!auth.ok) return true;
  const session = auth.session;
  const user = state.users.get(session.userId)!;

  if (route === '/users/me') {
    if (allow('GET')) sendJson(ctx, 200, sanitizeUser(user));
    return true;
  }
  if (route === '/users/me/teams') {
    if (allow('GET')) sendJson(ctx, 200, [...state.teams.values()].filter(t => state.teamMembers.get(t.id)?.has(user.id)).map(publicTeam));
    return true;
  }
  if (route === '/posts') {
    if (allow('POST')) createPost(state, ctx, r, session);
    return true;
  }
  let m = /^\/users\/me\/teams\/([^/]+)\/channels$/.exec(route);
  if (m) {
    if (!allow('GET')) return true;
    const teamId = decodeURIComponent(m[1]);
    if (!state.teamMembers.get(teamId)?.has(user.id)) {
      appError(ctx, 403, 'api.context.permissions.app_error');
      return true;
    }
    sendJson(ctx, 200, [...state.channels.values()].filter(c => c.team_id === teamId && c.members.has(user.id)).map(publicChannel));
    return true;
  }
  m = /^\/teams\/name\/([^/]+)\/channels\/name\/([^/]+)$/.exec(route);
  if (m) {
    if (!allow('GET')) return true;
    const team = [...state.teams.values()].find(t => t.name === decodeURIComponent(m[1]));
    if (!team || !state.teamMembers.get(team.id)?.has(user.id)) {
      appError(ctx, 404, 'app.team.get_by_name.missing.app_error');
      return true;
    }
    const channel = findChannelByName(state, team.id, decodeURIComponent(m[2]));
    if (!channel || (channel.type !== 'O' && !channel.members.has(user.id))) {
      appError(ctx, 404, 'app.channel.get_by_name.missing.app_error');
      return true;
    }
    sendJson(ctx, 200, publicChannel(channel));
    return true;
  }
  appError(ctx, 404, 'api.context.404.app_error');
  return true;
}
