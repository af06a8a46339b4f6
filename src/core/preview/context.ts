/** Shared state for one render. */
import type { Kind } from '../payload/problem';
import { Findings } from './findings';
import { JObject, type Json } from './json';
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

  /**
   * Integration payloads are decoded by Go into structs (keys case-insensitive, last wins);
   * `post` props are a plain map read by the webapp (exact keys).
   */
  get goDecoded(): boolean {
    return this.kind !== 'post';
  }

  field(obj: JObject, key: string): Json | undefined {
    return this.goDecoded ? obj.go(key) : obj.exact(key);
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

/** Per-post options: whether the server applies its Slack conversions to this post. */
export interface SlackMode {
  slack: boolean;
}
