/**
 * Completion and hover items (src/core/assist): from the strict schemas, and marked by the target-server
 * profile at its version and setting boundaries (MATTERMOST_RULES.md §8/§9 through profile.ts BEHAVIOURS).
 */
import * as assert from 'assert';
import { type AssistItem, complete, cursorContext, hover, useSchemas } from '../../../src/core/assist';
import { loadSchemas } from '../../../src/core/payload/schemas';
import type { Kind } from '../../../src/core/payload/problem';
import { DEFAULT_PROFILE, parseProfile, type Profile, profileForVersion } from '../../../src/core/server/profile';

function items(marked: string, kind: Kind, profile: Profile = DEFAULT_PROFILE): AssistItem[] {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return complete(cursorContext(text, offset), offset, kind, profile);
}

function hoverAt(text: string, needle: string, kind: Kind, profile: Profile = DEFAULT_PROFILE, delta = 1): string | undefined {
  const offset = text.indexOf(needle) + delta;
  return hover(cursorContext(text, offset, 'hover'), kind, profile)?.contents;
}

const item = (list: AssistItem[], label: string): AssistItem => {
  const found = list.find(i => i.label === label);
  assert.ok(found, `${label} missing from ${list.map(i => i.label).join(', ')}`);
  return found;
};

describe('assist: completion from the schemas', () => {
  it('offers the keys of an incoming webhook that are not there yet, with what Mattermost does as documentation', () => {
    const list = items('{\n  "text": "x",\n  |\n}', 'incoming');
    const labels = list.map(i => i.label);
    for (const k of ['username', 'icon_url', 'attachments', 'props', 'channel', 'priority']) assert.ok(labels.includes(k), k);
    assert.ok(!labels.includes('text'), 'text is already there');
    assert.ok(!labels.includes('response_type'), 'a command field is not offered for a webhook');
    const attachments = item(list, 'attachments');
    assert.strictEqual(attachments.insertText, '"attachments": [$1]');
    assert.match(attachments.documentation ?? '', /Message attachments/);
    assert.strictEqual(item(list, '$schema').insertText, '"\\$schema": "$1"');
  });

  it('a key typed in quotes is replaced whole, and the colon is not added twice', () => {
    const marked = '{ "attachments": [{ "ti|": "x" }] }';
    const list = items(marked, 'incoming');
    const title = item(list, 'title_link');
    assert.strictEqual(title.insertText, '"title_link"');
    assert.strictEqual(title.filterText, '"title_link"');
    assert.deepStrictEqual(title.range, { start: marked.indexOf('"ti'), end: marked.indexOf('"ti') + 4 });
    const fresh = item(items('{ "attachments": [{ "ti|" }] }', 'incoming'), 'title');
    assert.strictEqual(fresh.insertText, '"title": "$1"');
  });

  it('offers the colours, response types, dialog element types and booleans as values, with their descriptions', () => {
    const colours = items('{ "attachments": [{ "color": "|" }] }', 'incoming');
    assert.deepStrictEqual(colours.map(i => i.label).slice(0, 3), ['"good"', '"warning"', '"danger"']);
    assert.match(item(colours, '"danger"').documentation ?? '', /Red/);
    const responseTypes = items('{ "response_type": | }', 'command').map(i => i.label);
    assert.deepStrictEqual(responseTypes, ['"in_channel"', '"ephemeral"']);
    const elementTypes = items('{ "trigger_id": "t", "url": "u", "dialog": { "elements": [{ "type": "|" }] } }', 'dialog').map(i => i.label);
    for (const t of ['"text"', '"textarea"', '"select"', '"bool"', '"radio"', '"date"', '"datetime"']) assert.ok(elementTypes.includes(t), t);
    const booleans = items('{ "attachments": [{ "fields": [{ "short": t| }] }] }', 'incoming');
    assert.deepStrictEqual(booleans.map(i => i.label), ['true', 'false']);
    assert.deepStrictEqual(items('{ "skip_slack_parsing": | }', 'command').map(i => i.label), ['true', 'false']);
  });

  it('follows $ref "#" into extra_responses and offers nothing where the schema says nothing', () => {
    const nested = items('{ "extra_responses": [{ | }] }', 'command').map(i => i.label);
    assert.ok(nested.includes('response_type') && nested.includes('skip_slack_parsing'));
    assert.deepStrictEqual(items('{ "props": { "my_key": { | } } }', 'incoming'), []);
    assert.deepStrictEqual(items('{ "text": "|" }', 'incoming'), []);
  });
});

