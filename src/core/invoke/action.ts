/**
 * A click in the preview (issue 14 item 3). The preview's control carries only its JSON path; here:
 * which action that path names in the payload as the server model reads it (MATTERMOST_RULES.md
 * §3.1), and what the integration's answer does to the clicked post (§3.3): `update` replaces it,
 * `ephemeral_text` is an ephemeral reply only the clicking user sees, `goto_location` is shown and
 * not followed. Pure: nothing here sends.
 */
import type { JsonPath } from '../json/locate';
import type { Kind } from '../payload/problem';
import { readPayload } from '../server/decode';
import type { AnswerDocument, Verdict } from './judge';

export interface ClickedAction {
  /** The action's `id` ("" when it has none: the server generates one). */
  id: string;
  name: string;
  /** "select" for a menu; anything else is drawn and sent as a button. */
  type: 'button' | 'select';
  /** integration.url */
  url: string;
  /** integration.context ({} when absent). */
  context: Record<string, unknown>;
  /** A menu's static options. */
  options: Array<{ text: string; value: string }>;
  /** A menu's data_source ("users", "channels"), "" otherwise. */
  dataSource: string;
}

type ActionLookup = { ok: true; action: ClickedAction } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A path as the preview writes it: 2–16 keys and indexes, ending at an element of an `actions` array. */
function isActionPath(path: unknown): path is JsonPath {
  if (!Array.isArray(path) || path.length < 2 || path.length > 16) return false;
  if (!path.every(k => (typeof k === 'string' && k.length <= 100) || (Number.isInteger(k) && (k as number) >= 0))) return false;
  return typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'actions';
}

/** One step down: an own key (matched as Go matches struct keys, case-insensitively, when not exact) or an index. */
function child(node: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(node) && key < node.length ? node[key] : undefined;
  if (!isObj(node)) return undefined;
  if (Object.prototype.hasOwnProperty.call(node, key)) return node[key];
  const lower = key.toLowerCase();
  const found = Object.keys(node).find(k => k.toLowerCase() === lower);
  return found === undefined ? undefined : node[found];
}

/**
 * The action the preview's control at `path` stands for, in the payload `text` of `kind` as it is now
 * (the file may have changed since the preview was drawn: then it says so rather than guess).
 */
export function findAction(text: string, kind: Kind, path: unknown): ActionLookup {
  if (!isActionPath(path)) return { ok: false, reason: 'The preview did not say which button was clicked.' };
  const read = readPayload(text, kind);
  if (!read.ok) return { ok: false, reason: 'The payload cannot be read any more (it is not valid JSON); fix it, then click again.' };
  let node: unknown = read.value;
  for (const key of path) node = child(node, key);
  if (!isObj(node)) return { ok: false, reason: 'That button is no longer in the payload (it changed since the preview was drawn); click it again in the updated preview.' };
  const name = typeof child(node, 'name') === 'string' ? child(node, 'name') as string : '';
  if (child(node, 'disabled') === true) return { ok: false, reason: `"${name}" is disabled: Mattermost does not send a click for it.` };
  const integration = child(node, 'integration');
  const url = isObj(integration) && typeof child(integration, 'url') === 'string' ? (child(integration, 'url') as string).trim() : '';
  if (!/^https?:\/\//i.test(url)) {
    return { ok: false, reason: url ? `"${name}" sends its clicks to ${url}, which only a Mattermost server (a plugin) can call.` : `"${name}" has no integration.url: Mattermost has nowhere to send the click.` };
  }
  const ctx = isObj(integration) ? child(integration, 'context') : undefined;
  const options: ClickedAction['options'] = [];
  const raw = child(node, 'options');
  if (Array.isArray(raw)) {
    for (const o of raw) {
      if (!isObj(o)) continue;
      const t = child(o, 'text');
      const v = child(o, 'value');
      options.push({ text: typeof t === 'string' ? t : '', value: typeof v === 'string' ? v : '' });
    }
  }
  const id = child(node, 'id');
  const source = child(node, 'data_source');
  return {
    ok: true,
    action: {
      id: typeof id === 'string' ? id : '',
      name,
      type: child(node, 'type') === 'select' ? 'select' : 'button',
      url,
      context: isObj(ctx) ? ctx : {},
      options,
      dataSource: typeof source === 'string' ? source : '',
    },
  };
}

interface ClickEffect {
  /** The documents that take the clicked post's place: the `update`, as a post, linted. */
  replace: AnswerDocument[];
  /** The ephemeral reply, as Mattermost shows it to the clicking user only. */
  ephemeral?: string;
  /** One sentence: what Mattermost would do with the answer (a `goto_location` is named, not followed). */
  summary: string;
  level: 'info' | 'warning' | 'error';
}

/** What the answer to a click does, as Mattermost applies it (§3.3). */
export function clickEffect(v: Verdict): ClickEffect {
  const replace = v.documents.filter(d => d.label === 'update');
  const goto = v.action?.gotoLocation;
  const summary = goto ? `${v.summary} The preview shows ${goto} and does not go there.` : v.summary;
  const level = v.outcome === 'shown' ? 'info' : v.outcome === 'nothing' ? 'warning' : 'error';
  return { replace, ephemeral: v.action?.ephemeralText, summary, level };
}
