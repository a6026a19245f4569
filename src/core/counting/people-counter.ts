/**
 * What every standard's streaming counter (stream-count.ts) does alike: the workforce headcounts and each person's
 * small profile from the staff file, and appointments from the applications file, through the standard's lens
 * (which characteristic it reads). A standard adds the events it counts (WRES disciplinary cases and training, WDES
 * capability cases) and its own finish.
 */
import type { Result } from '../problem.ts';
import type { StringNumbers } from '../util/string-numbers.ts';
import type { ApplicationRecord, StaffRecord } from '../records.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import { AppointmentCounter, type RatioCounts, StaffProfiles, WorkforceCounter, type WorkforceCounts } from './people-and-events.ts';
import type { KeptRecords, StreamCount, StreamedKind, StreamedRecords } from './stream-count.ts';
import type { Lens } from './tally.ts';

export type EventKind = Exclude<StreamedKind, 'staff' | 'applications'>;

export abstract class PeopleCounter<C> implements StreamCount<C> {
  #workforce: WorkforceCounter | null = null;
  #appointment: AppointmentCounter | null = null;
  /** Appointments counted by a twin of this counter (adoptPart), in place of its own. */
  #adoptedAppointment: RatioCounts | null = null;
  /** Applications are counted by AppointmentCounter alone, which needs nothing of the staff file. */
  readonly separable: readonly StreamedKind[] = ['applications'];
  /** Each person of the staff file, for the events' counts: empty until the staff file is read. */
  protected profiles: StaffProfiles;

  constructor(
    protected readonly period: ReportingPeriod,
    private readonly lens: Pick<Lens, 'staff' | 'application' | 'ownDimension'>,
  ) {
    this.profiles = new StaffProfiles(lens);
  }

  open<K extends StreamedKind>(kind: K): ((record: StreamedRecords[K]) => void) | null {
    return this.#open(kind) as ((record: StreamedRecords[K]) => void) | null;
  }

  #open(kind: StreamedKind): ((record: never) => void) | null {
    switch (kind) {
      case 'staff': {
        const workforce = new WorkforceCounter(this.lens);
        const profiles = new StaffProfiles(this.lens);
        this.#workforce = workforce;
        this.profiles = profiles;
        return (person: StaffRecord) => {
          workforce.add(person);
          profiles.add(person);
        };
      }
      case 'applications': {
        const appointment = new AppointmentCounter(this.period, this.lens);
        this.#appointment = appointment;
        this.#adoptedAppointment = null;
        return (application: ApplicationRecord) => appointment.add(application);
      }
      default:
        return this.openEvents(kind);
    }
  }

  takePart(kind: StreamedKind): RatioCounts | null {
    if (kind !== 'applications') throw new Error(`${kind} is not counted apart`);
    return this.#appointment?.result() ?? null;
  }

  adoptPart(kind: StreamedKind, part: unknown): void {
    if (kind !== 'applications') throw new Error(`${kind} is not counted apart`);
    this.#appointment = null;
    this.#adoptedAppointment = part as RatioCounts | null;
  }

  /** Each staff_id's number in the profiles of the staff file opened last (see StreamCount.staffIds). */
  staffIds(): StringNumbers {
    return this.profiles.ids;
  }

  /** Where this kind of event's records go (opened after the staff file, whose profiles they read), or null. */
  protected abstract openEvents(kind: EventKind): ((record: never) => void) | null;

  /** The workforce's headcounts (empty when there was no staff file). */
  protected workforce(): WorkforceCounts {
    return (this.#workforce ?? new WorkforceCounter(this.lens)).result();
  }

  /** Appointments among shortlisted applicants, or null when there was no applications file. */
  protected appointment(): RatioCounts | null {
    return this.#adoptedAppointment ?? this.#appointment?.result() ?? null;
  }

  abstract finish(kept: KeptRecords): Result<C>;
}
