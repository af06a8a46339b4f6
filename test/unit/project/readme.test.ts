import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_INFO } from '../../../src/core/payload/lint';

const root = path.resolve(__dirname, '../../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: { properties: Record<string, unknown> };
    menus: { commandPalette: { command: string; when: string }[] };
    commands: { command: string; title: string }[];
  };
};

describe('README stays true to the code', () => {
  it('lists every lint rule with its severity', () => {
    for (const r of RULE_INFO) assert.match(readme, new RegExp(`\\| \`${r.id}\` \\| ${r.severity} \\|`), r.id);
  });
  it('has a "depends on" column, and every rule row fills it', () => {
    assert.ok(readme.includes('| rule | severity | kinds | depends on | what it reports |'));
    for (const r of RULE_INFO) {
      const row = new RegExp(`^\\| \`${r.id}\` \\| ${r.severity} \\| [a-z, ]+ \\| ([^|]+) \\| `, 'm').exec(readme);
      assert.ok(row, `${r.id}: row with kinds and depends on`);
      assert.ok(row[1].trim() !== '', r.id);
    }
    // the rules that read the server profile say what they read
    assert.match(readme, /\| `override-needs-setting` \| warning \| [a-z, ]+ \| [^|]*EnablePostUsernameOverride/);
    assert.match(readme, /\| `short-not-boolean` \| error \| [a-z, ]+ \| [^|]*≥ 5\.8/);
  });
  it('lists every setting', () => {
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), key);
  });
  it('lists every palette command by title', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter(m => m.when === 'false').map(m => m.command));
    for (const c of manifest.contributes.commands) {
      if (!hidden.has(c.command)) assert.ok(readme.includes(`| ${c.title} |`), c.title);
    }
  });
  it('names the two set-up commands, and the test command is what .ci/run runs', () => {
    assert.match(readme, /^npm start\b/m);
    assert.match(readme, /^npm test\b/m);
    assert.match(fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8'), /^npm test$/m);
  });
});
