import type { FieldVisibility } from '@atrium/contracts';
import { type Expression, expressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { DB, PeopleTable } from '../db/schema.ts';

/**
 * Who sees whom: the one place that decides it (ACCESS-MODEL.md). Directory, profiles, org chart,
 * follower lists, mentions and search all ask here; none re-implements the rule.
 *
 * - members (and admins) see every person, members and externals alike (the kind marks externals);
 * - an external person sees the people who share a space with them. Spaces do not exist yet, so for
 *   now that is only themselves; the spaces milestone extends `visiblePeopleFilter` with the shared
 *   membership and every caller follows.
 *
 * Visibility is independent of status: a deactivated person stays visible (their profile says so);
 * lists of people that should hide them (the directory) add `status = 'active'` themselves.
 */
export type Viewer = Pick<Actor, 'id' | 'kind' | 'role'>;

type Executor = Kysely<DB> | Transaction<DB>;

/** True when the viewer sees every person, so no per-row condition is needed. */
const seesEveryone = (viewer: Viewer): boolean => viewer.role === 'admin' || viewer.kind === 'member';

/**
 * A where-clause over the `people` table (usable in joins, it references `people.id`) keeping only
 * the people the viewer may see.
 */
export function visiblePeopleFilter(viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'people'>();
  if (seesEveryone(viewer)) return eb('people.id', 'is not', null);
  return eb('people.id', '=', viewer.id);
}

/** Whether the viewer may see this person at all; callers answer 404 when not, as for a missing one. */
export async function canSeePerson(
  db: Executor,
  viewer: Viewer,
  person: Pick<PeopleTable, 'id'>,
): Promise<boolean> {
  if (viewer.id === person.id || seesEveryone(viewer)) return true;
  const row = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', '=', person.id)
    .where(visiblePeopleFilter(viewer))
    .executeTakeFirst();
  return row !== undefined;
}

/** Members see each other's emails; external people never see anyone's but their own. */
export const canSeeEmailOf = (viewer: Viewer, person: Pick<PeopleTable, 'id'>): boolean =>
  viewer.id === person.id || viewer.kind === 'member';

/** Profile fields marked 'members' are internal-only: never shown to (nor set by) external people. */
export const visibleFieldVisibilities = (viewer: Viewer): FieldVisibility[] =>
  viewer.kind === 'member' ? ['everyone', 'members'] : ['everyone'];
