/**
 * The row each identifier of a file was first seen on, for the duplicate check every id column has. A national file
 * holds millions of ids, and a Map of them was a large part of reading one (each id looked up, then set: two
 * hashings, and a table of entries growing by copying). This is one open-addressing table of small numbers over the
 * ids themselves: one probe finds an id or the empty slot it goes in, and ids that hash alike are told apart by
 * comparing the ids, so it answers exactly what the Map did.
 */
export class FirstRows {
  #ids: string[] = [];
  #rows: number[] = [];
  /** Pairs of (hash, index + 1 into #ids), index 0 where empty; always at most half full. */
  #slots = new Int32Array(2 << 12);
  #mask = (1 << 12) - 1;

  /** The row `id` was first seen on; undefined when this is the first time, which records it on `row`. */
  firstRow(id: string, row: number): number | undefined {
    const h = hash(id);
    const slots = this.#slots;
    let slot = h & this.#mask;
    for (;;) {
      const entry = slots[2 * slot + 1] as number;
      if (entry === 0) break;
      if (slots[2 * slot] === h && this.#ids[entry - 1] === id) return this.#rows[entry - 1];
      slot = (slot + 1) & this.#mask;
    }
    this.#ids.push(id);
    this.#rows.push(row);
    slots[2 * slot] = h;
    slots[2 * slot + 1] = this.#ids.length;
    if (this.#ids.length * 4 > slots.length) this.#grow();
    return undefined;
  }

  /** Twice the slots, each entry placed again by the hash kept beside it. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
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
