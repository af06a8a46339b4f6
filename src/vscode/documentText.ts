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

/** The document's length in characters, without building its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
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
