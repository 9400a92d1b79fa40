import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';

/**
 * Someone left or was removed from a space: their sockets drop the subscriptions they lost at once (with
 * an `unsubscribed` frame). Deliveries are filtered at send time anyway, so nothing leaks meanwhile.
 */
export function recheckOnMembershipLoss(ctx: Pick<AppContext, 'bus'>): EventHandler {
  return {
    name: 'live.recheck_on_membership_loss',
    events: ['space.member_left', 'space.member_removed'],
    async handle(event) {
      if (event.subjectId === null) return;
      ctx.bus.publish({ kind: 'control', control: { type: 'recheck', personId: event.subjectId } });
    },
  };
}
