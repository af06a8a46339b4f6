import { adviceFor } from '../../core/mattermost/errors';
import { MattermostClient } from '../../core/mattermost/client';
import { networkSettings } from '../config';
import { createClient } from '../mattermost';
import { Services } from '../services';

/** The core client for this call, with the current timeout. */
export function client(s: Services): MattermostClient {
  return createClient(s.logger, networkSettings().timeoutMs);
}

/**
 * Shows a failure as what to do about it: never a stack trace, never a secret (adviceFor redacts).
 * Returns the one-line text shown, for tests and the send history.
 */
export function reportError(s: Services, area: string, error: unknown, prefix = ''): string {
  // SecretStorageFailure comes from the main bundle: compare by name, not by class identity.
  const text = error instanceof Error && error.name === 'SecretStorageFailure'
    ? error.message
    : (a => `${prefix}${a.summary}: ${a.detail}`)(adviceFor(error));
  s.logger.error(area, text);
  void s.prompts.current.error(text, 'Show Log').then(a => { if (a) s.logger.show(); });
  return text;
}
