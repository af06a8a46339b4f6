/**
 * Who "types" the command: the team, channel and user values Mattermost puts in every request to an
 * integration (MATTERMOST_RULES.md §3.3, §4.3, §4.4), with plausible defaults the user can override,
 * and the ids Mattermost generates (NewId, trigger ids).
 */
import { randomBytes } from 'crypto';

export interface InvokeContext {
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
}

/** Mattermost's NewId alphabet (base32 with this letter order), 26 characters. */
const ID_ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

/** A fresh 26-character id as Mattermost makes them (model.NewId). */
export function newId(): string {
  const bytes = randomBytes(26);
  let out = '';
  for (let i = 0; i < 26; i++) out += ID_ALPHABET[bytes[i] & 31];
  return out;
}

/** Plausible values for a local run; every field can be overridden (settings, CLI options). */
export function defaultContext(overrides: Partial<InvokeContext> = {}): InvokeContext {
  const ctx: InvokeContext = {
    team_id: newId(),
    team_domain: 'local-team',
    channel_id: newId(),
    channel_name: 'town-square',
    user_id: newId(),
    user_name: 'local-user',
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (typeof v === 'string' && v !== '' && k in ctx) ctx[k as keyof InvokeContext] = v;
  }
  return ctx;
}

/**
 * A fresh trigger id in the server's shape (model.GenerateTriggerId): base64 of
 * "clientTriggerId:userId:millis:signature". The signature here is random bytes: only this tool
 * issued it, and only this tool can recognise it (a real server verifies an ECDSA signature).
 */
export function newTriggerId(userId: string, now = Date.now()): { triggerId: string; clientTriggerId: string } {
  const clientTriggerId = newId();
  const signature = randomBytes(32).toString('base64');
  const triggerId = Buffer.from(`${clientTriggerId}:${userId}:${now}:${signature}`, 'utf8').toString('base64');
  return { triggerId, clientTriggerId };
}
