/**
 * From the records the engine counts to the records the store keeps: every staff_id becomes a pseudonym, pay
 * bands are kept by their label ("Band 8a", "VSM", "Consultants"), and each record keeps its source row.
 * Identifiers that are not needed for any count (application, case, course and board member ids) are dropped.
 */
import type { WorkforceDataset } from '../core/records.ts';
import { payBandLabel } from '../core/workforce/pay-band.ts';
import type { StoredRecords } from '../store/store.ts';

export function toStoredRecords(dataset: WorkforceDataset, pseudonymOf: (staffId: string) => string): StoredRecords {
  return {
    staff: dataset.staff.map((s) => ({
      pseudonym: pseudonymOf(s.staffId),
      ethnicCode: s.ethnicity.code,
      subCode: s.ethnicity.subCode ?? null,
      census2021: s.ethnicity.census2021 ?? null,
      payBand: payBandLabel(s.payBand),
      staffGroup: s.staffGroup,
      bankOnly: s.bankOnly,
      directorate: s.directorate,
      gender: s.gender,
      disability: s.disability,
      fte: s.fte,
      hourlyPay: s.hourlyPay,
      startDate: s.startDate,
      internationalRecruit: s.internationalRecruit,
      sourceRow: s.source.row,
    })),
    applications: (dataset.applications ?? []).map((a) => ({
      ethnicCode: a.ethnicity.code,
      subCode: a.ethnicity.subCode ?? null,
      shortlisted: a.shortlisted,
      appointed: a.appointed,
      payBand: a.payBand ? payBandLabel(a.payBand) : null,
      staffGroup: a.staffGroup,
      internal: a.internal,
      internationalRecruit: a.internationalRecruit,
      date: a.date,
      disability: a.disability,
      sourceRow: a.source.row,
    })),
    disciplinary: (dataset.disciplinary ?? []).map((d) => ({
      pseudonym: pseudonymOf(d.staffId),
      ethnicCode: d.ethnicity?.code ?? null,
      startDate: d.startDate,
      sourceRow: d.source.row,
    })),
    training: (dataset.training ?? []).map((t) => ({
      pseudonym: pseudonymOf(t.staffId),
      ethnicCode: t.ethnicity?.code ?? null,
      mandatory: t.mandatory,
      startDate: t.startDate,
      sourceRow: t.source.row,
    })),
    board: (dataset.board ?? []).map((b) => ({
      ethnicCode: b.ethnicity.code,
      voting: b.voting,
      executive: b.executive,
      sourceRow: b.source.row,
    })),
    survey: (dataset.survey ?? []).map((r) => ({
      indicator: r.indicator,
      group: r.group,
      respondents: r.respondents,
      positive: r.positive,
    })),
  };
}
