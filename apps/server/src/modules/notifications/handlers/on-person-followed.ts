import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { notifyEligible } from '../notify-eligible.ts';

/** Being followed tells the person followed ('new_follower'). */
export function notifyOnPersonFollowed(ctx: AppContext): EventHandler {
  return {
    name: 'notifications.person-followed',
    events: ['person.followed'],
    async handle(event) {
      const { actorId, subjectId } = event;
      if (actorId === null || subjectId === null) return;
      await notifyEligible(ctx, { type: 'new_follower', actorId }, [subjectId], (r) => ({
        recipientId: r.id,
        type: 'new_follower',
        actorId,
        subjectType: 'person',
        subjectId: actorId,
        postId: null,
        spaceId: null,
        key: `new_follower:${actorId}`,
        fold: false,
        data: {},
      }));
    },
  };
}
