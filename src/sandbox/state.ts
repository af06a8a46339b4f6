/**
 * The sandbox's data: seeded users, a personal access token, teams, channels, webhooks, and the stores that
 * change (sessions, posts). Everything is in memory; `createState()` gives a fresh copy (reset).
 */
import { randomBytes } from 'node:crypto';
import { MAX_POST_RUNES } from '../core/server/limits';

/** A 26-character Mattermost-style id ([a-z0-9]) from a readable tag. */
function sid(tag: string): string {
  return (tag.toLowerCase().replace(/[^a-z0-9]/g, '') + '0'.repeat(26)).slice(0, 26);
}

export function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(26);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Everything a person or a test needs to use the sandbox. */
export const SEED = {
  user: { id: sid('sbuser1'), username: 'sandbox', email: 'sandbox@sandbox.test', password: 'sandbox-password' },
  mfaUser: { id: sid('sbuser2mfa'), username: 'mfa-user', email: 'mfa-user@sandbox.test', password: 'sandbox-password', mfaCode: '123456' },
  inactiveUser: { id: sid('sbuser3inactive'), username: 'inactive-user', email: 'inactive@sandbox.test', password: 'sandbox-password' },
  otherUser: { id: sid('sbuser4other'), username: 'other-user', email: 'other-user@sandbox.test', password: 'sandbox-password' },
  /** Personal access token of the `sandbox` user. */
  pat: sid('sbpatsandboxpersonaltoken'),
  team: { id: sid('sbteam1'), name: 'sandbox', display_name: 'Sandbox' },
  team2: { id: sid('sbteam2'), name: 'second', display_name: 'Second Team' },
  channels: {
    townSquare: { id: sid('sbchtownsquare'), name: 'town-square', display_name: 'Town Square' },
    offTopic: { id: sid('sbchofftopic'), name: 'off-topic', display_name: 'Off-Topic' },
    /** The `sandbox` user is a member but may not post (403 api.context.permissions.app_error). */
    readOnly: { id: sid('sbchreadonly'), name: 'read-only', display_name: 'Read Only' },
    /** Private; the `sandbox` user is a member. */
    privateCh: { id: sid('sbchprivate'), name: 'private', display_name: 'Private' },
    /** Private; the `sandbox` user is NOT a member (webhook override → 403 permissions). */
    secret: { id: sid('sbchsecret'), name: 'secret', display_name: 'Secret' },
    secondTown: { id: sid('sbch2townsquare'), name: 'town-square', display_name: 'Town Square' },
  },
  hooks: {
    /** Posts to town-square; channel overrides allowed. */
    normal: { id: sid('sbhooknormal'), display_name: 'Sandbox hook' },
    /** Locked to off-topic: any other `channel` override → 403 channel_locked. */
    locked: { id: sid('sbhooklocked'), display_name: 'Locked hook' },
  },
} as const;

export interface UserRecord {
  id: string;
  username: string;
  email: string;
  password: string;
  mfaCode?: string;
  active: boolean;
  emailVerified: boolean;
  failedAttempts: number;
}

export interface TeamRecord { id: string; name: string; display_name: string; type: 'O' | 'I' }

export interface ChannelRecord {
  id: string;
  team_id: string;
  name: string;
  display_name: string;
  type: 'O' | 'P' | 'D';
  members: Set<string>;
  /** Users who may read but not post. */
  readOnlyFor: Set<string>;
}

interface HookRecord {
  id: string;
  channel_id: string;
  team_id: string;
  user_id: string;
  display_name: string;
  username: string;
  icon_url: string;
  channel_locked: boolean;
}

export interface SessionRecord {
  token: string;
  userId: string;
  csrf: string;
  kind: 'session' | 'pat';
}

export interface PostRecord {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  user_id: string;
  channel_id: string;
  root_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  pending_post_id: string;
  metadata: Record<string, unknown>;
}

export interface SandboxConfig {
  /** The Mattermost version the sandbox plays (X.Y.Z): sent in X-Version-Id and the client config, and it picks the §8 behaviours. */
  version: string;
  enableIncomingWebhooks: boolean;
  enablePostUsernameOverride: boolean;
  enablePostIconOverride: boolean;
  /** ServiceSettings.MaximumPayloadSizeBytes (the body cap is this + 512). */
  maximumPayloadSizeBytes: number;
  /** MaxPostSize in runes. */
  maxPostRunes: number;
  maximumLoginAttempts: number;
  /** ServiceSettings.PostPriority: off → a REST reply with metadata.priority gets 403 (§6.2). */
  postPriority: boolean;
  /** FileSettings.MaxFileSize: the body limit from 5.22 until ≈ 9.8. */
  maxFileSize: number;
  /**
   * ServiceSettings.EnableDeveloper: errors carry their detailed_error (e.g. why a webhook's action registry
   * was refused). On in the sandbox, which is there to show why; a real server's default is off.
   */
  enableDeveloper: boolean;
  /** Other client-config keys (feature flags, …) answered back unchanged. */
  extraClientConfig: Record<string, string>;
}

const DEFAULT_CONFIG: SandboxConfig = {
  version: '11.6.0',
  enableIncomingWebhooks: true,
  enablePostUsernameOverride: false,
  enablePostIconOverride: false,
  maximumPayloadSizeBytes: 300000,
  maxPostRunes: MAX_POST_RUNES,
  maximumLoginAttempts: 10,
  postPriority: true,
  maxFileSize: 104857600,
  enableDeveloper: true,
  extraClientConfig: {},
};

