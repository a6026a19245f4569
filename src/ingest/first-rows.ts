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
  /** Index + 1 into #ids, 0 where empty; always at most half full. */
  #slots = new Int32Array(1 << 12);
  #mask = (1 << 12) - 1;

  /** The row `id` was first seen on; undefined when this is the first time, which records it on `row`. */
  firstRow(id: string, row: number): number | undefined {
    let slot = hash(id) & this.#mask;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry === 0) break;
      if (this.#ids[entry - 1] === id) return this.#rows[entry - 1];
      slot = (slot + 1) & this.#mask;
    }
    this.#ids.push(id);
    this.#rows.push(row);
    this.#slots[slot] = this.#ids.length;
    if (this.#ids.length * 2 > this.#slots.length) this.#grow();
    return undefined;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    this.#ids.forEach((id, index) => {
      let slot = hash(id) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    });
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
