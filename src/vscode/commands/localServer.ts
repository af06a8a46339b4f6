import * as vscode from 'vscode';
import { ResponseReceiver } from '../../core/invoke/receiver';
import type { Services } from '../services';

// The session's local Mattermost server (src/core/invoke/receiver.ts), the one integrations call back:
// commands' response_url (invoke.ts) and /api/v4/actions/dialogs/open (dialogs.ts). It listens on
// 127.0.0.1 at setting mattermostPayloads.invoke.serverPort, started on first use.

const PORT_SETTING = 'invoke.serverPort';
const DEFAULT_PORT = 8066;

let receiver: Promise<ResponseReceiver> | undefined;
let serverUrl = '';
/** What the other adapters attach to the server when it starts (invoke.ts: delayed answers; dialogs.ts: dialogs). */
const onListening: Array<(r: ResponseReceiver, s: Services) => void> = [];

export function whenListening(attach: (r: ResponseReceiver, s: Services) => void): void {
  onListening.push(attach);
}

/** The local server, started on first use. */
export function sessionReceiver(s: Services): Promise<ResponseReceiver> {
  receiver ??= startReceiver(s).catch(e => { receiver = undefined; throw e; });
  return receiver;
}

async function startReceiver(s: Services): Promise<ResponseReceiver> {
  const raw = vscode.workspace.getConfiguration('mattermostPayloads').get<unknown>(PORT_SETTING, DEFAULT_PORT);
  const port = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 65535 ? raw : DEFAULT_PORT;
  const r = new ResponseReceiver();
  serverUrl = await r.start(port);
  for (const attach of onListening) attach(r, s);
  s.logger.info('invoke', `The local Mattermost server for integrations listens on ${serverUrl} (response_url, /api/v4/actions/dialogs/open): set your integration's MATTERMOST_URL to it.`);
  if (r.portTaken) {
    const message = `Port ${port} (setting mattermostPayloads.invoke.serverPort) is taken, so the local Mattermost server listens on ${serverUrl}: point your integration's MATTERMOST_URL there.`;
    s.logger.warn('invoke', message);
    void s.prompts.current.warn(message);
  }
  return r;
}

/** "Mattermost: Copy Local Server URL": starts the server if needed; returns the URL (tests read it). */
export async function copyLocalServerUrl(s: Services): Promise<string | undefined> {
  if (!s.trust.ensure('Running the local Mattermost server for integrations')) return undefined;
  await sessionReceiver(s);
  await vscode.env.clipboard.writeText(serverUrl);
  void s.prompts.current.info(`Copied ${serverUrl}: set it as your integration's MATTERMOST_URL (it opens dialogs there).`);
  return serverUrl;
}
