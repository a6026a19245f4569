/**
 * Walks every registered route with every role and with no session, on two organisations, and checks who gets what.
 * A route added later without an expectation here fails the test, so none can slip through unchecked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { importFolder } from '../services/import-service.ts';
import { addUser, Browser, createHarness, type Harness } from './auth/test-harness.ts';
import {
  admins, api, type Case, editors, everyone, type Expect, importers, interventionCases, members, type Networks, networkCases, nonMembers,
  PASSWORD, PEOPLE, type Planned, type Reports, reportingCases, signedIn, type Who,
} from './access-control.fixture.ts';


function cases(own: string, other: string, year: number, adminId: number, planned: Planned, reports: Reports, networks: Networks): Case[] {
  const org = (code: string, path = '') => `/organisations/${code}${path}`;
  const both = (route: string, path: string, ownStatus: Expect = members(200)): Case[] => [
    { route, url: org(own, path), expect: ownStatus },
    { route, url: org(other, path), expect: nonMembers },
  ];
  return [
    { route: 'GET /assets/nhsuk-frontend.css', url: '/assets/nhsuk-frontend.css', expect: everyone(200) },
    { route: 'GET /assets/nhsuk-frontend.min.js', url: '/assets/nhsuk-frontend.min.js', expect: everyone(200) },
    { route: 'GET /assets/*', url: '/assets/images/favicon.svg', expect: everyone(200) },
    { route: 'GET /static/*', url: '/static/mirror.css', expect: everyone(200) },
    { route: 'GET /sign-in', url: '/sign-in', expect: { nobody: 200, viewer: 303, analyst: 303, administrator: 303 } },
    { route: 'GET /sign-in/link', url: '/sign-in/link?token=not-a-real-token', expect: everyone(400) },
    // Without the first-run cookie from a one-time link, setup sends everyone to sign in.
    { route: 'GET /account/setup', url: '/account/setup', expect: { nobody: 'signin', viewer: 'signin', analyst: 'signin', administrator: 'signin' } },
    { route: 'GET /account/password', url: '/account/password', expect: signedIn(200) },
    { route: 'GET /account', url: '/account', expect: signedIn(200) },
    { route: 'GET /admin/users', url: '/admin/users', expect: admins },
    { route: 'GET /admin/users/:id', url: `/admin/users/${adminId}`, expect: admins },
    { route: 'GET /admin/audit', url: '/admin/audit', expect: admins },
    { route: 'GET /admin/national-figures', url: '/admin/national-figures', expect: admins },
    { route: 'GET /healthz', url: '/healthz', expect: everyone(200) },
    { route: 'GET /methodology', url: '/methodology', expect: everyone(200) },
    { route: 'GET /accessibility', url: '/accessibility', expect: everyone(200) },
    { route: 'GET /privacy', url: '/privacy', expect: everyone(200) },
    { route: 'GET /', url: '/', expect: signedIn(200) },
    ...both('GET /organisations/:code', '', members(302)),
    ...both('GET /organisations/:code/:year', `/${year}`),
    { route: 'GET /organisations/:code/:year', url: org(own, '/1999'), expect: members(404) },
    ...['1', '2', '3', '4', '5', '6', '7', '8', '9', '2.csv'].flatMap((id) => both('GET /organisations/:code/:year/indicators/:id', `/${year}/indicators/${id}`)),
    ...['ethnicCategory', 'staffGroup', 'payBand', 'directorate', 'payBand.csv'].flatMap((b) =>
      both('GET /organisations/:code/:year/indicators/:id/:breakdown', `/${year}/indicators/3/${b}`)),
    ...both('GET /organisations/:code/:year/wres.csv', `/${year}/wres.csv`),
    ...both('GET /organisations/:code/:year/overview', `/${year}/overview`),
    ...both('GET /organisations/:code/:year/board-pack', `/${year}/board-pack`),
    ...both('GET /organisations/:code/:year/board-pack', `/${year}/board-pack?withheld=yes`),
    { route: 'GET /organisations/:code/:year/board-pack', url: org(own, '/1999/board-pack'), expect: members(404) },
    ...both('GET /organisations/:code/:year/board-pack.csv', `/${year}/board-pack.csv`),
    // Publishing (issue 13): members see the year's page and the draft; the published reports are open to everyone.
    ...both('GET /organisations/:code/:year/publish', `/${year}/publish`),
    ...both('GET /organisations/:code/:year/publish/draft', `/${year}/publish/draft`),
    { route: 'GET /organisations/:code/:year/publish', url: org(own, '/1999/publish'), expect: members(404) },
    { route: 'GET /public/data', url: '/public/data', expect: everyone(200) },
    { route: 'GET /public/data/figures.csv', url: '/public/data/figures.csv', expect: everyone(200) },
    { route: 'GET /public/data/datapackage.json', url: '/public/data/datapackage.json', expect: everyone(200) },
    // The regional and national view: public from published versions (A's), administrators' from the store.
    { route: 'GET /public/national', url: '/public/national', expect: everyone(200) },
    { route: 'GET /public/national', url: '/public/national?year=1999', expect: everyone(404) },
    { route: 'GET /public/national/:standard/:indicator', url: '/public/national/wres/2', expect: everyone(200) },
    { route: 'GET /public/national/:standard/:indicator', url: '/public/national/wres/9', expect: everyone(404) },
    { route: 'GET /public/regions/:region', url: '/public/regions/north', expect: everyone(200) },
    { route: 'GET /public/regions/:region', url: '/public/regions/nowhere', expect: everyone(404) },
    { route: 'GET /public/regions/:region/:standard/:indicator', url: '/public/regions/north/wdes/4a_patients', expect: everyone(200) },
    { route: 'GET /public/national/figures.csv', url: '/public/national/figures.csv', expect: everyone(200) },
    { route: 'GET /public/regions/:region/figures.csv', url: '/public/regions/north/figures.csv', expect: everyone(200) },
    { route: 'GET /national/figures.csv', url: '/national/figures.csv', expect: admins },
    { route: 'GET /regions/:region/figures.csv', url: '/regions/north/figures.csv', expect: admins },
    { route: 'GET /national', url: '/national', expect: admins },
    { route: 'GET /national/:standard/:indicator', url: '/national/wres/3', expect: admins },
    { route: 'GET /regions/:region', url: '/regions/north', expect: admins },
    { route: 'GET /regions/:region', url: '/regions/nowhere', expect: { ...admins, administrator: 404 } },
    { route: 'GET /regions/:region/:standard/:indicator', url: '/regions/north/wdes/8', expect: admins },
    { route: 'GET /public/:code', url: `/public/${own}`, expect: everyone(200) },
    { route: 'GET /public/:code', url: `/public/${other}`, expect: everyone(404) },
    { route: 'GET /public/:code', url: '/public/NOSUCH', expect: everyone(404) },
    { route: 'GET /public/:code/:year', url: `/public/${own}/${year}`, expect: everyone(200) },
    { route: 'GET /public/:code/:year', url: `/public/${own}/1999`, expect: everyone(404) },
    { route: 'GET /public/:code/:year', url: `/public/${other}/${year}`, expect: everyone(404) },
    { route: 'GET /public/:code/:year/:version', url: `/public/${own}/${year}/v1`, expect: everyone(200) },
    { route: 'GET /public/:code/:year/:version', url: `/public/${own}/${year}/v2`, expect: everyone(404) },
    { route: 'GET /public/:code/:year/:version', url: `/public/${own}/${year}/draft`, expect: everyone(404) },
    ...['datapackage.json', 'report.json', 'figures.csv', 'objectives.csv', 'evaluations.csv', 'eds.csv'].map((file) => (
      { route: 'GET /public/:code/:year/:version/:file', url: `/public/${own}/${year}/v1/${file}`, expect: everyone(200) })),
    { route: 'GET /public/:code/:year/:version/:file', url: `/public/${own}/${year}/v1/secrets.csv`, expect: everyone(404) },
    { route: 'GET /public/:code/:year/:version/:file', url: `/public/${other}/${year}/v1/figures.csv`, expect: everyone(404) },
    { route: 'GET /api/v1/organisations/:code/:year/board-pack', url: `/api/v1/organisations/${own}/${year}/board-pack`, expect: api(200) },
    { route: 'GET /api/v1/organisations/:code/:year/board-pack', url: `/api/v1/organisations/${other}/${year}/board-pack`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } },
    { route: 'GET /api/v1/organisations/:code/:year/board-pack', url: `/api/v1/organisations/${own}/1999/board-pack`, expect: api(404) },
    // EDS 2022 and the high-impact actions (issue 14): members read; the forms' POSTs are below.
    ...both('GET /organisations/:code/:year/eds', `/${year}/eds`),
    { route: 'GET /organisations/:code/:year/eds', url: org(own, '/1999/eds'), expect: members(404) },
    ...both('GET /organisations/:code/:year/eds.csv', `/${year}/eds.csv`),
    ...both('GET /organisations/:code/:year/eds/outcomes/:outcome', `/${year}/eds/outcomes/2B`),
    { route: 'GET /organisations/:code/:year/eds/outcomes/:outcome', url: org(own, `/${year}/eds/outcomes/4A`), expect: members(404) },
    ...both('GET /organisations/:code/:year/high-impact-actions', `/${year}/high-impact-actions`),
    ...both('GET /organisations/:code/:year/high-impact-actions', `/${year}/high-impact-actions?withheld=yes`),
    { route: 'GET /organisations/:code/:year/high-impact-actions', url: org(own, '/1999/high-impact-actions'), expect: members(404) },
    ...both('GET /organisations/:code/:year/high-impact-actions.csv', `/${year}/high-impact-actions.csv`),
    // The #InclusiveHR challenge (issue 14, item 1): members read every step; a directorate not in the year's staff file is not found.
    ...both('GET /organisations/:code/:year/inclusive-hr', `/${year}/inclusive-hr`),
    { route: 'GET /organisations/:code/:year/inclusive-hr', url: org(own, '/1999/inclusive-hr'), expect: members(404) },
    ...['data', 'review', 'lived-experience', 'themes', 'evaluate', 'summary'].flatMap((step) => both('GET /organisations/:code/:year/inclusive-hr/:directorate/:step', `/${year}/inclusive-hr/Medicine/${step}`)),
    { route: 'GET /organisations/:code/:year/inclusive-hr/:directorate/:step', url: org(own, `/${year}/inclusive-hr/Nowhere/data`), expect: members(404) },
    { route: 'GET /organisations/:code/:year/inclusive-hr/:directorate/:step', url: org(own, `/${year}/inclusive-hr/Medicine/step-9`), expect: members(404) },
    ...both('GET /organisations/:code/:year/wdes', `/${year}/wdes`),
    // The national return holds every count: the organisation's analysts (and member administrators) only.
    ...['wres.xlsx', 'wres.csv', 'wdes.xlsx', 'wdes.csv'].flatMap((file) => both('GET /organisations/:code/:year/return/:file', `/${year}/return/${file}`, editors)),
    { route: 'GET /organisations/:code/:year/return/:file', url: org(own, `/${year}/return/medical.xlsx`), expect: members(404) },
    { route: 'GET /organisations/:code/:year/return/:file', url: org(own, '/1999/return/wres.xlsx'), expect: members(404) },
    ...both('GET /organisations/:code/:year/wdes.csv', `/${year}/wdes.csv`),
    ...both('GET /organisations/:code/:year/wdes/trends', `/${year}/wdes/trends`),
    ...both('GET /organisations/:code/:year/wdes/:metric/:breakdown', `/${year}/wdes/2/staffGroup`),
    ...both('GET /organisations/:code/:year/medical', `/${year}/medical`),
    ...both('GET /organisations/:code/:year/medical.csv', `/${year}/medical.csv`),
    ...both('GET /organisations/:code/:year/paygap', `/${year}/paygap`),
    ...both('GET /organisations/:code/:year/paygap.csv', `/${year}/paygap.csv`),
    ...['wres', 'wdes', 'medical', 'paygap'].flatMap((id) => both(`GET /organisations/:code/:year/standards/${id}`, `/${year}/standards/${id}`)),
    // A scope is read only after membership is checked: another organisation's directorates are never listed.
    ...['wres', 'wdes', 'medical', 'paygap'].flatMap((id) => [
      ...both(`GET /organisations/:code/:year/standards/${id}`, `/${year}/standards/${id}?scope=medical`),
      ...both(`GET /organisations/:code/:year/${id}.csv`, `/${year}/${id}.csv?scope=medical`),
      { route: `GET /api/v1/organisations/:code/${id}/:year`, url: `/api/v1/organisations/${own}/${id}/${year}?scope=medical`, expect: api(200) },
      { route: `GET /api/v1/organisations/:code/${id}/:year`, url: `/api/v1/organisations/${other}/${id}/${year}?scope=directorate:Nowhere`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } as Expect },
    ]),
    ...both('GET /organisations/:code/:year/compare', `/${year}/compare`),
    ...both('GET /organisations/:code/:year/compare.csv', `/${year}/compare.csv`),
    ...both('GET /organisations/:code/:year/targets', `/${year}/targets`),
    ...both('GET /organisations/:code/:year/targets.csv', `/${year}/targets.csv`),
    ...both('GET /organisations/:code/:year/monthly', `/${year}/monthly`),
    ...['disciplinary', 'training', 'recruitment.csv'].flatMap((m) => both('GET /organisations/:code/:year/monthly/:measure', `/${year}/monthly/${m}`)),
    ...both('GET /organisations/:code/:year/wdes/monthly', `/${year}/wdes/monthly`),
    ...['capability', 'capability.csv', 'recruitment.csv'].flatMap((m) => both('GET /organisations/:code/:year/wdes/monthly/:measure', `/${year}/wdes/monthly/${m}`)),
    // A WRES measure is not a WDES one.
    { route: 'GET /organisations/:code/:year/wdes/monthly/:measure', url: org(own, `/${year}/wdes/monthly/training`), expect: members(404) },
    ...both('GET /organisations/:code/:year/wdes/compare', `/${year}/wdes/compare`),
    ...both('GET /organisations/:code/:year/wdes/compare.csv', `/${year}/wdes/compare.csv`),
    ...both('GET /organisations/:code/:year/wdes/targets', `/${year}/wdes/targets`),
    ...both('GET /organisations/:code/:year/wdes/targets.csv', `/${year}/wdes/targets.csv`),
    { route: 'GET /api/v1/openapi.json', url: '/api/v1/openapi.json', expect: everyone(200) },
    { route: 'GET /api', url: '/api', expect: everyone(200) },
    { route: 'GET /api/v1/organisations', url: '/api/v1/organisations', expect: { nobody: 401, viewer: 200, analyst: 200, administrator: 200 } },
    { route: 'GET /api/v1/organisations/:code/wres/:year', url: `/api/v1/organisations/${own}/wres/${year}`, expect: api(200) },
    { route: 'GET /api/v1/organisations/:code/wres/:year', url: `/api/v1/organisations/${other}/wres/${year}`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } },
    ...['wdes', 'medical', 'paygap'].flatMap((standard) => [
      { route: `GET /api/v1/organisations/:code/${standard}/:year`, url: `/api/v1/organisations/${own}/${standard}/${year}`, expect: api(200) },
      { route: `GET /api/v1/organisations/:code/${standard}/:year`, url: `/api/v1/organisations/${other}/${standard}/${year}`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } as Expect },
    ]),
    // Objectives and comply-or-explain (objective 1 and rule 1 are made in `before`): members read, analysts change.
    ...both('GET /organisations/:code/objectives', '/objectives'),
    ...both('GET /organisations/:code/objectives.csv', '/objectives.csv'),
    ...both('GET /organisations/:code/objectives/new', '/objectives/new', editors),
    ...both('GET /organisations/:code/objectives/:id', '/objectives/1'),
    { route: 'GET /organisations/:code/objectives/:id', url: org(own, '/objectives/999'), expect: members(404) },
    ...both('GET /organisations/:code/objectives/:id/edit', '/objectives/1/edit', editors),
    ...both('GET /organisations/:code/comply-or-explain', '/comply-or-explain'),
    ...both('GET /organisations/:code/comply-or-explain/:id', '/comply-or-explain/1'),
    ...both('GET /organisations/:code/comply-or-explain/:id/cases.csv', '/comply-or-explain/1/cases.csv'),
    ...[`/objectives`, '/objectives/1', '/comply-or-explain'].flatMap((path) => [
      { route: `GET /api/v1/organisations/:code${path.replace('/1', '/:id')}`, url: `/api/v1/organisations/${own}${path}`, expect: api(200) },
      { route: `GET /api/v1/organisations/:code${path.replace('/1', '/:id')}`, url: `/api/v1/organisations/${other}${path}`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } as Expect },
    ]),
    { route: 'GET /catalogue/interventions', url: '/catalogue/interventions', expect: everyone(200) },
    { route: 'GET /catalogue/interventions/:id', url: '/catalogue/interventions/diverse-interview-panels', expect: everyone(200) },
    { route: 'GET /catalogue/interventions/:id', url: '/catalogue/interventions/no-such-thing', expect: everyone(404) },
    ...both('GET /organisations/:code/interventions', '/interventions'),
    ...both('GET /organisations/:code/interventions.csv', '/interventions.csv'),
    ...interventionCases(own, other, planned),
    ...networkCases(own, other, networks),
    { route: 'GET /api/v1/interventions/catalogue', url: '/api/v1/interventions/catalogue', expect: { nobody: 401, viewer: 200, analyst: 200, administrator: 200 } },
    { route: 'GET /api/v1/organisations/:code/interventions', url: `/api/v1/organisations/${own}/interventions`, expect: api(200) },
    { route: 'GET /api/v1/organisations/:code/interventions', url: `/api/v1/organisations/${other}/interventions`, expect: { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } },
    { route: 'GET /import', url: '/import', expect: importers },
    { route: 'GET /import/:id', url: '/import/00000000-0000-0000-0000-000000000000', expect: signedIn(404) },
    { route: 'GET /import/:id/problems.csv', url: '/import/00000000-0000-0000-0000-000000000000/problems.csv', expect: signedIn(404) },
    ...reportingCases(own, other, reports),
  ];
}

/** EDS 2022's and the high-impact actions' forms (issue 14): analysts and administrators only. */
const EDS_AND_ACTION_POSTS = [
  '/organisations/ORGA/2025/eds/outcomes/2B/evidence', '/organisations/ORGA/2025/eds/outcomes/2B/evidence/1/remove',
  '/organisations/ORGA/2025/eds/outcomes/2B/stakeholder-ratings', '/organisations/ORGA/2025/eds/outcomes/2B/agreed-rating', '/organisations/ORGA/2025/eds/thresholds',
  '/organisations/ORGA/2025/high-impact-actions/entries', '/organisations/ORGA/2025/high-impact-actions/links', '/organisations/ORGA/2025/high-impact-actions/links/1/remove',
  // The #InclusiveHR challenge's forms (issue 14, item 1), the same: analysts and administrators only.
  '/organisations/ORGA/2025/inclusive-hr/Medicine/review/done', '/organisations/ORGA/2025/inclusive-hr/Medicine/review',
  '/organisations/ORGA/2025/inclusive-hr/Medicine/lived-experience/notes', '/organisations/ORGA/2025/inclusive-hr/Medicine/lived-experience/notes/1/remove',
  '/organisations/ORGA/2025/inclusive-hr/Medicine/themes',
];

