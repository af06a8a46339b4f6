/**
 * The target-server profile: which Mattermost version the payload goes to, and the settings that change
 * what that server does with it (MATTERMOST_RULES.md §8 "Server versions", §9 "Newer servers").
 *
 * A profile has the exact shape of `GET /api/v4/config/client?format=old` (a map of strings:
 * `"Version": "11.6.0"`, `"EnablePostUsernameOverride": "true"`, `"PostPriority": "true"`,
 * `"FeatureFlag<Name>": "…"`), so a saved answer of that endpoint IS a profile. Only the keys this
 * model reads are kept (the rest of a client config, e.g. API keys meant for the web app, is dropped):
 * see PROFILE_KEYS. A key that is missing takes its default for that version.
 *
 * `MaximumPayloadSizeBytes` is not in the client config of the server code read (config/client.go sends
 * `MaxFileSize`, not it), so a fetched profile never has it: the request-body limit is then the
 * version's default (300000 + 512 since ≈ 9.8, `MaxFileSize` (100 MB) from 5.22, none before). A
 * hand-written profile may add it as a string, like the other keys.
 *
 * Pure: no `vscode`, no I/O. The sources (logged-in server, workspace file, CLI, default) are resolved by
 * the adapters; this module only parses, validates and answers "does this server do X?".
 */

/** Where a profile came from, as shown to the user. */
export type ProfileSource = 'logged-in server' | 'workspace file' | 'CLI' | 'default';

export interface ServerVersion {
  major: number;
  minor: number;
  patch: number;
}

export interface Profile {
  /** The kept client-config keys, string values exactly as the server sends them. */
  readonly config: Readonly<Record<string, string>>;
  /** `Version`, parsed. */
  readonly version: ServerVersion;
  readonly source: ProfileSource;
  /** The server origin or file the profile came from (not secret), for hovers and the status bar. */
  readonly from?: string;
}

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

// ------------------------------------------------------------------------------------------------
// Versions

/**
 * `X.Y`, `X.Y.Z`, or what servers really send: `Version` "11.6.0", `X-Version-Id`
 * "11.6.0.12345.abcdef.true" (version, build number, config hash, licensed). A leading `v` is allowed.
 * Anything after the third number is ignored.
 */
export function parseVersion(text: string): ServerVersion {
  if (typeof text !== 'string') throw new ProfileError('The server version must be a string such as "11.6.0".');
  const m = /^\s*v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:[.+-][0-9A-Za-z.+-]*)?\s*$/.exec(text);
  if (!m) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new ProfileError(`"${shown}" is not a Mattermost version; use X.Y or X.Y.Z, e.g. 9.11 or 11.6.0.`);
  }
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

