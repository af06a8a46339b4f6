import { adviceFor } from '../../core/mattermost/errors';
import { redact } from '../../core/mattermost/redact';
import { MattermostClient } from '../../core/mattermost/client';
import { createClient } from '../mattermost';
import type { Services } from '../services';

/** The core client for this call, with the current timeout. */
export function client(s: Services): MattermostClient {
  return createClient(s.logger, s.settings.network().timeoutMs);
}

/**
 * Shows a failure as what to do about it: never a stack trace, never a secret (adviceFor redacts).
 * Returns the one-line text shown, for tests and the send history.
 */
export function reportError(s: Services, area: string, error: unknown, prefix = '', retry?: () => unknown): string {
  // SecretStorageFailure comes from the main bundle: compare by name, not by class identity.
  const storage = error instanceof Error && error.name === 'SecretStorageFailure';
  const text = storage ? redact(error.message) : (a => `${prefix}${a.summary}: ${a.detail}`)(adviceFor(error));
  s.logger.error(area, text);
  const actions = retry ? ['Retry', 'Show Log'] : ['Show Log'];
  void s.prompts.current.error(text, ...actions).then(a => {
    if (a === 'Show Log') s.logger.show();
    else if (a === 'Retry') void retry?.();
  });
  return text;
}
