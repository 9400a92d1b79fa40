import type { ReactionKind } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { assertConversationOpen } from '../../comments/comments.policy.ts';
import { loadReactionTarget, type SubjectRef } from '../reaction-target.ts';
import { insertReaction } from '../reactions.repository.ts';

/**
 * Reacts to a post or comment the actor may read. Idempotent: one reaction per kind per person, so a
 * second identical request changes nothing and records no event (the route answers 200 either way).
 * Not on a hidden comment, a hidden post or in an archived space.
 */
export async function addReaction(
  ctx: AppContext,
  input: { actor: Viewer; subject: SubjectRef; kind: ReactionKind },
): Promise<void> {
  const { actor, subject, kind } = input;
  const { context, comment } = await loadReactionTarget(ctx.db, actor, subject);
  assertConversationOpen(context);
  if (comment && comment.hidden_at !== null) throw forbidden('This comment is hidden.');
  await inTransaction(ctx, async (trx) => {
    if (!(await insertReaction(trx, subject, kind, actor.id))) return;
    await ctx.outbox.record(trx, {
      name: 'reaction.added',
      actorId: actor.id,
      subjectType: subject.type,
      subjectId: subject.id,
      ...(context.post.space_id ? { spaceId: context.post.space_id } : {}),
      payload: { kind, postId: context.post.id },
    });
  });
}
