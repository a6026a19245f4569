/**
 * The language check on the pages after saving: an objective's page lists the words to check in its reviews, and an
 * intervention's page in the team's own name, description and updates, for those who write them (analysts and the
 * assigned owner), never for viewers; nothing is refused, and good words give no panel.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('words to check, after saving', () => {
  let harness: Harness;
  let files: string;
  let analyst: Browser;
  let viewer: Browser;
  let objectiveId = 0;
  let interventionId = 0;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-language-'));
    await writeSyntheticTrust(join(files, '2025'), { year: 2025, seed: 2, staff: 300 });
    const imported = await importFolder(harness.store, join(files, '2025'), {
      organisation: { code: 'LANG1', name: 'Language trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(imported.ok);
    const org = (await harness.store.organisations.byCode('LANG1'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[org.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[org.id, 'viewer']] });
    const objective = await harness.store.objectives.create({
      organisationId: org.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2027-03-31', ownerName: 'A. Chair',
      ownerRole: 'board-member', action: null, ownerUserId: null, createdBy: null,
      baseline: { year: 2025, kind: 'ratio', value: 1.3, ci95: [1.1, 1.5], smallNumbers: false, parity: 1, counts: [] },
    });
    objectiveId = objective.id;
    const intervention = await harness.store.interventions.create({
      objectiveId, catalogueId: null, own: { name: 'Reverse mentoring', description: 'Pair diverse candidates with directors; black staff lead it.' },
      ownerName: 'B. Lead', ownerRole: 'Director of People', startDate: '2025-10-01', endDate: null, status: 'in-progress', staffNetworks: ['Race Equality Network'],
      cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
    });
    interventionId = intervention.id;
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('a review written with an acronym is saved, and its page then lists the words to check with what to write instead', async () => {
    const url = `/organisations/LANG1/objectives/${objectiveId}`;
    assert.doesNotMatch((await analyst.get(url)).body, /Words to check/, 'nothing to check yet');
    await analyst.get(url);
    const saved = await analyst.post(`${url}/reviews`, { status: 'on-track', note: 'Shortlisting panels now include BAME staff.\nNon-white applicants were 1.2 times as likely…' });
    assert.equal(saved.statusCode, 303, 'never blocked');
    const page = await analyst.get(`${url}?reviewed=1`);
    assert.match(page.body, /<h2 class="nhsuk-heading-s">Words to check<\/h2>/);
    assert.match(page.body, /include <mark>BAME<\/mark> staff/);
    assert.match(page.body, /<mark>Non-white<\/mark> applicants[^<]*\(line 2\)/);
    assert.match(page.body, /ethnic minority staff/);
    assert.doesNotMatch((await viewer.get(url)).body, /Words to check/, 'viewers do not write, so get no advice');
  });

  test("an intervention's page lists the team's own words to check; its network's name is fine", async () => {
    const url = `/organisations/LANG1/objectives/${objectiveId}/interventions/${interventionId}`;
    const page = await analyst.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h3 class="nhsuk-heading-xs">What will be done<\/h3>/);
    assert.match(page.body, /Pair <mark>diverse<\/mark> candidates/);
    assert.match(page.body, /<mark>black<\/mark> staff lead it/);
    assert.doesNotMatch(page.body, /<h3 class="nhsuk-heading-xs">Staff networks/);
    assert.doesNotMatch((await viewer.get(url)).body, /Words to check/);
  });
});
