/**
 * The strict payload schemas (schemas/*.json), loaded on first use. The `import type` lines make tsc
 * copy the JSON files next to the compiled code; the `require` calls with literal paths let esbuild
 * bundle them. Nothing is read at import time.
 */
import type { Kind } from './problem';
import type incomingT from '../../../schemas/incoming.json';
import type commandT from '../../../schemas/command.json';
import type outgoingT from '../../../schemas/outgoing.json';
import type dialogT from '../../../schemas/dialog.json';
import type postT from '../../../schemas/post.json';
import type attachmentT from '../../../schemas/definitions/attachment.json';
import type fieldT from '../../../schemas/definitions/field.json';
import type actionT from '../../../schemas/definitions/action.json';
import type optionT from '../../../schemas/definitions/option.json';
import type integrationT from '../../../schemas/definitions/integration.json';
import type priorityT from '../../../schemas/definitions/priority.json';
import type propsT from '../../../schemas/definitions/props.json';
import type elementT from '../../../schemas/definitions/dialog-element.json';
import type mmBlockT from '../../../schemas/definitions/mm-block.json';
import type mmBlocksActionsT from '../../../schemas/definitions/mm-blocks-actions.json';
import type blockKitT from '../../../schemas/definitions/block-kit.json';
import type cardT from '../../../schemas/definitions/adaptive-card.json';
import type cardElementT from '../../../schemas/definitions/adaptive-card-element.json';

/** A JSON schema object: the keywords the code reads are typed, every other keyword is `unknown`. */
export interface Schema {
  $id?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  'x-go-map'?: boolean;
  [keyword: string]: unknown;
}

export interface SchemaSet {
  kinds: Record<Kind, Schema>;
  definitions: Schema[];
  /** Every schema by `$id`. */
  byId: Map<string, Schema>;
}

let cached: SchemaSet | undefined;

export function loadSchemas(): SchemaSet {
  if (cached) return cached;
  /* eslint-disable @typescript-eslint/no-require-imports -- literal paths, so that esbuild bundles the JSON files */
  const kinds: Record<Kind, Schema> = {
    incoming: require('../../../schemas/incoming.json') as typeof incomingT,
    command: require('../../../schemas/command.json') as typeof commandT,
    outgoing: require('../../../schemas/outgoing.json') as typeof outgoingT,
    dialog: require('../../../schemas/dialog.json') as typeof dialogT,
    post: require('../../../schemas/post.json') as typeof postT,
  };
  const definitions: Schema[] = [
    require('../../../schemas/definitions/attachment.json') as typeof attachmentT,
    require('../../../schemas/definitions/field.json') as typeof fieldT,
    require('../../../schemas/definitions/action.json') as typeof actionT,
    require('../../../schemas/definitions/option.json') as typeof optionT,
    require('../../../schemas/definitions/integration.json') as typeof integrationT,
    require('../../../schemas/definitions/priority.json') as typeof priorityT,
    require('../../../schemas/definitions/props.json') as typeof propsT,
    require('../../../schemas/definitions/dialog-element.json') as typeof elementT,
    require('../../../schemas/definitions/mm-block.json') as typeof mmBlockT,
    require('../../../schemas/definitions/mm-blocks-actions.json') as typeof mmBlocksActionsT,
    require('../../../schemas/definitions/block-kit.json') as typeof blockKitT,
    require('../../../schemas/definitions/adaptive-card.json') as typeof cardT,
    require('../../../schemas/definitions/adaptive-card-element.json') as typeof cardElementT,
  ];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const byId = new Map<string, Schema>();
  for (const s of [...Object.values(kinds), ...definitions]) byId.set(s.$id!, s);
  cached = { kinds, definitions, byId };
  return cached;
}

/** Resolves a `$ref` relative to the `$id` of the schema file it appears in. */
export function resolveRef(baseId: string, ref: string): { id: string; schema: Schema } {
  const set = loadSchemas();
  if (ref === '#' || ref === '') return { id: baseId, schema: set.byId.get(baseId)! };
  const dir = baseId.slice(0, baseId.lastIndexOf('/') + 1);
  const parts = (dir + ref).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  const id = out.join('/');
  const schema = set.byId.get(id);
  if (!schema) throw new Error(`unresolved $ref ${ref} from ${baseId}`);
  return { id, schema };
}
