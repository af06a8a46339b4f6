/**
 * Places linter problems next to the rendered element they concern. Renderers call `anchor(paths)`
 * where an element is drawn; after rendering, each problem goes to the anchor with the longest path
 * that is a prefix of the problem's path. Problems with no such anchor go to a list at the top.
 */
import type { Problem } from '../payload/problem';
import { attr, esc } from './html';

export type JsonPath = ReadonlyArray<string | number>;

const MARK = '\u0000';

interface Anchor {
  id: number;
  paths: JsonPath[];
}

function sameSegment(a: string | number, b: string | number): boolean {
  return String(a).toLowerCase() === String(b).toLowerCase();
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => sameSegment(seg, path[i]));
}

function pathText(path: JsonPath): string {
  return path.map(String).join('.');
}

export function findingHtml(problem: Problem): string {
  const icon = problem.severity === 'error' ? '⛔' : problem.severity === 'warning' ? '⚠' : 'ℹ';
  return (
    `<div class="mm-finding mm-finding-${esc(problem.severity)}" data-testid="finding"` +
    `${attr('data-rule', problem.rule)}${attr('data-severity', problem.severity)}${attr('data-path', pathText(problem.path))}` +
    ` role="note"><span class="mm-finding-icon" aria-hidden="true">${icon}</span>` +
    `<span class="mm-finding-rule">${esc(problem.rule)}</span> <span class="mm-finding-message">${esc(problem.message)}</span></div>`
  );
}

export class Findings {
  private readonly anchors: Anchor[] = [];

  /** Marks where findings for these paths (and anything below them) should appear. */
  anchor(...paths: JsonPath[]): string {
    const id = this.anchors.length;
    this.anchors.push({ id, paths });
    return `${MARK}${id}${MARK}`;
  }

  /** Replaces anchors with findings; returns the HTML and the problems nothing claimed. */
  resolve(html: string, problems: readonly Problem[]): { html: string; unplaced: Problem[] } {
    const byAnchor = new Map<number, Problem[]>();
    const unplaced: Problem[] = [];
    for (const problem of problems) {
      let best: { id: number; len: number } | undefined;
      for (const anchor of this.anchors) {
        for (const p of anchor.paths) {
          if (p.length > 0 && isPrefix(p, problem.path) && (!best || p.length > best.len)) {
            best = { id: anchor.id, len: p.length };
          }
        }
      }
      if (best) {
        const list = byAnchor.get(best.id) ?? [];
        list.push(problem);
        byAnchor.set(best.id, list);
      } else {
        unplaced.push(problem);
      }
    }
    // eslint-disable-next-line no-control-regex -- the NUL-delimited anchors are the markers this class put in the HTML
    const out = html.replace(/\u0000(\d+)\u0000/g, (_m, id: string) => {
      const list = byAnchor.get(Number(id));
      return list ? `<div class="mm-findings-inline">${list.map(findingHtml).join('')}</div>` : '';
    });
    return { html: out, unplaced };
  }
}
