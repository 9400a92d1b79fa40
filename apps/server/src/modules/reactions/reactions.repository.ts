import type { ReactionKind } from '@atrium/contracts';
import { type Expression, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { Executor } from '../comments/comments.repository.ts';
import type { SubjectRef } from './reaction-target.ts';

const subjectKey = (subject: SubjectRef, kind: ReactionKind) => ({
  subject_type: subject.type,
  subject_id: subject.id,
  kind,
});

/**
 * Adds the person's reaction unless it exists, and only then counts it: the primary key decides which
 * of two concurrent requests inserted, and the total is raised atomically by an upsert. True when added.
 */
export async function insertReaction(
  trx: Transaction<DB>,
  subject: SubjectRef,
  kind: ReactionKind,
  personId: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('reactions')
    .values({ ...subjectKey(subject, kind), person_id: personId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'kind', 'person_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await trx
    .insertInto('reaction_totals')
    .values({ ...subjectKey(subject, kind), total: 1 })
    .onConflict((oc) =>
      oc
        .columns(['subject_type', 'subject_id', 'kind'])
        .doUpdateSet({ total: sql<number>`reaction_totals.total + 1` }),
    )
    .execute();
  return true;
}

/** Removes the person's reaction if there is one, and only then uncounts it. True when removed. */
export async function deleteReaction(
  trx: Transaction<DB>,
  subject: SubjectRef,
  kind: ReactionKind,
  personId: string,
): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('reactions')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('kind', '=', kind)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await trx
    .updateTable('reaction_totals')
    .set({ total: sql<number>`total - 1` })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('kind', '=', kind)
    .execute();
  return true;
}

export interface ReactorFilters {
  kind: ReactionKind | undefined;
  after: { kind: string; personId: string } | undefined;
  limit: number;
}

/**
 * Who reacted, among the people the viewer may see (`visible`, from platform/access), in primary-key
 * order (by kind, then person) so each page is one index range; limit+1 rows.
 */
export function reactorsOf(
  db: Executor,
  subject: SubjectRef,
  visible: Expression<SqlBool>,
  f: ReactorFilters,
) {
  let query = db
    .selectFrom('reactions')
    .innerJoin('people', 'people.id', 'reactions.person_id')
    .selectAll('people')
    .select(['reactions.kind as reaction_kind', 'reactions.created_at as reacted_at'])
    .where('reactions.subject_type', '=', subject.type)
    .where('reactions.subject_id', '=', subject.id)
    .where(visible);
  if (f.kind !== undefined) query = query.where('reactions.kind', '=', f.kind);
  const { after } = f;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('reactions.kind', '>', after.kind as ReactionKind),
        eb.and([
          eb('reactions.kind', '=', after.kind as ReactionKind),
          eb('reactions.person_id', '>', after.personId),
        ]),
      ]),
    );
  }
  return query
    .orderBy('reactions.kind')
    .orderBy('reactions.person_id')
    .limit(f.limit + 1)
    .execute();
}
