/**
 * The sandbox as a configurable server (issue 11, item 5): its version and settings, read from a profile
 * (a saved `GET /api/v4/config/client?format=old` answer, src/core/server/profile.ts) and answered back on
 * that endpoint. What the version and settings change in what the sandbox accepts and drops is decided by
 * the same behaviour table the linter reads (supports()), so the two cannot drift apart.
 */
import { parseProfile, parseVersion, formatVersion, type BehaviourId, type Profile, supports as profileSupports } from '../core/server/profile';
import type { SandboxConfig } from './state';

/** The client config the sandbox answers: full for a session, limited (version and build only) for anonymous callers. */
export function clientConfig(config: SandboxConfig, full: boolean): Record<string, string> {
  const version = formatVersion(parseVersion(config.version), true);
  const limited: Record<string, string> = {
    Version: version,
    BuildNumber: 'sandbox',
    BuildHash: 'sandbox',
    BuildEnterpriseReady: 'false',
    SiteName: 'Mattermost Sandbox',
  };
  if (!full) return limited;
  return {
    ...config.extraClientConfig,
    ...limited,
    EnablePostUsernameOverride: String(config.enablePostUsernameOverride),
    EnablePostIconOverride: String(config.enablePostIconOverride),
    EnableIncomingWebhooks: String(config.enableIncomingWebhooks),
    PostPriority: String(config.postPriority),
    MaxFileSize: String(config.maxFileSize),
  };
}

/** The sandbox's own profile, for its behaviour decisions (and the server model's, e.g. blocks.ts). */
export function profileOf(config: SandboxConfig): Profile {
  return parseProfile({ ...clientConfig(config, true), MaximumPayloadSizeBytes: String(config.maximumPayloadSizeBytes) }, 'CLI', 'sandbox');
}

export function supports(config: SandboxConfig, id: BehaviourId): boolean {
  return profileSupports(profileOf(config), id);
}

/**
 * A profile (client-config JSON, already parsed) → the sandbox settings it changes. Throws ProfileError
 * for invalid input. Keys the sandbox does not model (feature flags, …) are answered back unchanged.
 */
export function configFromProfile(input: unknown): Partial<SandboxConfig> {
  const p = parseProfile(input, 'CLI');
  const c = p.config;
  const out: Partial<SandboxConfig> = { version: formatVersion(p.version, true) };
  const bool = (k: string) => (c[k] === undefined ? undefined : c[k] === 'true');
  const set = <K extends keyof SandboxConfig>(k: K, value: SandboxConfig[K] | undefined) => { if (value !== undefined) out[k] = value; };
  set('enablePostUsernameOverride', bool('EnablePostUsernameOverride'));
  set('enablePostIconOverride', bool('EnablePostIconOverride'));
  set('enableIncomingWebhooks', bool('EnableIncomingWebhooks'));
  set('postPriority', bool('PostPriority'));
  if (c.MaxFileSize !== undefined) out.maxFileSize = Number(c.MaxFileSize);
  if (c.MaximumPayloadSizeBytes !== undefined) out.maximumPayloadSizeBytes = Number(c.MaximumPayloadSizeBytes);
  const modelled = new Set(['Version', 'EnablePostUsernameOverride', 'EnablePostIconOverride', 'EnableIncomingWebhooks', 'PostPriority', 'MaxFileSize', 'MaximumPayloadSizeBytes']);
  out.extraClientConfig = Object.fromEntries(Object.entries(c).filter(([k]) => !modelled.has(k)));
  return out;
}

/** The request-body read limit of this configuration (bytes), or undefined for no limit (before 5.22). */
export function bodyLimit(config: SandboxConfig): number | undefined {
  if (!supports(config, 'body-limit')) return undefined;
  if (!supports(config, 'maximum-payload-size')) return config.maxFileSize;
  return config.maximumPayloadSizeBytes + 512;
}

/** MaxPostSize in runes: 4000 before 4.9 (§8), else the configured column limit. */
export function maxPostRunes(config: SandboxConfig): number {
  return supports(config, 'message-limit-column') ? config.maxPostRunes : 4000;
}

/** X-Version-Id: version.build.confighash.licensed, as real servers send it. */
export function versionId(config: SandboxConfig): string {
  return `${formatVersion(parseVersion(config.version), true)}.sandbox.0.false`;
}
