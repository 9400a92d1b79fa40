import { randomBytes } from 'node:crypto';
import { LIMITS } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { searchTextOf } from '../people/handles.ts';
import { spaceHandleExists } from './spaces.repository.ts';

/** Handles that would collide with routes under /spaces or with words the client gives a meaning. */
export const RESERVED_SPACE_HANDLES: ReadonlySet<string> = new Set([
  'admin',
  'all',
  'api',
  'archived',
  'categories',
  'create',
  'directory',
  'discover',
  'edit',
  'everyone',
  'here',
  'invitations',
  'join-requests',
  'me',
  'mine',
  'new',
  'search',
  'settings',
  'spaces',
  'system',
]);

export const isReservedSpaceHandle = (handle: string): boolean => RESERVED_SPACE_HANDLES.has(handle);

/** The slug a derived handle starts from: ASCII, lower-case, dashes between words, room for a suffix. */
export function spaceHandleBase(name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, LIMITS.handle.max - 5)
      .replace(/^-+|-+$/g, '') || 'space';
  return base.length < LIMITS.handle.min || isReservedSpaceHandle(base) ? `${base}-space` : base;
}

/**
 * A handle derived from a space's name, unique among spaces. When the plain slug is taken the suffix is
 * random, not a counter: `-2` would tell its creator that a (possibly secret) space holds the slug.
 */
export async function uniqueSpaceHandle(db: Kysely<DB> | Transaction<DB>, name: string): Promise<string> {
  const base = spaceHandleBase(name);
  if (!(await spaceHandleExists(db, base))) return base;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = `${base}-${randomBytes(3).toString('hex')}`;
    if (!(await spaceHandleExists(db, candidate))) return candidate;
  }
  throw new Error('could not find a free space handle');
}

/** More words than this add nothing to a search but cost a LIKE each. */
const MAX_SEARCH_WORDS = 8;

/** The folded words of a directory query (`q`), each matched against `search_text`. */
export const searchWords = (q: string | undefined): string[] =>
  q ? searchTextOf([q]).split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS) : [];
