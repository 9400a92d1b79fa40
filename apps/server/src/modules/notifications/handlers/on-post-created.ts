import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { scheduleJobOnce } from '../../../platform/jobs/scheduled-jobs.ts';
import { aboutPost, idsIn, livePost, notifyEligible } from '../notify-eligible.ts';
import { POLL_CLOSED_JOB, pollClosedKey } from './poll-closed-job.ts';

/**
 * A new post notifies the people it praises ('praise'), the people it mentions ('mention', as admitted
 * by the mention rule when it was written) and, for an announcement, everyone active who reads its target
 * ('announcement': the company's employees, or the space's members); each person once, the strongest
 * reason first. A poll with a deadline gets its closing job.
 */
export function notifyOnPostCreated(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.post-created',
    events: ['post.created'],
    async handle(event) {
      const post = await livePost(ctx, event.subjectId);
      if (!post) return;
      if (post.kind === 'poll') await schedulePollClosing(ctx, post);
      const done = new Set<string>();
      const actorId = post.author_id;
      const common = {
        actorId,
        subjectType: 'post',
        subjectId: post.id,
        ...aboutPost(post),
        fold: false,
      } as const;
      if (post.kind === 'praise') {
        const praised = await ctx.db
          .selectFrom('praise_recipients')
          .select('person_id')
          .where('post_id', '=', post.id)
          .execute();
        const notified = await notifyEligible(
          ctx,
          { type: 'praise', actorId, post },
          praised.map((row) => row.person_id),
          (r) => ({
            ...common,
            recipientId: r.id,
            type: 'praise',
            key: `praise:${post.id}`,
            data: { badge: post.badge },
          }),
        );
        for (const id of notified) done.add(id);
      }
      const mentioned = idsIn(event, 'mentionedIds').filter((id) => !done.has(id));
      const notified = await notifyEligible(ctx, { type: 'mention', actorId, post }, mentioned, (r) => ({
        ...common,
        recipientId: r.id,
        type: 'mention',
        key: `mention:post:${post.id}`,
        data: {},
      }));
      for (const id of notified) done.add(id);
      if (post.kind === 'announcement') {
        const audience = (await audienceOf(ctx, post)).filter((id) => !done.has(id));
        await notifyEligible(ctx, { type: 'announcement', actorId, post }, audience, (r) => ({
          ...common,
          recipientId: r.id,
          type: 'announcement',
          key: `announcement:${post.id}`,
          data: {},
        }));
      }
    },
  };
}

/** Who an announcement is for: the space's members, or every active employee for the company feed. */
async function audienceOf(ctx: AppContext, post: PostsTable): Promise<string[]> {
  if (post.target_type === 'space' && post.space_id !== null) {
    const rows = await ctx.db
      .selectFrom('space_members')
      .innerJoin('people', 'people.id', 'space_members.person_id')
      .select('people.id')
      .where('space_members.space_id', '=', post.space_id)
      .where('people.status', '=', 'active')
      .execute();
    return rows.map((row) => row.id);
  }
  if (post.target_type !== 'company') return [];
  const rows = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('status', '=', 'active')
    .where('kind', '=', 'member')
    .execute();
  return rows.map((row) => row.id);
}

async function schedulePollClosing(ctx: AppContext, post: PostsTable): Promise<void> {
  const poll = await ctx.db
    .selectFrom('polls')
    .select('closes_at')
    .where('post_id', '=', post.id)
    .executeTakeFirst();
  if (!poll?.closes_at) return;
  await scheduleJobOnce(ctx.db, {
    kind: POLL_CLOSED_JOB,
    key: pollClosedKey(post.id),
    runAt: new Date(poll.closes_at),
    payload: { postId: post.id },
  });
}
