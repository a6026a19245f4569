/**
 * Administration: national WRES figures. An administrator enters, per reporting year and indicator (2, 3 or 4), the
 * national counts NHS England publishes for White and ethnic minority staff, with the publication they come from.
 * Mirror derives the relative likelihood and its interval from the counts (never stores a ratio), and the comparison
 * funnel plots of that year are centred on it instead of the pooled peer figure.
 *
 * Administrators only; every change is audited, a replacement with what it replaced. Forms carry the CSRF token as
 * every other form does (checked for every POST by the authentication plugin). Nothing is saved when anything on
 * the form is wrong: the page comes back with the design system's error summary and each field's error.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nationalRatio } from '../../core/comparisons/national-figure.ts';
import type { NationalFigure, NationalIndicator, NewNationalFigure } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { FormErrors, formBody, textField, type FormBody } from '../auth/forms.ts';
import { requireAdministrator } from '../auth/plugin.ts';
import { pageContext } from '../page-context.ts';

export const NATIONAL_INDICATORS: readonly NationalIndicator[] = ['2', '3', '4'];
export const SOURCE_MAX_LENGTH = 500;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** Nine digits is more than every NHS trust's staff together, many times over. */
const COUNT_MAX_DIGITS = 9;

const PATH = '/admin/national-figures';

type Group = 'white' | 'ethnicMinority';
type CountField = 'whitePopulation' | 'whiteEvents' | 'ethnicMinorityPopulation' | 'ethnicMinorityEvents';
type Field = 'year' | CountField | 'source';
/** The form's fields in the order it shows them, which is the order of the error summary. */
const FIELDS: readonly Field[] = ['year', 'whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents', 'source'];

/** What each indicator's counts are, in words for labels (`label`) and for sentences (`phrase`). */
interface IndicatorWords {
  readonly title: string;
  readonly people: string;
  readonly population: { readonly label: string; readonly phrase: string; readonly short: string };
  readonly events: { readonly label: string; readonly short: string };
}

export const INDICATOR_WORDS: Readonly<Record<NationalIndicator, IndicatorWords>> = {
  '2': {
    title: 'Appointment from shortlisting',
    people: 'applicants',
    population: { label: 'shortlisted', phrase: 'shortlisted', short: 'shortlisted' },
    events: { label: 'appointed from shortlisting', short: 'appointed' },
  },
  '3': {
    title: 'Entry into the formal disciplinary process',
    people: 'staff',
    population: { label: '(headcount)', phrase: 'in the headcount', short: 'staff' },
    events: { label: 'entering the formal disciplinary process', short: 'entering the formal disciplinary process' },
  },
  '4': {
    title: 'Non-mandatory training and continuing professional development',
    people: 'staff',
    population: { label: '(headcount)', phrase: 'in the headcount', short: 'staff' },
    events: { label: 'accessing non-mandatory training or continuing professional development', short: 'accessing non-mandatory training' },
  },
};

const GROUP_WORDS: Readonly<Record<Group, string>> = { white: 'White', ethnicMinority: 'Ethnic minority' };

function groupPhrase(group: Group, indicator: NationalIndicator): string {
  return `${group === 'white' ? 'White' : 'ethnic minority'} ${INDICATOR_WORDS[indicator].people}`;
}

/** Label and sentence words for one count field. */
function countWords(field: CountField, indicator: NationalIndicator): { label: string; phrase: string } {
  const group: Group = field.startsWith('white') ? 'white' : 'ethnicMinority';
  const words = INDICATOR_WORDS[indicator];
  const people = groupPhrase(group, indicator);
  const label = `${GROUP_WORDS[group]} ${words.people}`;
  return field.endsWith('Population')
    ? { label: `${label} ${words.population.label}`, phrase: `${people} ${words.population.phrase}` }
    : { label: `${label} ${words.events.label}`, phrase: `${people} ${words.events.label}` };
}

/** The id of a field on the form for one indicator (the page has one form per indicator). */
export function fieldId(indicator: NationalIndicator, field: Field): string {
  return `i${indicator}-${field}`;
}

export type FormValues = Readonly<Record<Field, string>>;
const EMPTY_VALUES: FormValues = { year: '', whitePopulation: '', whiteEvents: '', ethnicMinorityPopulation: '', ethnicMinorityEvents: '', source: '' };

export type ParsedFigure =
  | { readonly ok: true; readonly figure: Omit<NewNationalFigure, 'enteredBy'> }
  | { readonly ok: false; readonly errors: FormErrors; readonly values: FormValues };

export function isNationalIndicator(value: unknown): value is NationalIndicator {
  return typeof value === 'string' && (NATIONAL_INDICATORS as readonly string[]).includes(value);
}

function parseYear(text: string): { value: number | null; problem: string | null } {
  if (text === '') return { value: null, problem: 'Enter the reporting year' };
  if (!/^\d{4}$/.test(text)) return { value: null, problem: 'Reporting year must be 4 digits, like 2025' };
  const year = Number(text);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { value: null, problem: `Reporting year must be between ${FIRST_YEAR} and ${LAST_YEAR}` };
  return { value: year, problem: null };
}

