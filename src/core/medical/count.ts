/**
 * The medical workforce's counts, one record at a time (counting/stream-count.ts): WRES counted over the medical
 * scope (medical and dental staff, applications whose staff_group is medical and dental, and the cases and courses
 * of medical and dental staff), the headcounts of medical leaders and consultants, and
 * appointment to consultant posts. The scope is applied record by record as each file is read, so nothing is kept
 * but the staff_ids of medical and dental staff (to know whose cases and courses count) and the counts themselves.
 */
import { AppointmentCounter, type RatioCounts } from '../counting/people-and-events.ts';
import type { KeptRecords, StreamCount, StreamedKind, StreamedRecords } from '../counting/stream-count.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { CategoryCounts } from '../indicators/characteristic.ts';
import type { Result } from '../problem.ts';
import type { ApplicationRecord, DisciplinaryRecord, MedicalLeadership, StaffRecord, TrainingRecord } from '../records.ts';
import { isMedical } from '../workforce/staff-group.ts';
import { ETHNICITY_LENS, WresCounter, type WresCounts } from '../wres/count.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';

/** The rows of the leadership table: medical leaders, and consultants, from whom they are drawn. */
export type LeadershipRole = MedicalLeadership | 'consultant';

/**
 * What the medical report needs, as plain JSON so that the store can keep it at import: the WRES counts of the
 * medical scope, headcounts by ethnic category of each leadership role and of consultants (bank-only staff left
 * out), and the appointment counts to consultant posts or why there are none.
 */
export interface MedicalCounts {
  readonly wres: WresCounts;
  /** Null when staff.csv gives nobody a medical_leadership value. */
  readonly leadership: Readonly<Record<LeadershipRole, Headcounts>> | null;
  readonly consultantAppointment: { readonly available: true; readonly counts: CategoryCounts } | { readonly available: false; readonly reason: string };
}

/** The medical scope has no board, survey or narrative. */
const NOTHING_KEPT: KeptRecords = { board: null, survey: null, wdesSurvey: null, wdesNarrative: null };

const NO_CONSULTANT_APPLICATIONS = 'applications.csv has no applications to consultant posts (pay_band "Consultant" with staff_group "Medical and Dental")';

function isConsultant(payBand: StaffRecord['payBand'] | null): boolean {
  return payBand?.kind === 'medical' && payBand.subGroup === 'consultant';
}

function bump(headcounts: Record<string, number>, person: { readonly ethnicity: { readonly code: string } }): void {
  headcounts[person.ethnicity.code] = (headcounts[person.ethnicity.code] ?? 0) + 1;
}

/** What was counted of the staff file beyond WRES's own counts. */
interface StaffPart {
  /** Everyone in the medical scope, bank-only staff too: whose cases and courses are read. */
  readonly medicalIds: Set<string>;
  /** Staff in post (any staff group) with a medical_leadership value. */
  leaders: number;
  readonly leadership: Readonly<Record<LeadershipRole, Record<string, number>>>;
}

/** Applications to consultant posts, as plain data (what a twin counted may cross to another thread). */
interface ConsultantApplications {
  /** Every application to a consultant post, shortlisted or not, in the year or not. */
  readonly applications: number;
  readonly counts: RatioCounts;
}

/** What the medical counter counted of the applications file, as plain data: WRES's part and the consultant posts'. */
interface ApplicationsPart {
  readonly wres: unknown;
  readonly consultants: ConsultantApplications | null;
}

export class MedicalCounter implements StreamCount<MedicalCounts> {
  readonly #wres: WresCounter;
  #staff: StaffPart = MedicalCounter.#noStaff();
  #consultants: { applications: number; readonly counter: AppointmentCounter } | null = null;
  /** Consultant appointments counted by a twin of this counter (adoptPart), in place of its own. */
  #adoptedConsultants: ConsultantApplications | null = null;
  /** Applications are narrowed by their own staff_group and pay_band, needing nothing of the staff file. */
  readonly separable: readonly StreamedKind[] = ['applications'];

