import type { FieldVisibility } from '@atrium/contracts';
import { type Expression, expressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { DB, PeopleTable } from '../db/schema.ts';

/**
 * Who sees whom: the one place that decides it (ACCESS-MODEL.md). Directory, profiles, org chart,
 * follower lists, member lists, mentions and search all ask here; none re-implements the rule.
 *
 * - employees (`member` kind, admins included) see every person, members and externals alike (the kind
 *   marks externals);
 * - an external person sees themselves and the people who share at least one space with them.
 *
 * Visibility is independent of status: a deactivated person stays visible (their profile says so);
 * lists of people that should hide them (the directory) add `status = 'active'` themselves.
 */
export type Viewer = Pick<Actor, 'id' | 'kind' | 'role'>;

type Executor = Kysely<DB> | Transaction<DB>;

/** True when the viewer sees every person, so no per-row condition is needed. */
const seesEveryone = (viewer: Viewer): boolean => viewer.kind === 'member';

/**
 * A where-clause over the `people` table (usable in joins, it references `people.id`) keeping only
 * the people the viewer may see.
 */
export function visiblePeopleFilter(viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'people'>();
  if (seesEveryone(viewer)) return eb('people.id', 'is not', null);
  const coMembers = eb
    .selectFrom('space_members as theirs')
    .innerJoin('space_members as mine', 'mine.space_id', 'theirs.space_id')
    .select('theirs.person_id')
    .where('mine.person_id', '=', viewer.id);
  return eb.or([eb('people.id', '=', viewer.id), eb('people.id', 'in', coMembers)]);
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

/**
 * `canSeePerson` for many viewers at once (fan-out such as notifications): the ids of the viewers who
 * may see the person, with one query per chunk of external viewers whatever their number.
 */
export async function viewersWhoSee(
  db: Executor,
  viewers: readonly Viewer[],
  person: Pick<PeopleTable, 'id'>,
): Promise<Set<string>> {
  const result = new Set<string>();
  const others: string[] = [];
  for (const viewer of viewers) {
    if (viewer.id === person.id || seesEveryone(viewer)) result.add(viewer.id);
    else others.push(viewer.id);
  }
  // The rule of visiblePeopleFilter: an external viewer sees the people who share a space with them.
  for (let start = 0; start < others.length; start += 1000) {
    const rows = await db
      .selectFrom('space_members as theirs')
      .innerJoin('space_members as mine', 'mine.space_id', 'theirs.space_id')
      .select('mine.person_id')
      .distinct()
      .where('theirs.person_id', '=', person.id)
      .where('mine.person_id', 'in', others.slice(start, start + 1000))
      .execute();
    for (const row of rows) result.add(row.person_id);
  }
  return result;
}

/** Members see each other's emails; external people never see anyone's but their own. */
export const canSeeEmailOf = (viewer: Viewer, person: Pick<PeopleTable, 'id'>): boolean =>
  viewer.id === person.id || viewer.kind === 'member';

/** Profile fields marked 'members' are internal-only: never shown to (nor set by) external people. */
export const visibleFieldVisibilities = (viewer: Viewer): FieldVisibility[] =>
  viewer.kind === 'member' ? ['everyone', 'members'] : ['everyone'];

/** Searches may match people by email only for viewers who may see emails (employees). */
export const mayFindByEmail = (viewer: Viewer): boolean => viewer.kind === 'member';
