/**
 * The catalogue of evidence-based interventions, shipped as data. Each entry comes from the evidence review in
 * /work/shared/domain/interventions-evidence.md and cites only the sources it read (docs/methodology.md,
 * "Evaluation of interventions", lists them). Teams choose from it or write their own.
 */
import { CULTURE_INTERVENTIONS } from './catalogue-culture.ts';
import { DISCIPLINARY_INTERVENTIONS } from './catalogue-disciplinary.ts';
import { RECRUITMENT_INTERVENTIONS } from './catalogue-recruitment.ts';
import { SOURCES, type SourceKey } from './sources.ts';
import type { CatalogueIntervention, Source } from './types.ts';

export const INTERVENTION_CATALOGUE: readonly CatalogueIntervention[] = [
  ...DISCIPLINARY_INTERVENTIONS,
  ...RECRUITMENT_INTERVENTIONS,
  ...CULTURE_INTERVENTIONS,
];

export function catalogueIntervention(id: string): CatalogueIntervention | null {
  return INTERVENTION_CATALOGUE.find((entry) => entry.id === id) ?? null;
}

/** The entries aimed at one indicator of one standard, directly or by inference. */
export function interventionsTargeting(standard: string, indicator: string): CatalogueIntervention[] {
  return INTERVENTION_CATALOGUE.filter((entry) => entry.targets.some((t) => t.standard === standard && t.indicator === indicator));
}

/** A source by its key; null for a key the catalogue does not hold. */
export function catalogueSource(key: string): Source | null {
  return Object.hasOwn(SOURCES, key) ? SOURCES[key as SourceKey] : null;
}
