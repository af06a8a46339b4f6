/** The target-server profile (src/core/server/profile.ts) against MATTERMOST_RULES.md §8/§9. */
import * as assert from 'assert';
import {
  BEHAVIOURS, BehaviourId, compareVersions, DEFAULT_PROFILE, formatVersion, parseProfile, parseProfileText, parseVersion,
  Profile, ProfileError, profileDescription, profileForVersion, profileSummary, requestBodyLimit, setting, support, supports,
} from '../../../src/core/server/profile';

const at = (version: string, settings: Record<string, string> = {}): Profile => parseProfile({ Version: version, ...settings }, 'workspace file');

describe('server profile: versions', () => {
  it('parses X.Y, X.Y.Z and the strings real servers send', () => {
    assert.deepStrictEqual(parseVersion('9.11'), { major: 9, minor: 11, patch: 0 });
    assert.deepStrictEqual(parseVersion('11.6.0'), { major: 11, minor: 6, patch: 0 });
    assert.deepStrictEqual(parseVersion('10.5.3'), { major: 10, minor: 5, patch: 3 });
    // X-Version-Id: version.build.confighash.licensed
    assert.deepStrictEqual(parseVersion('11.6.0.12345.0a1b2c3d4e5f.true'), { major: 11, minor: 6, patch: 0 });
    assert.deepStrictEqual(parseVersion('v10.6'), { major: 10, minor: 6, patch: 0 });
    assert.deepStrictEqual(parseVersion('11.7.0-rc1'), { major: 11, minor: 7, patch: 0 });
  });

  it('refuses what is not a version, with one clear sentence', () => {
    for (const bad of ['', '11', 'eleven', '9.x', '9..1', '.9.1', '9.11 beta']) {
      assert.throws(() => parseVersion(bad), (e: Error) => e instanceof ProfileError && /is not a Mattermost version; use X\.Y or X\.Y\.Z/.test(e.message), bad);
    }
  });

  it('compares numerically, not as text', () => {
    assert.ok(compareVersions(parseVersion('9.11'), parseVersion('9.8')) > 0);
    assert.ok(compareVersions(parseVersion('10.0'), parseVersion('9.11.5')) > 0);
    assert.ok(compareVersions(parseVersion('5.22.0'), parseVersion('5.22')) === 0);
    assert.ok(compareVersions(parseVersion('11.6.0.1.abc'), parseVersion('11.6.1')) < 0);
    assert.strictEqual(formatVersion(parseVersion('9.11.2')), '9.11');
    assert.strictEqual(formatVersion(parseVersion('9.11.2'), true), '9.11.2');
  });
});

