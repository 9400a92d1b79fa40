import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';

/**
 * A status change is news for whoever is looking at the person: the same control as a presence change,
 * so every node's gateway tells the sockets watching that person (each filtered by who may see them).
 */
export function publishStatusChange(ctx: Pick<AppContext, 'bus'>): EventHandler {
  return {
    name: 'presence.publish_status_change',
    events: ['person.status_changed'],
    async handle(event) {
      if (event.subjectId === null) return;
      ctx.bus.publish({ kind: 'control', control: { type: 'presence', personId: event.subjectId } });
    },
  };
}