  constructor(private readonly period: ReportingPeriod) {
    this.#wres = new WresCounter(period);
  }

  static #noStaff(): StaffPart {
    return { medicalIds: new Set(), leaders: 0, leadership: { medicalDirector: {}, clinicalDirector: {}, consultant: {} } };
  }

  open<K extends StreamedKind>(kind: K): ((record: StreamedRecords[K]) => void) | null {
    return this.#open(kind) as ((record: StreamedRecords[K]) => void) | null;
  }

  #open(kind: StreamedKind): ((record: never) => void) | null {
    switch (kind) {
      case 'staff':
        return this.#openStaff();
      case 'applications':
        return this.#openApplications();
      case 'disciplinary':
      case 'training':
        return this.#openEvents(kind);
      case 'capability':
        return null;
    }
  }

  #openStaff(): (person: StaffRecord) => void {
    const wres = this.#wres.open('staff');
    const part = MedicalCounter.#noStaff();
    this.#staff = part;
    return (person) => {
      if (!person.bankOnly && person.medicalLeadership !== null) {
        part.leaders += 1;
        bump(part.leadership[person.medicalLeadership], person);
      }
      if (!isMedical(person.staffGroup)) return;
      part.medicalIds.add(person.staffId);
      wres?.(person);
      if (!person.bankOnly && isConsultant(person.payBand)) bump(part.leadership.consultant, person);
    };
  }

  #openApplications(): (application: ApplicationRecord) => void {
    const wres = this.#wres.open('applications');
    const consultants = { applications: 0, counter: new AppointmentCounter(this.period, ETHNICITY_LENS) };
    this.#consultants = consultants;
    this.#adoptedConsultants = null;
    return (application) => {
      if (application.staffGroup === null || !isMedical(application.staffGroup)) return;
      wres?.(application);
      if (!isConsultant(application.payBand)) return;
      consultants.applications += 1;
      consultants.counter.add(application);
    };
  }

  #openEvents(kind: 'disciplinary' | 'training'): ((event: DisciplinaryRecord | TrainingRecord) => void) | null {
    const wres = this.#wres.open(kind) as ((event: DisciplinaryRecord | TrainingRecord) => void) | null;
    if (!wres) return null;
    const { medicalIds } = this.#staff;
    return (event) => {
      if (medicalIds.has(event.staffId)) wres(event);
    };
  }

  takePart(kind: StreamedKind): ApplicationsPart {
    if (kind !== 'applications') throw new Error(`${kind} is not counted apart`);
    return { wres: this.#wres.takePart(kind), consultants: this.#consultantApplications() };
  }

  adoptPart(kind: StreamedKind, part: unknown): void {
    if (kind !== 'applications') throw new Error(`${kind} is not counted apart`);
    const { wres, consultants } = part as ApplicationsPart;
    this.#wres.adoptPart(kind, wres);
    this.#consultants = null;
    this.#adoptedConsultants = consultants;
  }

  #consultantApplications(): ConsultantApplications | null {
    if (this.#adoptedConsultants) return this.#adoptedConsultants;
    return this.#consultants ? { applications: this.#consultants.applications, counts: this.#consultants.counter.result() } : null;
  }

  finish(_kept: KeptRecords): Result<MedicalCounts> {
    const counted = this.#wres.finish(NOTHING_KEPT);
    if (!counted.ok) return { ok: false, problems: counted.problems };
    const { leaders, leadership } = this.#staff;
    const consultants = this.#consultantApplications();
    return {
      ok: true,
      value: {
        wres: counted.value,
        leadership: leaders === 0 ? null : leadership,
        consultantAppointment: !consultants || consultants.applications === 0
          ? { available: false, reason: NO_CONSULTANT_APPLICATIONS }
          : { available: true, counts: consultants.counts.overall },
      },
    };
  }
}
