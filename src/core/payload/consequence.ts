import { isApproximate, nearBoundary, onServer, type Profile, sinceText, support } from '../server/profile';
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

/** How IsValid problems in attachments/actions are handled (from ≈ 10.6): only a log line. */
const ONLY_LOGGED = 'Mattermost still posts it but logs "Invalid post props"';
/** How Dialog.IsValid problems are handled (from ≈ 6.1): only a log line. */
const DIALOG_LOGGED = 'Mattermost still opens the dialog but logs "Interactive dialog is invalid"';

/** The validators that only log (MATTERMOST_RULES.md §8): attachments and actions, and dialogs. */
type LogOnly = 'log-only-validation' | 'dialog-validation-logged';

/**
 * One sentence for a problem a server validator only logs, true on both sides of the release that
 * brought the validator (§8): from it on, "… logs …: why."; before it, the server names itself, says
 * what the clients still do (`why`) and that it may not log anything ("may": the release is ≈).
 * `why` is a clause that holds on every server ("`title_link` needs a `title`, so no link is shown").
 */
export function loggedProblem(profile: Profile, validator: LogOnly, why: string): string {
  const what = validator === 'log-only-validation' ? 'attachments and actions' : 'dialogs';
  const opens = validator === 'log-only-validation' ? 'posts it' : 'opens the dialog';
  if (support(profile, validator) !== 'no') {
    if (!nearBoundary(profile, validator)) return `${validator === 'log-only-validation' ? ONLY_LOGGED : DIALOG_LOGGED}: ${why}.`;
    // on the release line of the ≈ boundary: the log line may not be there yet
    const line = validator === 'log-only-validation' ? '"Invalid post props"' : '"Interactive dialog is invalid"';
    return `Mattermost still ${opens}, and ${onServer(profile)} it may log ${line} (it validates ${what} ${sinceText(validator)}): ${why}.`;
  }
  const may = isApproximate(validator) ? 'may not log' : 'does not log';
  const on = onServer(profile);
  return `${on.charAt(0).toUpperCase()}${on.slice(1)}, ${why} (Mattermost still ${opens} and ${may} anything: it validates ${what} only ${sinceText(validator)}).`;
}