/** A whole number of 0 or more; spaces and thousands commas, as in "12,345", are allowed. */
function parseCount(text: string, phrase: string): { value: number | null; problem: string | null } {
  const digits = text.replace(/[\s,]/g, '');
  if (digits === '') return { value: null, problem: `Enter the number of ${phrase}` };
  if (!/^\d+$/.test(digits)) return { value: null, problem: `The number of ${phrase} must be a whole number of 0 or more, like 1200` };
  if (digits.replace(/^0+(?=\d)/, '').length > COUNT_MAX_DIGITS) return { value: null, problem: `The number of ${phrase} must be 999,999,999 or fewer` };
  return { value: Number(digits), problem: null };
}

function parseSource(text: string): { value: string; problem: string | null } {
  const value = text.replace(/\s+/g, ' ').trim();
  if (value === '') return { value, problem: 'Enter the source: the title or web address of the publication the counts come from' };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { value, problem: 'Source must be plain text' };
  if (value.length > SOURCE_MAX_LENGTH) return { value, problem: `Source must be ${SOURCE_MAX_LENGTH} characters or fewer` };
  return { value, problem: null };
}

/**
 * Reads one indicator's form. Every field is checked, then events against people in each group, then whether the
 * relative likelihood can be calculated from the counts (by the core function, in the indicator's orientation) and
 * is above 0, as a funnel plot's centre must be. Problems are located on the field to change.
 */
