/**
 * Deterministic randomness for the bench dataset: one seeded stream (mulberry32), Zipf samplers and
 * UUIDv7 ids built from a given time, so the same seed gives the same rows on every machine.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}
export declare function createRng(seed: number): Rng;
/** Picks indexes 0..n-1 with the given relative weights (binary search over the cumulative sums). */
export interface WeightedSampler {
  readonly size: number;
  sample(rng: Rng): number;
}
export declare function weightedSampler(weights: readonly number[]): WeightedSampler;
/** Zipf weights 1/(rank+1)^s for n ranks. */
export declare const zipfWeights: (n: number, s: number) => number[];
/** A Fisher-Yates permutation of 0..n-1. */
export declare function permutation(rng: Rng, n: number): number[];
/**
 * A UUIDv7 for the given Unix time in ms, random bits from the seeded stream. Ids of strictly increasing
 * times sort in time order, which is what feeds rely on (`ORDER BY id DESC` is newest first).
 */
export declare function uuidv7At(ms: number, rng: Rng): string;
/** `new Date(ms).toISOString()` without a Date per call: millions of timestamps make it show up. */
export declare function isoAt(ms: number): string;
