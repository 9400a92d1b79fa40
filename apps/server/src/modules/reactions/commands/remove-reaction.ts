import type { ReactionKind } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadReactionTarget, type SubjectRef } from '../reaction-target.ts';
import { deleteReaction } from '../reactions.repository.ts';

/**
 * Takes back the actor's reaction of one kind. Idempotent: without one nothing changes and no event is
 * recorded. Allowed wherever the subject is readable, even once the conversation is closed: taking
 * something back never needs permission.
 */
export async function removeReaction(
  ctx: AppContext,
  input: { actor: Viewer; subject: SubjectRef; kind: ReactionKind },
): Promise<void> {
  const { actor, subject, kind } = input;
  const { context } = await loadReactionTarget(ctx.db, actor, subject);
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteReaction(trx, subject, kind, actor.id))) return;
    await ctx.outbox.record(trx, {
      name: 'reaction.removed',
      actorId: actor.id,
      subjectType: subject.type,
      subjectId: subject.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: { kind, postId: context.post.id },
    });
  });
}
