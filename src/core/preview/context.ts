/** Shared state for one render. */
import type { Kind } from '../payload/problem';
import { Findings } from './findings';
import { field, type Obj } from './values';
import { renderMarkdown, renderMarkdownInline } from './markdown';

/** Mattermost's status colours (webapp getStatusColors, default theme). */
export const STATUS_COLORS = {
  good: '#00c100',
  warning: '#dede01',
  danger: '#d24b4e',
  default: '#3f4350',
  primary: '#1c58d9',
  success: '#06d6a0',
} as const;

export class RenderContext {
  readonly findings = new Findings();
  /** Custom #RRGGBB colours used, for the document's nonce'd style block (no inline styles under CSP). */
  readonly colors = new Set<string>();

  constructor(
    readonly kind: Kind,
    readonly loadRemoteImages: boolean,
    readonly now: Date | undefined,
  ) {}

  /** Integration payloads go through the Go server's conversions; `post` props are read by the webapp as sent. */
  get goDecoded(): boolean {
    return this.kind !== 'post';
  }

  /** A key of a decoded object (keys are canonical already: the server model matched them). */
  field(obj: Obj, key: string): unknown {
    return field(obj, key);
  }

  markdown(text: string): string {
    return renderMarkdown(text, { loadRemoteImages: this.loadRemoteImages });
  }

  markdownInline(text: string): string {
    return renderMarkdownInline(text, { loadRemoteImages: this.loadRemoteImages });
  }

  /** Registers a custom colour and returns its class name. */
  colorClass(hex: string): string {
    const norm = hex.toLowerCase();
    this.colors.add(norm);
    return `mm-hex-${norm.slice(1)}`;
  }
}
