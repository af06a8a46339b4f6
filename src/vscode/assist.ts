import * as fs from 'fs';
import * as vscode from 'vscode';
import { type AssistItem, complete, CursorScanner, type CursorContext, hover, useSchemas } from '../core/assist';
import type { Kind } from '../core/payload/problem';
import { documentLength, headText } from './documentText';
import { PayloadKinds } from './payloadKinds';
import { ServerProfiles } from './profiles';

/** Up to this many characters the text is read and scanned at once (the linter's worker threshold). */
const INLINE_LIMIT = 200_000;
/** Above it, the scan is fed pieces of this size … */
const PIECE = 64 * 1024;
/** … and yields to the event loop after this long, so the extension host never blocks. */
const TURN_MS = 8;

/**
 * Completion and hover for payload files (thin adapter over src/core/assist): the payload kind as the
 * linter sees it, the target-server profile the linter uses for the document. Big documents are read in
 * pieces with a yield between them, and only up to the cursor (plus the rest of the object around it).
 */
export class PayloadAssist implements vscode.CompletionItemProvider, vscode.HoverProvider {
  private schemasRead = false;

  /** @param annotatedSchemas dist/annotated-schemas.json (scripts/editor-schemas.mjs), read on first use */
  constructor(private readonly kinds: PayloadKinds, private readonly profiles: ServerProfiles, private readonly annotatedSchemas: string) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const offset = doc.offsetAt(position);
    const ctx = await cursorAt(doc, offset, 'completion', token);
    if (!ctx || token.isCancellationRequested) return undefined;
    const items = complete(ctx, offset, kind, this.profiles.profileFor(doc.uri));
    return items.length ? items.map(i => toCompletionItem(doc, i)) : undefined;
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const ctx = await cursorAt(doc, doc.offsetAt(position), 'hover', token);
    if (!ctx || token.isCancellationRequested) return undefined;
    const h = hover(ctx, kind, this.profiles.profileFor(doc.uri));
    if (!h) return undefined;
    const md = new vscode.MarkdownString(h.contents);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(h.range.start), doc.positionAt(h.range.end)));
  }

  /**
   * The payload kind, or undefined where VS Code's JSON service answers instead: a file whose `$schema` is a
   * path or URL (e.g. `node_modules/mattermost-payloads/dist/schemas/post.json`, the lenient editor copies)
   * gets completion and hover from that schema, so answering too would list every item twice. Our own
   * `mattermost-payloads://` ids are answered here (schemaProvider.ts serves the JSON service an empty schema).
   */
  private kindOf(doc: vscode.TextDocument): Kind | undefined {
    const found = this.kinds.kindOf(doc);
    if (!found) return undefined;
    this.readSchemas();
    if (found.by === '$schema') {
      const head = headText(doc, 65536);
      if (!OUR_SCHEMA.test(head)) return undefined;
    }
    return found.kind;
  }

  /**
   * The schemas with their descriptions (the bundled copies have none), once: about 100 KB, a millisecond
   * or two. Without the file (a broken install) items still come, without documentation.
   */
  private readSchemas(): void {
    if (this.schemasRead) return;
    this.schemasRead = true;
    try {
      const parsed = JSON.parse(fs.readFileSync(this.annotatedSchemas, 'utf8')) as { schemas?: unknown };
      if (Array.isArray(parsed.schemas)) useSchemas(parsed.schemas);
    } catch {
      // keep the bundled schemas
    }
  }
}

const OUR_SCHEMA = /"\$schema"\s*:\s*"mattermost-payloads:\/\//;

function toCompletionItem(doc: vscode.TextDocument, i: AssistItem): vscode.CompletionItem {
  const c = new vscode.CompletionItem(i.label, i.kind === 'property' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value);
  c.insertText = new vscode.SnippetString(i.insertText);
  c.filterText = i.filterText;
  c.sortText = i.sortText;
  c.range = new vscode.Range(doc.positionAt(i.range.start), doc.positionAt(i.range.end));
  if (i.detail) c.detail = i.detail;
  if (i.documentation) c.documentation = new vscode.MarkdownString(i.documentation);
  if (i.ignored === 'no') c.tags = [vscode.CompletionItemTag.Deprecated];
  return c;
}

/**
 * The cursor context, scanning from the start of the document. Small documents at once; big ones in
 * pieces of PIECE characters (each read with getText of its range: cheap, whatever the line lengths),
 * yielding whenever a turn has used TURN_MS. Undefined when the document changed or the request was
 * cancelled meanwhile (a piece is read in the same turn as that check, so no two versions are mixed).
 */
async function cursorAt(doc: vscode.TextDocument, offset: number, mode: 'completion' | 'hover', token: vscode.CancellationToken): Promise<CursorContext | undefined> {
  const scanner = new CursorScanner(offset, mode);
  const length = documentLength(doc);
  if (length <= INLINE_LIMIT) {
    scanner.feed(doc.getText());
    return scanner.result();
  }
  const version = doc.version;
  let turn = Date.now();
  let from = doc.positionAt(0);
  for (let at = 0; at < length && !scanner.done; at += PIECE) {
    const to = doc.positionAt(at + PIECE);
    scanner.feed(doc.getText(new vscode.Range(from, to)));
    from = to;
    if (Date.now() - turn >= TURN_MS) {
      await new Promise(resolve => setImmediate(resolve));
      if (token.isCancellationRequested || doc.version !== version) return undefined;
      turn = Date.now();
    }
  }
  return scanner.result();
}
