import * as vscode from 'vscode';

/** Lines per slice: ~150 KB of a pretty-printed payload, a few ms to build. */
const SLICE_LINES = 4096;

/**
 * A document's text in slices of whole lines, for handing a big document to a worker without
 * blocking: `doc.getText()` joins all lines at once (about 150 ms of CPU for 10 MB here), a slice
 * costs a few ms and the caller yields between slices. Joined, the slices are exactly getText().
 * Call it in the turn the text is wanted and check the version between slices (a change between
 * two slices would mix versions).
 */
export function textSlices(doc: vscode.TextDocument, linesPerSlice = SLICE_LINES): () => string | undefined {
  let line = 0;
  const count = doc.lineCount;
  return () => {
    if (line >= count) return undefined;
    const to = line + linesPerSlice;
    const end = to >= count ? doc.lineAt(count - 1).range.end : new vscode.Position(to, 0);
    const part = doc.getText(new vscode.Range(new vscode.Position(line, 0), end));
    line = to;
    return part;
  };
}

/** Lengths known per document version, kept up to date edit by edit (`followEdits`). */
const lengths = new WeakMap<vscode.TextDocument, { version: number; length: number }>();
let following: vscode.Disposable | undefined;

/**
 * The document's length in characters, without building its text. Asking the document (offsetAt) costs
 * little once, but after every edit it rebuilds its index of line starts first: about 20 ms for 10 MB
 * (400,000 lines) here, in the turn of the edit. So the length is asked once per document and then
 * follows each edit's changes; when an event cannot be followed (an EOL change, a skipped version),
 * it is asked again.
 */
export function documentLength(doc: vscode.TextDocument): number {
  const known = lengths.get(doc);
  if (known && known.version === doc.version) return known.length;
  const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  lengths.set(doc, { version: doc.version, length });
  // For the life of the extension host; registered on first use, so activation does not pay for it.
  following ??= vscode.workspace.onDidChangeTextDocument(followEdits);
  return length;
}

function followEdits(e: vscode.TextDocumentChangeEvent): void {
  const known = lengths.get(e.document);
  if (!known || known.version === e.document.version) return; // unknown, or already asked at this version
  if (e.contentChanges.length === 0 || known.version !== e.document.version - 1) {
    lengths.delete(e.document);
    return;
  }
  let length = known.length;
  for (const c of e.contentChanges) length += c.text.length - c.rangeLength;
  lengths.set(e.document, { version: e.document.version, length });
}

/**
 * The first `chars` characters of the document (all of it when shorter): the text up to
 * `doc.positionAt(chars)`, found by walking line lengths instead, since positionAt rebuilds the
 * document's index of line starts after every edit (see documentLength).
 */
export function headText(doc: vscode.TextDocument, chars: number): string {
  const eol = doc.eol === vscode.EndOfLine.CRLF ? 2 : 1;
  let left = chars;
  for (let line = 0; line < doc.lineCount; line++) {
    const length = doc.lineAt(line).text.length;
    if (left <= length) return doc.getText(new vscode.Range(0, 0, line, left));
    left -= length + eol;
    if (left < 0) return doc.getText(new vscode.Range(0, 0, line, length)); // inside a CRLF: as positionAt, the line's end
  }
  return doc.getText();
}

/** Documents longer than this are read in slices by `readText`. */
const READ_WHOLE_CHARS = 256 * 1024;

/**
 * The document's text and the version it is of, without blocking: a big document comes as its
 * `textSlices`, read one per turn of the event loop and never joined (joining or encoding 10 MB at
 * once blocks this thread for 50–150 ms here); a small one as one string. If the document changes
 * while it is read, it is read again (after three tries at once, with getText()).
 */
export async function readText(doc: vscode.TextDocument): Promise<{ version: number; text: string | string[] }> {
  for (let tries = 0; ; tries++) {
    const version = doc.version;
    if (tries >= 3 || documentLength(doc) <= READ_WHOLE_CHARS) return { version, text: doc.getText() };
    const parts: string[] = [];
    const next = textSlices(doc);
    let part = next();
    while (part !== undefined && doc.version === version) {
      parts.push(part);
      await new Promise<void>(r => setImmediate(r));
      part = doc.version === version ? next() : undefined;
    }
    if (doc.version === version) return { version, text: parts };
  }
}
