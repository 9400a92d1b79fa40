import type { Viewer } from '../../../../platform/access/people.ts';
import type { AppContext } from '../../../../platform/context.ts';
import type { PostsTable } from '../../../../platform/db/schema-conversation.ts';
import { badRequest } from '../../../../platform/http/errors.ts';
import { inTransaction } from '../../../../platform/http/transaction.ts';
import { insertAcknowledgement } from '../kinds.repository.ts';
import { assertKind, assertParticipationOpen, loadReadablePost } from '../load-post.ts';

/** Acknowledges an announcement that asks for it; acknowledging twice changes nothing. */
export async function acknowledgeAnnouncement(
  ctx: AppContext,
  input: { actor: Viewer; postId: string },
): Promise<PostsTable> {
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadReadablePost(trx, input.actor, input.postId);
    const { post } = loaded;
    assertKind(post, 'announcement');
    if (Number(post.requires_ack) !== 1) {
      throw badRequest('This announcement does not ask for acknowledgement.');
    }
    assertParticipationOpen(loaded);
    if (await insertAcknowledgement(trx, post.id, input.actor.id)) {
      await ctx.outbox.record(trx, {
        name: 'announcement.acknowledged',
        actorId: input.actor.id,
        subjectType: 'post',
        subjectId: post.id,
        ...(post.space_id ? { spaceId: post.space_id } : {}),
      });
    }
    return post;
  });
}
