/**
 * The expectations the access-control walk (access-control.test.ts) checks: who may GET what, as tables of cases,
 * with the helpers that build them. Kept apart so the walk itself reads in one sitting.
 */
export type Who = 'nobody' | 'viewer' | 'analyst' | 'administrator' | 'owner' | 'handler';
export const PEOPLE: readonly Who[] = ['nobody', 'viewer', 'analyst', 'administrator', 'owner', 'handler'];
export const PASSWORD = 'a long enough password';

/**
 * Expected status of a GET for each person. `own` is organisation A (the viewer and analyst belong to it; the
 * administrator does not), `other` is organisation B (nobody but its own members). "signin" means a redirect to
 * the sign-in page; 404 hides whether another organisation exists. An owner (a member of organisation A with the
 * owner role) reads exactly as a viewer does, so a GET's expectation for them is the viewer's unless it says otherwise;
 * what an owner may change is checked by the POSTs below. A handler is a viewer of organisation A who also holds the
 * Dignity at Work adviser's handler role there (issue 12): they read as a viewer does, and besides see the reporting
 * cases routed to that role, and nothing else of reporting.
 */
export type Outcome = number | 'signin';
/** Who a GET expectation names: the owner reads as the viewer does unless one says otherwise. */
export type Expect = Record<Exclude<Who, 'owner' | 'handler'>, Outcome> & { owner?: Outcome; handler?: Outcome };
export interface Case {
  readonly route: string;
  readonly url: string;
  readonly expect: Readonly<Expect>;
}

export const everyone = (status: number): Expect => ({ nobody: status, viewer: status, analyst: status, administrator: status });
export const signedIn = (status: number): Expect => ({ nobody: 'signin', viewer: status, analyst: status, administrator: status });
export const members = (status: number): Expect => ({ nobody: 'signin', viewer: status, analyst: status, administrator: 404 });
export const nonMembers: Expect = { nobody: 'signin', viewer: 404, analyst: 404, administrator: 404 };
export const admins: Expect = { nobody: 'signin', viewer: 403, analyst: 403, administrator: 200 };
export const importers: Expect = { nobody: 'signin', viewer: 403, analyst: 200, administrator: 200 };
export const editors: Expect = { nobody: 'signin', viewer: 403, analyst: 200, administrator: 404 };
export const api = (status: number): Expect => ({ nobody: 401, viewer: status, analyst: status, administrator: 404 });

/** Reporting cases: in A, one routed to the handler's role and one to another role; one in B. */
export interface Reports { readonly mine: number; readonly otherRole: number; readonly otherOrganisation: number }

/** The reporter's pages need no sign-in; cases are for their handlers only; reporting settings for administrators. */
export function reportingCases(own: string, other: string, reports: Reports): Case[] {
  const hidden: Expect = { nobody: 'signin', viewer: 404, analyst: 404, administrator: 404, handler: 404 };
  return [
    { route: 'GET /report/:code', url: `/report/${own}`, expect: everyone(200) },
    { route: 'GET /report/:code', url: '/report/NOPE', expect: everyone(404) },
    { route: 'GET /report/:code/about', url: `/report/${own}/about`, expect: everyone(200) },
    { route: 'GET /report/:code/about', url: '/report/NOPE/about', expect: everyone(404) },
    { route: 'GET /report/follow-up', url: '/report/follow-up', expect: everyone(200) },
    { route: 'GET /cases', url: '/cases', expect: signedIn(200) },
    { route: 'GET /cases/:code', url: `/cases/${own}`, expect: { ...hidden, handler: 200 } },
    { route: 'GET /cases/:code', url: `/cases/${other}`, expect: hidden },
    { route: 'GET /cases/:code/:id', url: `/cases/${own}/${reports.mine}`, expect: { ...hidden, handler: 200 } },
    { route: 'GET /cases/:code/:id', url: `/cases/${own}/${reports.otherRole}`, expect: hidden },
    { route: 'GET /cases/:code/:id', url: `/cases/${own}/${reports.otherOrganisation}`, expect: hidden },
    { route: 'GET /cases/:code/:id', url: `/cases/${other}/${reports.otherOrganisation}`, expect: hidden },
    { route: 'GET /admin/reporting', url: '/admin/reporting', expect: admins },
    { route: 'GET /admin/reporting/:code', url: `/admin/reporting/${own}`, expect: admins },
    { route: 'GET /admin/reporting/:code', url: '/admin/reporting/NOPE', expect: { ...admins, administrator: 404 } },
    // Trends (issue 12, item 7): every member, small counts withheld; the handlers every count, at their own address.
    { route: 'GET /organisations/:code/report-trends', url: `/organisations/${own}/report-trends`, expect: members(200) },
    { route: 'GET /organisations/:code/report-trends', url: `/organisations/${own}/report-trends?year=2025`, expect: members(200) },
    { route: 'GET /organisations/:code/report-trends', url: `/organisations/${other}/report-trends`, expect: nonMembers },
    { route: 'GET /organisations/:code/report-trends.csv', url: `/organisations/${own}/report-trends.csv?year=2025`, expect: members(200) },
    { route: 'GET /organisations/:code/report-trends.csv', url: `/organisations/${other}/report-trends.csv?year=2025`, expect: nonMembers },
    { route: 'GET /cases/:code/trends', url: `/cases/${own}/trends`, expect: { ...hidden, handler: 200 } },
    { route: 'GET /cases/:code/trends', url: `/cases/${other}/trends`, expect: hidden },
  ];
}

