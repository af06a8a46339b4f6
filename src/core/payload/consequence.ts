import type { Kind } from './problem';

/** What the server does with a payload it cannot decode, per kind (start of a sentence). */
export function rejectPhrase(kind: Kind): string {
  switch (kind) {
    case 'incoming':
      return 'Mattermost rejects the whole request (400 model.incoming_hook.parse_data.app_error)';
    case 'command':
      return 'Mattermost cannot parse the response and the command fails (500 api.command.execute_command.failed.app_error)';
    case 'outgoing':
      return 'Mattermost cannot parse the response, logs the error and posts nothing';
    default:
      return 'Mattermost rejects the request (400 api.context.invalid_body_param.app_error)';
  }
}

/** How IsValid problems in attachments/actions are handled: only a log line. */
export const ONLY_LOGGED = 'Mattermost still posts it but logs "Invalid post props"';
