import * as vscode from 'vscode';
import { profileDescription, profileSummary } from '../core/server/profile';
import { PayloadKinds } from './payloadKinds';
import { ServerProfiles } from './profiles';

/**
 * The server profile the active payload file is linted against: "Mattermost 11.6 · overrides on", or
 * "default profile" when none is known. Clicking it runs "Mattermost: Refresh Server Profile".
 */
export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mattermostPayloads.profile', vscode.StatusBarAlignment.Right, 98);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly profiles: ServerProfiles, private readonly kinds: PayloadKinds) {
    this.item.name = 'Mattermost Server Profile';
    this.item.command = 'mattermostPayloads.refreshServerProfile';
    this.disposables = [
      this.item,
      profiles.onDidChange(() => this.update()),
      kinds.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** What the item says now (for tests). */
  get text(): string { return this.item.text; }
  get tooltip(): string { return typeof this.item.tooltip === 'string' ? this.item.tooltip : ''; }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.kinds.kindOf(doc)) { this.item.hide(); return; }
    const profile = this.profiles.profileFor(doc.uri);
    const problem = this.profiles.fileProblem(doc.uri);
    this.item.text = `$(server-environment) ${profileSummary(profile)}${problem && profile.source !== 'logged-in server' ? ' $(warning)' : ''}`;
    const lines = [profileDescription(profile)];
    if (problem) lines.push(`The server profile file is not used: ${problem}`);
    lines.push('Click to fetch the profile of the logged-in server again (Mattermost: Refresh Server Profile).');
    this.item.tooltip = lines.join('\n\n');
    this.item.show();
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
