/**
 * A map from whole numbers (0 to 2^53 − 1) to small whole numbers (0 to 2^31 − 1), by open addressing over typed
 * arrays. The counters key each (category, breakdown values) by one number (`PairKeys`, numbered by `PairNumbers`,
 * counting/tally.ts): at 200,000 staff there are tens of thousands of such keys, most above 2^31, and a Map of them
 * kept each key as a number object of its own, so a look-up meant several reads far apart in memory (the largest part
 * of adding a person's profile). Here a look-up reads the key and its value side by side; it answers exactly what a
 * Map of the same keys would.
 */
export class WholeNumberMap {
  /** Each slot's key, or -1 where empty; always at most half full. */
  #keys = new Float64Array(1 << 10).fill(-1);
  #values = new Int32Array(1 << 10);
  #mask = (1 << 10) - 1;
  #size = 0;

  /** How many keys have values. */
  get size(): number {
    return this.#size;
  }

  /** The key's value, or -1 when it has none. */
  get(key: number): number {
    if (!(key >= 0)) return -1;
    const slot = this.#slotOf(key);
    return this.#keys[slot] === key ? (this.#values[slot] as number) : -1;
  }

  /** Gives the key a value (replacing any it had). */
  set(key: number, value: number): void {
    if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`not a whole number below 2^53: ${key}`);
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`not a value from 0 to 2^31 − 1: ${value}`);
    const slot = this.#slotOf(key);
    if (this.#keys[slot] !== key) {
      this.#keys[slot] = key;
      this.#size += 1;
    }
    this.#values[slot] = value;
    if (this.#size * 2 > this.#keys.length) this.#grow();
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  #slotOf(key: number): number {
    const keys = this.#keys;
    let slot = spread(key) & this.#mask;
    for (;;) {
      const at = keys[slot] as number;
      if (at === key || at === -1) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Twice the slots, each key placed again. */
  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    const keys = new Float64Array(oldKeys.length * 2).fill(-1);
    const values = new Int32Array(oldKeys.length * 2);
    const mask = keys.length - 1;
    for (let i = 0; i < oldKeys.length; i += 1) {
      const key = oldKeys[i] as number;
      if (key === -1) continue;
      let slot = spread(key) & mask;
      while (keys[slot] !== -1) slot = (slot + 1) & mask;
      keys[slot] = key;
      values[slot] = oldValues[i] as number;
    }
    this.#keys = keys;
    this.#values = values;
    this.#mask = mask;
  }
}

/** The key's low and high 32 bits mixed, so keys differing only in their high bits spread across the table. */
function spread(key: number): number {
  const low = key >>> 0;
  const high = (key / 4_294_967_296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
