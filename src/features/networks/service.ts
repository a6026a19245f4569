/**
 * Staff networks' voice (issue 12, item 9), with no HTTP: each network of an organisation with its chair and
 * executive sponsor (names and roles; members are never listed or recorded), what it said about objectives and
 * interventions (so a board can see who co-designed what), its reciprocal and reverse mentoring programmes with
 * their evaluation, and its anonymous pulse questions, whose answers are only tallied and whose results are shown
 * once the question has closed, under disclosure control (core/networks/pulse.ts).
 *
 * Who changes what is decided by the routes (web/act-access.ts's editors: analysts and administrators who are
 * members; and the network's chair, when their Mirror account is named, for the network's input, programmes and
 * questions but not for its name, chair or sponsor).
 */
import { type PulseResults, pulseResults, type PulseState, pulseState } from '../../core/networks/pulse.ts';
import { dayOf } from '../../core/reporting/cases.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { MentoringKind, MentoringProgramme, NetworkFields, NetworkInput, ProgrammeFields, PulseQuestion, StaffNetwork } from '../../store/staff-network-types.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { interventionName } from '../interventions/service.ts';
import { measureText } from '../objectives/service.ts';

export interface NetworkServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

type Fields = Readonly<Record<string, string>>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayOf(new Date(`${s}T00:00:00Z`)) === s;
const whole = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);

export const MENTORING_KINDS: readonly { readonly value: MentoringKind; readonly text: string; readonly hint: string }[] = [
  { value: 'reciprocal', text: 'Reciprocal mentoring', hint: 'Each partner mentors the other: typically a senior leader and a member of the network.' },
  { value: 'reverse', text: 'Reverse mentoring', hint: 'A member of the network mentors a senior leader.' },
];

/** A network's fields from the form, or the problems; the chair's account must be a member of the organisation. */
export async function networkFromForm(store: Store, organisationId: number, f: Fields): Promise<{ fields: NetworkFields } | { problems: FormProblem[] }> {
  const problems: FormProblem[] = [];
  const text = (field: string, label: string, max: number, required = true) => {
    const value = (f[field] ?? '').trim();
    if (required && value === '') problems.push({ field, message: `Enter ${label}` });
    else if (value.length > max) problems.push({ field, message: `Write at most ${max} characters` });
    return value;
  };
  const name = text('name', "the network's name", 120);
  const purpose = text('purpose', '', 1000, false);
  const chairName = text('chairName', "the chair's name", 120);
  const chairRole = text('chairRole', "the chair's role", 120);
  const sponsorName = text('sponsorName', "the executive sponsor's name", 120);
  const sponsorRole = text('sponsorRole', "the executive sponsor's role", 120);
  let chairUserId: number | null = null;
  if ((f['chairUser'] ?? '') !== '') {
    const members = await store.users.members(organisationId);
    chairUserId = members.find((m) => String(m.userId) === f['chairUser'])?.userId ?? null;
    if (chairUserId === null) problems.push({ field: 'chairUser', message: "Choose the chair's account from the organisation's members, or none" });
  }
  if (problems.length) return { problems };
  const taken = (await store.staffNetworks.list(organisationId)).find((n) => n.name.toLowerCase() === name.toLowerCase() && String(n.id) !== f['id']);
  if (taken) return { problems: [{ field: 'name', message: 'The organisation already has a network of that name' }] };
  return { fields: { name, purpose, chairName, chairRole, chairUserId, sponsorName, sponsorRole } };
}

/** What the network's input can be about: the organisation's objectives and their interventions, as "objective:1" and "intervention:2". */
export async function subjectChoices(services: Pick<NetworkServices, 'store' | 'standards'>, organisationId: number) {
  const objectives = await services.store.objectives.list(organisationId);
  const interventions = await services.store.interventions.list(organisationId);
  return objectives.flatMap((o): { value: string; text: string; path: string }[] => [
    { value: `objective:${o.id}`, text: `Objective ${o.id}: ${measureText(services.standards, o)}`, path: `objectives/${o.id}` },
    ...interventions.filter((i) => i.objectiveId === o.id).map((i) => ({
      value: `intervention:${i.id}`, text: `Objective ${o.id}, intervention: ${interventionName(i)}`, path: `objectives/${o.id}/interventions/${i.id}`,
    })),
  ]);
}

