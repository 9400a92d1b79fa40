import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notifyEligible } from '../notify-eligible.ts';

/** An approved request to join tells the person who asked ('request_approved'); a decline stays quiet. */
export function notifyOnJoinRequestDecided(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.join-request-decided',
    events: ['space.join_request_decided'],
    async handle(event) {
      const personId = event.payload.personId;
      if (event.payload.status !== 'approved' || typeof personId !== 'string') return;
      if (event.subjectId === null || event.actorId === null || event.spaceId === null) return;
      const requestId = event.subjectId;
      const spaceId = event.spaceId;
      const actorId = event.actorId;
      await notifyEligible(ctx, { type: 'request_approved', actorId, spaceId }, [personId], (r) => ({
        recipientId: r.id,
        type: 'request_approved',
        actorId,
        subjectType: 'join_request',
        subjectId: requestId,
        postId: null,
        spaceId,
        key: `request_approved:${requestId}`,
        fold: false,
        data: { requestId },
      }));
    },
  };
}
