/**
 * EDS 2022's use-cases, with no HTTP (issue 14, item 2): an organisation's year of the Equality Delivery System —
 * each outcome's evidence (Mirror's own figures by link, documents by title and link), the stakeholder groups'
 * ratings and the agreed rating with its owner; the overall score and rating under the organisation's threshold set
 * (core/eds/scoring.ts); every year's agreed ratings side by side; and the reminder of the publication date. The
 * checks of what a form may save are here, so the routes stay thin.
 */
import { EDS_OUTCOMES, type EdsOutcome, type EdsOutcomeId, type EdsRating, parseRating } from '../../core/eds/outcomes.ts';
import { daysToPublication, nextPublication, type OverallScore, overallScore, publicationDate, type ThresholdSet, thresholdSet } from '../../core/eds/scoring.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { AgreedRating, EdsEvidence, StakeholderRating } from '../../store/eds-types.ts';
import type { Store } from '../../store/store.ts';

export interface EdsServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

export interface OutcomeYear {
  readonly outcome: EdsOutcome;
  readonly evidence: readonly EdsEvidence[];
  readonly stakeholders: readonly StakeholderRating[];
  readonly agreed: AgreedRating | null;
}

export interface YearOverall {
  readonly year: number;
  readonly agreed: Readonly<Partial<Record<EdsOutcomeId, EdsRating>>>;
  readonly overall: OverallScore;
}

export interface EdsYear {
  readonly year: number;
  readonly thresholds: ThresholdSet;
  /** False when the organisation has not chosen a threshold set and the default applies. */
  readonly thresholdsChosen: boolean;
  readonly outcomes: readonly OutcomeYear[];
  readonly overall: OverallScore;
  /** Every year with an agreed rating, and this one, oldest first. */
  readonly history: readonly YearOverall[];
  readonly publication: { readonly date: string; readonly days: number };
  /** The next due date from today, and the reporting year due then. */
  readonly next: { readonly year: number; readonly date: string; readonly days: number };
}

export async function edsYear(services: EdsServices, organisationId: number, year: number): Promise<EdsYear> {
  const { store } = services;
  const chosen = await store.eds.thresholds(organisationId);
  const thresholds = thresholdSet(chosen);
  const [evidence, stakeholders, agreedAll] = await Promise.all([
    store.eds.evidence(organisationId, year), store.eds.stakeholderRatings(organisationId, year), store.eds.agreedRatings(organisationId),
  ]);
  const agreedOf = (y: number) => Object.fromEntries(agreedAll.filter((a) => a.year === y).map((a) => [a.outcome, a.rating])) as Partial<Record<EdsOutcomeId, EdsRating>>;
  const years = [...new Set([...agreedAll.map((a) => a.year), year])].sort((a, b) => a - b);
  const today = services.clock().toISOString();
  const next = nextPublication(today);
  const outcomes = EDS_OUTCOMES.map((outcome) => ({
    outcome,
    evidence: evidence.filter((e) => e.outcome === outcome.id),
    stakeholders: stakeholders.filter((s) => s.outcome === outcome.id),
    agreed: agreedAll.find((a) => a.year === year && a.outcome === outcome.id) ?? null,
  }));
  return {
    year, thresholds, thresholdsChosen: chosen !== null, outcomes,
    overall: overallScore(agreedOf(year), thresholds),
    history: years.map((y) => ({ year: y, agreed: agreedOf(y), overall: overallScore(agreedOf(y), thresholds) })),
    publication: { date: publicationDate(year), days: daysToPublication(year, today) },
    next: { ...next, days: daysToPublication(next.year, today) },
  };
}

export interface FigureChoice {
  readonly value: string;
  readonly text: string;
  readonly href: string;
}

/**
 * Mirror's own figures of the year that can be attached as evidence: each WRES indicator's page, the WDES summary,
 * the pay gaps, the medical workforce, the board pack and the high-impact actions. Each page applies its own
 * disclosure control to whoever opens it.
 */
export function figureChoices(standards: StandardRegistry, code: string, year: number): readonly FigureChoice[] {
  const base = `/organisations/${encodeURIComponent(code)}/${year}`;
  const wres = standards.get('wres');
  return [
    ...(wres?.indicators ?? []).map((i) => ({ value: `wres-${i.id}`, text: `WRES indicator ${i.id} ${year}: ${i.title}`, href: `${base}/indicators/${i.id}` })),
    { value: 'wdes', text: `WDES ${year}: every metric`, href: `${base}/wdes` },
    { value: 'paygap', text: `Pay gaps ${year}: gender, ethnicity and disability`, href: `${base}/paygap` },
    { value: 'medical', text: `Medical workforce race equality ${year}`, href: `${base}/medical` },
    { value: 'board-pack', text: `Board pack ${year}`, href: `${base}/board-pack` },
    { value: 'high-impact-actions', text: `High-impact actions ${year}`, href: `${base}/high-impact-actions` },
  ];
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

const clean = (s: string | undefined) => (s ?? '').trim();

/** Evidence from the form: a figure chosen from `figureChoices`, or a document's title and http(s) link. */
export function checkEvidence(
  choices: readonly FigureChoice[], form: Readonly<Record<string, string>>,
): Checked<{ kind: 'figure' | 'document'; title: string; href: string }> {
  const kind = clean(form['kind']);
  if (kind === 'figure') {
    const choice = choices.find((c) => c.value === clean(form['figure']));
    return choice ? { ok: true, value: { kind: 'figure', title: choice.text, href: choice.href } } : { ok: false, problems: [{ field: 'figure', message: 'Choose one of Mirror\'s figures' }] };
  }
  if (kind === 'document') {
    const title = clean(form['title']);
    const href = clean(form['href']);
    const problems: Problem[] = [];
    if (title === '' || title.length > 200) problems.push({ field: 'title', message: 'Enter the document\'s title, up to 200 characters' });
    let url: URL | null = null;
    try {
      url = new URL(href);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || href.length > 2000) {
      problems.push({ field: 'href', message: 'Enter the document\'s link, starting https:// (or http://)' });
    }
    return problems.length ? { ok: false, problems } : { ok: true, value: { kind: 'document', title, href } };
  }
  return { ok: false, problems: [{ field: 'kind', message: 'Choose whether the evidence is one of Mirror\'s figures or a document' }] };
}

export function checkStakeholderRating(form: Readonly<Record<string, string>>): Checked<{ group: string; rating: EdsRating }> {
  const group = clean(form['group']);
  const rating = parseRating(form['rating']);
  const problems: Problem[] = [];
  if (group === '' || group.length > 100) problems.push({ field: 'group', message: 'Enter the stakeholder group, such as the Race Equality Network, up to 100 characters' });
  if (rating === null) problems.push({ field: 'rating', message: 'Choose the group\'s rating' });
  return problems.length ? { ok: false, problems } : { ok: true, value: { group, rating: rating! } };
}

export function checkAgreedRating(form: Readonly<Record<string, string>>): Checked<{ rating: EdsRating; owner: string }> {
  const owner = clean(form['owner']);
  const rating = parseRating(form['rating']);
  const problems: Problem[] = [];
  if (rating === null) problems.push({ field: 'agreed-rating', message: 'Choose the agreed rating' });
  if (owner === '' || owner.length > 200) problems.push({ field: 'owner', message: 'Enter the department or lead who owns this outcome, up to 200 characters' });
  return problems.length ? { ok: false, problems } : { ok: true, value: { rating: rating!, owner } };
}
