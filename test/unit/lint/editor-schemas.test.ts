import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import * as ls from 'vscode-json-languageservice';

const root = path.resolve(__dirname, '../../../..');
/** The parts of a generated editor schema these tests read. */
type EditorSchema = {
  properties: Record<string, EditorSchema>;
  anyOf: EditorSchema[];
  enum: unknown[];
  markdownEnumDescriptions: string[];
  markdownDescription: string;
  defaultSnippets: unknown[];
  items?: unknown;
};
// Native dynamic import: tsc (module commonjs) would turn import() into require(), which cannot load .mjs on Node 20.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant source text, the only way to reach import() through tsc here
const importEsm = new Function('p', 'return import(p)') as (p: string) => Promise<{ toEditorSchema: (s: unknown) => EditorSchema; generate: (a: string, b: string) => string[] }>;

function loadAll(dir: string): Record<string, unknown>[] {
  return fs.readdirSync(dir).flatMap(n => {
    const f = path.join(dir, n);
    return fs.statSync(f).isDirectory() ? loadAll(f) : n.endsWith('.json') ? [JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>] : [];
  });
}

describe('editor schemas (scripts/editor-schemas.mjs)', () => {
  let out: string;
  let mod: Awaited<ReturnType<typeof importEsm>>;
  before(async () => {
    mod = await importEsm(path.join(root, 'scripts', 'editor-schemas.mjs'));
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'mmp-schemas-'));
    mod.generate(path.join(root, 'schemas'), out);
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes every schema with the same relative layout', () => {
    assert.ok(fs.existsSync(path.join(out, 'incoming.json')));
    assert.ok(fs.existsSync(path.join(out, 'definitions', 'attachment.json')));
  });

  it('accepts documents the strict schema rejects, and keeps enum values and descriptions', () => {
    const strict = new Ajv({ allowUnionTypes: true, strictTypes: false, validateSchema: false, keywords: ['markdownDescription', 'markdownEnumDescriptions', 'defaultSnippets', 'x-go-map'] });
    for (const s of loadAll(path.join(root, 'schemas'))) strict.addSchema(s);
    const bad = { text: 5, props: [], attachments: [{ fields: [{ short: 'yes' }], color: 7, id: 'x' }] };
    assert.strictEqual(strict.getSchema('mattermost-payloads://schemas/incoming.json')!(bad), false);

    const lenientField = mod.toEditorSchema(JSON.parse(fs.readFileSync(path.join(root, 'schemas/definitions/field.json'), 'utf8')));
    const lenient = new Ajv({ strict: false });
    assert.ok(lenient.validate(lenientField, { short: 'yes', title: 3 }));
    assert.ok(lenient.validate(lenientField.properties.short, null));
    assert.deepStrictEqual(lenientField.properties.short.anyOf[0].enum, [true, false]);
    assert.ok(lenientField.properties.short.anyOf[0].markdownEnumDescriptions.length === 2);
    assert.ok(lenientField.properties.short.markdownDescription.includes('fails the whole request'));

    const action = JSON.parse(fs.readFileSync(path.join(out, 'definitions', 'action.json'), 'utf8')) as EditorSchema;
    assert.ok(action.defaultSnippets.length > 0);
    assert.deepStrictEqual(action.properties.style.anyOf[0].enum.slice(0, 2), ['default', 'primary']);
    assert.ok(lenient.validate(action.properties.style, 42));
    assert.ok(lenient.validate(action.properties.options.items === undefined ? {} : { ...action.properties.options, items: {} }, 'no'));
  });

  it('drops every keyword that can fail validation, everywhere', () => {
    const failing = ['type', 'required', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'format', 'const', 'not', '$id'];
    const walk = (s: unknown, where: string): void => {
      if (!s || typeof s !== 'object') return;
      if (Array.isArray(s)) return s.forEach((x, i) => walk(x, `${where}[${i}]`));
      const o = s as Record<string, unknown>;
      for (const k of failing) assert.ok(!(k in o) || where.includes('defaultSnippets'), `${where} still has ${k}`);
      if (o.additionalProperties === false) assert.fail(`${where} has additionalProperties:false`);
      if ('enum' in o) assert.ok(where.endsWith(']') && /anyOf\[\d+\]$/.test(where), `${where} has a bare enum`);
      for (const [k, v] of Object.entries(o)) {
        if (k === 'defaultSnippets' || k === 'enum' || k === 'examples' || k === 'default') continue;
        if ((k === 'properties' || k === 'definitions') && v && typeof v === 'object') {
          for (const [name, sub] of Object.entries(v)) walk(sub, `${where}.${k}.${name}`);
        } else walk(v, `${where}.${k}`);
      }
    };
    for (const s of loadAll(out)) walk(s, s.title as string);
  });

  it('VS Code\'s JSON service reports nothing but offers the enum values', async () => {
    const service = ls.getLanguageService({
      schemaRequestService: (uri: string) => fs.promises.readFile(new URL(uri), 'utf8'),
      workspaceContext: { resolveRelativePath: (rel: string, base: string) => new URL(rel, base).toString() },
    });
    const uri = new URL(`file://${path.join(out, 'incoming.json')}`).toString();
    service.configure({ validate: true, schemas: [{ uri, fileMatch: ['*.incoming.json'] }] });
    const text = '{"text": 5, "attachments": [{"fields": [{"short": "yes"}], "color": ""}]}';
    const doc = ls.TextDocument.create('file:///w/a.incoming.json', 'json', 1, text);
    const json = service.parseJSONDocument(doc);
    const diags = await service.doValidation(doc, json);
    assert.deepStrictEqual(diags.map(d => d.message), []);
    const at = text.indexOf('"color": "') + '"color": "'.length;
    const completion = await service.doComplete(doc, doc.positionAt(at), json);
    const labels = (completion?.items ?? []).map(i => i.label);
    assert.ok(labels.some(l => l.includes('good')), `completion offers ${labels.join(', ')}`);
  });
});
