/**
 * The bundles' schemas lose their descriptions (scripts/esbuild-plugins.mjs), so the editor reads
 * dist/annotated-schemas.json (scripts/editor-schemas.mjs) for completion and hover: it must hold every
 * schema file with its annotations, and give the same items as the schemas themselves.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { complete, cursorContext, useSchemas } from '../../../src/core/assist';
import { loadSchemas } from '../../../src/core/payload/schemas';
import { profileForVersion } from '../../../src/core/server/profile';

const root = path.resolve(__dirname, '../../../..');
// Native dynamic import: tsc (module commonjs) would turn import() into require(), which cannot load .mjs on Node 20.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant source text, the only way to reach import() through tsc here
const importEsm = new Function('p', 'return import(p)') as (p: string) => Promise<{ writeAnnotated: (src: string, file: string) => void }>;

describe('assist: the annotated schemas the editor reads', () => {
  it('scripts/editor-schemas.mjs writes every schema with its descriptions, and completion reads them the same', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mmp-annotated-'));
    try {
      const mod = await importEsm(path.join(root, 'scripts', 'editor-schemas.mjs'));
      mod.writeAnnotated(path.join(root, 'schemas'), path.join(out, 'annotated-schemas.json'));
      const { schemas } = JSON.parse(fs.readFileSync(path.join(out, 'annotated-schemas.json'), 'utf8')) as { schemas: { $id: string }[] };
      const ids = [...loadSchemas().byId.keys()].sort();
      for (const id of ids) assert.ok(schemas.some(s => s.$id === id), `${id} missing`);
      const text = '{ "text": "x",  }';
      const offset = text.indexOf('  }') + 1;
      const run = () => complete(cursorContext(text, offset), offset, 'incoming', profileForVersion('9.8'));
      const fromFiles = run();
      useSchemas(schemas);
      try {
        assert.deepStrictEqual(run(), fromFiles);
        assert.match(run().find(i => i.label === 'priority')?.documentation ?? '', /metadata\.priority/);
      } finally {
        useSchemas([...loadSchemas().byId.values()]);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
