import * as vscode from 'vscode';
import { withSessionRetry } from '../../core/mattermost/client';
import { redact } from '../../core/mattermost/redact';
import { ProfileError, profileSummary } from '../../core/server/profile';
import { Services } from '../services';
import { ensureTrusted } from '../trust';
import { accountFor, relogin } from './account';
import { client, reportError } from './report';

interface RefreshOptions {
  /** The server to refresh; default: where the active file goes (setting, else the current account). */
  origin?: string;
  /** At login and in the background: no prompts and no messages, failures only logged. */
  quiet?: boolean;
}

/**
 * "Mattermost: Refresh Server Profile": GET /api/v4/config/client?format=old with the stored account of that
 * server (the same credential and redirect rules as every call), kept per origin in globalState. Returns
 * the status text ("Mattermost 11.6 · overrides on"), or undefined when nothing was fetched.
 */
export async function refreshServerProfile(s: Services, opts: RefreshOptions = {}): Promise<string | undefined> {
  const quiet = opts.quiet === true;
  if (quiet ? !vscode.workspace.isTrusted : !ensureTrusted('Fetching the server profile')) return undefined;
  const origin = opts.origin ?? s.profiles.destinationOrigin(vscode.window.activeTextEditor?.document.uri);
  try {
    const account = quiet ? (origin ? await s.store.account(origin) : undefined) : await accountFor(s, origin);
    if (!account) return undefined;
    const config = await withSessionRetry(account, a => client(s).clientConfig(a), () => (quiet ? Promise.resolve(undefined) : relogin(s, account.origin)));
    const profile = await s.profiles.save(account.origin, config);
    const text = profileSummary(profile);
    if (!quiet) void s.prompts.current.info(`Server profile of ${account.origin}: ${text}.`);
    return text;
  } catch (e) {
    if (e instanceof ProfileError) {
      const text = `The server at ${origin ?? 'the destination'} answered a client config that is not a usable profile: ${e.message}`;
      s.logger.warn('profile', redact(text));
      if (!quiet) void s.prompts.current.error(redact(text));
      return undefined;
    }
    if (quiet) {
      s.logger.warn('profile', `could not fetch the server profile of ${origin}: ${redact(e instanceof Error ? e.message : String(e))}`);
      return undefined;
    }
    reportError(s, 'profile', e, `Could not fetch the server profile of ${origin ?? 'the server'}. `);
    return undefined;
  }
}