/** POST routes: with no session every one is refused; the forms' own tests check what members may do. */
const POST_ROUTES = [
  '/sign-in', '/sign-out', '/sign-in/link', '/account/setup', '/account/password', '/account/api-tokens', '/account/api-tokens/1/revoke',
  '/admin/users', '/admin/users/1/memberships', '/admin/users/1/status', '/admin/users/1/sign-in-link', '/admin/national-figures', '/admin/national-figures/remove', '/import', '/import/00000000-0000-0000-0000-000000000000/mapping', '/import/00000000-0000-0000-0000-000000000000/files',
  '/organisations/ORGA/objectives', '/organisations/ORGA/objectives/1/edit', '/organisations/ORGA/objectives/1/reviews',
  '/organisations/ORGA/comply-or-explain', '/organisations/ORGA/comply-or-explain/1/cases',
  '/api/v1/organisations/ORGA/objectives', '/api/v1/organisations/ORGA/objectives/1/reviews', '/api/v1/organisations/ORGA/comply-or-explain/1/cases',
  '/organisations/ORGA/objectives/1/interventions', '/organisations/ORGA/objectives/1/interventions/1/edit', '/api/v1/organisations/ORGA/objectives/1/interventions',
  '/organisations/ORGA/objectives/1/interventions/1/updates', '/api/v1/organisations/ORGA/objectives/1/interventions/1/updates',
  '/organisations/ORGA/access',
  '/organisations/ORGA/2025/publish/draft', '/organisations/ORGA/2025/publish/approve', '/organisations/ORGA/2025/publish/discard',
  ...EDS_AND_ACTION_POSTS,
  '/report/ORGA', '/report/follow-up', '/cases/ORGA/1/messages', '/cases/ORGA/1/notes', '/cases/ORGA/1/status', '/cases/ORGA/1/assign',
  '/admin/reporting/ORGA', '/admin/reporting/ORGA/handlers',
  '/organisations/ORGA/networks', '/organisations/ORGA/networks/1/edit', '/organisations/ORGA/networks/1/inputs', '/organisations/ORGA/networks/1/programmes',
  '/organisations/ORGA/networks/1/programmes/1', '/organisations/ORGA/networks/1/pulse', '/networks/ORGA/1/pulse/1',
];

