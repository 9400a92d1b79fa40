import { LIMITS } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { handleExists } from './people.repository.ts';

/** Handles that would collide with routes or mention keywords (`/people/facets`, `@everyone`). */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  'admin',
  'all',
  'api',
  'edit',
  'everyone',
  'facets',
  'here',
  'me',
  'new',
  'org',
  'people',
  'settings',
  'system',
]);

/** The slug a handle starts from: ASCII, lower-case, dots between words, room left for a suffix. */
export function handleBase(seed: string): string {
  const base =
    seed
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^[.]+|[.]+$/g, '')
      .slice(0, LIMITS.handle.max - 5) || 'person';
  return base.length < LIMITS.handle.min || RESERVED_HANDLES.has(base) ? `${base}.person` : base;
}

/** A handle derived from a name or email: unique, with a numeric suffix when the base is taken. */
export async function uniqueHandle(db: Kysely<DB> | Transaction<DB>, seed: string): Promise<string> {
  const base = handleBase(seed);
  if (!(await handleExists(db, base))) return base;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${base}${n}`;
    if (!(await handleExists(db, candidate))) return candidate;
  }
  throw new Error('could not find a free handle');
}

/**
 * The text the directory search matches: name, handle, title, department, location, skills. Never the
 * email: external people may not see emails, so they must not be able to find anyone by one either
 * (employees' searches match emails separately).
 */
export function searchTextOf(fields: Array<string | null | undefined>): string {
  return fields
    .filter((f): f is string => typeof f === 'string' && f.length > 0)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
