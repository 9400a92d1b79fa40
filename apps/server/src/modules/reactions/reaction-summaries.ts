import { REACTION_KINDS, type ReactionKind } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ReactionSubject } from '../../platform/db/schema-conversation.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface ReactionSummary {
  /** Count per kind, only kinds with at least one reaction, in the order of REACTION_KINDS. */
  counts: { kind: ReactionKind; count: number }[];
  /** The viewer's own reactions. */
  mine: ReactionKind[];
}

/**
 * Reaction counts and the viewer's own reactions for a page of posts or comments: two index reads,
 * whatever the number of reactions (totals are kept in `reaction_totals` by the reaction commands).
 * Callers have already checked that the viewer may read every subject.
 */
export async function reactionSummaries(
  db: Executor,
  viewerId: string,
  subjectType: ReactionSubject,
  subjectIds: readonly string[],
): Promise<Map<string, ReactionSummary>> {
  const result = new Map<string, ReactionSummary>();
  if (subjectIds.length === 0) return result;
  for (const id of subjectIds) result.set(id, { counts: [], mine: [] });
  const [totals, mine] = await Promise.all([
    db
      .selectFrom('reaction_totals')
      .select(['subject_id', 'kind', 'total'])
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjectIds)
      .where('total', '>', 0)
      .execute(),
    db
      .selectFrom('reactions')
      .select(['subject_id', 'kind'])
      .where('person_id', '=', viewerId)
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjectIds)
      .execute(),
  ]);
  for (const row of totals)
    result.get(row.subject_id)?.counts.push({ kind: row.kind, count: Number(row.total) });
  for (const row of mine) result.get(row.subject_id)?.mine.push(row.kind);
  const order = (kind: ReactionKind) => REACTION_KINDS.indexOf(kind);
  for (const summary of result.values()) {
    summary.counts.sort((a, b) => order(a.kind) - order(b.kind));
    summary.mine.sort((a, b) => order(a) - order(b));
  }
  return result;
}
