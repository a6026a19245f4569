/**
 * Strings numbered 0, 1, 2… in the order they are first added, found again by an open-addressing table of small
 * numbers over the strings themselves. A national file holds millions of staff ids, and a Map of them was a large
 * part of reading one (each new id hashed by V8, then the Map's table grown by copying, every look-up a cache miss
 * in a table of objects): here one probe of a typed array finds an id or the empty slot it goes in, and ids that
 * hash alike are told apart by comparing the ids, so it answers exactly what a Map of strings to numbers would.
 * Used for the duplicate-id check (ingest/first-rows.ts) and each person's profile (counting/people-and-events.ts).
 *
 * While each string added is greater than the one before (a file sorted by its ids, as exports often are), none can
 * repeat: they are only listed, in order, and placed in the table all at once when one is not, or when one is looked
 * for. Placed one by one as they come, between the reading of their rows, each new id was a miss of the processor's
 * caches in a table larger than they are, waited for alone.
 */
import { ownCopy } from './memoise.ts';

/** The most strings `reserve` makes room for (64 MiB of slots): an estimate beyond it is not trusted that far. */
const RESERVE_MOST = 1 << 22;

export class StringNumbers {
  readonly #strings: string[] = [];
  /** Every string so far was greater than the one before, and the table holds none of them yet (see above). */
  #listed = true;
  /** The room `reserve` asked for while the strings were listed, made when they are placed. */
  #reserved = 0;
  /** Pairs of (hash, number + 1), 0 where empty; always at most half full. */
  #slots = new Int32Array(2 << 12);
  #mask = (1 << 12) - 1;

  /** How many strings have been numbered. */
  get size(): number {
    return this.#strings.length;
  }

  /** The string's number, or -1 when it has not been added. */
  numberOf(text: string): number {
    if (this.#listed) this.#placeListed();
    return (this.#slots[2 * this.#slotOf(text, hash(text)) + 1] as number) - 1;
  }

  /** The string's number: its own if it was added before, otherwise the next (`size` before it was added). */
  add(text: string): number {
    if (this.#listed) {
      const strings = this.#strings;
      const count = strings.length;
      const last = strings[count - 1];
      if (last === undefined || text > last) {
        // Kept as a copy of its own: a long id cut from a piece of a file would keep all of that piece.
        strings.push(ownCopy(text));
        return count;
      }
      // The last again: a reader and a counter sharing the table (ingest/first-rows.ts) each add every id in turn.
      if (text === last) return count - 1;
      this.#placeListed();
    }
    const h = hash(text);
    const slot = this.#slotOf(text, h);
    const slots = this.#slots;
    const entry = slots[2 * slot + 1] as number;
    if (entry !== 0) return entry - 1;
    // Kept as a copy of its own: a long id cut from a piece of a file would keep all of that piece.
    this.#strings.push(ownCopy(text));
    slots[2 * slot] = h;
    slots[2 * slot + 1] = this.#strings.length;
    if (this.#strings.length * 4 > slots.length) this.#grow();
    return this.#strings.length - 1;
  }

  /** The slot holding `text` (whose hash is `h`), or the empty slot where it would go. */
  #slotOf(text: string, h: number): number {
    const slots = this.#slots;
    let slot = h & this.#mask;
    for (;;) {
      const entry = slots[2 * slot + 1] as number;
      if (entry === 0 || (slots[2 * slot] === h && this.#strings[entry - 1] === text)) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /**
   * Makes room for `count` strings in all, so that adding them grows nothing: a table grown step by step as a large
   * file's ids arrive places every entry again at each step, in memory too large for the processor's caches (on two
   * threads at once, a fifth of reading a staff file). Up to RESERVE_MOST strings; more still grow as they come.
   */
  reserve(count: number): void {
    if (this.#listed) {
      this.#reserved = Math.max(this.#reserved, count);
      return;
    }
    const wanted = Math.min(count, RESERVE_MOST);
    let slots = this.#slots.length;
    while (wanted * 4 > slots) slots *= 2;
    if (slots > this.#slots.length) this.#resize(slots);
  }

  /**
   * The listed strings placed in the table (made the size reserved, or theirs), one after another in a loop of its
   * own: with nothing else between them, the processor waits for many slots at once rather than for each in turn.
   * Numbers stay the order the strings were listed in.
   */
  #placeListed(): void {
    this.#listed = false;
    const strings = this.#strings;
    const count = strings.length;
    this.reserve(Math.max(this.#reserved, count));
    const slots = this.#slots;
    const mask = this.#mask;
    for (let i = 0; i < count; i += 1) {
      const h = hash(strings[i] as string);
      let slot = h & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = i + 1;
    }
  }

  /** Twice the slots. */
  #grow(): void {
    this.#resize(this.#slots.length * 2);
  }

  /** `length` slots' room (a power of two), each entry placed again by the hash kept beside it. */
  #resize(length: number): void {
    const old = this.#slots;
    const slots = new Int32Array(length);
    const mask = slots.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] as number;
      if (entry === 0) continue;
      const h = old[i] as number;
      let slot = h & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = entry;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so that ids differing only at the end spread across the table. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
