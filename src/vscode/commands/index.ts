// Entry of dist/commands.js: the network commands, with the HTTP client and node-fetch, loaded on
// first use so that activation and linting never pay for them.
export { login, logout, showCurrentUser, switchAccount } from './account';
export { sendToWebhook, sendViaApi, showHistory } from './send';
export { manageWebhooks } from './webhooks';
export { reportError } from './report';
export { refreshServerProfile } from './profile';
export { clickPreviewAction, invokeSlashCommand, triggerOutgoingWebhook } from './invoke';
export { dialogAction } from './dialogs';
export { copyLocalServerUrl } from './localServer';
