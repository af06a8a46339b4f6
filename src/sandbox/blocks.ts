/**
 * Mattermost Blocks in the sandbox, as an 11.10 server stores them (MM_BLOCKS.md §3.3, §3.5, §3.6):
 * - who may set `props.mm_blocks_actions` on a REST post (a password session loses it, the post is still made);
 * - the registry as clients receive it after create: one opaque string (AES-GCM, random nonce prepended,
 *   standard base64), while the store keeps the plain map.
 * The webhook pairing check itself is the server model's (src/core/server/blocks.ts), read by webhook.ts.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import type { PostRecord, SessionRecord } from './state';

const REGISTRY_PROP = 'mm_blocks_actions';

/**
 * REST create (§3.5): the prop is silently deleted unless the session is an integration (bot token, PAT,
 * OAuth app). The sandbox has no bots or OAuth apps: a personal access token keeps it, a password session
 * does not. Returns the props to store.
 */
export function restRegistryGate(props: Record<string, unknown>, session: SessionRecord): Record<string, unknown> {
  if (!(REGISTRY_PROP in props) || session.kind === 'pat') return props;
  const out = { ...props };
  delete out[REGISTRY_PROP];
  return out;
}

/** The encrypted cookie clients receive instead of the map (§3.6). */
function encryptRegistry(secret: Buffer, post: PostRecord, actions: unknown): string {
  const plain = JSON.stringify({
    kind: 'mm_blocks_actions',
    post_id: post.id,
    root_post_id: post.root_id,
    channel_id: post.channel_id,
    retain_props: null,
    remove_props: null,
    actions,
  });
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, nonce);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([nonce, sealed]).toString('base64');
}

/** A stored post as the API answers it: a map registry is replaced by its encrypted string. */
export function postForClient(secret: Buffer, post: PostRecord): PostRecord {
  const actions = post.props[REGISTRY_PROP];
  if (actions === undefined || actions === null || typeof actions !== 'object' || Array.isArray(actions)) return post;
  return { ...post, props: { ...post.props, [REGISTRY_PROP]: encryptRegistry(secret, post, actions) } };
}
