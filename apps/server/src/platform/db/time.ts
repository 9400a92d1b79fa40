import { v7 } from 'uuid';

/** Time-sortable ids, safe to generate on any node. */
export const newId = (): string => v7();

/** UTC timestamps as ISO-8601 strings with milliseconds: they sort and compare as text on both dialects. */
export const nowIso = (): string => new Date().toISOString();

export const isoIn = (ms: number, from: Date = new Date()): string =>
  new Date(from.getTime() + ms).toISOString();
