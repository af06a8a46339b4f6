import * as assert from 'assert';
import * as vscode from 'vscode';
import { AccountStatusBar } from '../../src/vscode/accountStatusBar';
import { CredentialStore, SecretStorageFailure } from '../../src/vscode/secrets';
import { testApi } from './prompter';
import { openDocument, waitFor } from './util';

/** A SecretStorage whose every call fails, as with a locked keyring. */
function failingSecrets(): vscode.SecretStorage & { fire(key: string): void } {
  const emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const fail = () => Promise.reject(new Error('keyring is locked'));
  return { get: fail, store: fail, delete: fail, keys: fail, onDidChange: emitter.event, fire: (key: string) => emitter.fire({ key }) } as unknown as vscode.SecretStorage & { fire(key: string): void };
}

/** An in-memory SecretStorage that counts reads, with change events as from another window. */
function countingSecrets(): vscode.SecretStorage & { reads: number; values: Map<string, string>; fire(key: string): void } {
  const emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const values = new Map<string, string>();
  const s = {
    reads: 0,
    values,
    get: (key: string) => { s.reads++; return Promise.resolve(values.get(key)); },
    store: (key: string, value: string) => { values.set(key, value); emitter.fire({ key }); return Promise.resolve(); },
    delete: (key: string) => { values.delete(key); emitter.fire({ key }); return Promise.resolve(); },
    keys: () => Promise.resolve([...values.keys()]),
    onDidChange: emitter.event,
    fire: (key: string) => emitter.fire({ key }),
  };
  return s;
}

class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.values.keys()]; }
  get<T>(key: string, fallback?: T): T | undefined { return (this.values.has(key) ? this.values.get(key) : fallback) as T | undefined; }
  update(key: string, value: unknown): Promise<void> { this.values.set(key, value); return Promise.resolve(); }
}

describe('secret storage', () => {
  it('reports a SecretStorage failure and writes the token nowhere else', async () => {
    const memento = new MemoryMemento();
    const store = new CredentialStore(failingSecrets(), memento);
    const token = 'tok-should-never-land-anywhere-123';
    await assert.rejects(
      store.saveAccount({ origin: 'https://mm.example.com', token, tokenKind: 'session', user: { id: 'u1', username: 'alice' } }),
      (e: unknown) => e instanceof SecretStorageFailure && /secret storage could not save the login \(keyring is locked\)\. Nothing was saved anywhere else\./.test(e.message) && !e.message.includes(token),
    );
    assert.ok(!JSON.stringify([...memento.values]).includes(token), 'the token went to globalState');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('mattermostPayloads')).includes(token), 'the token went to settings');
    await assert.rejects(store.saveWebhook('team', 'https://mm.example.com/hooks/abcdefghijklmnopqrstuvwxyz'), SecretStorageFailure);
    await assert.rejects(store.account('https://mm.example.com'), SecretStorageFailure);
  });

  it('sees a logout made in another window (SecretStorage change events)', async () => {
    const { services } = await testApi();
    await services.store.saveAccount({ origin: 'https://other-window.example.com', token: 'tok-other-window-1', tokenKind: 'pat', user: { id: 'u2', username: 'bob' } });
    let changes = 0;
    const sub = services.store.onDidChange(() => { changes++; });
    try {
      // Another window logging out deletes the same secret; this window only hears about it.
      await services.secrets.delete('mattermostPayloads.account:https://other-window.example.com');
      for (let i = 0; i < 50 && changes === 0; i++) await new Promise(r => setTimeout(r, 50));
      assert.ok(changes > 0, 'no change event');
      assert.strictEqual(await services.store.account('https://other-window.example.com'), undefined);
    } finally {
      sub.dispose();
      await services.store.removeAccount('https://other-window.example.com');
    }
  });

  it('binds a token to its exact origin: another port, scheme or look-alike host gets nothing', async () => {
    const { services } = await testApi();
    await services.store.saveAccount({ origin: 'https://mm.example.com', token: 'tok-bound-1', tokenKind: 'pat', user: { id: 'u3', username: 'carol' } });
    try {
      assert.strictEqual((await services.store.account('https://MM.example.com/'))?.token, 'tok-bound-1');
      for (const other of ['https://mm.example.com:444', 'http://mm.example.com', 'https://mm.example.com.evil.test', 'https://evil.test/mm.example.com', 'https://mm.example.com/sub']) {
        assert.strictEqual(await services.store.account(other), undefined, other);
      }
    } finally {
      await services.store.removeAccount('https://mm.example.com');
    }
  });

  it('the account status bar never reads SecretStorage when a payload file opens; a change in another window is shown', async () => {
    const { services } = await testApi();
    const secrets = countingSecrets();
    const memento = new MemoryMemento();
    const store = new CredentialStore(secrets, memento);
    const token = 'tok-status-bar-never-shown-77';
    await store.saveAccount({ origin: 'https://mm.example.com', token, tokenKind: 'pat', user: { id: 'u9', username: 'dora' } });
    assert.ok(!JSON.stringify([...memento.values]).includes(token), 'the token went to globalState');
    const bar = new AccountStatusBar(store, services.kinds);
    try {
      secrets.reads = 0;
      assert.strictEqual(bar.text, '$(account) dora @ mm.example.com');
      await openDocument('bad.incoming.json');
      await openDocument('good.incoming.json');
      await new Promise(r => setTimeout(r, 200));
      assert.strictEqual(secrets.reads, 0, 'opening payload files read SecretStorage');
      assert.strictEqual(bar.text, '$(account) dora @ mm.example.com');
      // another window logs out: the index and the token go, this window hears of it and reads again
      secrets.values.clear();
      secrets.fire('mattermostPayloads.accounts');
      await waitFor('the status bar to show the logout', () => bar.text === '$(account) Not logged in');
      assert.ok(secrets.reads > 0);
    } finally {
      bar.dispose();
      store.dispose();
    }
  });
});