describe('assist: the target-server profile marks what it ignores', () => {
  const payload = '{\n  "text": "x",\n  |\n}';

  it('webhook priority: ignored before ≈ 9.11 (says "may"), read from 9.11', () => {
    const old = item(items(payload, 'incoming', profileForVersion('9.8')), 'priority');
    assert.strictEqual(old.detail, 'May be ignored by Mattermost 9.8 (since ≈ 9.11)');
    assert.strictEqual(old.ignored, 'no');
    assert.match(old.documentation ?? '', /^\*\*May be ignored by Mattermost 9\.8/);
    assert.ok(old.sortText > item(items(payload, 'incoming', profileForVersion('9.8')), 'channel').sortText, 'ignored fields sort last');
    for (const v of ['9.11', '11.6']) {
      const now = item(items(payload, 'incoming', profileForVersion(v)), 'priority');
      assert.strictEqual(now.ignored, undefined, v);
      assert.doesNotMatch(now.detail ?? '', /ignored/i, v);
    }
  });

  it('an exact boundary says "Ignored" without "may": extra_responses since 5.6', () => {
    const before = item(items('{ | }', 'command', profileForVersion('5.5')), 'extra_responses');
    assert.strictEqual(before.detail, 'Ignored by Mattermost 5.5 (since 5.6)');
    assert.strictEqual(item(items('{ | }', 'command', profileForVersion('5.6')), 'extra_responses').ignored, undefined);
  });

  it('action tooltip and dialog date elements follow 11.6', () => {
    const action = '{ "attachments": [{ "actions": [{ | }] }] }';
    assert.strictEqual(item(items(action, 'incoming', profileForVersion('11.5')), 'tooltip').ignored, 'no');
    assert.strictEqual(item(items(action, 'incoming', profileForVersion('11.6')), 'tooltip').ignored, undefined);
    const element = '{ "dialog": { "elements": [{ "type": "|" }] } }';
    const old = items(element, 'dialog', profileForVersion('10.11'));
    assert.match(item(old, '"date"').detail ?? '', /^May be ignored by Mattermost 10\.11 \(since ≈ 11\.6\)$/);
    assert.strictEqual(item(old, '"text"').ignored, undefined);
    assert.strictEqual(item(items(element, 'dialog', profileForVersion('11.6')), '"datetime"').ignored, undefined);
  });

  it('a setting-dependent field names the setting: username with overrides off, on, and unknown', () => {
    const off = item(items(payload, 'incoming', parseProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'false' }, 'workspace file', 'server.json')), 'username');
    assert.strictEqual(off.detail, 'Ignored by Mattermost 11.6: EnablePostUsernameOverride is off (workspace file)');
    const on = item(items(payload, 'incoming', parseProfile({ Version: '11.6.0', EnablePostUsernameOverride: 'true' }, 'workspace file')), 'username');
    assert.strictEqual(on.ignored, undefined);
    const unknown = item(items(payload, 'incoming'), 'username');
    assert.strictEqual(unknown.detail, 'Ignored unless the server enables EnablePostUsernameOverride (off by default; no server profile is known)');
    const emoji = item(items(payload, 'incoming', parseProfile({ Version: '5.13', EnablePostIconOverride: 'true' }, 'CLI')), 'icon_emoji');
    assert.strictEqual(emoji.detail, 'Ignored by Mattermost 5.13 (since 5.14)');
  });
});

describe('assist: hover', () => {
  const payload = JSON.stringify({ text: 'x', priority: { priority: 'urgent' }, attachments: [{ color: 'danger', fields: [{ title: 't', value: 'v', short: true }] }] }, null, 2);

  it('on a key: what Mattermost does with it', () => {
    assert.match(hoverAt(payload, '"short"', 'incoming') ?? '', /same row|side by side|short/i);
    assert.match(hoverAt(payload, '"attachments"', 'incoming') ?? '', /Message attachments/);
    assert.strictEqual(hoverAt(payload, '"text"', 'post'), undefined, 'text is not a REST post field');
  });

  it('on a value: the value\'s own description and the field\'s', () => {
    const h = hoverAt(payload, '"danger"', 'incoming', DEFAULT_PROFILE, 3) ?? '';
    assert.match(h, /`"danger"`: Red bar\./);
    assert.match(h, /Colour of the bar/);
  });

  it('marks a key the target version ignores, and names the profile', () => {
    const old = hoverAt(payload, '"priority"', 'incoming', parseProfile({ Version: '9.8.1' }, 'workspace file', '.mattermost/server.json')) ?? '';
    assert.match(old, /^\*\*May be ignored by Mattermost 9\.8 \(since ≈ 9\.11\)\.\*\*/);
    assert.match(old, /Mattermost 9\.8 from the workspace file \(\.mattermost\/server\.json\)/);
    const now = hoverAt(payload, '"priority"', 'incoming', profileForVersion('9.11')) ?? '';
    assert.doesNotMatch(now, /ignored/i);
    assert.match(now, /metadata\.priority/);
  });
});

describe('assist: schemas read generically', () => {
  it('a definition added to schemas/ (here props.mm_blocks) is offered without code changes, and the profile marks it', () => {
    const all = [...loadSchemas().byId.values()];
    const props = all.find(s => s.$id?.endsWith('/definitions/props.json'))!;
    const extended = { ...props, properties: { ...props.properties, mm_blocks: { type: ['array', 'null'], items: { $ref: 'block.json' }, markdownDescription: 'Mattermost Blocks.' } } };
    const block = { $id: 'mattermost-payloads://schemas/definitions/block.json', type: 'object', properties: { kind: { enum: ['section', 'divider'] } } };
    try {
      useSchemas([...all.filter(s => s !== props), extended, block]);
      const current = item(items('{ "props": { | } }', 'incoming'), 'mm_blocks');
      // no server known: assumed to draw blocks (assumedWhenUnknown), so no note; a known 11.7 may not
      assert.strictEqual(current.detail, 'array | null');
      assert.strictEqual(current.insertText, '"mm_blocks": [$1]');
      assert.strictEqual(item(items('{ "props": { | } }', 'incoming', profileForVersion('11.7')), 'mm_blocks').detail, 'May be ignored by Mattermost 11.7 (since ≈ 11.10)');
      assert.deepStrictEqual(items('{ "props": { "mm_blocks": [{ "kind": "|" }] } }', 'incoming').map(i => i.label), ['"section"', '"divider"']);
    } finally {
      useSchemas(all);
    }
    // the real schemas are back: their mm_blocks (issue 13) has no `kind` field with these values
    assert.notDeepStrictEqual(items('{ "props": { "mm_blocks": [{ "kind": "|" }] } }', 'incoming').map(i => i.label), ['"section"', '"divider"']);
  });
});
