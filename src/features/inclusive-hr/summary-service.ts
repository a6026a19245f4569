/**
 * Step 5's summary a directorate can share, with no HTTP: the review's sentences with their figures, the team's
 * reading, the reports of racism and discrimination by category (withheld where small), the listening sessions held
 * (titles and days only, never their notes), the themes, and the objectives and interventions with their
 * evaluations. Everything is read with disclosure control, as it is meant to leave the analyst's view. It is a page
 * for the organisation's members to print or pass on; publishing it openly through the publication feature (issue
 * 13) would need the published report's format to carry a directorate's part, which it does not yet.
 */
import { statusText } from '../../core/act/interventions/plan.ts';
import { targetText } from '../../core/act/objectives.ts';
import type { DirectorateProgress } from '../../store/inclusive-hr-types.ts';
import { interventionName } from '../interventions/service.ts';
import { measureText } from '../objectives/service.ts';
import { reportCounts } from './lived-experience-service.ts';
import { directorateEvaluations, directorateObjectives, directorateReview, type InclusiveHrServices } from './service.ts';

export async function summaryOf(services: InclusiveHrServices, organisationId: number, year: number, directorate: string, progress: DirectorateProgress) {
  const review = await directorateReview(services, organisationId, year, directorate);
  const { reports, yearEnded } = await reportCounts(services, organisationId, year, directorate);
  const notes = await services.store.inclusiveHr.notes(organisationId, year, directorate);
  const planned = await directorateObjectives(services, organisationId, directorate);
  const evaluations = await directorateEvaluations(services, planned);
  return {
    ...review,
    reading: progress.reading,
    reports,
    yearEnded,
    sessions: notes.map((n) => ({ title: n.title, heldOn: n.heldOn })),
    objectives: planned.map(({ objective, interventions }) => ({
      id: objective.id,
      measure: measureText(services.standards, objective),
      target: `${targetText(objective.target, objective.baseline.kind)} by ${objective.targetDate}`,
      interventions: interventions.map((i) => {
        const evaluation = evaluations.find((e) => e.intervention.id === i.id);
        return { id: i.id, name: interventionName(i), status: statusText(i.status), evaluation: evaluation?.headline ?? evaluation?.reason ?? null };
      }),
    })),
  };
}
