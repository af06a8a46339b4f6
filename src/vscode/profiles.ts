import * as path from 'path';
import * as vscode from 'vscode';
import { tryNormalizeServerUrl } from '../core/mattermost/origin';
import { parseProfile, parseProfileText, type Profile, profileForDestination } from '../core/server/profile';
import { networkSetting, SECTION } from './config';
import { Logger } from './logger';
import { CredentialStore } from './secrets';

/** globalState key: per server origin, the kept client config and when it was fetched. Not secret. */
const STATE_KEY = 'mattermostPayloads.serverProfiles';
/** A fetched profile older than this is refreshed in the background when it is used. */
const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** At most one background refresh per origin in this long. */
const RETRY_MS = 60 * 60 * 1000;
/** profileFor keeps an answer at most this long (a logged-in profile also checks its age when it is read). */
const KNOWN_MS = 60 * 1000;

interface Saved { config: Record<string, string>; fetchedAt: number }

interface FileState { relPath: string; profile?: Profile; error?: string; watchers: vscode.Disposable[]; timer?: NodeJS.Timeout }

/**
 * Which server profile applies to a document (issue 11, item 3). First found wins:
 *  1. the logged-in server the document goes to (mattermostPayloads.server, else the current account):
 *     fetched at login and by "Mattermost: Refresh Server Profile", kept per origin in globalState;
 *  2. the workspace file named by mattermostPayloads.serverProfile (watched);
 *  3. the default profile.
 * Fires onDidChange whenever the answer may have changed (a fetch, the file, the settings, the account).
 */