describe('server profile: parsing', () => {
  it('a saved answer of GET /api/v4/config/client?format=old is a profile; only the keys the model reads are kept', () => {
    const answer = {
      Version: '10.5.2', BuildNumber: '13195', BuildHash: 'abc', SiteName: 'Acme', GoogleDeveloperKey: 'AIza-not-kept', GfycatApiSecret: 'not-kept',
      EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'false', PostPriority: 'true', EnableIncomingWebhooks: 'true', MaxFileSize: '52428800',
      FeatureFlagMmBlocksEnabled: 'false', FeatureFlagSomeStringFlag: 'beta',
    };
    const p = parseProfile(answer, 'logged-in server', 'https://mm.example.com');
    assert.deepStrictEqual(p.version, { major: 10, minor: 5, patch: 2 });
    assert.strictEqual(p.source, 'logged-in server');
    assert.strictEqual(p.from, 'https://mm.example.com');
    assert.deepStrictEqual(Object.keys(p.config).sort(), [
      'BuildNumber', 'EnableIncomingWebhooks', 'EnablePostIconOverride', 'EnablePostUsernameOverride', 'FeatureFlagMmBlocksEnabled',
      'FeatureFlagSomeStringFlag', 'MaxFileSize', 'PostPriority', 'Version',
    ]);
    assert.ok(!JSON.stringify(p).includes('AIza'), 'an API key of the client config was kept');
    assert.strictEqual(setting(p, 'EnablePostUsernameOverride'), 'true');
  });

  it('missing settings take the server defaults', () => {
    const p = at('9.11');
    assert.strictEqual(setting(p, 'EnablePostUsernameOverride'), 'false');
    assert.strictEqual(setting(p, 'EnablePostIconOverride'), 'false');
    assert.strictEqual(setting(p, 'PostPriority'), 'true');
    assert.strictEqual(setting(p, 'EnableIncomingWebhooks'), 'true');
  });

  it('refuses bad input with a message that says what to write', () => {
    const cases: Array<[unknown, RegExp]> = [
      [[], /is a JSON object .*not an array/],
      ['11.6', /is a JSON object .*not a string/],
      [null, /not null/],
      [{ EnablePostUsernameOverride: 'true' }, /needs "Version"/],
      [{ Version: 11.6 }, /"Version" must be a string, as the server sends it \(e\.g\. "Version": "11\.6\.0"\), not the number 11\.6/],
      [{ Version: 'latest' }, /"latest" is not a Mattermost version/],
      [{ Version: '11.6.0', EnablePostUsernameOverride: true }, /"EnablePostUsernameOverride" must be a string.*"EnablePostUsernameOverride": "false".*not the boolean true/],
      [{ Version: '11.6.0', EnablePostIconOverride: 'yes' }, /"EnablePostIconOverride" must be "true" or "false", not "yes"/],
      [{ Version: '11.6.0', MaximumPayloadSizeBytes: '3e5' }, /"MaximumPayloadSizeBytes" must be a whole number of bytes/],
      [{ Version: '11.6.0', FeatureFlagMmBlocksEnabled: false }, /"FeatureFlagMmBlocksEnabled" must be a string/],
    ];
    for (const [input, re] of cases) {
      assert.throws(() => parseProfile(input, 'CLI'), (e: Error) => e instanceof ProfileError && re.test(e.message), `${JSON.stringify(input)} → ${re}`);
    }
  });

  it('JSON text: errors give a position and never repeat the text; a BOM is fine', () => {
    assert.throws(() => parseProfileText('{\n  "Version": "9.11",\n  secret-ish\n}', 'workspace file'),
      (e: Error) => e instanceof ProfileError && /not valid JSON \(line 3, column 3\)/.test(e.message) && !e.message.includes('secret'));
    assert.throws(() => parseProfileText('  ', 'CLI'), /is empty/);
    assert.strictEqual(formatVersion(parseProfileText('\ufeff{"Version": "9.11.1"}', 'CLI').version, true), '9.11.1');
  });

  it('the default is the newest release the reference describes (11.6) at default settings', () => {
    assert.strictEqual(DEFAULT_PROFILE.source, 'default');
    assert.strictEqual(formatVersion(DEFAULT_PROFILE.version, true), '11.6.0');
    assert.strictEqual(supports(DEFAULT_PROFILE, 'username-override'), false);
    assert.strictEqual(supports(DEFAULT_PROFILE, 'icon-override'), false);
    assert.strictEqual(supports(DEFAULT_PROFILE, 'action-tooltip'), true);
    assert.strictEqual(support(DEFAULT_PROFILE, 'webhook-root-id'), 'no');
  });

  it('--server-version: a version at its default settings', () => {
    const p = profileForVersion('9.11');
    assert.strictEqual(p.source, 'CLI');
    assert.strictEqual(p.config.Version, '9.11.0');
    assert.strictEqual(supports(p, 'username-override'), false);
    assert.throws(() => profileForVersion('nine'), ProfileError);
  });
});

