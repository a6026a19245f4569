/**
 * The end of a training file, read on another thread (count-apart.ts), kept as compact columns that cross to the
 * folder's thread cheaply, and made there into the very records that reading the file on one thread would have
 * made (the same ethnicity objects, row numbers counted from the file's start), for the counter in file order.
 */
import { acceptedSpellings } from '../core/ethnicity/match.ts';
import type { Ethnicity } from '../core/ethnicity/classifications.ts';
import type { TrainingRecord } from '../core/records.ts';
import { record, type RecordSink } from './row-reader.ts';

/** A part's records as plain data, in chunks, so that neither thread holds more than a chunk of them unpacked. */
export interface TrainingPart {
  readonly chunks: readonly TrainingChunk[];
  /** Ethnicities by number, each as a spelling the matcher gives that same object for; null for none given. */
  readonly ethnicities: readonly (string | null)[];
  readonly courses: readonly string[];
  readonly dates: readonly string[];
}

interface TrainingChunk {
  readonly count: number;
  /** Each record's staff_id, joined by NUL (which no file read in parts holds: its reading stops at one). */
  readonly staffIds: string;
  /**
   * Two numbers a record: course << 8 | ethnicity << 1 | mandatory, and start date << 16 | rows since the record
   * before (course, ethnicity and date by their numbers in the part's lists).
   */
  readonly fields: Uint32Array;
}

const FIELDS = 2;
const CHUNK_RECORDS = 1 << 14;
/** The most of each number a record's fields have room for. */
const MOST = { ethnicities: 1 << 7, courses: 1 << 24, dates: 1 << 16, rowsSince: (1 << 16) - 1 } as const;

/** Keeps a part's records, as they are read, as a TrainingPart; null from `take` when one cannot be carried so. */
export class TrainingPartCollector {
  readonly #chunks: TrainingChunk[] = [];
  #staffIds: string[] = [];
  #fields = new Uint32Array(FIELDS * CHUNK_RECORDS);
  #lastRow = 0;
  readonly #ethnicities = new Map<Ethnicity | null, number>([[null, 0]]);
  readonly #courses = new Map<string, number>();
  readonly #dates = new Map<string, number>();
  #carried = true;

  readonly add = (training: TrainingRecord): void => {
    const at = this.#staffIds.length * FIELDS;
    const ethnicity = numberOf(this.#ethnicities, training.ethnicity);
    const course = numberOf(this.#courses, training.course);
    const date = numberOf(this.#dates, training.startDate);
    const rowsSince = training.source.row - this.#lastRow;
    this.#lastRow = training.source.row;
    if (
      training.staffId.includes('\u0000') || ethnicity >= MOST.ethnicities || course >= MOST.courses || date >= MOST.dates ||
      rowsSince < 1 || rowsSince > MOST.rowsSince
    ) {
      this.#carried = false;
    }
    this.#staffIds.push(training.staffId);
    this.#fields[at] = ((course << 8) | (ethnicity << 1) | (training.mandatory ? 1 : 0)) >>> 0;
    this.#fields[at + 1] = ((date << 16) | rowsSince) >>> 0;
    if (this.#staffIds.length === CHUNK_RECORDS) this.#close();
  };

  take(): TrainingPart | null {
    this.#close();
    const spellings = spellingsOf([...this.#ethnicities.keys()]);
    if (!this.#carried || spellings === null) return null;
    return { chunks: this.#chunks, ethnicities: spellings, courses: [...this.#courses.keys()], dates: [...this.#dates.keys()] };
  }

  #close(): void {
    const count = this.#staffIds.length;
    if (count === 0) return;
    const fields = count === CHUNK_RECORDS ? this.#fields : this.#fields.slice(0, count * FIELDS);
    this.#chunks.push({ count, staffIds: this.#staffIds.join('\u0000'), fields });
    this.#staffIds = [];
    this.#fields = new Uint32Array(FIELDS * CHUNK_RECORDS);
  }
}

/** The buffers a part's message can hand over rather than copy. */
export function transferables(part: TrainingPart): ArrayBuffer[] {
  return part.chunks.map((chunk) => chunk.fields.buffer as ArrayBuffer);
}

/** Gives the part's records to `add` in order, their rows `rowOffset` on (the records of the file before the part). */
export function replayTrainingPart(part: TrainingPart, file: string, rowOffset: number, add: RecordSink<TrainingRecord>): void {
  const spellings = acceptedSpellings();
  const ethnicities = part.ethnicities.map((spelling) => (spelling === null ? null : (spellings.get(spelling) ?? null)));
  const { courses, dates } = part;
  let row = rowOffset;
  for (const chunk of part.chunks) {
    const staffIds = chunk.staffIds.split('\u0000');
    const fields = chunk.fields;
    for (let i = 0; i < chunk.count; i++) {
      const first = fields[i * FIELDS] as number;
      const second = fields[i * FIELDS + 1] as number;
      row += second & 0xffff;
      const training = record(
        {
          staffId: staffIds[i] as string,
          ethnicity: ethnicities[(first >>> 1) & 0x7f] ?? null,
          course: courses[first >>> 8] as string,
          mandatory: (first & 1) === 1,
          startDate: dates[second >>> 16] as string,
        },
        { source: { file, row } },
      );
      add(training);
    }
  }
}

function numberOf<T>(numbers: Map<T, number>, value: T): number {
  let number = numbers.get(value);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(value, number);
  }
  return number;
}

/** For each ethnicity (in order), a spelling the matcher's index holds for that very object; null if one has none. */
function spellingsOf(ethnicities: readonly (Ethnicity | null)[]): (string | null)[] | null {
  const wanted = new Set(ethnicities);
  const found = new Map<Ethnicity, string>();
  for (const [spelling, ethnicity] of acceptedSpellings()) {
    if (wanted.has(ethnicity) && !found.has(ethnicity)) found.set(ethnicity, spelling);
  }
  const spellings: (string | null)[] = [];
  for (const ethnicity of ethnicities) {
    if (ethnicity === null) spellings.push(null);
    else {
      const spelling = found.get(ethnicity);
      if (spelling === undefined) return null;
      spellings.push(spelling);
    }
  }
  return spellings;
}
