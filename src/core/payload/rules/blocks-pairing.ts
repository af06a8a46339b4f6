// Follows MM_BLOCKS.md §3.2–§3.4 and §9 #4, #6: every action id referenced by an enabled control or an
// mmaction:// link needs a registry entry, and every entry must be referenced. Incoming webhooks are
// refused (400); outgoing-webhook responses post nothing; REST posts and slash commands only log it.
import { blocksOf } from '../../server/blocks';
import type { BlocksRead } from '../../server/blocks';
import { MESSAGE_KINDS, Rule } from './types';

/** What happens, in words, for this read's enforcement; undefined when nothing is checked. */
function consequence(b: BlocksRead, serverText: string): { text: string; logged: boolean } | undefined {
  switch (b.pairing.enforcement) {
    case 'rejected':
      return { text: `Mattermost rejects this webhook (400 api.context.invalid_body.app_error, "${serverText}")`, logged: false };
    case 'nothing-posted':
      return { text: `Mattermost posts nothing for this response: its action registry check fails ("${serverText}") and the server only logs it`, logged: false };
    case 'logged':
      return { text: `Mattermost only logs "${serverText}" ("Invalid post props"); the post is created`, logged: true };
    default:
      return undefined;
  }
}

export const blocksPairing: Rule = {
  id: 'blocks-pairing',
  severity: 'error',
  description: 'Action ids (buttons, selects, Block Kit and card actions, mmaction:// links) without a props.mm_blocks_actions entry, and entries nothing references: 400 on incoming webhooks, nothing posted for outgoing responses, only logged (warning) for REST posts and slash commands.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      const p = b.pairing;
      if (p.enforcement === 'off') continue;
      const severity = p.enforcement === 'logged' ? 'warning' : undefined;
      const absent = p.issues.some(i => i.check === 1);
      const reported = new Set<string>();
      for (const r of p.missing) {
        const serverText = absent ? 'interactive content requires mm_blocks_actions' : `mm_blocks_actions missing entry for action_id ${JSON.stringify(r.actionId)}`;
        const c = consequence(b, serverText)!;
        const what = r.from === 'message' || r.sub ? 'this mmaction:// link' : 'this control';
        const tail = c.logged ? `, but clicking ${what} does nothing.` : '.';
        const hint = absent ? ' Add `props.mm_blocks_actions` with an entry for it.' : ` Add ${JSON.stringify(r.actionId)} to \`props.mm_blocks_actions\`.`;
        const key = `${r.path.join('\u0000')}#${r.sub?.[0] ?? ''}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report({ path: r.path, sub: r.sub, severity, message: `${c.text}${tail}${hint}` });
      }
      const disabled = new Set(b.inert.map(r => r.actionId));
      const none = p.issues.some(i => i.check === 12);
      for (const u of p.unused) {
        const serverText = none ? 'mm_blocks_actions must only define actions referenced by interactive content' : `mm_blocks_actions entry ${JSON.stringify(u.actionId)} is not referenced by interactive content`;
        const c = consequence(b, serverText)!;
        const why = disabled.has(u.actionId) ? ' A disabled control is not a reference, so its id must not be in the registry.' : ' Remove the entry or reference it.';
        ctx.report({ path: u.path, target: 'key', severity, message: `${c.text}.${why}` });
      }
    }
  },
};
