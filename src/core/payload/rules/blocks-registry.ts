// Follows MM_BLOCKS.md §3.1, §3.2 (checks 2–11 with the server's texts), §3.3 and §3.6: the registry's
// shape, limits and URL rules. Incoming webhooks are refused (400), outgoing responses post nothing,
// REST posts and slash commands only log it; non-string query values are silently discarded.
import { blocksOf } from '../../server/blocks';
import { label } from './walk';
import { MESSAGE_KINDS, Rule } from './types';

export const blocksRegistry: Rule = {
  id: 'blocks-registry',
  severity: 'error',
  description: 'A props.mm_blocks_actions the server refuses: not an object (a fetched post\'s encrypted string), over 50 entries, a bad id, an entry without a valid type or URL, queries or context over their limits; non-string query values it discards.',
  kinds: MESSAGE_KINDS,
  dependsOn: ['mm-blocks'],
  needs: 'blocks',
  check(ctx) {
    for (const b of blocksOf(ctx.kind, ctx.root, ctx.profile)) {
      const e = b.pairing.enforcement;
      if (e === 'off' || !b.registryPath) continue;
      for (const i of b.pairing.issues) {
        if (i.check < 2 || i.check > 11) continue;
        const q = `"${i.message}"`;
        let message: string;
        if (e === 'rejected') message = `Mattermost rejects this webhook (400 api.context.invalid_body.app_error, ${q}).`;
        else if (e === 'nothing-posted') message = `Mattermost posts nothing for this response: its action registry check fails (${q}) and the server only logs it.`;
        else {
          const str = i.check === 2 ? ' A string here (an encrypted registry copied from a fetched post) does not work: the buttons do nothing.' : ' The post is created, but the controls using this entry may do nothing when clicked.';
          message = `Mattermost only logs ${q} ("Invalid post props").${str}`;
        }
        ctx.report({ path: i.path, target: i.target, severity: e === 'logged' ? 'warning' : undefined, message });
      }
      for (const d of b.discardedQuery) {
        ctx.report({ path: d, severity: 'warning', message: `Mattermost silently discards non-string query values: \`${label(d.slice(b.registryPath.length))}\` is not sent. Write it as a string.` });
      }
    }
  },
};