export interface SandboxState {
  config: SandboxConfig;
  users: Map<string, UserRecord>;
  teams: Map<string, TeamRecord>;
  teamMembers: Map<string, Set<string>>;
  channels: Map<string, ChannelRecord>;
  hooks: Map<string, HookRecord>;
  sessions: Map<string, SessionRecord>;
  posts: PostRecord[];
  /** PostActionCookieSecret: encrypts `mm_blocks_actions` for clients (src/sandbox/blocks.ts). */
  cookieSecret: Buffer;
}

export function createState(): SandboxState {
  const S = SEED;
  const users = new Map<string, UserRecord>();
  const addUser = (u: { id: string; username: string; email: string; password: string }, extra: Partial<UserRecord> = {}): void => {
    users.set(u.id, { ...u, active: true, emailVerified: true, failedAttempts: 0, ...extra });
  };
  addUser(S.user);
  addUser(S.mfaUser, { mfaCode: S.mfaUser.mfaCode });
  addUser(S.inactiveUser, { active: false });
  addUser(S.otherUser);

  const teams = new Map<string, TeamRecord>([
    [S.team.id, { ...S.team, type: 'O' }],
    [S.team2.id, { ...S.team2, type: 'O' }],
  ]);
  const everyone = [S.user.id, S.mfaUser.id, S.otherUser.id];
  const teamMembers = new Map<string, Set<string>>([
    [S.team.id, new Set(everyone)],
    [S.team2.id, new Set([S.user.id])],
  ]);
  const channels = new Map<string, ChannelRecord>();
  const addChannel = (c: { id: string; name: string; display_name: string }, team: string, type: 'O' | 'P', members: string[], readOnlyFor: string[] = []): void => {
    channels.set(c.id, { ...c, team_id: team, type, members: new Set(members), readOnlyFor: new Set(readOnlyFor) });
  };
  const ch = S.channels;
  addChannel(ch.townSquare, S.team.id, 'O', everyone);
  addChannel(ch.offTopic, S.team.id, 'O', everyone);
  addChannel(ch.readOnly, S.team.id, 'O', everyone, [S.user.id]);
  addChannel(ch.privateCh, S.team.id, 'P', [S.user.id]);
  addChannel(ch.secret, S.team.id, 'P', [S.otherUser.id]);
  addChannel(ch.secondTown, S.team2.id, 'O', [S.user.id]);

  const hooks = new Map<string, HookRecord>([
    [S.hooks.normal.id, { id: S.hooks.normal.id, channel_id: ch.townSquare.id, team_id: S.team.id, user_id: S.user.id, display_name: S.hooks.normal.display_name, username: '', icon_url: '', channel_locked: false }],
    [S.hooks.locked.id, { id: S.hooks.locked.id, channel_id: ch.offTopic.id, team_id: S.team.id, user_id: S.user.id, display_name: S.hooks.locked.display_name, username: '', icon_url: '', channel_locked: true }],
  ]);
  const sessions = new Map<string, SessionRecord>([
    [S.pat, { token: S.pat, userId: S.user.id, csrf: '', kind: 'pat' }],
  ]);
  return { config: { ...DEFAULT_CONFIG, extraClientConfig: {} }, users, teams, teamMembers, channels, hooks, sessions, posts: [], cookieSecret: randomBytes(32) };
}

export function sanitizeUser(u: UserRecord): Record<string, unknown> {
  return {
    id: u.id,
    create_at: 1700000000000,
    update_at: 1700000000000,
    delete_at: u.active ? 0 : 1700000000001,
    username: u.username,
    auth_data: '',
    auth_service: '',
    email: u.email,
    email_verified: u.emailVerified,
    nickname: '',
    first_name: '',
    last_name: '',
    position: '',
    roles: 'system_user',
    locale: 'en',
    mfa_active: u.mfaCode !== undefined,
  };
}

export function publicChannel(c: ChannelRecord): Record<string, unknown> {
  return {
    id: c.id,
    create_at: 1700000000000,
    update_at: 1700000000000,
    delete_at: 0,
    team_id: c.team_id,
    type: c.type,
    display_name: c.display_name,
    name: c.name,
    header: '',
    purpose: '',
  };
}

export function publicTeam(t: TeamRecord): Record<string, unknown> {
  return { id: t.id, create_at: 1700000000000, update_at: 1700000000000, delete_at: 0, display_name: t.display_name, name: t.name, type: t.type, description: '' };
}

export function findChannelByName(state: SandboxState, teamId: string, name: string): ChannelRecord | undefined {
  for (const c of state.channels.values()) if (c.team_id === teamId && c.name === name) return c;
  return undefined;
}

export function findUserByLogin(state: SandboxState, loginId: string): UserRecord | undefined {
  const l = loginId.toLowerCase();
  for (const u of state.users.values()) if (u.username === l || u.email.toLowerCase() === l) return u;
  return undefined;
}

/** Direct-message channel between two users (created on first use), named `<id1>__<id2>` like Mattermost. */
export function directChannel(state: SandboxState, a: string, b: string): ChannelRecord {
  const [x, y] = [a, b].sort();
  const name = `${x}__${y}`;
  for (const c of state.channels.values()) if (c.type === 'D' && c.name === name) return c;
  const c: ChannelRecord = { id: newId(), team_id: '', name, display_name: '', type: 'D', members: new Set([x, y]), readOnlyFor: new Set() };
  state.channels.set(c.id, c);
  return c;
}
