/** Shared state for one render. */
import type { Kind } from '../payload/problem';
import { Findings } from './findings';
import { DEFAULT_PROFILE, type Profile } from '../server/profile';
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

/** What an integration answered to a dialog submission: shown at the top and under the fields. */
export interface DialogErrors {
  error?: string;
  fields?: Record<string, string>;
}

export class RenderContext {
  readonly findings = new Findings();
  /** Custom #RRGGBB colours used, for the document's nonce'd style block (no inline styles under CSP). */
  readonly colors = new Set<string>();

  constructor(
    readonly kind: Kind,
    readonly loadRemoteImages: boolean,
    readonly now: Date | undefined,
    /** The target server: whether its clients show Mattermost Blocks. */
    readonly profile: Profile = DEFAULT_PROFILE,
    /** Where a click on an action with an integration goes (PreviewInput.actionCommand); undefined: inert. */
    readonly actionCommand?: string,
    /** A dialog's answer to its last submission (PreviewInput.dialogErrors). */
    readonly dialogErrors?: DialogErrors,
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

  /** Extra CSS rules by class name (custom image sizes, named colours), for the same style block. */
  readonly rules = new Map<string, string>();

  /** A class capping width and/or height in px (block image max_width / max_height); undefined when neither is set. */
  sizeClass(width: number | undefined, height: number | undefined): string | undefined {
    if (width === undefined && height === undefined) return undefined;
    const w = width === undefined ? undefined : Math.round(width);
    const h = height === undefined ? undefined : Math.round(height);
    const name = `mm-size-w${w ?? 'x'}-h${h ?? 'x'}`;
    const decl = [w === undefined ? '' : `max-width:${w}px;`, h === undefined ? '' : `max-height:${h}px;`].join('');
    this.rules.set(name, `.${name} img,.${name} .mm-image-placeholder{${decl}}`);
    return name;
  }

  /** A class for a CSS named colour (letters only), as `--mm-color`. */
  namedColorClass(name: string): string {
    const clean = name.toLowerCase().replace(/[^a-z]/g, '');
    const cls = `mm-named-${clean}`;
    this.rules.set(cls, `.${cls}{--mm-color:${clean};}`);
    return cls;
  }

  /** Registers a custom colour and returns its class name. */
  colorClass(hex: string): string {
    const norm = hex.toLowerCase();
    this.colors.add(norm);
    return `mm-hex-${norm.slice(1)}`;
  }
}
