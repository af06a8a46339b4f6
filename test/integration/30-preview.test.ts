import * as assert from 'assert';
import { parse, type HTMLElement } from 'node-html-parser';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceUri } from './util';

// The live preview, driven through its commands inside a real extension host. The webview's DOM is
// out of reach here, so the panel's last HTML comes from the hidden test/diagnostic command
// mattermostPayloads.preview.currentHtml; the UI layer (test/ui/preview.test.ts) checks the DOM.

const OPEN = 'mattermostPayloads.openPreviewToSide';
const CURRENT_HTML = 'mattermostPayloads.preview.currentHtml';
const SETTING = 'mattermostPayloads.preview.loadRemoteImages';
const DIR = 'preview-it';

const RICH = {
  text: 'Hello from the **preview** test',
  username: 'preview-bot',
  icon_url: 'https://images.example.com/bot.png',
  attachments: [{
    fallback: 'Build 7',
    color: 'good',
    title: 'Build 7',
    title_link: 'https://ci.example.com/7',
    fields: [
      { title: 'Branch', value: 'main', short: true },
      { title: 'Result', value: 'passed', short: true },
    ],
    image_url: 'https://images.example.com/graph.png',
  }],
};
const EPHEMERAL = { response_type: 'ephemeral', text: 'Only the caller sees this command response' };

function uri(name: string): vscode.Uri { return workspaceUri(DIR, name); }

async function write(name: string, content: unknown): Promise<vscode.Uri> {
  const target = uri(name);
  const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n';
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  return target;
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(name));
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

async function currentHtml(): Promise<string | undefined> {
  return vscode.commands.executeCommand<string | undefined>(CURRENT_HTML);
}

