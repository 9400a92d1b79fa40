import type { SpaceRole } from '@atrium/contracts';
import { type Expression, expressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, SpacesTable } from '../db/schema.ts';
import type { Viewer } from './people.ts';
import { plantedBug } from './planted-bugs.ts';

/**
 * Who sees which space (ACCESS-MODEL.md), decided here and nowhere else. Pure predicates for one space,
 * and the same rule as a SQL filter for lists; a property test compares both with a reference model.
 *
 * - a member of a space sees it;
 * - an employee (`member` kind) sees every open and private space, internal or external; secret spaces
 *   only as a member (a non-member gets 404, exactly like a missing space);
 * - an external person sees the spaces they belong to and open external spaces, nothing else.
 * Site admins read like employees here; their overview of every space is a separate, audited path.
 */
export type SpaceFacts = Pick<SpacesTable, 'id' | 'audience' | 'visibility' | 'archived_at'>;
export interface Membership {
  role: SpaceRole;
}

type Executor = Kysely<DB> | Transaction<DB>;

/** Whether the space's audience admits this kind of person at all. */
export const audienceAdmits = (viewer: Viewer, space: Pick<SpacesTable, 'audience'>): boolean =>
  space.audience === 'external' || viewer.kind === 'member';

/** May the viewer know that the space exists (directory, detail, search-by-name, counts)? */
export function canSeeSpace(viewer: Viewer, space: SpaceFacts, membership: Membership | undefined): boolean {
  if (membership) return true;
  if (viewer.kind === 'member') return space.visibility !== 'secret';
  // Test-only fault injection (planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
  if (plantedBug('external-sees-internal-spaces') && space.visibility === 'open') return true;
  return space.audience === 'external' && space.visibility === 'open';
}

/** May the viewer read what is inside (members list, and later posts, files)? */
export function canReadSpace(viewer: Viewer, space: SpaceFacts, membership: Membership | undefined): boolean {
  if (membership) return true;
  return space.visibility === 'open' && audienceAdmits(viewer, space);
}

/** Space ids the viewer is a member of (a subquery, for filters). */
export const membershipSpaceIds = (db: Executor, personId: string) =>
  db
    .selectFrom('space_members')
    .select('space_members.space_id')
    .where('space_members.person_id', '=', personId);

/** `canSeeSpace` as a where-clause over `spaces`. */
export function visibleSpacesFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'spaces'>();
  const mine = eb('spaces.id', 'in', membershipSpaceIds(db, viewer.id));
  // Test-only fault injection (planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
  if (viewer.kind === 'member' && plantedBug('secret-spaces-listed')) return eb('spaces.id', 'is not', null);
  if (viewer.kind === 'member') return eb.or([eb('spaces.visibility', '!=', 'secret'), mine]);
  // Test-only fault injection (planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
  if (plantedBug('external-sees-internal-spaces')) return eb.or([eb('spaces.visibility', '=', 'open'), mine]);
  return eb.or([
    eb.and([eb('spaces.audience', '=', 'external'), eb('spaces.visibility', '=', 'open')]),
    mine,
  ]);
}

/** `canReadSpace` as a where-clause over `spaces`. */
export function readableSpacesFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'spaces'>();
  const mine = eb('spaces.id', 'in', membershipSpaceIds(db, viewer.id));
  const open = eb('spaces.visibility', '=', 'open');
  if (viewer.kind === 'member') return eb.or([open, mine]);
  return eb.or([eb.and([open, eb('spaces.audience', '=', 'external')]), mine]);
}

/** The ids of every space the viewer may see. */
export async function visibleSpaceIds(db: Executor, viewer: Viewer): Promise<string[]> {
  const rows = await db
    .selectFrom('spaces')
    .select('spaces.id')
    .where(visibleSpacesFilter(db, viewer))
    .execute();
  return rows.map((r) => r.id);
}

export async function membershipOf(
  db: Executor,
  spaceId: string,
  personId: string,
): Promise<Membership | undefined> {
  return db
    .selectFrom('space_members')
    .select('role')
    .where('space_id', '=', spaceId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Loads a space by handle only if the viewer may see it: `undefined` means "answer 404". */
export async function findVisibleSpace(
  db: Executor,
  viewer: Viewer,
  handle: string,
): Promise<{ space: SpacesTable; membership: Membership | undefined } | undefined> {
  const space = await db.selectFrom('spaces').selectAll().where('handle', '=', handle).executeTakeFirst();
  if (!space) return undefined;
  const membership = await membershipOf(db, space.id, viewer.id);
  return canSeeSpace(viewer, space, membership) ? { space, membership } : undefined;
}
