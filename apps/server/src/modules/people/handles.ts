import { LIMITS } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { handleExists } from './people.repository.ts';

/** A handle derived from a name or email: ASCII, lower-case, and unique (a numeric suffix if taken). */
export async function uniqueHandle(db: Kysely<DB> | Transaction<DB>, seed: string): Promise<string> {
  const base =
    seed
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^[.]+|[.]+$/g, '')
      .slice(0, LIMITS.handle.max - 5) || 'person';
  const padded = base.length < LIMITS.handle.min ? `${base}.person` : base;
  if (!(await handleExists(db, padded))) return padded;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${padded}${n}`;
    if (!(await handleExists(db, candidate))) return candidate;
  }
  throw new Error('could not find a free handle');
}

/** The text the directory search matches: name, handle, email, title, department, location, skills. */
export function searchTextOf(fields: Array<string | null | undefined>): string {
  return fields
    .filter((f): f is string => typeof f === 'string' && f.length > 0)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
