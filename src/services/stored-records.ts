/**
 * From the records the engine counts to the records the store keeps, and back: every staff_id becomes a
 * pseudonym, pay bands are kept by their label ("Band 8a", "VSM", "Consultants"), and each record keeps its source
 * row. What no standard counts is not kept: application, vacancy, case and board member ids, course names, the
 * assignment category (only whether someone is bank-only) and the occupation code. So a dataset rebuilt from the
 * store counts exactly as the files did, for every registered standard (test/store/rebuilt-dataset.test.ts).
 */
import type { Ethnicity } from '../core/ethnicity/classifications.ts';
import type { NationalCode } from '../core/ethnicity/nhs-ethnic-category.ts';
import type {
  DisabilityStatus, MedicalLeadership, SourceFile, SourceKind, SurveyIndicator, WdesSurveyMetric, WdesSurveyResult, WorkforceDataset,
} from '../core/records.ts';
import { AFC_BANDS, MEDICAL_SUB_GROUPS, payBandLabel, type PayBand } from '../core/workforce/pay-band.ts';
import type { StaffGroup } from '../core/workforce/staff-group.ts';
import type { RecordList, RecordsToWrite, StoredRecords } from '../store/store.ts';

export function toStoredRecords(dataset: WorkforceDataset, pseudonymOf: (staffId: string) => string): StoredRecords {
  const make = storedRecordMakers(pseudonymOf);
  return {
    staff: dataset.staff.map(make.staff),
    applications: (dataset.applications ?? []).map(make.applications),
    disciplinary: (dataset.disciplinary ?? []).map(make.disciplinary),
    training: (dataset.training ?? []).map(make.training),
    board: (dataset.board ?? []).map(make.board),
    survey: (dataset.survey ?? []).map(make.survey),
    capability: (dataset.capability ?? []).map(make.capability),
    wdesSurvey: (dataset.wdesSurvey ?? []).map(make.wdesSurvey),
    narrative: narrativeOf(dataset),
  };
}

/**
 * The records the store keeps, as toStoredRecords makes them, each made only when the store asks for it as it writes
 * (store.ts, RecordsToWrite): an import then never holds a second copy of every record, and on PostgreSQL they are
 * made while the database takes in the rows before.
 */
export function storedRecordsOf(dataset: WorkforceDataset, pseudonymOf: (staffId: string) => string): RecordsToWrite {
  const make = storedRecordMakers(pseudonymOf);
  return {
    staff: madeWhenAsked(dataset.staff, make.staff),
    applications: madeWhenAsked(dataset.applications, make.applications),
    disciplinary: madeWhenAsked(dataset.disciplinary, make.disciplinary),
    training: madeWhenAsked(dataset.training, make.training),
    board: madeWhenAsked(dataset.board, make.board),
    survey: madeWhenAsked(dataset.survey, make.survey),
    capability: madeWhenAsked(dataset.capability, make.capability),
    wdesSurvey: madeWhenAsked(dataset.wdesSurvey, make.wdesSurvey),
    narrative: narrativeOf(dataset),
  };
}

export function madeWhenAsked<S, T>(items: readonly S[] | null, make: (item: S) => T): RecordList<T> {
  const list = items ?? [];
  return {
    length: list.length,
    at: (index) => {
      const item = list[index];
      return item === undefined ? undefined : make(item);
    },
  };
}

export function narrativeOf(dataset: Pick<WorkforceDataset, 'wdesNarrative'>): StoredRecords['narrative'] {
  return dataset.wdesNarrative ? { answer: dataset.wdesNarrative.answer, text: dataset.wdesNarrative.text } : null;
}

type Stored<K extends Exclude<keyof StoredRecords, 'narrative'>> = StoredRecords[K][number];
type Read<K extends Exclude<keyof WorkforceDataset, 'sources' | 'wdesNarrative'>> = NonNullable<WorkforceDataset[K]>[number];

/** How each kind of record read becomes the record stored. */
export function storedRecordMakers(pseudonymOf: (staffId: string) => string) {
  return {
    staff: (s: Read<'staff'>): Stored<'staff'> => ({
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
      bonusPay: s.bonusPay,
      fullPayRelevant: s.fullPayRelevant,
      medicalLeadership: s.medicalLeadership,
    }),
    applications: (a: Read<'applications'>): Stored<'applications'> => ({
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
      gender: a.gender,
    }),
    disciplinary: (d: Read<'disciplinary'>): Stored<'disciplinary'> => ({
      pseudonym: pseudonymOf(d.staffId),
      ethnicCode: d.ethnicity?.code ?? null,
      startDate: d.startDate,
      sourceRow: d.source.row,
    }),
    training: (t: Read<'training'>): Stored<'training'> => ({
      pseudonym: pseudonymOf(t.staffId),
      ethnicCode: t.ethnicity?.code ?? null,
      mandatory: t.mandatory,
      startDate: t.startDate,
      sourceRow: t.source.row,
    }),
    board: (b: Read<'board'>): Stored<'board'> => ({
      ethnicCode: b.ethnicity.code,
      voting: b.voting,
      executive: b.executive,
      disability: b.disability,
      sourceRow: b.source.row,
    }),
    survey: (r: Read<'survey'>): Stored<'survey'> => ({
      indicator: r.indicator,
      group: r.group,
      respondents: r.respondents,
      positive: r.positive,
    }),
    capability: (c: Read<'capability'>): Stored<'capability'> => ({
      pseudonym: pseudonymOf(c.staffId),
      disability: c.disability,
      startDate: c.startDate,
      sourceRow: c.source.row,
    }),
    wdesSurvey: (r: Read<'wdesSurvey'>): Stored<'wdesSurvey'> => ({
      metric: r.metric,
      group: r.group,
      respondents: r.respondents,
      positive: r.positive,
      score: r.score,
    }),
  };
}