export async function recordInput(services: NetworkServices, network: StaffNetwork, f: Fields, userId: number | null): Promise<FormProblem[]> {
  const problems: FormProblem[] = [];
  const subject = /^(objective|intervention):(\d{1,10})$/.exec(f['subject'] ?? '');
  const known = (await subjectChoices(services, network.organisationId)).some((c) => c.value === f['subject']);
  if (!subject || !known) problems.push({ field: 'subject', message: 'Choose the objective or intervention the network gave its view on' });
  const said = (f['said'] ?? '').trim();
  if (said === '') problems.push({ field: 'said', message: 'Enter what the network said' });
  else if (said.length > 4000) problems.push({ field: 'said', message: 'Write at most 4,000 characters' });
  const givenOn = (f['givenOn'] ?? '').trim();
  if (!validDay(givenOn)) problems.push({ field: 'givenOn', message: 'Enter the day as YYYY-MM-DD, for example 2025-03-14' });
  else if (givenOn > dayOf(services.clock())) problems.push({ field: 'givenOn', message: 'The day must be today or in the past' });
  if (problems.length || !subject) return problems;
  const id = Number(subject[2]);
  await services.store.staffNetworks.addInput({
    networkId: network.id, objectiveId: subject[1] === 'objective' ? id : null, interventionId: subject[1] === 'intervention' ? id : null,
    said, givenOn, recordedBy: userId,
  });
  return [];
}

export function programmeFromForm(f: Fields): { fields: ProgrammeFields } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const name = (f['name'] ?? '').trim();
  if (name === '' || name.length > 200) problems.push({ field: 'name', message: 'Enter the programme’s name (at most 200 characters)' });
  const kind = MENTORING_KINDS.find((k) => k.value === f['kind'])?.value;
  if (!kind) problems.push({ field: 'kind', message: 'Choose reciprocal or reverse mentoring' });
  const pairs = whole(f['pairs'] ?? '');
  if (pairs === null) problems.push({ field: 'pairs', message: 'Enter the number of pairs, as a whole number' });
  const startDate = (f['startDate'] ?? '').trim();
  if (!validDay(startDate)) problems.push({ field: 'startDate', message: 'Enter the start date as YYYY-MM-DD' });
  const endDate = (f['endDate'] ?? '').trim();
  if (endDate !== '' && (!validDay(endDate) || endDate < startDate)) problems.push({ field: 'endDate', message: 'Enter the end date as YYYY-MM-DD, on or after the start, or leave it empty' });
  const evaluation = (f['evaluation'] ?? '').trim();
  if (evaluation.length > 4000) problems.push({ field: 'evaluation', message: 'Write at most 4,000 characters' });
  const optional = (field: string, message: string) => {
    const raw = (f[field] ?? '').trim();
    if (raw === '') return null;
    const n = whole(raw);
    if (n === null) problems.push({ field, message });
    return n;
  };
  const pairsCompleted = optional('pairsCompleted', 'Enter the pairs that completed as a whole number, or leave it empty');
  const responses = optional('responses', 'Enter the number who answered the evaluation as a whole number, or leave it empty');
  const positiveResponses = optional('positiveResponses', 'Enter the number who answered favourably as a whole number, or leave it empty');
  if (pairs !== null && pairsCompleted !== null && pairsCompleted > pairs) problems.push({ field: 'pairsCompleted', message: 'No more pairs can complete than started' });
  if (positiveResponses !== null && (responses === null || positiveResponses > responses)) problems.push({ field: 'positiveResponses', message: 'Enter how many answered, and no more favourable answers than that' });
  if (problems.length || !kind || pairs === null) return { problems };
  return { fields: { name, kind, pairs, startDate, endDate: endDate || null, evaluation, pairsCompleted, responses, positiveResponses } };
}

export const MAX_PULSE_OPTIONS = 8;

