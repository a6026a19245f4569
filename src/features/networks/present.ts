/**
 * Staff networks as their pages show them (issue 12, item 9): the network, its input with links to what it was about,
 * its mentoring programmes (an evaluation's favourable and other answers withheld when either is 1 to 7), and its
 * pulse questions with their public link and, once closed, their results under disclosure control.
 */
import { isDisclosive, DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { MentoringProgramme } from '../../store/staff-network-types.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { MENTORING_KINDS, type NetworkPage, networkInputsOn, type QuestionView } from './service.ts';

/** The public address where a pulse question is answered. */
export function pulseHref(organisation: Pick<Organisation, 'code'>, networkId: number, questionId: number): string {
  return `/networks/${encodeURIComponent(organisation.code)}/${networkId}/pulse/${questionId}`;
}

const STATE_TEXT = { 'not-open': 'Not open yet', open: 'Open', closed: 'Closed' } as const;

/** "14 of 20 answered favourably", or why the split is withheld. */
export function evaluationCounts(p: MentoringProgramme): string | null {
  if (p.responses === null || p.positiveResponses === null) return null;
  const other = p.responses - p.positiveResponses;
  if (isDisclosive(p.positiveResponses, DEFAULT_DISCLOSURE_POLICY) || isDisclosive(other, DEFAULT_DISCLOSURE_POLICY)) {
    return `${p.responses} answered the evaluation; how many answered favourably is withheld, as one side has fewer than ${DEFAULT_DISCLOSURE_POLICY.minimumCellSize}`;
  }
  return `${p.positiveResponses} of ${p.responses} who answered the evaluation answered favourably`;
}

export function questionResults(view: QuestionView) {
  const r = view.results;
  if (!r) return null;
  if (r.total === null) return { total: `Fewer than ${DEFAULT_DISCLOSURE_POLICY.minimumCellSize}`, rows: [], allWithheld: true };
  return {
    total: String(r.total),
    allWithheld: false,
    rows: view.question.options.map((o, i) => {
      const n = r.options[i] ?? null;
      return { option: o, answers: n === null ? 'Withheld' : String(n), pct: n === null || r.total === 0 ? '–' : `${((100 * n) / r.total!).toFixed(0)}%` };
    }),
  };
}

export function networkPageView(data: NetworkPage, organisation: Organisation) {
  const orgBase = organisationPath(organisation);
  return {
    network: data.network,
    inputs: data.inputs.map((i) => ({ givenOn: i.givenOn, said: i.said, subject: i.subject, href: i.path ? `${orgBase}/${i.path}` : null })),
    programmes: data.programmes.map((p) => ({
      ...p, kindText: MENTORING_KINDS.find((k) => k.value === p.kind)?.text ?? p.kind,
      dates: p.endDate ? `${p.startDate} to ${p.endDate}` : `from ${p.startDate}`, counts: evaluationCounts(p),
      href: `${orgBase}/networks/${data.network.id}/programmes/${p.id}`,
    })),
    questions: data.questions.map((q) => ({
      id: q.question.id, question: q.question.question, options: q.question.options, opensOn: q.question.opensOn, closesOn: q.question.closesOn,
      state: STATE_TEXT[q.state], href: pulseHref(organisation, data.network.id, q.question.id), results: questionResults(q),
    })),
  };
}

export function programmeValues(p: MentoringProgramme): Record<string, string> {
  const s = (v: number | null) => (v === null ? '' : String(v));
  return {
    name: p.name, kind: p.kind, pairs: String(p.pairs), startDate: p.startDate, endDate: p.endDate ?? '', evaluation: p.evaluation,
    pairsCompleted: s(p.pairsCompleted), responses: s(p.responses), positiveResponses: s(p.positiveResponses),
  };
}

/** The staff networks' input on an objective or intervention, for its page (`networks/views/_inputs-on.njk`). */
export async function networkInputsView(store: Store, organisation: Organisation, subject: { readonly objectiveId: number } | { readonly interventionId: number }) {
  const base = `${organisationPath(organisation)}/networks`;
  const inputs = await networkInputsOn(store, subject);
  return {
    networksHref: base,
    networkInputs: inputs.map((i) => ({ network: i.networkName, href: `${base}/${i.networkId}`, givenOn: i.givenOn, said: i.said })),
  };
}