export function compareVersions(a: ServerVersion, b: ServerVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** "9.11" (short, what messages say) or "9.11.0" (full). */
export function formatVersion(v: ServerVersion, full = false): string {
  return full ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}`;
}

const parsedVersions = new Map<string, ServerVersion>();
/** A version written in this file (the behaviours' since/after/through), parsed once: support() runs on every lint. */
const v = (s: string): ServerVersion => {
  let r = parsedVersions.get(s);
  if (r === undefined) parsedVersions.set(s, (r = parseVersion(s)));
  return r;
};

// ------------------------------------------------------------------------------------------------
// Settings

type SettingKind = 'bool' | 'bytes' | 'version' | 'text';

interface SettingInfo {
  kind: SettingKind;
  /** The server's default, as the client config would say it. */
  default?: string;
  description: string;
}

/** The client-config keys a profile keeps, with their defaults (plus every `FeatureFlag<Name>`). */
const PROFILE_KEYS: Readonly<Record<string, SettingInfo>> = {
  Version: { kind: 'version', description: 'The server version.' },
  BuildNumber: { kind: 'text', description: 'The build number.' },
  EnablePostUsernameOverride: { kind: 'bool', default: 'false', description: 'Integrations may set the shown name (`username`).' },
  EnablePostIconOverride: { kind: 'bool', default: 'false', description: 'Integrations may set the shown icon (`icon_url`, `icon_emoji`).' },
  PostPriority: { kind: 'bool', default: 'true', description: 'Message priority (`metadata.priority`) is allowed.' },
  AllowPersistentNotifications: { kind: 'bool', default: 'true', description: 'Persistent notifications for urgent posts.' },
  EnableIncomingWebhooks: { kind: 'bool', default: 'true', description: 'Incoming webhooks are on (off: 501).' },
  EnableOutgoingWebhooks: { kind: 'bool', default: 'true', description: 'Outgoing webhooks are on.' },
  EnableCommands: { kind: 'bool', default: 'true', description: 'Custom slash commands are on.' },
  MaxFileSize: { kind: 'bytes', default: '104857600', description: 'FileSettings.MaxFileSize: the request-body limit from 5.22 until ≈ 9.8.' },
  MaximumPayloadSizeBytes: { kind: 'bytes', default: '300000', description: 'ServiceSettings.MaximumPayloadSizeBytes (not sent by the server; a profile file may set it).' },
};

const FEATURE_FLAG = /^FeatureFlag[A-Za-z0-9]+$/;

/** Feature flags whose default this model knows (§9). */
const FEATURE_FLAG_DEFAULTS: Readonly<Record<string, string>> = {
  FeatureFlagMmBlocksEnabled: 'true',
};

/** The value of a setting in this profile, or its default (undefined when it has none). */
export function setting(profile: Profile, key: string): string | undefined {
  return profile.config[key] ?? PROFILE_KEYS[key]?.default ?? FEATURE_FLAG_DEFAULTS[key];
}

export function settingOn(profile: Profile, key: string): boolean {
  return setting(profile, key) === 'true';
}

// ------------------------------------------------------------------------------------------------
// Parsing

/** The newest release MATTERMOST_RULES.md describes (its §8 table and the 11.6-dev source). */
const NEWEST_DESCRIBED = '11.6.0';

/**
 * A client config (the endpoint's JSON, already parsed) → a profile. Throws ProfileError with one clear
 * sentence for bad input: not an object, a non-string value, a missing or malformed `Version`, a setting
 * that is not "true"/"false", a size that is not a whole number.
 */
export function parseProfile(input: unknown, source: ProfileSource, from?: string): Profile {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ProfileError(`A server profile is a JSON object (the answer of GET /api/v4/config/client?format=old), not ${describe(input)}.`);
  }
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const info = PROFILE_KEYS[key];
    if (!info && !FEATURE_FLAG.test(key)) continue; // the rest of a client config is not needed here
    if (typeof value !== 'string') {
      throw new ProfileError(`"${key}" must be a string, as the server sends it (e.g. "${key}": "${example(info)}"), not ${describe(value)}.`);
    }
    if (info?.kind === 'bool' && value !== 'true' && value !== 'false') {
      throw new ProfileError(`"${key}" must be "true" or "false", not ${JSON.stringify(clip(value))}.`);
    }
    if (info?.kind === 'bytes' && !/^\d{1,15}$/.test(value)) {
      throw new ProfileError(`"${key}" must be a whole number of bytes as a string (e.g. "300000"), not ${JSON.stringify(clip(value))}.`);
    }
    config[key] = value;
  }
  if (config.Version === undefined) {
    throw new ProfileError('A server profile needs "Version" (e.g. "Version": "11.6.0").');
  }
  const version = parseVersion(config.Version);
  return freeze({ config, version, source, from });
}

/** Profile JSON text → profile; invalid JSON is a ProfileError that never repeats the text. */
export function parseProfileText(text: string, source: ProfileSource, from?: string): Profile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    if (body.trim() === '') throw new ProfileError('The server profile is empty; it must be a JSON object such as {"Version": "11.6.0"}.');
    if (!at) throw new ProfileError('The server profile is not valid JSON.');
    const offset = Number(at[1]);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new ProfileError(`The server profile is not valid JSON (line ${line}, column ${column}).`);
  }
  return parseProfile(json, source, from);
}

/** A version at that version's default settings (CLI --server-version). */
export function profileForVersion(versionText: string, source: ProfileSource = 'CLI', from?: string): Profile {
  const version = parseVersion(versionText);
  return freeze({ config: { Version: formatVersion(version, true) }, version, source, from });
}

/** The newest release the reference describes, at its default settings. */
export const DEFAULT_PROFILE: Profile = freeze({ config: { Version: NEWEST_DESCRIBED }, version: v(NEWEST_DESCRIBED), source: 'default' });

export function isDefaultProfile(profile: Profile | undefined): boolean {
  return !profile || profile.source === 'default';
}

/** Where a profile can come from for one destination (issue 11 item 3), as the adapters read them. */
export interface ProfileSources {
  /** The profile fetched from the logged-in server at this origin, if one is kept. */
  loggedIn(origin: string): Profile | undefined;
  /** The workspace profile file's profile, if it is set and valid. */
  file: Profile | undefined;
}

/**
 * The profile for a payload that goes to `origin` (undefined: not known), first found wins: the logged-in
 * server for that origin, the workspace file, the default. The editor (diagnostics) and the send path
 * (its lint gate, a resend) both choose with this, so they agree.
 */
export function profileForDestination(origin: string | undefined, sources: ProfileSources): Profile {
  return (origin !== undefined ? sources.loggedIn(origin) : undefined) ?? sources.file ?? DEFAULT_PROFILE;
}

/** Same version and settings (where a profile came from does not change a finding). */
export function sameProfile(a: Profile, b: Profile): boolean {
  if (compareVersions(a.version, b.version) !== 0) return false;
  const keys = new Set([...Object.keys(a.config), ...Object.keys(b.config)]);
  for (const k of keys) if (k !== 'Version' && k !== 'BuildNumber' && setting(a, k) !== setting(b, k)) return false;
  return true;
}

function freeze(p: Profile): Profile {
  Object.freeze(p.config);
  Object.freeze(p.version);
  return Object.freeze(p);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return 'a string';
  if (typeof x === 'boolean') return `the boolean ${x}`;
  if (typeof x === 'number') return `the number ${x}`;
  return typeof x;
}

function example(info: SettingInfo | undefined): string {
  if (!info) return 'true';
  return info.kind === 'version' ? '11.6.0' : info.default ?? 'true';
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

// ------------------------------------------------------------------------------------------------
// Behaviours: §8 (and §9) as data, one place

export type BehaviourId =
  | 'control-char-repair'
  | 'null-attachments-removed'
  | 'split-rune-boundaries'
  | 'message-limit-column'
  | 'message-limit-floor-16383'
  | 'extra-responses'
  | 'short-string'
  | 'icon-emoji'
  | 'props-card-rhs'
  | 'skip-slack-parsing'
  | 'body-limit'
  | 'maximum-payload-size'
  | 'webhook-priority'
  | 'log-only-validation'
  | 'dialog-validation-logged'
  | 'dialog-date-elements'
  | 'dialog-datetime-config'
  | 'dialog-datetime-config-dates'
  | 'dialog-file-elements'
  | 'action-tooltip'
  | 'burn-on-read-type'
  | 'outgoing-null-attachment-crash'
  | 'webhook-root-id'
  | 'webhook-silent'
  | 'mm-blocks'
  | 'username-override'
  | 'icon-override'
  | 'post-priority'
  | 'incoming-webhooks';

export interface Behaviour {
  id: BehaviourId;
  /** What the server does. */
  description: string;
  /** First release that does it (inclusive). */
  since?: string;
  /** The boundary is inferred (≈, or "after X, not pinned"): messages say "may". */
  approximate?: boolean;
  /** Newer than every release described (§9): servers after this release line may do it; none up to it does. */
  after?: string;
  /** Present up to and including this release line; fixed later, in a release not pinned (servers after it: "may"). */
  through?: string;
  /**
   * With no server known (the default profile), assume a server that does it: a payload that uses the
   * feature targets such a server, and "not on 11.6" on every line of it would only be noise.
   */
  assumedWhenUnknown?: boolean;
  /** Client-config keys that must be "true" (or default to it) for the behaviour. */
  settings?: readonly string[];
  /** What servers before `since` (or with the setting off) do instead. */
  otherwise: string;
  /** Where the reference says so. */
  ref: string;
}

/** MATTERMOST_RULES.md §8/§9, one row per behaviour. Rules read this through support()/supports(). */
export const BEHAVIOURS: readonly Behaviour[] = [
  { id: 'control-char-repair', since: '3.1', description: 'Raw newlines and tabs in six incoming-webhook keys are repaired before decoding.', otherwise: 'a raw newline in a string is a 400 parse error', ref: '§8, §1.2' },
  { id: 'null-attachments-removed', since: '4.1', description: '`null` attachments and fields are removed at decode.', otherwise: '`null` entries are not filtered', ref: '§8' },
  { id: 'split-rune-boundaries', since: '4.4', description: 'Long incoming-webhook text is split on rune boundaries, attachments spread over the split posts.', otherwise: 'text is split by bytes and props over ~800000 runes get 400', ref: '§8, §1.3' },
  { id: 'message-limit-column', since: '4.9', description: 'The message limit follows the column width (16383 runes on current schemas).', otherwise: 'the limit is 4000 runes', ref: '§8' },
  { id: 'message-limit-floor-16383', since: '6.1', approximate: true, description: 'The message limit is at least 16383 runes (`max(column/4, 16383)`).', otherwise: 'the floor is 4000 runes when the column width cannot be read', ref: '§8 (after v6.0, not pinned)' },
  { id: 'extra-responses', since: '5.6', description: '`extra_responses` in slash-command responses.', otherwise: '`extra_responses` is ignored', ref: '§8' },
  { id: 'short-string', since: '5.8', description: 'Field `short` may be "true"/"false" strings.', otherwise: 'only JSON booleans; a string is a 400 parse error', ref: '§8, §2.2' },
  { id: 'icon-emoji', since: '5.14', description: '`icon_emoji` on incoming webhooks.', otherwise: '`icon_emoji` is ignored', ref: '§8' },
  { id: 'props-card-rhs', since: '5.14', description: '`props.card` is shown in the right-hand sidebar.', otherwise: '`props.card` is ignored', ref: '§8' },
  { id: 'skip-slack-parsing', since: '5.20', description: '`skip_slack_parsing` in slash-command responses.', otherwise: '`skip_slack_parsing` is ignored and the Slack processing always runs', ref: '§8, §4.3' },
  { id: 'body-limit', since: '5.22', description: 'Request bodies are capped (`MaxBytesReader`).', otherwise: 'there is no body limit', ref: '§8, §1.5' },
  { id: 'maximum-payload-size', since: '9.8', approximate: true, description: 'Non-file routes cap the body at MaximumPayloadSizeBytes (default 300000) + 512.', otherwise: 'the cap is FileSettings.MaxFileSize (100 MB), so webhook bodies over 300 KB are accepted', ref: '§8, §1.5' },
  { id: 'webhook-priority', since: '9.11', approximate: true, description: '`priority` on incoming and outgoing webhooks (≈ 9.10/9.11).', otherwise: '`priority` is ignored', ref: '§8' },
  { id: 'log-only-validation', since: '10.6', approximate: true, description: 'Attachments and actions are validated when the post is saved, and problems are only logged.', otherwise: 'nothing is validated or logged', ref: '§8, §2.4' },
  { id: 'dialog-validation-logged', since: '6.1', approximate: true, description: '`Dialog.IsValid` problems are logged when a dialog opens.', otherwise: 'dialogs are not validated', ref: '§8 (after v6.0, not pinned)' },
  { id: 'dialog-date-elements', since: '11.6', approximate: true, description: 'Dialog `date` and `datetime` elements.', otherwise: '`date`/`datetime` are unknown element types', ref: '§8 (in 11.6-dev)' },
  { id: 'dialog-datetime-config', since: '11.6', description: 'Dialog `datetime_config` (`time_interval`, `location_timezone`, `allow_manual_time_entry`).', otherwise: '`datetime_config` is ignored', ref: '§8 (docs: minimum server version 11.6)' },
  { id: 'dialog-datetime-config-dates', since: '11.8', approximate: true, description: '`min_date`, `max_date`, `manual_time_entry` inside `datetime_config`, taking precedence over the top-level fields.', otherwise: 'they are ignored inside `datetime_config`', ref: '§8, §9.3 (docs only)' },
  { id: 'dialog-file-elements', since: '11.10', approximate: true, description: 'Dialog `file` elements (file upload; `allow_multiple`).', otherwise: '`file` is an unknown element type (flagged where `Dialog.IsValid` exists; the 11.6-dev validator has no `file` case)', ref: 'not in MATTERMOST_RULES.md; developer docs "File elements: Minimum Server Version: 11.10" (mattermost-developer-documentation 06bce5ad), no server source seen' },
  { id: 'action-tooltip', since: '11.6', approximate: true, description: 'Action `tooltip` (hover text).', otherwise: '`tooltip` is ignored', ref: '§8 (in 11.6-dev)' },
  { id: 'burn-on-read-type', since: '11.6', approximate: true, description: 'The `burn_on_read` post type (also needs a licence and the BurnOnRead settings, else 501).', otherwise: '`burn_on_read` is an unknown type and fails `Post.IsValid`', ref: '§8, §1.4' },
  { id: 'outgoing-null-attachment-crash', through: '11.6', description: 'A `null` attachment in an outgoing-webhook response dereferences nil: nothing is posted.', otherwise: 'the `null` is skipped (fixed in a later revision)', ref: '§8, §4.4, §9.3' },
  { id: 'webhook-root-id', after: '11.6', description: '`root_id` on incoming webhooks (post into a thread).', otherwise: '`root_id` is ignored', ref: '§9.1 (source, no release)' },
  { id: 'webhook-silent', after: '11.6', description: '`silent` on incoming webhooks (no notifications).', otherwise: '`silent` is ignored', ref: '§9.1 (docs)' },
  { id: 'mm-blocks', since: '11.10', approximate: true, assumedWhenUnknown: true, settings: ['FeatureFlagMmBlocksEnabled'], description: 'Mattermost Blocks (`props.mm_blocks`, `props.mm_blocks_actions`), Block Kit in `props.blocks` and Adaptive Cards in `props.cards`, drawn by clients (home: blocks.ts).', otherwise: 'they are plain props: stored, not rendered', ref: '§9.2; MM_BLOCKS.md §6 (product docs: v11.10)' },
  { id: 'username-override', settings: ['EnablePostUsernameOverride'], description: '`username` from an integration is shown.', otherwise: '`username` is ignored and the hook\'s or command\'s name is shown', ref: '§1.1, §4.3' },
  { id: 'icon-override', settings: ['EnablePostIconOverride'], description: '`icon_url` / `icon_emoji` from an integration are shown.', otherwise: 'they are ignored and the hook\'s or command\'s icon is shown', ref: '§1.1, §4.3' },
  { id: 'post-priority', settings: ['PostPriority'], description: 'REST posts may carry `metadata.priority`.', otherwise: '`metadata.priority` on a reply gets 403 instead of 400', ref: '§6.2' },
  { id: 'incoming-webhooks', settings: ['EnableIncomingWebhooks'], description: 'Incoming webhooks are accepted.', otherwise: 'every incoming webhook gets 501', ref: '§1.3' },
];

const BY_ID = new Map(BEHAVIOURS.map(b => [b.id, b]));

function behaviour(id: BehaviourId): Behaviour {
  const b = BY_ID.get(id);
  if (!b) throw new Error(`unknown server behaviour ${id}`);
  return b;
}

/** 'yes' / 'no', or 'maybe' where the reference cannot tell for this version (§9, unpinned fixes). */
export type Support = 'yes' | 'no' | 'maybe';

export function support(profile: Profile, id: BehaviourId): Support {
  const b = behaviour(id);
  if (b.assumedWhenUnknown && isDefaultProfile(profile)) return 'yes';
  const ver = profile.version;
  let answer: Support = 'yes';
  if (b.since !== undefined && compareVersions(ver, v(b.since)) < 0) return 'no';
  // `after` and `through` name a release line: 11.6 covers every 11.6.x
  const line = { major: ver.major, minor: ver.minor, patch: 0 };
  if (b.after !== undefined) answer = compareVersions(line, v(b.after)) > 0 ? 'maybe' : 'no';
  if (b.through !== undefined && compareVersions(line, v(b.through)) > 0) answer = 'maybe';
  if (answer === 'no') return 'no';
  for (const key of b.settings ?? []) if (!settingOn(profile, key)) return 'no';
  return answer;
}

/**
 * "since Mattermost 5.8", or "since about Mattermost 10.6" where the reference gives the release only
 * approximately (≈): messages about such a boundary say "may".
 */
export function sinceText(id: BehaviourId): string {
  const b = behaviour(id);
  return `since ${b.approximate ? 'about ' : ''}Mattermost ${b.since ?? b.after ?? ''}`;
}

/** The release of this behaviour is inferred (≈, docs only, not pinned): say "may", never error. */
export function isApproximate(id: BehaviourId): boolean {
  return behaviour(id).approximate === true;
}

/**
 * The profile is on the release line of an inferred (≈) boundary: the reference gives the release only as
 * "about X.Y", so a server of that major version may be on either side of it. Findings that follow such a
 * boundary say "may" there, and are not errors (issue 11: "≈" → "may").
 */
export function nearBoundary(profile: Profile, id: BehaviourId): boolean {
  const b = behaviour(id);
  return b.approximate === true && b.since !== undefined && profile.version.major === v(b.since).major;
}

/**
 * The request-body limit of this server is not known for sure: it is a 9.x server (MaximumPayloadSizeBytes
 * came in ≈ 9.8) and the profile does not say MaximumPayloadSizeBytes itself.
 */
export function requestBodyLimitUncertain(profile: Profile): boolean {
  return supports(profile, 'body-limit') && nearBoundary(profile, 'maximum-payload-size') && profile.config.MaximumPayloadSizeBytes === undefined;
}

/** The default MaximumPayloadSizeBytes + 512: the limit of the servers since ≈ 9.8 that do not change it. */
export function defaultPayloadLimit(): number {
  return Number(PROFILE_KEYS.MaximumPayloadSizeBytes.default) + 512;
}

/** Does the target server do this? ('maybe' counts as no.) */
export function supports(profile: Profile, id: BehaviourId): boolean {
  return support(profile, id) === 'yes';
}

// ------------------------------------------------------------------------------------------------
// Words for messages and the status bar

/** "Mattermost 11.6" */
function serverName(profile: Profile): string {
  return `Mattermost ${formatVersion(profile.version)}`;
}

/** "on Mattermost 9.11" — for findings that depend on the version or a setting of a known server. */
export function onServer(profile: Profile): string {
  return `on ${serverName(profile)}`;
}

/** Status bar text: "Mattermost 11.6 · overrides on", or "default profile" when nothing is known. */
export function profileSummary(profile: Profile): string {
  if (profile.source === 'default') return 'default profile';
  const user = settingOn(profile, 'EnablePostUsernameOverride');
  const icon = settingOn(profile, 'EnablePostIconOverride');
  const overrides = user && icon ? 'overrides on' : !user && !icon ? 'overrides off' : user ? 'username override on' : 'icon override on';
  return `${serverName(profile)} · ${overrides}`;
}

/** One line for hovers: what the profile is and where it came from. */
export function profileDescription(profile: Profile): string {
  if (profile.source === 'default') {
    return `No server profile is known, so findings assume ${serverName(profile)} at its default settings (username and icon overrides off).`;
  }
  const where = profile.from ? ` (${profile.from})` : '';
  return `${serverName(profile)} from the ${profile.source}${where}: ${profileSummary(profile).split(' · ')[1]}.`;
}

/**
 * The request-body read limit (bytes) of this server, or undefined for servers before 5.22 (no limit).
 * MaximumPayloadSizeBytes comes from a profile file when it says so; the server's client config does not
 * carry it, so otherwise it is the default 300000.
 */
export function requestBodyLimit(profile: Profile): number | undefined {
  if (!supports(profile, 'body-limit')) return undefined;
  if (!supports(profile, 'maximum-payload-size')) return Number(setting(profile, 'MaxFileSize'));
  return Number(setting(profile, 'MaximumPayloadSizeBytes')) + 512;
}
