/**
 * The challenge's addresses and the parts every step page shares: the steps as a list with which are done and
 * which is open, the "mark as done" form's state, the form errors and the notices after a change.
 */
import { type Problem, STEPS, stepBySlug, THEMES } from '../../core/inclusive-hr/steps.ts';
import { statusText } from '../../core/act/interventions/plan.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { DirectorateProgress } from '../../store/inclusive-hr-types.ts';
import { interventionName } from '../interventions/service.ts';
import { measureText } from '../objectives/service.ts';
import type { PlannedObjective } from './service.ts';
import type { Organisation } from '../../store/store.ts';
import { organisationPath } from '../../web/organisation-year.ts';

export function challengePath(organisation: Pick<Organisation, 'code'>, year: number): string {
  return `${organisationPath(organisation, year)}/inclusive-hr`;
}

export function directoratePath(organisation: Pick<Organisation, 'code'>, year: number, directorate: string): string {
  return `${challengePath(organisation, year)}/${encodeURIComponent(directorate)}`;
}

export function stepPath(organisation: Pick<Organisation, 'code'>, year: number, directorate: string, slug: string): string {
  return `${directoratePath(organisation, year, directorate)}/${slug}`;
}

export const NOTICES: Readonly<Record<string, string>> = {
  done: 'The step has been marked as done', undone: 'The step has been marked as not done', reading: 'Your reading has been saved',
  note: 'The note of the listening session has been added', removed: 'The note has been removed', themes: 'The themes have been saved',
};

export function errorsOf(problems: readonly Problem[]) {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { errors: problems.map((p) => ({ text: p.message, href: `#${p.field === 'heldOn' ? 'heldOn-day' : p.field}` })), fieldErrors };
}

/** What every step page (and the summary) is given. */
export function stepContext(organisation: Organisation, year: number, directorate: string, slug: string, progress: DirectorateProgress, editable: boolean) {
  const step = stepBySlug(slug);
  const base = directoratePath(organisation, year, directorate);
  return {
    title: `${step ? `Step ${step.number}: ${step.title}` : 'Summary to share'}, ${directorate} ${year}: ${organisation.name}`,
    year, directorate, step, canEdit: editable, base, summaryHref: `${base}/summary`, overviewHref: challengePath(organisation, year),
    isDone: step ? progress.stepsDone.includes(step.number) : false,
    doneAction: step ? `${base}/${step.slug}/done` : null,
    stepLinks: STEPS.map((s) => ({ ...s, href: `${base}/${s.slug}`, done: progress.stepsDone.includes(s.number), current: s.slug === slug })),
    next: step && step.number < 5 ? { ...STEPS[step.number]!, href: `${base}/${STEPS[step.number]!.slug}` } : null,
    themes: progress.themes,
    themeItems: THEMES.map((t) => ({ value: t, text: t, checked: progress.themes.includes(t) })),
    ownThemes: progress.themes.filter((t) => !THEMES.includes(t)).join('\n'),
  };
}

/** The directorate's objectives with their measure in words, and their interventions by name and status. */
export function plannedView(standards: StandardRegistry, planned: readonly PlannedObjective[]) {
  return planned.map(({ objective, interventions }) => ({
    id: objective.id, measure: measureText(standards, objective),
    interventions: interventions.map((i) => ({ id: i.id, name: interventionName(i), status: statusText(i.status) })),
  }));
}
