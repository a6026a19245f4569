/**
 * The medical workforce page's view of a medical report: indicators 1 to 4 for medical and dental staff with the
 * WRES pages' own presenters, medical and clinical directors against consultants, and appointment to consultant
 * posts. Each chart is drawn from exactly the rows given to the table that follows it.
 */
import type { MedicalReport } from '../../core/medical/report.ts';
import { chartId, rateComparison } from '../../web/charts/index.ts';
import { coreIndicatorRows } from '../../web/presenters/dashboard.ts';
import { ratioView, representationView } from '../../web/presenters/indicator-view.ts';

/** The three relative likelihoods, each with its chart and table, or why it is not available. */
function ratioSections(report: MedicalReport) {
  return (['2', '3', '4'] as const).map((id) => {
    const indicator = report.indicators[id];
    const common = { id, title: indicator.title, captionId: `groups-caption-${id}` };
    return indicator.available
      ? { ...common, available: true, ...ratioView(indicator, id, { id: chartId(`medical${id}`, 'groups'), title: `Rates behind indicator ${id} for medical and dental staff` }) }
      : { ...common, available: false, reason: indicator.reason };
  });
}

function leadershipSection(report: MedicalReport) {
  if (!report.leadership) return null;
  const rows = report.leadership;
  const shown = rows.filter((l) => !l.withheld);
  return {
    rows,
    anyWithheld: rows.some((l) => l.withheld),
    // Withheld roles are left out of the picture as they are of the table's figures; the table says why.
    chart: rateComparison(
      shown.map((l) => ({ label: l.label, value: l.ethnicMinority.pct, ci95: l.ci95, ...(l.total === 0 ? { note: 'nobody in this role' } : {}) })),
      { id: chartId('medical-leadership', 'roles'), title: 'Ethnic minority share of medical leaders and of consultants', unit: 'pct', axisLabel: 'Ethnic minority share (percentage)' },
    ),
  };
}

function appointmentSection(report: MedicalReport) {
  const a = report.consultantAppointment;
  if (!a.available) return { available: false as const, reason: a.reason };
  return {
    available: true as const,
    ...ratioView(a, '2', { id: chartId('medical-consultant', 'appointment'), title: 'Appointment from shortlisting to consultant posts, by group' }),
  };
}

export function medicalView(report: MedicalReport) {
  return {
    rows: coreIndicatorRows(report.indicators).map((r) => (r.id === '1' && r.available ? { ...r, figureLabel: 'of medical and dental staff are from ethnic minority groups' } : r)),
    indicator1: {
      ...representationView(report.indicators['1'], { id: chartId('medical1', 'bands'), title: 'Ethnic minority share of each medical and dental grade' }),
      chartHeading: 'Ethnic minority share of each grade',
    },
    ratios: ratioSections(report),
    leadership: leadershipSection(report),
    appointment: appointmentSection(report),
  };
}