export function parseNationalFigure(indicator: NationalIndicator, body: FormBody): ParsedFigure {
  const values = Object.fromEntries(FIELDS.map((f) => [f, textField(body, f, { max: f === 'source' ? SOURCE_MAX_LENGTH * 2 : 40 })])) as Record<Field, string>;
  const problems = new Map<Field, string>();
  const note = (field: Field, problem: string | null) => {
    if (problem !== null && !problems.has(field)) problems.set(field, problem);
  };

  const year = parseYear(values.year);
  note('year', year.problem);
  const counts = {} as Record<CountField, number | null>;
  for (const field of ['whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents'] as const) {
    const parsed = parseCount(values[field], countWords(field, indicator).phrase);
    counts[field] = parsed.value;
    note(field, parsed.problem);
  }
  const source = parseSource(values.source);
  note('source', source.problem);

  for (const group of ['white', 'ethnicMinority'] as const) {
    const events = counts[`${group}Events`];
    const population = counts[`${group}Population`];
    if (events !== null && population !== null && events > population) {
      note(`${group}Events`, `The number of ${countWords(`${group}Events`, indicator).phrase} must be no more than the number of ${countWords(`${group}Population`, indicator).phrase}`);
    }
  }

  if (problems.size === 0) {
    const white = { events: counts.whiteEvents!, population: counts.whitePopulation! };
    const ethnicMinority = { events: counts.ethnicMinorityEvents!, population: counts.ethnicMinorityPopulation! };
    const ratio = nationalRatio(indicator, { white, ethnicMinority });
    const { numerator, denominator } = ratio.orientation;
    const mustBeAboveZero = (field: CountField, why: string) =>
      note(field, `The number of ${countWords(field, indicator).phrase} must be more than 0, ${why}`);
    const cannot = 'or the relative likelihood cannot be calculated';
    if (ratio.undefinedReason === 'noNumeratorPopulation') mustBeAboveZero(`${numerator}Population`, cannot);
    else if (ratio.undefinedReason === 'noDenominatorPopulation') mustBeAboveZero(`${denominator}Population`, cannot);
    else if (ratio.undefinedReason === 'noDenominatorEvents') mustBeAboveZero(`${denominator}Events`, cannot);
    else if (!ratio.usableAsTarget) mustBeAboveZero(`${numerator}Events`, 'because a relative likelihood of 0 cannot be the centre of a funnel plot');
    if (problems.size === 0) {
      return { ok: true, figure: { year: year.value!, indicator, white, ethnicMinority, source: source.value } };
    }
  }

  const errors = new FormErrors();
  for (const field of FIELDS) errors.add(fieldId(indicator, field), problems.get(field) ?? null);
  return { ok: false, errors, values };
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "30,000 appointed of 200,000 shortlisted", "8,000 entering the formal disciplinary process of 900,000 staff". */
export function countsText(indicator: NationalIndicator, c: { events: number; population: number }): string {
  const w = INDICATOR_WORDS[indicator];
  return `${count(c.events)} ${w.events.short} of ${count(c.population)} ${w.population.short}`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

function auditCounts(figure: Pick<NationalFigure, 'white' | 'ethnicMinority' | 'source'>) {
  return { white: figure.white, ethnicMinority: figure.ethnicMinority, source: figure.source };
}

function parseKey(text: unknown): { year: number; indicator: NationalIndicator } | null {
  const match = typeof text === 'string' ? /^(\d{4})-([234])$/.exec(text) : null;
  return match ? { year: Number(match[1]), indicator: match[2] as NationalIndicator } : null;
}

export function registerNationalFigureRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { submitted?: { indicator: NationalIndicator; values: FormValues }; errors?: FormErrors } = {},
    status = 200,
  ) => {
    const figures = await store.nationalFigures.all();
    const people = new Map((await store.users.all()).map((u) => [u.id, u.displayName]));
    const years = [...new Set(figures.map((f) => f.year))].map((year) => ({
      year,
      rows: figures.filter((f) => f.year === year).map((f) => {
        const ratio = nationalRatio(f.indicator, f);
        return {
          year: f.year,
          indicator: f.indicator,
          title: INDICATOR_WORDS[f.indicator].title,
          white: countsText(f.indicator, f.white),
          ethnicMinority: countsText(f.indicator, f.ethnicMinority),
          value: ratio.value,
          ci95: ratio.ci95,
          orientation: ratio.orientation.numerator === 'white' ? 'White ÷ ethnic minority' : 'ethnic minority ÷ White',
          source: f.source,
          enteredBy: f.enteredBy === null ? 'A person whose account was removed' : people.get(f.enteredBy) ?? `Person ${f.enteredBy}`,
          enteredAt: formatTime(f.enteredAt),
        };
      }),
    }));
    const query = request.query as Record<string, unknown>;
    const saved = parseKey(query['saved']);
    const removed = parseKey(query['removed']);
    const forms = NATIONAL_INDICATORS.map((indicator) => {
      const values = extra.submitted?.indicator === indicator ? extra.submitted.values : EMPTY_VALUES;
      const labels = Object.fromEntries((['whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents'] as const)
        .map((field) => [field, countWords(field, indicator).label]));
      const ids = Object.fromEntries(FIELDS.map((field) => [field, fieldId(indicator, field)]));
      return {
        indicator, title: INDICATOR_WORDS[indicator].title, values, labels, ids,
        whiteLegend: `White ${INDICATOR_WORDS[indicator].people}`, ethnicMinorityLegend: `Ethnic minority ${INDICATOR_WORDS[indicator].people}`,
      };
    });
    const context = pageContext(request, reply, {
      title: 'National figures',
      adminSection: 'national-figures',
      years,
      forms,
      sourceMaxLength: SOURCE_MAX_LENGTH,
      notice: saved ? `The national figure for indicator ${saved.indicator}, ${saved.year}, has been saved`
        : removed ? `The national figure for indicator ${removed.indicator}, ${removed.year}, has been removed` : null,
      ...(extra.errors ? extra.errors.context() : { errors: [], fieldErrors: {} }),
    });
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(services.render('pages/admin/national-figures.njk', context));
  };

  const badRequest = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(400).type('text/html; charset=utf-8').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'There is a problem with the request', message: 'Use the forms on the national figures page: the indicator must be 2, 3 or 4.',
    })));

  app.get(PATH, async (request, reply) => {
    if (!requireAdministrator(request, reply)) return reply;
    return page(request, reply);
  });

  app.post(PATH, async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const body = formBody(request.body);
    const indicator = textField(body, 'indicator');
    if (!isNationalIndicator(indicator)) return badRequest(request, reply);
    const parsed = parseNationalFigure(indicator, body);
    if (!parsed.ok) return page(request, reply, { submitted: { indicator, values: parsed.values }, errors: parsed.errors }, 400);

    const { saved, replaced } = await store.nationalFigures.upsert({ ...parsed.figure, enteredBy: admin.id });
    await store.audit.record({
      userId: admin.id, action: 'national-figure-saved', subject: `national-figures/${saved.year}/${saved.indicator}`,
      details: { replaced: replaced !== null, figure: auditCounts(saved), ...(replaced ? { previous: { ...auditCounts(replaced), enteredBy: replaced.enteredBy, enteredAt: replaced.enteredAt.toISOString() } } : {}) },
    });
    return reply.redirect(`${PATH}?saved=${saved.year}-${saved.indicator}`, 303);
  });

  app.post(`${PATH}/remove`, async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const body = formBody(request.body);
    const key = parseKey(`${textField(body, 'year')}-${textField(body, 'indicator')}`);
    if (!key) return badRequest(request, reply);
    const removed = await store.nationalFigures.remove(key.year, key.indicator);
    if (!removed) return reply.callNotFound();
    await store.audit.record({
      userId: admin.id, action: 'national-figure-removed', subject: `national-figures/${removed.year}/${removed.indicator}`,
      details: { figure: auditCounts(removed), enteredBy: removed.enteredBy, enteredAt: removed.enteredAt.toISOString() },
    });
    return reply.redirect(`${PATH}?removed=${removed.year}-${removed.indicator}`, 303);
  });
}
