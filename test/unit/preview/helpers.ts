import * as fs from 'fs';
import * as path from 'path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Kind, Problem } from '../../../src/core/payload/problem';
import { renderPreviewBody } from '../../../src/core/preview/render';
import type { Profile } from '../../../src/core/server/profile';

/** test/fixtures/preview, from out/test/unit/preview or test/unit/preview. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'test', 'fixtures', 'preview');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export interface RenderOptions {
  problems?: Problem[];
  loadRemoteImages?: boolean;
  now?: Date;
  profile?: Profile;
  actionCommand?: string;
  dialogErrors?: { error?: string; fields?: Record<string, string> };
}

export function render(kind: Kind, payload: string | object, opts: RenderOptions = {}): HTMLElement {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return parseHtml(renderPreviewBody({ text, kind, ...opts }));
}

/** Parses like a browser would for our purposes (<pre> content is parsed, not raw text). */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { blockTextElements: { script: true, noscript: true, style: true } });
}

export function all(root: HTMLElement, testid: string): HTMLElement[] {
  return root.querySelectorAll(`[data-testid="${testid}"]`);
}

export function one(root: HTMLElement, testid: string): HTMLElement {
  const found = root.querySelector(`[data-testid="${testid}"]`);
  if (!found) {
    throw new Error(`no element with data-testid="${testid}"`);
  }
  return found;
}

export function problem(path: Problem['path'], rule = 'test-rule', severity: Problem['severity'] = 'warning', message = 'Mattermost drops it.'): Problem {
  return { rule, severity, message, start: 0, end: 1, path };
}
