/**
 * Message attachments as the server validates them (MessageAttachment.IsValid, PostAction.IsValid;
 * MATTERMOST_RULES.md §2.4, §3): the checks only log "Invalid post props", the post is still stored.
 */

/** The named attachment colours the webapp maps to theme colours. */
export const ATTACHMENT_COLORS: readonly string[] = ['good', 'warning', 'danger'];

/** A `#RRGGBB` colour, the only other form IsValid accepts. */
export function isHexColor(s: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(s);
}

/** An attachment `color` IsValid accepts: good, warning, danger or #RRGGBB. */
export function isValidAttachmentColor(c: string): boolean {
  return ATTACHMENT_COLORS.includes(c) || isHexColor(c);
}

/** The named button styles (PostAction.Style). */
export const ACTION_STYLES: readonly string[] = ['default', 'primary', 'success', 'good', 'warning', 'danger'];

/** An action `style` IsValid accepts: a named style or #RRGGBB. */
export function isValidActionStyle(s: string): boolean {
  return ACTION_STYLES.includes(s) || isHexColor(s);
}
