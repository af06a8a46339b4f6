import { confirmation, Question, SentTargets } from '../../core/mattermost/send';
import type { Services } from '../services';

/** Asks a question of the send rules (modal); true when the user chose to go ahead, or nothing was asked. */
export async function asked(s: Services, q: Question | undefined): Promise<boolean> {
  if (!q) return true;
  return (await s.prompts.current.ask(q.message, q.detail, q.go)) === q.go;
}

/**
 * Asks before a send when the rules say so (core/mattermost/send.ts `confirmation`). A target is
 * remembered only after a successful send (SentTargets.remember); `targetKey` undefined: never remembered.
 */
export function confirmed(s: Services, targetKey: string | undefined, label: string, url: URL, loss?: string): Promise<boolean> {
  return asked(s, confirmation({
    url, targetKey, label, loss,
    sentBefore: targetKey !== undefined && new SentTargets(s.state).has(targetKey),
    confirmBeforeSend: s.settings.network().confirmBeforeSend,
  }));
}
