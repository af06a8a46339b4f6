/**
 * What the target server does with a field, for completion and hover: which server behaviour
 * (src/core/server/profile.ts BEHAVIOURS, MATTERMOST_RULES.md §8/§9) decides whether a schema field or
 * value is read at all, and the words for "this server ignores it". The version boundaries, settings
 * and "≈" live in BEHAVIOURS only; this table only says which field each behaviour is about.
 */
import {
  BEHAVIOURS, type BehaviourId, compareVersions, formatVersion, isDefaultProfile, parseVersion, type Profile, settingOn, support, type Support,
} from '../server/profile';
import type { SchemaNode } from './schema';

interface FieldBehaviour {
  /** The schema file (its `$id` ends with `schemas/<file>`); undefined: any file (a field of a newer schema). */
  file?: string;
  /** JSON pointer of the field's schema inside that file; with `file` undefined, the property name it ends with. */
  at: string;
  /** For one value of the field (an enum value) instead of the field itself. */
  value?: string;
  behaviours: readonly BehaviourId[];
}

/** Schema field → the behaviours that decide whether the target server reads it. */
const FIELDS: readonly FieldBehaviour[] = [
  { file: 'incoming.json', at: '#/properties/priority', behaviours: ['webhook-priority'] },
  { file: 'outgoing.json', at: '#/properties/priority', behaviours: ['webhook-priority'] },
  { file: 'incoming.json', at: '#/properties/username', behaviours: ['username-override'] },
  { file: 'outgoing.json', at: '#/properties/username', behaviours: ['username-override'] },
  { file: 'command.json', at: '#/properties/username', behaviours: ['username-override'] },
  { file: 'incoming.json', at: '#/properties/icon_url', behaviours: ['icon-override'] },
  { file: 'outgoing.json', at: '#/properties/icon_url', behaviours: ['icon-override'] },
  { file: 'command.json', at: '#/properties/icon_url', behaviours: ['icon-override'] },
  { file: 'incoming.json', at: '#/properties/icon_emoji', behaviours: ['icon-emoji', 'icon-override'] },
  { file: 'command.json', at: '#/properties/extra_responses', behaviours: ['extra-responses'] },
  { file: 'command.json', at: '#/properties/skip_slack_parsing', behaviours: ['skip-slack-parsing'] },
  { file: 'definitions/props.json', at: '#/properties/card', behaviours: ['props-card-rhs'] },
  { file: 'post.json', at: '#/properties/props/properties/card', behaviours: ['props-card-rhs'] },
  { file: 'definitions/action.json', at: '#/properties/tooltip', behaviours: ['action-tooltip'] },
  { file: 'definitions/dialog-element.json', at: '#/properties/datetime_config', behaviours: ['dialog-datetime-config'] },
  { file: 'definitions/dialog-element.json', at: '#/properties/type', value: 'date', behaviours: ['dialog-date-elements'] },
  { file: 'definitions/dialog-element.json', at: '#/properties/type', value: 'datetime', behaviours: ['dialog-date-elements'] },
  // Mattermost Blocks (§9.2), wherever a schema declares them
  { at: 'mm_blocks', behaviours: ['mm-blocks'] },
  { at: 'mm_blocks_actions', behaviours: ['mm-blocks'] },
];

export interface ProfileNote {
  /** 'no': the target server ignores it; 'maybe': the reference cannot tell for this version. */
  support: Exclude<Support, 'yes'>;
  /** One line: "Ignored by Mattermost 9.8 (since ≈ 9.11)". */
  text: string;
}

function matches(f: FieldBehaviour, node: SchemaNode, value: unknown): boolean {
  if ((f.value === undefined) !== (value === undefined)) return false;
  if (f.value !== undefined && f.value !== value) return false;
  if (f.file === undefined) return node.pointer.endsWith(`/properties/${f.at}`);
  return node.pointer === f.at && node.base.endsWith(`schemas/${f.file}`);
}

/**
 * The note for a field (its schema nodes as declared, before `$ref`s are followed) or one of its values,
 * or undefined when the target server reads it.
 */
export function profileNote(profile: Profile, nodes: readonly SchemaNode[], value?: string | number | boolean | null): ProfileNote | undefined {
  const ids: BehaviourId[] = [];
  for (const f of FIELDS) if (nodes.some(n => matches(f, n, value))) ids.push(...f.behaviours);
  let maybe: ProfileNote | undefined;
  for (const id of ids) {
    const s = support(profile, id);
    if (s === 'no') return { support: 'no', text: noText(profile, id) };
    if (s === 'maybe') maybe ??= { support: 'maybe', text: maybeText(profile, id) };
  }
  return maybe;
}

function noText(profile: Profile, id: BehaviourId): string {
  const b = BEHAVIOURS.find(x => x.id === id)!;
  const server = `Mattermost ${formatVersion(profile.version)}`;
  if (b.since !== undefined && compareVersions(profile.version, parseVersion(b.since)) < 0) {
    return b.approximate ? `May be ignored by ${server} (since ≈ ${b.since})` : `Ignored by ${server} (since ${b.since})`;
  }
  if (b.after !== undefined) return `Ignored by ${server} (only servers after ${b.after} may read it)`;
  const off = (b.settings ?? []).find(k => !settingOn(profile, k)) ?? '';
  if (isDefaultProfile(profile)) return `Ignored unless the server enables ${off} (off by default; no server profile is known)`;
  return `Ignored by ${server}: ${off} is off (${profile.source})`;
}

function maybeText(profile: Profile, id: BehaviourId): string {
  const b = BEHAVIOURS.find(x => x.id === id)!;
  const server = `Mattermost ${formatVersion(profile.version)}`;
  if (b.after !== undefined) return `${server} may read it (servers after ${b.after}; not tied to a release yet)`;
  return `${server} may treat it differently (changed after ${b.through ?? formatVersion(profile.version)}, release not pinned)`;
}
