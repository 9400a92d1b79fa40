import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notifyEligible } from '../notify-eligible.ts';

/** A request to join a space tells the space's owners and admins ('join_request'). */
export function notifyOnJoinRequested(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.join-requested',
    events: ['space.join_requested'],
    async handle(event) {
      if (event.subjectId === null || event.actorId === null || event.spaceId === null) return;
      const requestId = event.subjectId;
      const spaceId = event.spaceId;
      const actorId = event.actorId;
      const managers = await ctx.db
        .selectFrom('space_members')
        .select('person_id')
        .where('space_id', '=', spaceId)
        .where('role', 'in', ['owner', 'admin'])
        .execute();
      await notifyEligible(
        ctx,
        { type: 'join_request', actorId, spaceId },
        managers.map((row) => row.person_id),
        (r) => ({
          recipientId: r.id,
          type: 'join_request',
          actorId,
          subjectType: 'join_request',
          subjectId: requestId,
          postId: null,
          spaceId,
          key: `join_request:${requestId}`,
          fold: false,
          data: { requestId },
        }),
      );
    },
  };
}
