/**
 * Completion and hover for payload files, from the strict schemas (what each field means to Mattermost)
 * and the target-server profile (whether that server reads it). Pure: the editor adapter
 * (src/vscode/assist.ts) finds the cursor context (cursor.ts) and turns these items into its own.
 */
import type { Kind } from '../payload/problem';
import { profileDescription, type Profile } from '../server/profile';
import type { CursorContext } from './cursor';
import { profileNote, type ProfileNote } from './notes';
import { descriptionOf, propertiesOf, propertyInfo, schemasAt, type SchemaNode, typesOf, valuesOf } from './schema';

export { CursorScanner, cursorContext } from './cursor';
export { useSchemas } from './schema';
export type { CursorContext } from './cursor';

interface OffsetRange {
  start: number;
  end: number;
}

export interface AssistItem {
  label: string;
  kind: 'property' | 'value';
  /** Snippet syntax (`$1`, escaped `\$`). */
  insertText: string;
  filterText: string;
  /** The text the item replaces (document offsets). */
  range: OffsetRange;
  /** Short: the profile note, else the JSON type. */
  detail?: string;
  /** Markdown: the profile note, then what Mattermost does with it (the schema's description). */
  documentation?: string;
  /** Set when the target server ignores it ('no') or may ('maybe'). */
  ignored?: 'no' | 'maybe';
  sortText: string;
}

export interface AssistHover {
  /** Markdown. */
  contents: string;
  range: OffsetRange;
}

const escapeSnippet = (s: string): string => s.replace(/[\\$}]/g, m => `\\${m}`);

/** `: "…"` / `: $1` etc. after a new key, by the field's type. */
function valueSnippet(nodes: readonly SchemaNode[]): string {
  const types = typesOf(nodes).filter(t => t !== 'null');
  switch (types[0]) {
    case 'string': return '"$1"';
    case 'object': return '{$1}';
    case 'array': return '[$1]';
    case 'boolean': return '${1:false}';
    case 'integer':
    case 'number': return '${1:0}';
    default: return '$1';
  }
}

function typeLabel(nodes: readonly SchemaNode[]): string | undefined {
  const t = typesOf(nodes);
  return t.length ? t.join(' | ') : undefined;
}

function documentation(note: ProfileNote | undefined, profile: Profile, description: string | undefined): string | undefined {
  const parts: string[] = [];
  if (note) parts.push(`**${note.text}.**`);
  if (description) parts.push(description);
  if (note) parts.push(`_${profileDescription(profile)}_`);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** Completion items at the cursor (`offset`) of a payload of this kind, for this target server. */
export function complete(ctx: CursorContext, offset: number, kind: Kind, profile: Profile): AssistItem[] {
  if (ctx.place === 'key') return completeKeys(ctx, offset, kind, profile);
  if (ctx.place === 'value') return completeValues(ctx, offset, kind, profile);
  return [];
}

function completeKeys(ctx: CursorContext, offset: number, kind: Kind, profile: Profile): AssistItem[] {
  const nodes = schemasAt(kind, ctx.path);
  if (nodes.length === 0) return [];
  const present = new Set(ctx.presentKeys.map(k => k.toLowerCase()));
  const token = ctx.token;
  const range = token ? { start: token.start, end: token.end } : { start: offset, end: offset };
  const inString = token?.type === 'string';
  const items: AssistItem[] = [];
  for (const p of propertiesOf(nodes)) {
    if (present.has(p.name.toLowerCase())) continue;
    const note = profileNote(profile, p.nodes);
    const quoted = JSON.stringify(p.name);
    const insertText = escapeSnippet(quoted) + (token && ctx.colonAfter ? '' : `: ${valueSnippet(p.nodes)}`);
    items.push({
      label: p.name,
      kind: 'property',
      insertText,
      filterText: inString ? quoted : p.name,
      range,
      detail: note?.text ?? typeLabel(p.nodes),
      documentation: documentation(note, profile, descriptionOf(p.nodes)),
      ignored: note?.support,
      sortText: `${note?.support === 'no' ? 2 : note ? 1 : 0}${p.name}`,
    });
  }
  return items;
}

function completeValues(ctx: CursorContext, offset: number, kind: Kind, profile: Profile): AssistItem[] {
  const nodes = schemasAt(kind, ctx.path);
  if (nodes.length === 0) return [];
  const token = ctx.token;
  const range = token ? { start: token.start, end: token.end } : { start: offset, end: offset };
  const items: AssistItem[] = [];
  valuesOf(nodes).forEach((v, i) => {
    const text = JSON.stringify(v.value);
    // inside a string only strings fit; in a bare literal, only literals
    if (token?.type === 'string' && typeof v.value !== 'string') return;
    if (token?.type === 'literal' && typeof v.value === 'string') return;
    const note = profileNote(profile, nodes, v.value);
    items.push({
      label: text,
      kind: 'value',
      insertText: escapeSnippet(text),
      filterText: text,
      range,
      detail: note?.text,
      documentation: documentation(note, profile, v.description),
      ignored: note?.support,
      sortText: `${note?.support === 'no' ? 2 : note ? 1 : 0}${String(i).padStart(3, '0')}`,
    });
  });
  return items;
}

/** The hover for the key or value under the cursor (context taken in 'hover' mode). */
export function hover(ctx: CursorContext, kind: Kind, profile: Profile): AssistHover | undefined {
  const token = ctx.token;
  if (!token || token.text === undefined) return undefined;
  const range = { start: token.start, end: token.end };
  if (ctx.place === 'key') {
    if (token.type !== 'string') return undefined;
    const info = propertyInfo(schemasAt(kind, ctx.path), token.text);
    if (!info) return undefined;
    const note = profileNote(profile, info.nodes);
    const contents = documentation(note, profile, descriptionOf(info.nodes));
    return contents ? { contents, range } : undefined;
  }
  if (ctx.place !== 'value') return undefined;
  const nodes = schemasAt(kind, ctx.path);
  if (nodes.length === 0) return undefined;
  let value: unknown;
  if (token.type === 'string') value = token.text;
  else {
    try { value = JSON.parse(token.text); } catch { value = undefined; }
  }
  const known = valuesOf(nodes).find(v => v.value === value);
  const note = known ? profileNote(profile, nodes, known.value) : undefined;
  const parts: string[] = [];
  if (note) parts.push(`**${note.text}.**`);
  if (known?.description) parts.push(`\`${JSON.stringify(known.value)}\`: ${known.description}`);
  const description = descriptionOf(nodes);
  if (description) parts.push(description);
  if (note) parts.push(`_${profileDescription(profile)}_`);
  return parts.length ? { contents: parts.join('\n\n'), range } : undefined;
}
