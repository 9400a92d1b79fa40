import type { Rng } from './random.ts';
export declare const DEPARTMENTS: string[];
export declare const LOCATIONS: string[];
export declare function personName(rng: Rng): string;
export declare function spaceName(rng: Rng, index: number): string;
/** Distinct topic names, already in normalized form (lower case, letters, digits and dashes). */
export declare function topicNames(count: number): string[];
export interface Body {
  body: string;
  html: string;
}
/** A short post or comment: markdown and the HTML the renderer would store for it (topics as links). */
export declare function body(rng: Rng, topics: readonly string[], sentences: number): Body;