async function plan(harness: Harness, organisationId: number, ownerUserId: number | null): Promise<{ objective: number; intervention: number }> {
  const objective = await harness.store.objectives.create({
    organisationId, standard: 'wres', indicator: '3', scope: 'organisation', target: { kind: 'range' }, targetDate: '2027-03-31', ownerName: 'A. Chair',
    ownerRole: 'board-member', action: null, ownerUserId, createdBy: null,
    baseline: { year: 2025, kind: 'ratio', value: 1.2, ci95: [0.8, 1.8], smallNumbers: false, parity: 1, counts: [] },
  });
  const intervention = await harness.store.interventions.create({
    objectiveId: objective.id, catalogueId: 'pre-formal-decision-checklist', own: null, ownerName: 'B. Lead', ownerRole: 'Director of People',
    startDate: '2024-10-01', endDate: null, status: 'in-progress', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId, createdBy: null,
  });
  return { objective: objective.id, intervention: intervention.id };
}

describe('access control on every route', () => {
  let harness: Harness;
  let dir: string;
  const browsers = new Map<Who, Browser>();
  let table: Case[] = [];
  let planned: Planned;
  let ownerId = 0;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-access-'));
    const { store } = harness;
    for (const code of ['ORGA', 'ORGB']) {
      await writeSyntheticTrust(join(dir, code), { year: 2025, seed: code === 'ORGA' ? 3 : 4, staff: 300 });
      const result = await importFolder(store, join(dir, code), {
        organisation: { code, name: `Organisation ${code}`, region: 'North' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    const a = (await store.organisations.byCode('ORGA'))!;
    const baseline = { year: 2025, kind: 'ratio', value: 1.2, ci95: [0.9, 1.6], counts: [], smallNumbers: false, parity: 1 } as const;
    await store.objectives.create({
      organisationId: a.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2028-03-31',
      ownerName: 'A. Chair', ownerRole: 'board-member', action: '2', baseline, ownerUserId: null, createdBy: null,
    });
    await store.complyOrExplain.createRule({ organisationId: a.id, title: 'Second senior review', description: 'Every referral is reviewed twice.', createdBy: null });
    await addUser(store, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[a.id, 'viewer']] });
    await addUser(store, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[a.id, 'analyst']] });
    const admin = await addUser(store, { email: 'administrator@example.nhs.uk', password: PASSWORD, administrator: true });
    const owner = await addUser(store, { email: 'owner@example.nhs.uk', displayName: 'Olu Owner', password: PASSWORD, memberships: [[a.id, 'owner']] });
    ownerId = owner.id;
    const handler = await addUser(store, { email: 'handler@example.nhs.uk', displayName: 'Hana Handler', password: PASSWORD, memberships: [[a.id, 'viewer']] });
    await store.reporting.setHandler(a.id, 'dignity-at-work', handler.id, true);
    // Someone outside the walk holds human resources, so a case routed there is not everyone's (see case-service.ts).
    const hr = await addUser(store, { email: 'hr@example.nhs.uk', displayName: 'Hal Resources' });
    await store.reporting.setHandler(a.id, 'hr', hr.id, true);
    const b = (await store.organisations.byCode('ORGB'))!;
    const reporter = new Browser(harness.app, '10.0.0.99');
    for (const [code, category] of [['ORGA', 'colleagues'], ['ORGA', 'managers'], ['ORGB', 'colleagues']] as const) {
      await reporter.get(`/report/${code}`);
      const sent = await reporter.post(`/report/${code}`, { route: 'anonymous', category, wanted: 'heard', content: `A report in ${code}` });
      assert.equal(sent.statusCode, 200, 'a report is sent');
    }
    const routed = (organisationId: number, role: string) => store.reporting.casesVisibleTo(organisationId, 0, [role]).then((c) => c[0]!.id);
    const reports: Reports = { mine: await routed(a.id, 'dignity-at-work'), otherRole: await routed(a.id, 'hr'), otherOrganisation: await routed(b.id, 'dignity-at-work') };
    // A report of an ended year in each organisation, for the trends (written as the form would have, that year).
    for (const [organisationId, n] of [[a.id, 1], [b.id, 2]] as const) {
      await store.reporting.createCase({
        organisationId, receiptHash: `old-${n}`, route: 'anonymous', category: 'other', directorate: null, wanted: 'heard', content: 'sealed',
        contact: null, handlerRole: 'hr', receivedOn: '2024-05-01',
      });
    }
    for (const who of PEOPLE) {
      const browser = new Browser(harness.app, `10.0.0.${PEOPLE.indexOf(who) + 1}`);
      if (who !== 'nobody') {
        await browser.get('/sign-in');
        const response = await browser.post('/sign-in', { email: `${who}@example.nhs.uk`, password: PASSWORD });
        assert.equal(response.statusCode, 303, `${who} signs in`);
      }
      browsers.set(who, browser);
    }
    // A's 2025 report published as version 1 (prepared by its analyst), with a correction drafted; B publishes nothing.
    const analyst = browsers.get('analyst')!;
    await analyst.get('/organisations/ORGA/2025/publish');
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/draft', {})).statusCode, 303);
    const draft = (await store.publications.draft(a.id, 2025))!;
    assert.ok(await store.publications.publish(a.id, draft.id, { approvedBy: admin.id, at: new Date() }));
    await analyst.get('/organisations/ORGA/2025/publish');
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/draft', { note: 'A correction being prepared.' })).statusCode, 303);
    // The owner's objective and intervention in A; B's are assigned to nobody.
    planned = { own: await plan(harness, a.id, owner.id), other: await plan(harness, (await store.organisations.byCode('ORGB'))!.id, null) };
    const network = async (organisationId: number) => {
      const id = await store.staffNetworks.create(organisationId, {
        name: 'Race Equality Network', purpose: '', chairName: 'A. Chair', chairRole: 'Nurse', chairUserId: null, sponsorName: 'B. Sponsor', sponsorRole: 'Chief People Officer',
      }, null);
      const programme = (await store.staffNetworks.saveProgramme(id, {
        name: 'Reverse mentoring', kind: 'reverse', pairs: 10, startDate: '2025-01-01', endDate: null, evaluation: '', pairsCompleted: null, responses: null, positiveResponses: null,
      }, null))!;
      const question = await store.staffNetworks.createQuestion({ networkId: id, question: 'Safe to speak up?', options: ['Yes', 'No'], opensOn: '2025-01-01', closesOn: '2099-12-31', createdBy: null });
      return { network: id, programme, question };
    };
    const networks: Networks = { own: await network(a.id), other: await network(b.id) };
    table = cases('ORGA', 'ORGB', 2025, admin.id, planned, reports, networks);
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every GET route has expectations, and every expectation names a real route', () => {
    const gets = harness.app.registeredRoutes.filter((r) => r.method === 'GET').map((r) => `GET ${r.url}`);
    const covered = new Set(table.map((c) => c.route));
    assert.deepEqual(gets.filter((r) => !covered.has(r)), [], 'routes with no access-control expectation');
    assert.deepEqual([...covered].filter((r) => !gets.includes(r)), [], 'expectations for routes that do not exist');
    const posts = harness.app.registeredRoutes.filter((r) => r.method === 'POST').map((r) => r.url.replace(/:id$|:id\//, (m) => (m.endsWith('/') ? '1/' : '1')));
    assert.equal(posts.length, POST_ROUTES.length, `POST routes: ${posts.join(', ')}`);
  });

  for (const who of PEOPLE) {
    test(`GET as ${who}`, async () => {
      const failures: string[] = [];
      for (const c of table) {
        const response = await browsers.get(who)!.get(c.url);
        const wanted = who === 'owner' || who === 'handler' ? (c.expect[who] ?? c.expect.viewer) : c.expect[who];
        const ok = wanted === 'signin'
          ? response.statusCode === 303 && String(response.headers['location']).startsWith('/sign-in')
          : response.statusCode === wanted;
        if (!ok) failures.push(`${c.url}: expected ${wanted}, got ${response.statusCode} ${response.headers['location'] ?? ''}`);
      }
      assert.deepEqual(failures, []);
    });
  }

  test('no POST route acts for someone with no session', async () => {
    const nobody = browsers.get('nobody')!;
    for (const url of POST_ROUTES) {
      const response = await nobody.post(url, { email: 'x@example.nhs.uk', password: 'wrong' }, { withCsrf: false });
      assert.ok([303, 400, 401, 403, 404].includes(response.statusCode) && response.statusCode !== 200, `${url}: ${response.statusCode}`);
      if (response.statusCode === 303) assert.match(String(response.headers['location']), /^\/sign-in/, url);
    }
  });

  test('a viewer cannot import or administer, even with a valid CSRF token', async () => {
    const viewer = browsers.get('viewer')!;
    await viewer.get('/account');
    assert.equal((await viewer.post('/admin/users', { email: 'new@example.nhs.uk', displayName: 'New' })).statusCode, 403);
    assert.equal((await viewer.post('/admin/users/1/status', { active: 'no' })).statusCode, 403);
    assert.equal((await viewer.post('/admin/national-figures', { indicator: '2', year: '2025' })).statusCode, 403);
    assert.equal((await viewer.post('/admin/national-figures/remove', { indicator: '2', year: '2025' })).statusCode, 403);
    const upload = await viewer.send('POST', '/import', '--x--\r\n', { 'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': viewer.lastCsrf });
    assert.equal(upload.statusCode, 403);
    await viewer.get('/organisations/ORGA/objectives');
    const { objective, intervention } = planned.own;
    for (const url of [
      '/organisations/ORGA/objectives', '/organisations/ORGA/objectives/1/edit', '/organisations/ORGA/objectives/1/reviews', '/organisations/ORGA/comply-or-explain', '/organisations/ORGA/comply-or-explain/1/cases',
      `/organisations/ORGA/objectives/${objective}/reviews`, `/organisations/ORGA/objectives/${objective}/interventions/${intervention}/updates`,
      ...EDS_AND_ACTION_POSTS,
    ]) {
      assert.equal((await viewer.post(url, { measure: 'wres:2', status: 'on-track', note: 'x', title: 'x', description: 'y', month: '2026-01', complied: 'yes' })).statusCode, 403, url);
    }
  });

  test('an owner adds reviews and records status only on what is assigned to them, each audited; nothing else', async () => {
    const owner = browsers.get('owner')!;
    const { objective, intervention } = planned.own;
    const objectivePage = await owner.get(`/organisations/ORGA/objectives/${objective}`);
    assert.match(objectivePage.body, /Add a review/);
    assert.match(objectivePage.body, /Olu Owner, who can add reviews/);
    assert.doesNotMatch(objectivePage.body, /Change the target, date, owner or action/);
    assert.doesNotMatch((await owner.get('/organisations/ORGA/objectives/1')).body, /Add a review/, 'objective 1 is not theirs');
    const interventionUrl = `/organisations/ORGA/objectives/${objective}/interventions/${intervention}`;
    const interventionPage = await owner.get(interventionUrl);
    assert.match(interventionPage.body, /Record an update/);
    assert.doesNotMatch(interventionPage.body, /Change status, dates or details/);

    const review = await owner.post(`/organisations/ORGA/objectives/${objective}/reviews`, { status: 'at-risk', note: 'Two panels were not diverse.' });
    assert.equal(review.statusCode, 303);
    const update = await owner.post(`${interventionUrl}/updates`, { status: 'completed', note: 'Every directorate uses the checklist.' });
    assert.equal(update.statusCode, 303);
    const history = await harness.store.interventions.statusHistory(intervention);
    assert.deepEqual(history.at(-1) && [history.at(-1)!.status, history.at(-1)!.note, history.at(-1)!.by], ['completed', 'Every directorate uses the checklist.', 'Olu Owner']);
    const refused = await owner.post(`${interventionUrl}/updates`, { status: 'completed', note: '' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter a note of what has happened, or choose a new status/);

    for (const url of [
      '/organisations/ORGA/objectives/1/reviews', '/organisations/ORGA/objectives', `/organisations/ORGA/objectives/${objective}/edit`,
      `/organisations/ORGA/objectives/${objective}/interventions`, `${interventionUrl}/edit`, '/organisations/ORGA/comply-or-explain',
      ...EDS_AND_ACTION_POSTS,
    ]) {
      assert.equal((await owner.post(url, { measure: 'wres:2', status: 'on-track', note: 'x', source: 'own', name: 'x', description: 'y' })).statusCode, 403, url);
    }
    // Another organisation's intervention stays hidden, not forbidden.
    const theirs = `/organisations/ORGB/objectives/${planned.other.objective}/interventions/${planned.other.intervention}/updates`;
    assert.equal((await owner.post(theirs, { status: 'completed', note: 'x' })).statusCode, 404);
    const events = await harness.store.audit.list({ limit: 1000, offset: 0 });
    const mine = events.filter((e) => e.userId === ownerId && ['objective-reviewed', 'intervention-updated'].includes(e.action));
    assert.deepEqual(mine.map((e) => e.action).sort(), ['intervention-updated', 'objective-reviewed']);
    assert.deepEqual(mine.find((e) => e.action === 'intervention-updated')?.details, { from: 'in-progress', to: 'completed', note: true });
  });
});
