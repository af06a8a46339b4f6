// Where the CodeLens "▶ Invoke /trigger" sits (issue 14 item 6): each entry of
// mattermostPayloads.integrations in a settings.json (comments, trailing commas) or a *.code-workspace.
import * as assert from 'assert';
import { definitionsIn } from '../../../src/core/invoke/definitions';

const SETTINGS = `{
  // shared with the team
  "editor.tabSize": 2,
  "mattermostPayloads.integrations": [
    { "name": "example", "url": "http://127.0.0.1:3050/command", "trigger": "/deploy" },
    { "name": "hook", "type": "outgoing", "url": "http://127.0.0.1:3050/outgoing", "trigger": "ship" },
    { "name": "no-url" },
    "not an object",
    { "name": "plain", "url": "http://127.0.0.1:3050/command", "type": "weird" },
  ],
}`;

describe('invoke: where the integration definitions are (CodeLens)', () => {
  it('one lens per usable entry of settings.json, at the entry\'s "{", with the title and what it runs', () => {
    const defs = definitionsIn(SETTINGS, false);
    assert.deepStrictEqual(defs.map(d => [d.name, d.type, d.trigger, d.title]), [
      ['example', 'command', 'deploy', '▶ Invoke /deploy'],
      ['hook', 'outgoing', 'ship', "▶ Trigger outgoing 'ship'"],
      ['plain', 'command', 'plain', '▶ Invoke /plain'],
    ]);
    for (const d of defs) {
      assert.strictEqual(SETTINGS[d.offset], '{');
      assert.strictEqual(SETTINGS[d.offset + d.length - 1], '}');
      assert.ok(SETTINGS.slice(d.offset, d.offset + d.length).includes(`"${d.name}"`));
    }
    // line numbers as the lenses show them: entries on lines 5, 6 and 9 (1-based)
    assert.deepStrictEqual(defs.map(d => SETTINGS.slice(0, d.offset).split('\n').length), [5, 6, 9]);
  });

  it('a *.code-workspace has them under "settings"; nothing elsewhere or in broken text', () => {
    const ws = `{ "folders": [{ "path": "." }], "settings": { "mattermostPayloads.integrations": [{ "name": "w", "url": "http://127.0.0.1:1/c" }] } }`;
    assert.deepStrictEqual(definitionsIn(ws, true).map(d => d.title), ['▶ Invoke /w']);
    assert.deepStrictEqual(definitionsIn(ws, false), [], 'a settings.json has the key at the top level');
    assert.deepStrictEqual(definitionsIn(SETTINGS, true), []);
    assert.deepStrictEqual(definitionsIn('{"mattermostPayloads.integrations": {}}', false), []);
    assert.deepStrictEqual(definitionsIn('', false), []);
  });
});
