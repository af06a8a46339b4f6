/**
 * Which payload kind a file is. Precedence (first match wins):
 *   1. the `mattermostPayloads.fileAssociations` setting (glob → kind), because it is the user's explicit choice;
 *   2. a top-level `$schema` naming one of our schemas, because it is written in the file itself;
 *   3. the file name: *.incoming.json / *.webhook.json, *.command.json, *.outgoing.json, *.dialog.json, *.post.json.
 */
import { matchPathOrBasename, normalizePath } from './glob';
import { isKind, Kind } from './problem';

type DetectedBy = 'setting' | '$schema' | 'file name';

export interface Detected {
  kind: Kind;
  by: DetectedBy;
}

const NAME_SUFFIX: [RegExp, Kind][] = [
  [/\.(incoming|webhook)\.json$/i, 'incoming'],
  [/\.command\.json$/i, 'command'],
  [/\.outgoing\.json$/i, 'outgoing'],
  [/\.dialog\.json$/i, 'dialog'],
  [/\.post\.json$/i, 'post'],
];

function kindFromFileName(fileName: string): Kind | undefined {
  const p = normalizePath(fileName);
  const base = p.slice(p.lastIndexOf('/') + 1);
  for (const [re, kind] of NAME_SUFFIX) if (re.test(base)) return kind;
  return undefined;
}

/**
 * The kind a `$schema` value names: `mattermost-payloads://schemas/<kind>.json`, or any URL/path whose
 * last segment is `<kind>.json` directly under a `schemas/` folder (e.g. `./schemas/incoming.json`,
 * `https://example.com/mattermost/schemas/post.json`, `../dist/schemas/dialog.json`).
 */
export function kindFromSchemaRef(ref: string): Kind | undefined {
  const clean = ref.trim().replace(/\\/g, '/').replace(/[?#].*$/, '');
  const m = /(?:^|\/)schemas\/([a-z]+)\.json$/i.exec(clean);
  if (!m) return undefined;
  const k = m[1].toLowerCase();
  return isKind(k) ? k : undefined;
}

/**
 * Reads a top-level "$schema" string cheaply: only the start of the document is scanned, and only
 * a `$schema` at nesting depth 1 counts.
 */
export function topLevelSchema(text: string): string | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.indexOf('"$schema"') < 0) return undefined;
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '"') {
      let j = i + 1;
      while (j < head.length && head[j] !== '"') j += head[j] === '\\' ? 2 : 1;
      const str = head.slice(i + 1, j);
      if (depth === 1 && str === '$schema') {
        const m = /^\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(head.slice(j + 1));
        if (m) {
          try {
            return JSON.parse(`"${m[1]}"`) as string;
          } catch {
            return m[1];
          }
        }
      }
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/**
 * @param fileName workspace-relative path (or any path; the base name is also matched)
 * @param text the document text (only a top-level `$schema` is looked at)
 * @param associations glob → kind, from the `mattermostPayloads.fileAssociations` setting
 */
export function detectKind(fileName: string, text: string, associations?: Record<string, string>): Detected | undefined {
  if (associations) {
    for (const [glob, kind] of Object.entries(associations)) {
      if (isKind(kind) && matchPathOrBasename(glob, fileName)) return { kind, by: 'setting' };
    }
  }
  const schema = topLevelSchema(text);
  if (schema !== undefined) {
    const kind = kindFromSchemaRef(schema);
    if (kind) return { kind, by: '$schema' };
  }
  const byName = kindFromFileName(fileName);
  if (byName) return { kind: byName, by: 'file name' };
  return undefined;
}