/** An objective with an intervention in each organisation, for the interventions' routes. */
export interface Planned { readonly own: { objective: number; intervention: number }; readonly other: { objective: number; intervention: number } }

/** A staff network in each organisation, with a mentoring programme and a pulse question. */
export interface Networks { readonly own: { network: number; programme: number; question: number }; readonly other: { network: number; programme: number; question: number } }

/** Staff networks (issue 12, item 9): members read; analysts and member administrators edit; anyone answers a pulse question. */
export function networkCases(own: string, other: string, n: Networks): Case[] {
  const editors: Expect = { nobody: 'signin', viewer: 403, analyst: 200, administrator: 404 };
  const page = (code: string, path: string) => `/organisations/${code}/networks${path}`;
  return [
    { route: 'GET /organisations/:code/networks', url: page(own, ''), expect: members(200) },
    { route: 'GET /organisations/:code/networks', url: page(other, ''), expect: nonMembers },
    { route: 'GET /organisations/:code/networks/new', url: page(own, '/new'), expect: editors },
    { route: 'GET /organisations/:code/networks/new', url: page(other, '/new'), expect: nonMembers },
    { route: 'GET /organisations/:code/networks/:id', url: page(own, `/${n.own.network}`), expect: members(200) },
    { route: 'GET /organisations/:code/networks/:id', url: page(own, `/${n.other.network}`), expect: members(404) },
    { route: 'GET /organisations/:code/networks/:id', url: page(other, `/${n.other.network}`), expect: nonMembers },
    { route: 'GET /organisations/:code/networks/:id/edit', url: page(own, `/${n.own.network}/edit`), expect: editors },
    { route: 'GET /organisations/:code/networks/:id/edit', url: page(other, `/${n.other.network}/edit`), expect: nonMembers },
    { route: 'GET /organisations/:code/networks/:id/programmes/:programmeId', url: page(own, `/${n.own.network}/programmes/${n.own.programme}`), expect: editors },
    { route: 'GET /organisations/:code/networks/:id/programmes/:programmeId', url: page(own, `/${n.own.network}/programmes/${n.other.programme}`), expect: members(404) },
    { route: 'GET /organisations/:code/networks/:id/programmes/:programmeId', url: page(other, `/${n.other.network}/programmes/${n.other.programme}`), expect: nonMembers },
    { route: 'GET /networks/:code/:id/pulse/:qid', url: `/networks/${own}/${n.own.network}/pulse/${n.own.question}`, expect: everyone(200) },
    { route: 'GET /networks/:code/:id/pulse/:qid', url: `/networks/${own}/${n.other.network}/pulse/${n.other.question}`, expect: everyone(404) },
    { route: 'GET /networks/:code/:id/pulse/:qid', url: `/networks/${other}/${n.own.network}/pulse/${n.own.question}`, expect: everyone(404) },
  ];
}

/** The interventions' pages and API under an objective: members read, analysts (and member administrators) edit. */
export function interventionCases(own: string, other: string, planned: Planned): Case[] {
  const editors: Expect = { nobody: 'signin', viewer: 403, analyst: 200, administrator: 404 };
  const page = (code: string, p: Planned['own'], path: string) => `/organisations/${code}/objectives/${p.objective}/interventions${path}`;
  const apiPath = (code: string, p: Planned['own'], path: string) => `/api/v1/organisations/${code}/objectives/${p.objective}/interventions${path}`;
  const otherApi = { nobody: 401, viewer: 404, analyst: 404, administrator: 404 } as Expect;
  const i = (p: Planned['own']) => `/${p.intervention}`;
  return [
    { route: 'GET /organisations/:code/objectives/:id/interventions/new', url: page(own, planned.own, '/new'), expect: editors },
    { route: 'GET /organisations/:code/objectives/:id/interventions/new', url: page(other, planned.other, '/new'), expect: nonMembers },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId', url: page(own, planned.own, i(planned.own)), expect: members(200) },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId', url: page(other, planned.other, i(planned.other)), expect: nonMembers },
    // Another organisation's intervention under one's own objective is not found.
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId', url: page(own, planned.own, i(planned.other)), expect: members(404) },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId/evaluation.csv', url: page(own, planned.own, `${i(planned.own)}/evaluation.csv`), expect: members(200) },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId/evaluation.csv', url: page(other, planned.other, `${i(planned.other)}/evaluation.csv`), expect: nonMembers },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId/edit', url: page(own, planned.own, `${i(planned.own)}/edit`), expect: editors },
    { route: 'GET /organisations/:code/objectives/:id/interventions/:interventionId/edit', url: page(other, planned.other, `${i(planned.other)}/edit`), expect: nonMembers },
    { route: 'GET /api/v1/organisations/:code/objectives/:id/interventions', url: apiPath(own, planned.own, ''), expect: api(200) },
    { route: 'GET /api/v1/organisations/:code/objectives/:id/interventions', url: apiPath(other, planned.other, ''), expect: otherApi },
    { route: 'GET /api/v1/organisations/:code/objectives/:id/interventions/:interventionId', url: apiPath(own, planned.own, i(planned.own)), expect: api(200) },
    { route: 'GET /api/v1/organisations/:code/objectives/:id/interventions/:interventionId', url: apiPath(other, planned.other, i(planned.other)), expect: otherApi },
  ];
}
