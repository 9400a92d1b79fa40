import type { Viewer } from '../../../../platform/access/people.ts';
import type { AppContext } from '../../../../platform/context.ts';
import type { PollsTable, PostsTable } from '../../../../platform/db/schema-conversation.ts';
import { badRequest, conflict, notFound } from '../../../../platform/http/errors.ts';
import { inTransaction } from '../../../../platform/http/transaction.ts';
import { lockPoll, optionIdsOf, replaceVotes, votesOf } from '../kinds.repository.ts';
import { assertKind, assertParticipationOpen, loadReadablePost } from '../load-post.ts';

const invalidChoice = (detail: string, path = 'body/optionIds') =>
  badRequest(detail, [{ path, message: detail }]);

/**
 * Casts, replaces (an empty choice retracts) the viewer's vote on a poll they may read, until it closes.
 * Returns the post, for presenting the poll after commit.
 */
export async function voteInPoll(
  ctx: AppContext,
  input: { actor: Viewer; postId: string; optionIds: readonly string[] },
): Promise<PostsTable> {
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadReadablePost(trx, input.actor, input.postId);
    const { post } = loaded;
    assertKind(post, 'poll');
    assertParticipationOpen(loaded);
    const poll = await lockPoll(trx, ctx.dialect, post.id);
    if (!poll) throw notFound('No such post.');
    assertOpen(poll);
    if (input.optionIds.length > 0) assertChoice(poll, await optionIdsOf(trx, post.id), input.optionIds);
    const changed = await replaceVotes(trx, {
      postId: post.id,
      personId: input.actor.id,
      previous: await votesOf(trx, post.id, input.actor.id),
      next: input.optionIds,
    });
    if (changed) {
      // Ballots are secret: the event says that someone voted, never for what.
      await ctx.outbox.record(trx, {
        name: 'poll.voted',
        actorId: input.actor.id,
        subjectType: 'post',
        subjectId: post.id,
        ...(post.space_id ? { spaceId: post.space_id } : {}),
        payload: { retracted: input.optionIds.length === 0 },
      });
    }
    return post;
  });
}

function assertOpen(poll: PollsTable, now = new Date().toISOString()): void {
  if (poll.closes_at !== null && poll.closes_at <= now) throw conflict('The poll has closed.');
}

function assertChoice(poll: PollsTable, options: Set<string>, chosen: readonly string[]): void {
  const seen = new Set<string>();
  chosen.forEach((id, index) => {
    const path = `body/optionIds/${index}`;
    if (seen.has(id)) throw invalidChoice(`The option ${id} is chosen twice.`, path);
    if (!options.has(id)) throw invalidChoice(`${id} is not an option of this poll.`, path);
    seen.add(id);
  });
  if (Number(poll.multiple) !== 1 && chosen.length !== 1) {
    throw invalidChoice('This poll takes exactly one option.');
  }
}
