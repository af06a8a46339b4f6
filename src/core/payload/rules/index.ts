/** Every rule, with its stable id, default severity and one-line description. */
import type { Kind } from '../problem';
import { actionIntegration } from './action-integration';
import { actionInvalid } from './action-invalid';
import { attachmentColor } from './attachment-color';
import { attachmentNull } from './attachment-null';
import { attachmentTs } from './attachment-ts';
import { blockDropped } from './block-dropped';
import { blockUnknownKey } from './block-unknown-key';
import { blocksNotShown } from './blocks-not-shown';
import { blocksOneFormat } from './blocks-one-format';
import { blocksPairing } from './blocks-pairing';
import { blocksRegistry } from './blocks-registry';
import { blocksRegistryStripped } from './blocks-registry-stripped';
import { blocksRenderLimit } from './blocks-render-limit';
import { blocksSlackMrkdwn } from './blocks-slack-mrkdwn';
import { blocksUntranslated } from './blocks-untranslated';
import { bodyTooLarge } from './body-too-large';
import { channelName } from './channel-name';
import { collapsibleCollapsed } from './collapsible-collapsed';
import { dialogElementInvalid } from './dialog-element-invalid';
import { dialogInvalid } from './dialog-invalid';
import { dialogRequest } from './dialog-request';
import { duplicateKey } from './duplicate-key';
import { fieldValueFormat } from './field-value-format';
import { invalidJson } from './invalid-json';
import { invalidUrl } from './invalid-url';
import { keyCase } from './key-case';
import { linkWithoutLabel } from './link-without-label';
import { messageTooLong } from './message-too-long';
import { missingFallback } from './missing-fallback';
import { noText } from './no-text';
import { nothingPosted } from './nothing-posted';
import { overrideNeedsSetting } from './override-needs-setting';
import { postChannelId } from './post-channel-id';
import { postType } from './post-type';
import { postWebhookShape } from './post-webhook-shape';
import { priorityMissing } from './priority-missing';
import { propsAttachmentType } from './props-attachment-type';
import { rawControlCharacter } from './raw-control-character';
import { reservedProp } from './reserved-prop';
import { responseNull } from './response-null';
import { responseType } from './response-type';
import { shortNotBoolean } from './short-not-boolean';
import { slackBlocks } from './slack-blocks';
import { slackBold } from './slack-bold';
import { slackLink } from './slack-link';
import { slackMention } from './slack-mention';
import { slackMrkdwnIn } from './slack-mrkdwn-in';
import { textSplit } from './text-split';
import { trailingContent } from './trailing-content';
import { typeMismatch } from './type-mismatch';
import { typeOverwritten } from './type-overwritten';
import { unknownKey } from './unknown-key';
import type { Rule, RuleInfo } from './types';

export type { Rule, RuleInfo } from './types';

export const RULES: readonly Rule[] = [
  // parsing and decoding (reported by the linter core)
  invalidJson, rawControlCharacter, trailingContent, bodyTooLarge, typeMismatch, shortNotBoolean, propsAttachmentType,
  keyCase, duplicateKey, unknownKey,
  // request-level
  noText, nothingPosted, responseType, responseNull, textSplit, messageTooLong, postType, typeOverwritten, reservedProp,
  overrideNeedsSetting, channelName, priorityMissing, postWebhookShape, postChannelId,
  // attachments and actions
  attachmentNull, attachmentColor, invalidUrl, linkWithoutLabel, attachmentTs, fieldValueFormat, missingFallback,
  actionInvalid, actionIntegration,
  // Slack habits
  slackBold, slackMention, slackLink, slackMrkdwnIn, slackBlocks,
  // dialogs
  dialogRequest, dialogInvalid, dialogElementInvalid,
  // Mattermost Blocks, Block Kit and Adaptive Cards (src/core/server/blocks.ts)
  blocksNotShown, blocksPairing, blocksRegistry, blocksRegistryStripped, blockDropped, blockUnknownKey, blocksUntranslated,
  blocksRenderLimit, blocksOneFormat, blocksSlackMrkdwn, collapsibleCollapsed,
];

/** id, default severity, one-line description and kinds of every rule (for README and settings). */
export const RULE_INFO: readonly RuleInfo[] = RULES.map(({ id, severity, description, kinds }) => ({ id, severity, description, kinds }));

export function rulesFor(kind: Kind): Rule[] {
  return RULES.filter(r => r.check && r.kinds.includes(kind));
}
