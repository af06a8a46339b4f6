/**
 * The rules of logging in and of naming webhooks, pure: which server a command uses, what the input
 * boxes accept, how often a wrong MFA code is asked again. The editor adapters
 * (src/vscode/commands/account.ts, webhooks.ts) ask and store; unit tests: test/unit/send/.
 */
import { parseWebhookUrl, tryNormalizeServerUrl } from './origin';
import { redact } from './redact';

/**
 * The server a network command uses: the one it was given (a resend's recorded server), else setting
 * mattermostPayloads.server, else the account last logged in to or switched to (`current`, read only
 * when needed: it reads secret storage). `login`: nothing names a server, so the user logs in first.
 * `invalid`: what to tell the user.
 */
export async function serverFor(given: string | undefined, setting: string | undefined, current: () => Promise<string | undefined>): Promise<{ login: true } | { invalid: string } | { origin: string }> {
  const wanted = given ?? setting ?? await current();
  if (!wanted) return { login: true };
  const target = tryNormalizeServerUrl(wanted);
  return target
    ? { origin: target.origin }
    : { invalid: `The server setting "${redact(wanted)}" is not an http(s) URL without a user name, query or fragment. Fix mattermostPayloads.server.` };
}

/** Input box check for the server URL at login. */
export function serverUrlProblem(value: string): string | undefined {
  return tryNormalizeServerUrl(value) ? undefined : 'Enter an http(s) URL such as https://mattermost.example.com (no user name, query or fragment).';
}

/** A wrong MFA code is asked for again this many times, then the login fails with the server's answer. */
export const MFA_RETRIES = 3;

/** Input box check for an MFA code: 6 to 8 digits (TOTP). */
export function mfaCodeProblem(value: string): string | undefined {
  return /^\d{6,8}$/.test(value.trim()) ? undefined : 'Enter the 6-digit code.';
}

/** Input box check for a webhook URL (kept in secret storage under a name). */
export function webhookUrlProblem(value: string): string | undefined {
  try {
    parseWebhookUrl(value.trim());
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : 'Not a webhook URL';
  }
}

const WEBHOOK_NAME = /^[\w .@-]{1,60}$/;

/** Input box check for a webhook's name: what settings and the team refer to it by. */
export function webhookNameProblem(value: string, taken: ReadonlySet<string>): string | undefined {
  const name = value.trim();
  if (!WEBHOOK_NAME.test(name)) return 'Use 1–60 letters, digits, spaces, dots, @, _ or -.';
  return taken.has(name) ? 'That name is taken.' : undefined;
}
