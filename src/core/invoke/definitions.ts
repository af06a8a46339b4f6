/**
 * Where the named integration definitions are (issue 14 item 6): the entries of
 * `mattermostPayloads.integrations` in a `.vscode/settings.json` (top level) or a `*.code-workspace`
 * (under `settings`), with what each runs, for the CodeLens above them. Pure (jsonc-parser: comments
 * and trailing commas as VS Code reads settings).
 */
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';

const KEY = 'mattermostPayloads.integrations';

export interface DefinitionAt {
  /** Offset and length of the entry's object in the text. */
  offset: number;
  length: number;
  name: string;
  type: 'command' | 'outgoing';
  /** The slash command's trigger (without "/") or the outgoing webhook's trigger word. */
  trigger: string;
  /** What the lens says: "▶ Invoke /trigger" or "▶ Trigger outgoing 'word'". */
  title: string;
}

function str(obj: Node, key: string): string | undefined {
  const n = findNodeAtLocation(obj, [key]);
  return n?.type === 'string' ? (n.value as string) : undefined;
}

/** The definitions in a settings file (`workspaceFile`: a *.code-workspace, where settings sit under "settings"). */
export function definitionsIn(text: string, workspaceFile: boolean): DefinitionAt[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return [];
  const list = findNodeAtLocation(root, workspaceFile ? ['settings', KEY] : [KEY]);
  if (list?.type !== 'array') return [];
  const out: DefinitionAt[] = [];
  for (const entry of list.children ?? []) {
    if (entry.type !== 'object') continue;
    const name = str(entry, 'name');
    if (name === undefined || str(entry, 'url') === undefined) continue;
    // as the commands read a definition: type "outgoing" or else a slash command; trigger defaults to the name
    const type = str(entry, 'type') === 'outgoing' ? 'outgoing' : 'command';
    const trigger = (str(entry, 'trigger') ?? name).replace(/^\//, '');
    const title = type === 'command' ? `▶ Invoke /${trigger}` : `▶ Trigger outgoing '${trigger}'`;
    out.push({ offset: entry.offset, length: entry.length, name, type, trigger, title });
  }
  return out;
}
