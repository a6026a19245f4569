/**
 * The end of a training file, read on another thread (count-apart.ts), sent as it is read in compact pieces that
 * cross to the folder's thread cheaply, and made there into the very records that reading the file on one thread
 * would have made (the same ethnicity objects, rows numbered from the file's start), for the counter in file order.
 * Sending piece by piece keeps no more than a piece of them unpacked on the reading thread.
 */
import { acceptedSpellings } from '../core/ethnicity/match.ts';
import type { Ethnicity } from '../core/ethnicity/classifications.ts';
import type { TrainingRecord } from '../core/records.ts';
import type { RecordSink } from './row-reader.ts';

/** Up to PIECE_RECORDS records as plain data. */
export interface TrainingPiece {
  readonly count: number;
  /** Each record's staff_id, joined by NUL (which no file read in parts holds: its reading stops at one). */
  readonly staffIds: string;
  /**
   * Two numbers a record: course << 8 | ethnicity << 1 | mandatory, and start date << 16 | rows since the record
   * before (course, ethnicity and date by their numbers in the part's lists).
   */
  readonly fields: Uint32Array;
  /**
   * What this piece adds to the part's lists, numbered on from the pieces before; each ethnicity as a spelling the
   * matcher gives that same object for, null for none given.
   */
  readonly ethnicities: readonly (string | null)[];
  readonly courses: readonly string[];
  readonly dates: readonly string[];
}

const FIELDS = 2;
const PIECE_RECORDS = 1 << 14;
/** The most of each number a record's fields have room for. */
const MOST = { ethnicities: 1 << 7, courses: 1 << 24, dates: 1 << 16, rowsSince: (1 << 16) - 1 } as const;

/** Keeps a part's records, as they are read, as pieces given to `send` (when full, and at the end). */
export class TrainingPartCollector {
  #staffIds: string[] = [];
  #fields = new Uint32Array(FIELDS * PIECE_RECORDS);
  #lastRow = 0;
  readonly #ethnicities = new Numbering<Ethnicity | null>();
  readonly #courses = new Numbering<string>();
  readonly #dates = new Numbering<string>();
  #carried = true;

  constructor(private readonly send: (piece: TrainingPiece) => void) {}

  readonly add = (training: TrainingRecord): void => {
    if (!this.#carried) return;
    const at = this.#staffIds.length * FIELDS;
    const ethnicity = this.#ethnicities.of(training.ethnicity);
    const course = this.#courses.of(training.course);
    const date = this.#dates.of(training.startDate);
    const rowsSince = training.source.row - this.#lastRow;
    this.#lastRow = training.source.row;
    if (
      training.staffId.includes('\u0000') || ethnicity >= MOST.ethnicities || course >= MOST.courses || date >= MOST.dates ||
      rowsSince < 1 || rowsSince > MOST.rowsSince
    ) {
      this.#carried = false;
      return;
    }
    this.#staffIds.push(training.staffId);
    this.#fields[at] = ((course << 8) | (ethnicity << 1) | (training.mandatory ? 1 : 0)) >>> 0;
    this.#fields[at + 1] = ((date << 16) | rowsSince) >>> 0;
    if (this.#staffIds.length === PIECE_RECORDS) this.#sendPiece();
  };

  /** Sends what is left; false when the part could not be carried exactly (then it is to be read whole). */
  end(): boolean {
    if (this.#carried) this.#sendPiece();
    return this.#carried;
  }

  #sendPiece(): void {
    const count = this.#staffIds.length;
    if (count === 0) return;
    const ethnicities = spellingsOf(this.#ethnicities.takeNew());
    if (ethnicities === null) {
      this.#carried = false;
      return;
    }
    const piece: TrainingPiece = {
      count,
      staffIds: this.#staffIds.join('\u0000'),
      fields: count === PIECE_RECORDS ? this.#fields : this.#fields.slice(0, count * FIELDS),
      ethnicities,
      courses: this.#courses.takeNew(),
      dates: this.#dates.takeNew(),
    };
    this.#staffIds = [];
    this.#fields = new Uint32Array(FIELDS * PIECE_RECORDS);
    this.send(piece);
  }
}

/** Makes each piece, in order, into records for `add`, their rows `rowOffset` on (the records of the file before the part). */
export class TrainingPartGiver {
  readonly #ethnicities: (Ethnicity | null)[] = [];
  readonly #courses: string[] = [];
  readonly #dates: string[] = [];
  #row: number;

  constructor(
    private readonly file: string,
    rowOffset: number,
    private readonly add: RecordSink<TrainingRecord>,
  ) {
    this.#row = rowOffset;
  }

  give(piece: TrainingPiece): void {
    const spellings = acceptedSpellings();
    for (const spelling of piece.ethnicities) this.#ethnicities.push(spelling === null ? null : (spellings.get(spelling) ?? null));
    this.#courses.push(...piece.courses);
    this.#dates.push(...piece.dates);
    const staffIds = piece.count === 0 ? [] : piece.staffIds.split('\u0000');
    const { fields } = piece;
    for (let i = 0; i < piece.count; i++) {
      const first = fields[i * FIELDS] as number;
      const second = fields[i * FIELDS + 1] as number;
      this.#row += second & 0xffff;
      this.add({
        staffId: staffIds[i] as string,
        ethnicity: this.#ethnicities[(first >>> 1) & 0x7f] ?? null,
        course: this.#courses[first >>> 8] as string,
        mandatory: (first & 1) === 1,
        startDate: this.#dates[second >>> 16] as string,
        source: { file: this.file, row: this.#row },
      });
    }
  }
}

/** The buffer a piece's message can hand over rather than copy. */
export function transferable(piece: TrainingPiece): ArrayBuffer {
  return piece.fields.buffer as ArrayBuffer;
}

/** Values numbered from 0 in the order first seen, and those first seen since they were last taken. */
class Numbering<T> {
  readonly #numbers = new Map<T, number>();
  #new: T[] = [];

  of(value: T): number {
    let number = this.#numbers.get(value);
    if (number === undefined) {
      number = this.#numbers.size;
      this.#numbers.set(value, number);
      this.#new.push(value);
    }
    return number;
  }

  takeNew(): T[] {
    const taken = this.#new;
    this.#new = [];
    return taken;
  }
}

/** For each ethnicity (in order), a spelling the matcher's index holds for that very object; null if one has none. */
function spellingsOf(ethnicities: readonly (Ethnicity | null)[]): (string | null)[] | null {
  if (ethnicities.length === 0) return [];
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