/** Waits until the panel's HTML satisfies `probe`, and returns it parsed. */
async function htmlWhere(what: string, probe: (html: string, dom: HTMLElement) => boolean): Promise<HTMLElement> {
  let last = '';
  try {
    return await waitFor(what, async () => {
      last = (await currentHtml()) ?? '';
      const dom = parse(last);
      return last && probe(last, dom) ? dom : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; last HTML:\n${last.slice(0, 3000)}`, { cause: e });
  }
}

function byTestId(dom: HTMLElement, id: string): HTMLElement[] {
  return dom.querySelectorAll(`[data-testid="${id}"]`);
}

async function replaceAll(doc: vscode.TextDocument, content: unknown): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), JSON.stringify(content, null, 2) + '\n');
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

function previewTabs(): { tab: vscode.Tab; group: vscode.TabGroup }[] {
  return vscode.window.tabGroups.all.flatMap(group => group.tabs
    .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('mattermostPayloads.preview'))
    .map(tab => ({ tab, group })));
}

async function resetSetting(): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  await config.update(SETTING, undefined, vscode.ConfigurationTarget.Global);
  await config.update(SETTING, undefined, vscode.ConfigurationTarget.Workspace);
}

describe('live preview', () => {
  before(async () => {
    await write('rich.incoming.json', RICH);
    await write('reply.command.json', EPHEMERAL);
    await write('notes.json', { name: 'not a payload', version: 1 });
    await open('rich.incoming.json');
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    await waitFor('the preview command', async () => (await vscode.commands.getCommands(true)).includes(OPEN));
  });

  after(async () => {
    await resetSetting();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  it('gives no HTML before the panel is opened', async () => {
    assert.strictEqual(await currentHtml(), undefined);
  });

  it('opens one panel beside the payload, keeps focus in the editor, and renders the payload', async () => {
    const editor = await open('rich.incoming.json');
    await vscode.commands.executeCommand(OPEN);
    const dom = await htmlWhere('the rich payload', html => html.includes('Hello from the'));

    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'focus left the editor');
    const tabs = await waitFor('the preview tab', () => previewTabs().length > 0 ? previewTabs() : undefined);
    assert.strictEqual(tabs.length, 1, 'expected exactly one preview tab');
    await waitFor('the panel title', () => previewTabs()[0]?.tab.label === 'Preview: rich.incoming.json');
    assert.notStrictEqual(tabs[0].group.viewColumn, editor.viewColumn, 'the preview is not beside the editor');

    assert.strictEqual(byTestId(dom, 'preview')[0]?.getAttribute('data-kind'), 'incoming');
    assert.match(byTestId(dom, 'post-text')[0]?.innerHTML ?? '', /<strong>preview<\/strong>/);
    assert.strictEqual(byTestId(dom, 'post-username')[0]?.text, 'preview-bot');
    const attachment = byTestId(dom, 'attachment');
    assert.strictEqual(attachment.length, 1);
    assert.strictEqual(attachment[0].getAttribute('data-color'), '#00c100', '"good" is Mattermost\'s green');
    assert.deepStrictEqual(byTestId(dom, 'field').map(f => f.getAttribute('data-short')), ['true', 'true']);
    assert.strictEqual(byTestId(dom, 'field-row').length, 1, 'two short fields share one row');

    // Running the command again reuses the panel rather than opening a second one.
    await vscode.commands.executeCommand(OPEN);
    await replaceAll(editor.document, { ...RICH, text: 'after the second command' });
    await htmlWhere('the edit', html => html.includes('after the second command'));
    await waitFor('the tab model to settle', () => previewTabs()[0]?.tab.label === 'Preview: rich.incoming.json');
    assert.strictEqual(previewTabs().length, 1, 'a second preview panel was opened');
  });

  it('is a strict-CSP document with a nonce, the extension stylesheet and no script', async () => {
    const html = (await currentHtml())!;
    const dom = parse(html);
    const csp = dom.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /style-src [^;]*'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `no style nonce in the CSP: ${csp}`);
    assert.strictEqual(dom.querySelector('style')?.getAttribute('nonce'), nonce, 'the <style> block does not carry the CSP nonce');
    assert.doesNotMatch(csp, /script-src|unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(csp, /img-src[^;]* https?:(;|\s|$)/, 'remote images are allowed while the setting is off');
    assert.strictEqual(dom.querySelectorAll('script').length, 0);
    const sheet = dom.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    assert.match(sheet, /media\/preview\.css/);
    assert.doesNotMatch(sheet, /^file:/, 'the stylesheet must go through asWebviewUri');

    // A fresh nonce per document.
    const doc = vscode.window.activeTextEditor!.document;
    await replaceAll(doc, { ...RICH, text: 'nonce check' });
    const next = await htmlWhere('the edited payload', h => h.includes('nonce check'));
    const nextNonce = /'nonce-([^']+)'/.exec(next.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '')?.[1];
    assert.ok(nextNonce);
    assert.notStrictEqual(nextNonce, nonce);
  });

  it('updates live as the document is edited, with the linter findings for the current text', async () => {
    const doc = vscode.window.activeTextEditor!.document;
    await replaceAll(doc, { ...RICH, text: 'Edited **live**', attachments: [{ ...RICH.attachments[0], color: 'blue' }] });
    let dom = await htmlWhere('the attachment-color finding', h => h.includes('Edited <strong>live</strong>') && h.includes('data-rule="attachment-color"'));
    assert.strictEqual(byTestId(dom, 'attachment')[0].getAttribute('data-color-invalid'), 'true');

    await replaceAll(doc, { ...RICH, text: 'Fixed colour', attachments: [{ ...RICH.attachments[0], color: '#ff0000' }] });
    // The finding goes once the linter has run on the fixed text.
    dom = await htmlWhere('the finding to go', h => h.includes('Fixed colour') && !h.includes('data-rule="attachment-color"'));
    assert.strictEqual(byTestId(dom, 'attachment')[0].getAttribute('data-color'), '#ff0000');
    assert.match(dom.querySelector('style')?.text ?? '', /\.mm-hex-ff0000\{--mm-color:#ff0000;\}/, 'the custom colour rule is missing from the document');
  });

  it('follows the active payload editor', async () => {
    await open('reply.command.json');
    const dom = await htmlWhere('the command response', (h, d) => byTestId(d, 'preview')[0]?.getAttribute('data-kind') === 'command');
    assert.match(byTestId(dom, 'ephemeral-label')[0]?.text ?? '', /Only visible to you/);
    assert.match(dom.querySelector('title')?.text ?? '', /Preview: reply\.command\.json/);
    await waitFor('the panel title to follow', () => previewTabs()[0]?.tab.label === 'Preview: reply.command.json');

    await open('rich.incoming.json');
    await htmlWhere('the incoming webhook again', (h, d) => byTestId(d, 'preview')[0]?.getAttribute('data-kind') === 'incoming');
  });

  it('keeps the last payload when a non-payload editor becomes active', async () => {
    const payload = (await open('rich.incoming.json')).document;
    await htmlWhere('the incoming webhook', (h, d) => byTestId(d, 'preview')[0]?.getAttribute('data-kind') === 'incoming');
    const notes = await open('notes.json');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), notes.document.uri.toString());
    // Still tracking the payload: an edit to it (not the active editor) shows up in the preview.
    await replaceAll(payload, { ...RICH, text: 'edited while notes.json is active' });
    const dom = await htmlWhere('the payload edit', h => h.includes('edited while notes.json is active'));
    assert.strictEqual(byTestId(dom, 'preview-message').length, 0);
    await waitFor('the panel title', () => previewTabs()[0]?.tab.label === 'Preview: rich.incoming.json');
  });

  it('shows a message, not an error, when opened on a file that is not a payload', async () => {
    await open('notes.json');
    await vscode.commands.executeCommand(OPEN);
    const dom = await htmlWhere('the not-a-payload message', (h, d) => byTestId(d, 'preview-message').length === 1);
    assert.match(dom.text, /notes\.json is not a Mattermost payload file/);
    assert.strictEqual(byTestId(dom, 'preview').length, 0);
    assert.strictEqual(dom.querySelectorAll('script').length, 0);
    assert.match(dom.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '', /default-src 'none'/);

    // Switching to a payload editor renders it again.
    await open('reply.command.json');
    await htmlWhere('the command response', (h, d) => byTestId(d, 'preview')[0]?.getAttribute('data-kind') === 'command');
  });

  it('shows remote images only when mattermostPayloads.preview.loadRemoteImages is on', async () => {
    await open('rich.incoming.json');
    let dom = await htmlWhere('the rich payload', (h, d) => byTestId(d, 'preview')[0]?.getAttribute('data-kind') === 'incoming');
    assert.ok(byTestId(dom, 'image-placeholder').some(p => p.getAttribute('data-src') === 'https://images.example.com/graph.png'));
    assert.strictEqual(dom.querySelectorAll('img').length, 0);

    await vscode.workspace.getConfiguration().update(SETTING, true, vscode.ConfigurationTarget.Global);
    dom = await htmlWhere('remote images', (h, d) => d.querySelectorAll('img[data-testid="remote-image"]').length > 0);
    assert.ok(dom.querySelectorAll('img').some(i => i.getAttribute('src') === 'https://images.example.com/graph.png'));
    assert.strictEqual(byTestId(dom, 'image-placeholder').length, 0);
    assert.match(dom.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '', /img-src[^;]* https:(;|\s|$)/);

    await vscode.workspace.getConfiguration().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    dom = await htmlWhere('placeholders again', (h, d) => byTestId(d, 'image-placeholder').length > 0);
    assert.strictEqual(dom.querySelectorAll('img').length, 0);
  });

  it('honours a workspace value of the remote-image setting in a trusted workspace', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, true, 'this suite runs in a trusted workspace');
    await vscode.workspace.getConfiguration().update(SETTING, true, vscode.ConfigurationTarget.Workspace);
    await htmlWhere('remote images from the workspace setting', (h, d) => d.querySelectorAll('img[data-testid="remote-image"]').length > 0);
    await vscode.workspace.getConfiguration().update(SETTING, undefined, vscode.ConfigurationTarget.Workspace);
    await htmlWhere('placeholders again', (h, d) => byTestId(d, 'image-placeholder').length > 0 && d.querySelectorAll('img').length === 0);
  });

  it('renders a payload too big to show whole: the leading part, with a note saying what is left out', async function () {
    this.timeout(90000); // lint and render in the workers, on a busy machine
    const attachments = Array.from({ length: 4000 }, (_, i) => ({ fallback: `Build ${i}`, color: 'good', text: `Build **${i}** passed, all tests green, see the log for details` }));
    // A slash-command response: it may be up to 1 MiB (an incoming webhook this big is refused: cannot render)
    await write('huge.command.json', { response_type: 'in_channel', text: 'Nightly builds', attachments });
    await open('huge.command.json');
    // Cheap string checks while waiting (the HTML is large); parse once it is there.
    const html = await waitFor('the truncated preview', async () => {
      const h = (await currentHtml()) ?? '';
      return h.includes('data-testid="preview-truncated"') && h.includes('Build <strong>0</strong> passed') ? h : undefined;
    }, 60000);
    const dom = parse(html);
    const note = byTestId(dom, 'preview-truncated')[0].text;
    assert.match(note, /This payload is \d+ KB, too big to preview whole/);
    assert.match(note, /the first [\d,]+ of 4,000 items of "attachments"/);
    const shown = byTestId(dom, 'attachment').length;
    assert.ok(shown > 100 && shown < 4000, `${shown} attachments rendered`);
    assert.ok(!dom.text.includes('Build 3999'), 'the last attachment is rendered');
    await open('rich.incoming.json');
    await waitFor('the small payload, whole', async () => { const h = (await currentHtml()) ?? ''; return h.includes('<title>Preview: rich.incoming.json</title>') && !h.includes('preview-truncated') || undefined; }, 60000);
  });

  it('forgets the HTML when the panel is closed', async () => {
    const { tab } = previewTabs()[0];
    await vscode.window.tabGroups.close(tab);
    await waitFor('the panel to close', async () => (await currentHtml()) === undefined ? true : undefined);
    assert.strictEqual(previewTabs().length, 0);
  });
});