const PAY_BANDS: readonly PayBand[] = [
  ...AFC_BANDS.map((band) => ({ kind: 'afc', band }) as const),
  { kind: 'vsm' },
  ...MEDICAL_SUB_GROUPS.map((subGroup) => ({ kind: 'medical', subGroup }) as const),
];
const PAY_BAND_BY_LABEL = new Map(PAY_BANDS.map((band) => [payBandLabel(band), band]));

function payBandOf(label: string): PayBand {
  const band = PAY_BAND_BY_LABEL.get(label);
  if (!band) throw new Error(`The store holds a pay band Mirror does not know: "${label}".`);
  return band;
}

function ethnicityOf(code: string, subCode: string | null = null, census2021: string | null = null): Ethnicity {
  return {
    code: code as NationalCode | 'missing',
    ...(subCode === null ? {} : { subCode }),
    ...(census2021 === null ? {} : { census2021 }),
  };
}

/**
 * The dataset an import's records stand for, with pseudonyms as staff ids (the same person has the same pseudonym
 * in every file of the import, which is all counting needs). A kind of file that was not imported is null, as it
 * is when read from a folder; each row points at its file and row as the import's sources name them. Only records
 * of RECORDS_FORMAT (store.ts) hold every field counted: the caller checks the version first.
 */
export function fromStoredRecords(records: StoredRecords, sources: readonly SourceFile[]): WorkforceDataset {
  const has = (kind: SourceKind) => sources.some((s) => s.kind === kind);
  const file = (kind: SourceKind) => sources.find((s) => s.kind === kind)?.file ?? `${kind}.csv`;
  const ref = (kind: SourceKind, row: number) => ({ file: file(kind), row });
  return {
    staff: records.staff.map((s) => ({
      staffId: s.pseudonym, ethnicity: ethnicityOf(s.ethnicCode, s.subCode, s.census2021), payBand: payBandOf(s.payBand),
      staffGroup: s.staffGroup as StaffGroup, assignmentCategory: s.bankOnly ? 'Bank' : '', bankOnly: s.bankOnly,
      directorate: s.directorate, occupationCode: null, gender: s.gender, disability: s.disability as DisabilityStatus, fte: s.fte,
      hourlyPay: s.hourlyPay, bonusPay: s.bonusPay, fullPayRelevant: s.fullPayRelevant, startDate: s.startDate,
      internationalRecruit: s.internationalRecruit, medicalLeadership: s.medicalLeadership as MedicalLeadership | null,
      source: ref('staff', s.sourceRow),
    })),
    applications: !has('applications') ? null : records.applications.map((a) => ({
      applicationId: '', ethnicity: ethnicityOf(a.ethnicCode, a.subCode), shortlisted: a.shortlisted, appointed: a.appointed,
      vacancyId: null, payBand: a.payBand === null ? null : payBandOf(a.payBand), staffGroup: a.staffGroup as StaffGroup | null,
      internal: a.internal, internationalRecruit: a.internationalRecruit, date: a.date, disability: a.disability as DisabilityStatus,
      gender: a.gender, source: ref('applications', a.sourceRow),
    })),
    disciplinary: !has('disciplinary') ? null : records.disciplinary.map((d) => ({
      caseId: '', staffId: d.pseudonym, ethnicity: d.ethnicCode === null ? null : ethnicityOf(d.ethnicCode), startDate: d.startDate,
      source: ref('disciplinary', d.sourceRow),
    })),
    training: !has('training') ? null : records.training.map((t) => ({
      staffId: t.pseudonym, ethnicity: t.ethnicCode === null ? null : ethnicityOf(t.ethnicCode), course: '', mandatory: t.mandatory,
      startDate: t.startDate, source: ref('training', t.sourceRow),
    })),
    board: !has('board') ? null : records.board.map((b) => ({
      memberId: '', ethnicity: ethnicityOf(b.ethnicCode), voting: b.voting, executive: b.executive,
      disability: b.disability as DisabilityStatus, source: ref('board', b.sourceRow),
    })),
    survey: !has('survey') ? null : records.survey.map((r) => ({
      indicator: r.indicator as SurveyIndicator, group: r.group as 'white' | 'ethnicMinority', respondents: r.respondents,
      positive: r.positive, source: ref('survey', 0),
    })),
    wdesSurvey: !has('survey') ? null : records.wdesSurvey.map((r) => ({
      metric: r.metric as WdesSurveyMetric, group: r.group as WdesSurveyResult['group'], respondents: r.respondents,
      positive: r.positive, score: r.score, source: ref('survey', 0),
    })),
    capability: !has('capability') ? null : records.capability.map((c) => ({
      caseId: '', staffId: c.pseudonym, disability: c.disability as DisabilityStatus | null, startDate: c.startDate,
      source: ref('capability', c.sourceRow),
    })),
    wdesNarrative: records.narrative ? { ...records.narrative, file: 'wdes_9b.txt' } : null,
    sources,
  };
}
