import * as vscode from 'vscode';
import { webhookNameProblem, webhookUrlProblem } from '../../core/mattermost/account';
import { parseWebhookUrl } from '../../core/mattermost/origin';
import { redactUrl } from '../../core/mattermost/redact';
import type { Services } from '../services';
import { confirmed } from './ask';
import { client, reportError } from './report';

/** Asks for a name and a webhook URL and stores the URL in SecretStorage under that name. */
export async function addWebhook(s: Services): Promise<string | undefined> {
  const p = s.prompts.current;
  const url = await p.input({
    title: 'Add Webhook (1/2)', prompt: 'Incoming webhook URL (kept in VS Code\'s secret storage, never in settings)',
    placeHolder: 'https://mattermost.example.com/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx', password: true,
    validateInput: webhookUrlProblem,
  });
  if (!url) return undefined;
  const existing = new Set((await s.store.webhooks()).map(w => w.name));
  const name = await p.input({
    title: 'Add Webhook (2/2)', prompt: `A name for ${redactUrl(url.trim())} (settings and the team refer to it by this name)`,
    validateInput: v => webhookNameProblem(v, existing),
  });
  if (!name) return undefined;
  try {
    await s.store.saveWebhook(name.trim(), parseWebhookUrl(url.trim()).href);
  } catch (e) {
    reportError(s, 'webhooks', e);
    return undefined;
  }
  s.logger.info('webhooks', `added webhook "${name.trim()}" (${redactUrl(url.trim())})`);
  return name.trim();
}

/** Manage Webhooks: add, rename, remove and test the named webhook URLs. */
export async function manageWebhooks(s: Services): Promise<void> {
  if (!s.trust.ensure('Managing webhooks')) return;
  type Item = vscode.QuickPickItem & { name?: string };
  const items: Item[] = (await s.store.webhooks()).map(w => ({ label: w.name, description: w.redactedUrl, name: w.name }));
  items.push({ label: '$(add) Add webhook…' });
  const picked = await s.prompts.current.pick(items, { title: 'Mattermost: Manage Webhooks', placeHolder: 'Pick a webhook to rename, remove or test' });
  if (!picked) return;
  if (!picked.name) { await addWebhook(s); return; }
  const action = await s.prompts.current.pick([{ label: 'Test' , description: 'post a short test message to it' }, { label: 'Rename' }, { label: 'Remove' }], { placeHolder: `Webhook "${picked.name}"` });
  try {
    if (action?.label === 'Rename') {
      const taken = new Set((await s.store.webhooks()).map(w => w.name).filter(n => n !== picked.name));
      const to = await s.prompts.current.input({
        prompt: `New name for "${picked.name}"`, value: picked.name,
        validateInput: v => webhookNameProblem(v, taken),
      });
      if (to && to.trim() !== picked.name) await s.store.renameWebhook(picked.name, to.trim());
    } else if (action?.label === 'Remove') {
      const sure = await s.prompts.current.ask(`Remove webhook "${picked.name}"?`, 'Its URL is deleted from VS Code\'s secret storage.', 'Remove');
      if (sure === 'Remove') await s.store.removeWebhook(picked.name);
    } else if (action?.label === 'Test') {
      const url = await s.store.webhookUrl(picked.name);
      if (!url) return;
      if (!(await confirmed(s, undefined, `webhook "${picked.name}"`, new URL(url)))) return;
      const r = await client(s).postWebhook(url, JSON.stringify({ text: 'Test message from Mattermost Payloads for VS Code.' }));
      void s.prompts.current.info(`Webhook "${picked.name}" answered ${r.status} ${r.body.trim().slice(0, 80)}.`);
    }
  } catch (e) {
    reportError(s, 'webhooks', e, `Webhook "${picked.name}": `);
  }
}