export function questionFromForm(f: Fields): { question: string; options: string[]; opensOn: string; closesOn: string } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const question = (f['question'] ?? '').trim();
  if (question === '' || question.length > 300) problems.push({ field: 'question', message: 'Enter the question (at most 300 characters)' });
  const options = [...new Set((f['options'] ?? '').split(/\r?\n/).map((o) => o.trim().slice(0, 120)).filter((o) => o !== ''))];
  if (options.length < 2 || options.length > MAX_PULSE_OPTIONS) problems.push({ field: 'options', message: `Enter from 2 to ${MAX_PULSE_OPTIONS} answers, one a line` });
  const opensOn = (f['opensOn'] ?? '').trim();
  const closesOn = (f['closesOn'] ?? '').trim();
  if (!validDay(opensOn)) problems.push({ field: 'opensOn', message: 'Enter the opening day as YYYY-MM-DD' });
  if (!validDay(closesOn) || closesOn < opensOn) problems.push({ field: 'closesOn', message: 'Enter the closing day as YYYY-MM-DD, on or after the opening day' });
  return problems.length ? { problems } : { question, options, opensOn, closesOn };
}

export interface QuestionView {
  readonly question: PulseQuestion;
  readonly state: PulseState;
  /** Null until the question has closed. */
  readonly results: PulseResults | null;
}

/** A question's state and, once closed, its results under disclosure control (the same for everyone). */
export async function questionView(services: Pick<NetworkServices, 'store' | 'clock'>, question: PulseQuestion): Promise<QuestionView> {
  const state = pulseState(question.opensOn, question.closesOn, dayOf(services.clock()));
  const results = state === 'closed' ? pulseResults(await services.store.staffNetworks.tallies(question.id, question.options.length), DEFAULT_DISCLOSURE_POLICY) : null;
  return { question, state, results };
}

export interface NetworkPage {
  readonly network: StaffNetwork;
  /** Each input with what it was about, and that page's path under the organisation (null once removed). */
  readonly inputs: readonly (NetworkInput & { readonly subject: string; readonly path: string | null })[];
  readonly programmes: readonly MentoringProgramme[];
  readonly questions: readonly QuestionView[];
}

export async function networkPage(services: NetworkServices, network: StaffNetwork): Promise<NetworkPage> {
  const choices = new Map((await subjectChoices(services, network.organisationId)).map((c) => [c.value, c]));
  const inputs = (await services.store.staffNetworks.inputs(network.id)).map((i) => {
    const choice = choices.get(i.objectiveId !== null ? `objective:${i.objectiveId}` : `intervention:${i.interventionId}`);
    return { ...i, subject: choice?.text ?? 'An objective or intervention since removed', path: choice?.path ?? null };
  });
  const questions = [];
  for (const q of await services.store.staffNetworks.questions(network.id)) questions.push(await questionView(services, q));
  return { network, inputs, programmes: await services.store.staffNetworks.programmes(network.id), questions };
}

/** The staff networks' input on an objective or intervention, for its page: who co-designed what. */
export function networkInputsOn(store: Store, subject: { readonly objectiveId: number } | { readonly interventionId: number }): Promise<readonly NetworkInput[]> {
  return store.staffNetworks.inputsOn(subject);
}

/** The question a public pulse link names: the organisation by code, its network, the question; or null. */
export async function publicQuestion(services: Pick<NetworkServices, 'store' | 'clock'>, code: string, networkId: number, questionId: number): Promise<{ organisation: Organisation; network: StaffNetwork; view: QuestionView } | null> {
  const organisation = /^[A-Za-z0-9-]{1,20}$/.test(code) ? await services.store.organisations.byCode(code) : null;
  const network = organisation ? await services.store.staffNetworks.byId(organisation.id, networkId) : null;
  const question = network ? await services.store.staffNetworks.question(network.id, questionId) : null;
  if (!organisation || !network || !question) return null;
  return { organisation, network, view: await questionView(services, question) };
}

/** Tallies one answer to an open question; false (nothing kept) when it is not open or the option is not one of its. */
export async function answerPulse(services: Pick<NetworkServices, 'store' | 'clock'>, view: QuestionView, option: string): Promise<boolean> {
  const index = /^\d{1,2}$/.test(option) ? Number(option) : -1;
  if (view.state !== 'open' || index < 0 || index >= view.question.options.length) return false;
  await services.store.staffNetworks.answer(view.question.id, index);
  return true;
}
