/**
 * The clients' render limits (MM_BLOCKS.md §2.1, client source C2/C5), applied once after translation:
 * 100 block nodes (depth-first, every node counts), depth 32 (top level = 1; container, collapsible,
 * column_set and column each add 1), 16000 characters over `text.text` and `button.text` (JavaScript
 * string length). The block that crosses the character limit is cut; later text and buttons are
 * dropped. Empty text blocks, and containers left empty, are dropped. The server enforces none of this.
 */
import type { MmBlock, RenderLimit, Truncation } from './blocks';

const MAX_BLOCK_NODES = 100;
const MAX_BLOCK_DEPTH = 32;
const MAX_BLOCK_CHARACTERS = 16000;

interface State {
  nodes: number;
  chars: number;
  truncated: Map<RenderLimit, Truncation>;
}

function count(b: MmBlock): { nodes: number; chars: number } {
  let nodes = 1;
  let chars = b.type === 'text' || b.type === 'button' ? b.text.length : 0;
  for (const c of children(b)) {
    const x = count(c);
    nodes += x.nodes;
    chars += x.chars;
  }
  return { nodes, chars };
}

function children(b: MmBlock): MmBlock[] {
  switch (b.type) {
    case 'container':
      return b.content;
    case 'collapsible':
      return [...b.header, ...b.content];
    case 'column_set':
      return b.columns;
    case 'column':
      return b.items;
    default:
      return [];
  }
}

function mark(s: State, b: MmBlock, limit: RenderLimit, lost: number): void {
  const t = s.truncated.get(limit);
  if (t) t.lost += lost;
  else s.truncated.set(limit, { path: b.path, limit, lost });
}

function limitList(list: MmBlock[], depth: number, s: State): MmBlock[] {
  const out: MmBlock[] = [];
  for (const b of list) {
    const x = limitOne(b, depth, s);
    if (x) out.push(x);
  }
  return out;
}

function limitOne(b: MmBlock, depth: number, s: State): MmBlock | undefined {
  if (depth > MAX_BLOCK_DEPTH) {
    mark(s, b, 'depth', count(b).nodes);
    return undefined;
  }
  if (s.nodes >= MAX_BLOCK_NODES) {
    mark(s, b, 'nodes', count(b).nodes);
    return undefined;
  }
  s.nodes++;
  if (b.type === 'text' || b.type === 'button') {
    if (b.type === 'text' && b.text === '') return undefined;
    const left = MAX_BLOCK_CHARACTERS - s.chars;
    if (left <= 0) {
      mark(s, b, 'characters', b.text.length);
      return undefined;
    }
    if (b.text.length > left) {
      mark(s, b, 'characters', b.text.length - left);
      s.chars = MAX_BLOCK_CHARACTERS;
      return { ...b, text: b.text.slice(0, left) };
    }
    s.chars += b.text.length;
    return b;
  }
  switch (b.type) {
    case 'container': {
      const content = limitList(b.content, depth + 1, s);
      return content.length ? { ...b, content } : undefined;
    }
    case 'collapsible': {
      const header = limitList(b.header, depth + 1, s);
      const content = limitList(b.content, depth + 1, s);
      return header.length || content.length ? { ...b, header, content } : undefined;
    }
    case 'column_set': {
      const columns = limitList(b.columns, depth + 1, s) as typeof b.columns;
      return columns.length ? { ...b, columns } : undefined;
    }
    case 'column': {
      const items = limitList(b.items, depth + 1, s);
      return items.length ? { ...b, items } : undefined;
    }
    default:
      return b;
  }
}

/** The blocks as clients draw them after the limits, and the first block past each limit. */
export function applyRenderLimits(blocks: MmBlock[]): { blocks: MmBlock[]; truncated: Truncation[] } {
  const s: State = { nodes: 0, chars: 0, truncated: new Map() };
  const out = limitList(blocks, 1, s);
  return { blocks: out, truncated: [...s.truncated.values()] };
}
