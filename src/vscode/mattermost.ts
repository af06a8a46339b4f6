import fetch from 'node-fetch';
import { MattermostClient } from '../core/mattermost/client';
import { Logger } from './logger';

/** The core client with node-fetch injected and its (already redacted) log lines in our channel. */
export function createClient(logger: Logger, timeoutMs: number): MattermostClient {
  return new MattermostClient({
    fetch,
    timeoutMs,
    logger: (level, message) => {
      // Core lines already carry their [area] prefix.
      if (level === 'trace') logger.trace('', () => message);
      else logger[level]('', message);
    },
  });
}
