import fetch from 'node-fetch';
import { MattermostClient } from '../core/mattermost/client';
import { FetchLike } from '../core/mattermost/types';
import { Logger } from './logger';

/** The core client with node-fetch injected and its (already redacted) log lines in our channel. */
export function createClient(logger: Logger, timeoutMs: number): MattermostClient {
  return new MattermostClient({
    fetch: fetch as unknown as FetchLike,
    timeoutMs,
    logger: (level, message) => {
      if (level === 'trace') logger.trace('http', () => message);
      else logger[level]('http', message);
    },
  });
}
