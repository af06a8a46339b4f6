/**
 * The note a local run needs most (§4.5): a real server calls loopback and private addresses only if
 * ServiceSettings.AllowedUntrustedInternalConnections names the host.
 */
import { reservedHost } from '../server/integrations';

export interface InternalHostNote {
  /** The host the setting must name (host name or address, not a URL). */
  host: string;
  message: string;
  /** The config.json line to add (merge into an existing value, space-separated). */
  configLine: string;
}

export function internalHostNote(url: string): InternalHostNote | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const kind = reservedHost(u.hostname);
  if (!kind) return undefined;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    message: `${host} is a ${kind === 'loopback' ? 'loopback' : 'private or reserved'} address: a Mattermost server calls it only if ServiceSettings.AllowedUntrustedInternalConnections names "${host}" (otherwise the command fails, an outgoing webhook is only logged, a click fails with 400). From the server, it is also the server's own ${kind === 'loopback' ? 'machine' : 'network'}, not yours.`,
    configLine: `"ServiceSettings": { "AllowedUntrustedInternalConnections": "${host}" }`,
  };
}