export class ServerProfiles implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly files = new Map<string, FileState>();
  private readonly lastRefresh = new Map<string, number>();
  private store: CredentialStore | undefined;
  private refresher: ((origin: string) => Promise<unknown>) | undefined;
  private loads = 0;
  /** profileFor's answers, by document: forgotten whenever onDidChange fires, and after KNOWN_MS. */
  private readonly known = new Map<string, { profile: Profile; at: number }>();

  constructor(private readonly globalState: vscode.Memento, private readonly logger: Logger) {
    this.disposables.push(
      // the first listener: nobody reads a forgotten answer
      this.changed.event(() => this.known.clear()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(`${SECTION}.serverProfile`)) void this.loadFiles();
        else if (e.affectsConfiguration(`${SECTION}.server`)) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadFiles()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    );
    void this.loadFiles();
  }

  /** Wires the accounts (created later in activate): the destination follows the current account. */
  setAccounts(store: CredentialStore, refresh: (origin: string) => Promise<unknown>): void {
    this.store = store;
    this.refresher = refresh;
    this.disposables.push(store.onDidChange(() => this.changed.fire()));
    this.changed.fire();
  }

  /** The profile for a document (or, without one, for the workspace). */
  profileFor(uri?: vscode.Uri): Profile {
    // asked on every lint (every keystroke): kept until something it depends on changes (onDidChange), or a minute
    const key = uri?.toString() ?? '';
    const known = this.known.get(key);
    if (known && Date.now() - known.at < KNOWN_MS) return known.profile;
    const profile = this.profileForOrigin(this.destinationOrigin(uri), uri);
    this.known.set(key, { profile, at: Date.now() });
    return profile;
  }

  /**
   * The profile for a payload of this document (or workspace) sent to `origin` (a webhook's or an
   * account's server; undefined: not known), in the same order as profileFor (profileForDestination).
   */
  profileForOrigin(origin: string | undefined, uri?: vscode.Uri): Profile {
    return profileForDestination(origin, { loggedIn: o => this.loggedIn(o), file: this.fileFor(uri)?.profile });
  }

  private loggedIn(origin: string): Profile | undefined {
    const saved = this.saved(origin);
    if (!saved) return undefined;
    try {
      const p = parseProfile(saved.config, 'logged-in server', origin);
      if (Date.now() - saved.fetchedAt > PROFILE_MAX_AGE_MS) this.refreshInBackground(origin);
      return p;
    } catch {
      // stored by an older version in another shape: ignore it, a refresh replaces it
      return undefined;
    }
  }

  /** Why the workspace profile file is not used (unreadable, invalid, outside the workspace), if it is not. */
  fileProblem(uri?: vscode.Uri): string | undefined {
    const f = this.fileFor(uri);
    return f?.error ? `${f.relPath}: ${f.error}` : undefined;
  }

  /** The server a document is sent to through the API: mattermostPayloads.server, else the current account's. */
  destinationOrigin(uri?: vscode.Uri): string | undefined {
    const named = networkSetting('server', uri);
    if (named) return tryNormalizeServerUrl(named)?.origin;
    return this.store?.shownAccount()?.origin;
  }

  saved(origin: string): Saved | undefined {
    const all = this.globalState.get<Record<string, Saved>>(STATE_KEY) ?? {};
    const s = Object.prototype.hasOwnProperty.call(all, origin) ? all[origin] : undefined;
    return s && typeof s === 'object' && typeof s.fetchedAt === 'number' && typeof s.config === 'object' ? s : undefined;
  }

  /**
   * Keeps a fetched client config for `origin` (only the keys the profile model reads) and re-lints.
   * Throws ProfileError when the answer is not a usable profile.
   */
  async save(origin: string, clientConfig: unknown, fetchedAt = Date.now()): Promise<Profile> {
    const profile = parseProfile(clientConfig, 'logged-in server', origin);
    const all = { ...(this.globalState.get<Record<string, Saved>>(STATE_KEY) ?? {}) };
    all[origin] = { config: { ...profile.config }, fetchedAt };
    await this.globalState.update(STATE_KEY, all);
    this.logger.info('profile', `server profile of ${origin}: Mattermost ${profile.config.Version}`);
    this.changed.fire();
    return profile;
  }

  async forget(origin: string): Promise<void> {
    const all = { ...(this.globalState.get<Record<string, Saved>>(STATE_KEY) ?? {}) };
    if (!(origin in all)) return;
    delete all[origin];
    await this.globalState.update(STATE_KEY, all);
    this.changed.fire();
  }

  dispose(): void {
    for (const f of this.files.values()) stopWatching(f);
    for (const d of this.disposables) d.dispose();
  }

  /** After a login: fetch that server's profile in the background (the refresh the accounts were wired with). */
  fetchAfterLogin(origin: string): void {
    if (this.refresher) void this.refresher(origin);
  }

  private refreshInBackground(origin: string): void {
    if (!this.refresher || !vscode.workspace.isTrusted) return;
    const last = this.lastRefresh.get(origin) ?? 0;
    if (Date.now() - last < RETRY_MS) return;
    this.lastRefresh.set(origin, Date.now());
    this.logger.info('profile', `the server profile of ${origin} is older than a day: refreshing it`);
    this.refresher(origin).catch(() => undefined);
  }

  private fileFor(uri?: vscode.Uri): FileState | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? this.files.get(folder.uri.toString()) : undefined;
  }

  /** (Re)reads the profile file of every workspace folder and (re)watches it. */
  private async loadFiles(): Promise<void> {
    const generation = ++this.loads;
    for (const f of this.files.values()) stopWatching(f);
    this.files.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (generation !== this.loads) return; // a newer load is under way
      const raw = vscode.workspace.getConfiguration(SECTION, folder.uri).get<unknown>('serverProfile');
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const relPath = raw.trim();
      const state: FileState = { relPath, watchers: [] };
      this.files.set(folder.uri.toString(), state);
      const rel = insideFolder(relPath);
      if (!rel) {
        state.error = 'mattermostPayloads.serverProfile must be a path inside the workspace folder, such as .mattermost/server.json.';
        continue;
      }
      // The file and each folder above it: a file written right after its new folder is created can
      // be missed by the watcher on some platforms, so a folder event reads the file again too, now
      // and once more shortly after.
      const reload = (): void => {
        void this.readFile(folder, rel, state).then(() => this.changed.fire());
        clearTimeout(state.timer);
        state.timer = setTimeout(() => void this.readFile(folder, rel, state).then(() => this.changed.fire()), 1000);
      };
      const parts = rel.split('/');
      for (let i = parts.length; i > 0; i--) {
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, parts.slice(0, i).join('/')));
        state.watchers.push(w, w.onDidCreate(reload), w.onDidChange(reload), w.onDidDelete(reload));
      }
      const target = vscode.Uri.joinPath(folder.uri, rel).toString();
      state.watchers.push(vscode.workspace.onDidSaveTextDocument(d => { if (d.uri.toString() === target) reload(); }));
      await this.readFile(folder, rel, state);
    }
    this.changed.fire();
  }

  private async readFile(folder: vscode.WorkspaceFolder, rel: string, state: FileState): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, rel);
    state.profile = undefined;
    state.error = undefined;
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      state.error = 'the file does not exist or cannot be read.';
      this.logger.warn('profile', `server profile file ${state.relPath}: ${state.error}`);
      return;
    }
    try {
      state.profile = parseProfileText(text, 'workspace file', state.relPath);
      this.logger.info('profile', `server profile file ${state.relPath}: Mattermost ${state.profile.config.Version}`);
    } catch (e) {
      state.error = e instanceof Error ? e.message : String(e);
      this.logger.warn('profile', `server profile file ${state.relPath} is not used: ${state.error}`);
    }
  }
}

/** A relative path that stays inside its folder, with forward slashes; undefined otherwise. */
function insideFolder(p: string): string | undefined {
  if (path.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) return undefined;
  const norm = path.posix.normalize(p.replace(/\\/g, '/'));
  if (norm === '.' || norm.startsWith('../') || norm === '..') return undefined;
  return norm;
}

function stopWatching(f: FileState): void {
  clearTimeout(f.timer);
  for (const w of f.watchers) w.dispose();
}