describe('server profile: behaviours at every version boundary (§8)', () => {
  // [behaviour, last version without it, first version with it] — from the §8 table, not from the code.
  const BOUNDARIES: Array<[BehaviourId, string, string]> = [
    ['control-char-repair', '3.0.9', '3.1'],
    ['null-attachments-removed', '4.0.5', '4.1'],
    ['split-rune-boundaries', '4.3.2', '4.4'],
    ['message-limit-column', '4.8.1', '4.9'],
    ['message-limit-floor-16383', '6.0.4', '6.1'],
    ['extra-responses', '5.5.2', '5.6'],
    ['short-string', '5.7.3', '5.8'],
    ['icon-emoji', '5.13.1', '5.14'],
    ['props-card-rhs', '5.13.1', '5.14'],
    ['skip-slack-parsing', '5.19.9', '5.20'],
    ['body-limit', '5.21.0', '5.22'],
    ['maximum-payload-size', '9.7.6', '9.8'],
    ['webhook-priority', '9.10.3', '9.11'],
    ['log-only-validation', '10.5.9', '10.6'],
    ['dialog-validation-logged', '6.0.4', '6.1'],
    ['dialog-date-elements', '11.5.3', '11.6'],
    ['dialog-datetime-config', '11.5.3', '11.6'],
    ['dialog-datetime-config-dates', '11.7.2', '11.8'],
    ['action-tooltip', '11.5.3', '11.6'],
    ['burn-on-read-type', '11.5.3', '11.6'],
    ['mm-blocks', '11.9.4', '11.10'],
  ];

  for (const [id, before, since] of BOUNDARIES) {
    it(`${id}: no on ${before}, yes on ${since}`, () => {
      assert.strictEqual(support(at(before), id), 'no');
      assert.strictEqual(support(at(since), id), 'yes');
      assert.strictEqual(support(at(`${since}.0.12345.abc.false`), id), 'yes');
    });
  }

  it('every behaviour with a version boundary is pinned above', () => {
    const pinned = new Set(BOUNDARIES.map(b => b[0]));
    assert.deepStrictEqual(BEHAVIOURS.filter(b => b.since !== undefined && !pinned.has(b.id)).map(b => b.id), []);
  });

  it('inferred boundaries are marked approximate (messages say "may")', () => {
    const approx = BEHAVIOURS.filter(b => b.approximate).map(b => b.id).sort();
    for (const id of ['maximum-payload-size', 'webhook-priority', 'log-only-validation', 'action-tooltip', 'dialog-date-elements'] as const) {
      assert.ok(approx.includes(id), id);
    }
    assert.ok(!approx.includes('short-string'));
  });

  it('§9: newer than every described release — no up to 11.6, maybe after', () => {
    for (const id of ['webhook-root-id', 'webhook-silent'] as const) {
      assert.strictEqual(support(at('11.6.0'), id), 'no', id);
      assert.strictEqual(support(at('11.6.4'), id), 'no', id);
      assert.strictEqual(support(at('11.7'), id), 'maybe', id);
      assert.strictEqual(supports(at('12.0'), id), false, id);
    }
  });

  it('Mattermost Blocks: from 11.10 (docs only, so approximate), and only with FeatureFlagMmBlocksEnabled on', () => {
    assert.strictEqual(support(at('11.6.0'), 'mm-blocks'), 'no');
    assert.strictEqual(support(at('11.9.2'), 'mm-blocks'), 'no');
    assert.strictEqual(support(at('11.10.0'), 'mm-blocks'), 'yes');
    assert.strictEqual(support(at('12.0'), 'mm-blocks'), 'yes');
    assert.strictEqual(support(at('12.0', { FeatureFlagMmBlocksEnabled: 'false' }), 'mm-blocks'), 'no');
    assert.ok(BEHAVIOURS.find(b => b.id === 'mm-blocks')?.approximate);
  });

  it('the outgoing-webhook null-attachment crash: present through 11.6, fixed later (not pinned)', () => {
    assert.strictEqual(support(at('5.0'), 'outgoing-null-attachment-crash'), 'yes');
    assert.strictEqual(support(at('11.6.3'), 'outgoing-null-attachment-crash'), 'yes');
    assert.strictEqual(support(at('11.7'), 'outgoing-null-attachment-crash'), 'maybe');
  });

  it('settings: overrides, post priority, incoming webhooks', () => {
    assert.strictEqual(supports(at('9.11', { EnablePostUsernameOverride: 'true' }), 'username-override'), true);
    assert.strictEqual(supports(at('9.11', { EnablePostUsernameOverride: 'true' }), 'icon-override'), false);
    assert.strictEqual(supports(at('9.11', { EnablePostIconOverride: 'true' }), 'icon-override'), true);
    assert.strictEqual(supports(at('9.11', { PostPriority: 'false' }), 'post-priority'), false);
    assert.strictEqual(supports(at('9.11'), 'post-priority'), true);
    assert.strictEqual(supports(at('9.11', { EnableIncomingWebhooks: 'false' }), 'incoming-webhooks'), false);
  });

  it('request-body limit by version and setting (§1.5)', () => {
    assert.strictEqual(requestBodyLimit(at('5.21')), undefined);
    assert.strictEqual(requestBodyLimit(at('5.22')), 104857600);
    assert.strictEqual(requestBodyLimit(at('9.7', { MaxFileSize: '52428800' })), 52428800);
    assert.strictEqual(requestBodyLimit(at('9.8')), 300512);
    assert.strictEqual(requestBodyLimit(at('11.6', { MaximumPayloadSizeBytes: '1000' })), 1512);
  });

  it('words for the status bar and hovers', () => {
    assert.strictEqual(profileSummary(DEFAULT_PROFILE), 'default profile');
    assert.strictEqual(profileSummary(at('11.6.0', { EnablePostUsernameOverride: 'true', EnablePostIconOverride: 'true' })), 'Mattermost 11.6 · overrides on');
    assert.strictEqual(profileSummary(at('9.11.2')), 'Mattermost 9.11 · overrides off');
    assert.strictEqual(profileSummary(at('10.5', { EnablePostIconOverride: 'true' })), 'Mattermost 10.5 · icon override on');
    assert.match(profileDescription(DEFAULT_PROFILE), /No server profile is known.*Mattermost 11\.6 at its default settings/);
    assert.match(profileDescription(parseProfile({ Version: '9.11.0' }, 'logged-in server', 'https://mm.example.com')), /^Mattermost 9\.11 from the logged-in server \(https:\/\/mm\.example\.com\): overrides off\.$/);
  });
});
