import * as assert from 'node:assert/strict';
import { confirmation, registryLoss, type ConfirmationInput } from '../../../src/core/mattermost/send';
import { toPost } from '../../../src/core/mattermost/toPost';

/** MM_BLOCKS.md §10 E-1, as a REST post. */
const E1 = {
  channel_id: 'qmd5oqtwoibz8cuzxzg5ekshgr',
  message: 'Deployment #42 finished.',
  props: {
    mm_blocks: [
      { type: 'text', text: 'Deployed `main` to **staging**. Choose a follow-up action:' },
      { type: 'container', flow: 'horizontal', gap: 'small', content: [
        { type: 'button', text: 'View logs', style: 'primary', action_id: 'view_logs' },
        { type: 'button', text: 'Rollback', style: 'danger', action_id: 'rollback' },
      ] },
    ],
    mm_blocks_actions: {
      view_logs: { type: 'external', url: 'https://integration.example.com/actions/view-logs', context: { deployment_id: '42' } },
      rollback: { type: 'external', url: 'https://integration.example.com/actions/rollback', context: { deployment_id: '42' } },
    },
  },
};

describe('send: Mattermost Blocks through the REST API', () => {
  it('carries mm_blocks and mm_blocks_actions unchanged (the registry is not a reserved prop to drop)', () => {
    const { body, notes } = toPost(JSON.stringify(E1), 'chan1');
    assert.deepEqual(body.props, E1.props);
    assert.ok(!notes.some(n => n.field.startsWith('props.mm_blocks')), JSON.stringify(notes));
    // a post with blocks and no message is not "empty"
    assert.ok(!toPost({ props: { mm_blocks: E1.props.mm_blocks } }, 'c').notes.some(n => n.kind === 'warning'));
    assert.ok(toPost({ props: { mm_blocks: [] } }, 'c').notes.some(n => n.kind === 'warning' && /no blocks/.test(n.message)));
  });

  it('webhook-shaped Block Kit and cards in props go as they are; a top-level blocks key is named as ignored', () => {
    const cards = [{ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'hi' }] }];
    const { body, notes } = toPost({ text: 'x', props: { cards, blocks: [{ type: 'divider' }] }, blocks: [{ type: 'divider' }] }, 'c');
    assert.deepEqual(body.props, { cards, blocks: [{ type: 'divider' }] });
    assert.match(notes.find(n => n.field === 'blocks')?.message ?? '', /props\.blocks/);
  });

  it('says a password session loses the registry; a token session does not; no registry, nothing to say', () => {
    const { body } = toPost(E1, 'c');
    assert.match(registryLoss(body, 'session') ?? '', /password.*removes props\.mm_blocks_actions.*buttons and menus do nothing.*personal access token/s);
    assert.equal(registryLoss(body, 'pat'), undefined);
    assert.equal(registryLoss(toPost({ text: 'x', props: { mm_blocks: [] } }, 'c').body, 'session'), undefined);
  });

  it('the confirmation always asks, and says so, when the registry will be removed', () => {
    const base: ConfirmationInput = { url: new URL('https://mm.example.com'), targetKey: 'k', sentBefore: true, confirmBeforeSend: false, label: '~town-square on https://mm.example.com' };
    assert.equal(confirmation(base), undefined);
    const loss = registryLoss(toPost(E1, 'c').body, 'session');
    const q = confirmation({ ...base, loss });
    assert.ok(q);
    assert.equal(q.go, 'Send Anyway');
    assert.equal(q.detail, loss);
    // a first send says both
    const first = confirmation({ ...base, loss, sentBefore: false, confirmBeforeSend: true });
    assert.match(first?.detail ?? '', /removes props\.mm_blocks_actions[\s\S]*first send to this target/);
  });
});
