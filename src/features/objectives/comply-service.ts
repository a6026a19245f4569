/**
 * Comply or explain, with no HTTP: an organisation's own rules, each case recorded as complied or not with the
 * explanation where not, compliance by month through SPC (core/act/comply.ts) and the explanations for the board.
 * A case holds a month, a flag and an explanation: no staff identifier and no equality data about the person
 * concerned, and the form asks for none. Every change is audited without the explanation's words.
 */
import { type ComplianceSeries, complianceSeries, isMonth } from '../../core/act/comply.ts';
import type { ComplyCase, ComplyRule } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';

export const RULE_TITLE_MAX = 200;
export const RULE_DESCRIPTION_MAX = 2000;
export const EXPLANATION_MAX = 2000;

export type FieldProblem = { readonly field: string; readonly message: string };
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export async function createRule(
  store: Store, organisationId: number, userId: number | null, form: { title?: string; description?: string },
): Promise<Checked<ComplyRule>> {
  const title = (form.title ?? '').trim();
  const description = (form.description ?? '').trim();
  const problems: FieldProblem[] = [];
  if (title === '') problems.push({ field: 'title', message: 'Enter a short name for the rule' });
  else if (title.length > RULE_TITLE_MAX) problems.push({ field: 'title', message: `The name must be ${RULE_TITLE_MAX} characters or fewer` });
  if (description === '') problems.push({ field: 'description', message: 'Enter what the rule requires in every case' });
  else if (description.length > RULE_DESCRIPTION_MAX) problems.push({ field: 'description', message: `The rule must be ${RULE_DESCRIPTION_MAX} characters or fewer` });
  if (problems.length > 0) return { ok: false, problems };
  const rule = await store.complyOrExplain.createRule({ organisationId, title, description, createdBy: userId });
  await store.audit.record({ userId, action: 'comply-rule-created', organisationId, subject: `comply-or-explain/${rule.id}` });
  return { ok: true, value: rule };
}

/** Records one case: the month it happened, whether the rule was complied with, and why not where it was not. */
export async function recordCase(
  store: Store, rule: ComplyRule, userId: number | null, form: { month?: string; complied?: string; explanation?: string }, today: string,
): Promise<Checked<ComplyCase>> {
  const month = (form.month ?? '').trim();
  const explanation = (form.explanation ?? '').trim();
  const problems: FieldProblem[] = [];
  if (month === '') problems.push({ field: 'month', message: 'Enter the month of the case, like 2026-11' });
  else if (!isMonth(month)) problems.push({ field: 'month', message: 'The month must be a year and month, like 2026-11' });
  else if (month > today.slice(0, 7)) problems.push({ field: 'month', message: 'The month cannot be in the future' });
  if (form.complied !== 'yes' && form.complied !== 'no') problems.push({ field: 'complied', message: 'Choose whether the rule was complied with' });
  if (form.complied === 'no' && explanation === '') problems.push({ field: 'explanation', message: 'Explain why the rule was not complied with' });
  if (explanation.length > EXPLANATION_MAX) problems.push({ field: 'explanation', message: `The explanation must be ${EXPLANATION_MAX} characters or fewer` });
  if (problems.length > 0) return { ok: false, problems };
  const complied = form.complied === 'yes';
  const entry = await store.complyOrExplain.recordCase({ ruleId: rule.id, month, complied, explanation: explanation === '' ? null : explanation, recordedBy: userId });
  await store.audit.record({ userId, action: 'comply-case-recorded', organisationId: rule.organisationId, subject: `comply-or-explain/${rule.id}/cases/${entry.id}`, details: { month, complied } });
  return { ok: true, value: entry };
}

export interface RuleSummary {
  readonly rule: ComplyRule;
  readonly cases: readonly ComplyCase[];
  readonly series: ComplianceSeries;
  /** Every case not complied with, newest month first, with its explanation: the list for the board. */
  readonly explanations: readonly ComplyCase[];
  readonly complied: number;
}

export async function ruleSummary(store: Store, rule: ComplyRule): Promise<RuleSummary> {
  const cases = await store.complyOrExplain.cases(rule.id);
  return {
    rule, cases, series: complianceSeries(cases),
    explanations: cases.filter((c) => !c.complied).sort((a, b) => b.month.localeCompare(a.month) || b.id - a.id),
    complied: cases.filter((c) => c.complied).length,
  };
}

export function ruleDocument(summary: RuleSummary) {
  return {
    id: summary.rule.id,
    title: summary.rule.title,
    description: summary.rule.description,
    cases: summary.cases.length,
    complied: summary.complied,
    months: summary.series.months.map((m, i) => ({
      ...m, mean: summary.series.spc.points[i]?.mean ?? null,
      lpl: summary.series.showLimits ? summary.series.spc.points[i]?.lpl ?? null : null,
      upl: summary.series.showLimits ? summary.series.spc.points[i]?.upl ?? null : null,
    })),
    variation: summary.series.showLimits ? summary.series.spc.variation : null,
    explanations: summary.explanations.map((c) => ({ month: c.month, explanation: c.explanation, recordedAt: c.recordedAt.toISOString() })),
  };
}

export const CASES_CSV_HEADER = ['rule_id', 'rule', 'month', 'complied', 'explanation', 'recorded_at'] as const;

export function caseCsvRows(summary: RuleSummary): (string | boolean | number | null)[][] {
  return summary.cases.map((c) => [summary.rule.id, summary.rule.title, c.month, c.complied, c.explanation, c.recordedAt.toISOString()]);
}
