/** Seeded random numbers for the synthetic trust: independent streams, draws and weighted choices. */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { BAND_MIX, DIRECTORATE_MIX, DISABILITY, GROUPS, MEDICAL_GRADES, TRAINING_COURSES_PER_PERSON } from './parameters.ts';

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seed and year into one 32-bit seed: neighbouring years give unrelated streams over the same parameters. */
export function mixSeed(seed: number, year: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return fmix32(low ^ fmix32(high ^ fmix32(year + 0x9e3779b9)));
}

export function independentStreams(seed: number, count: number): Random[] {
  const streams: Random[] = [];
  const generator = xoroshiro128plus(seed);
  for (let i = 0; i < count; i++) {
    streams.push(new Random(generator.clone()));
    generator.jump();
  }
  return streams;
}

export class Random {
  constructor(private readonly generator: JumpableRandomGenerator) {}

  /** A copy that draws the same numbers from here on, leaving this one where it is. */
  clone(): Random {
    return new Random(this.generator.clone());
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }
}

/** A weighted choice, with cumulative weights worked out once. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
    if (items.length === 0 || sum <= 0) throw new Error('A weighted choice needs at least one positive weight');
  }

  static of<K extends string>(table: Readonly<Partial<Record<K, number>>>): Weighted<K> {
    const entries = Object.entries(table) as [K, number][];
    return new Weighted(
      entries.map(([k]) => k),
      entries.map(([, w]) => w),
    );
  }

  pick(random: Random): T {
    const x = random.float() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (x < (this.cumulative[i] as number)) return this.items[i] as T;
    return this.items[this.items.length - 1] as T;
  }
}

export function mapValues<K extends string, V, W>(table: Readonly<Record<K, V>>, f: (v: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;
}

export const GROUP_CHOICE = Weighted.of(mapValues(GROUPS, (g) => g.share));
export const BAND_CHOICE = mapValues(BAND_MIX, (mix) => Weighted.of(mix));
export const MEDICAL_CHOICE = Weighted.of(mapValues(MEDICAL_GRADES, (g) => g.weight));
export const DIRECTORATE_CHOICE = mapValues(DIRECTORATE_MIX, (mix) => Weighted.of(mix));
export const DISABILITY_CHOICE = Weighted.of(DISABILITY);
export const COURSES_PER_PERSON = Weighted.of(TRAINING_COURSES_PER_PERSON);
