import type { EventName } from '@atrium/contracts';
import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { translateEvents } from '../translate.ts';

/**
 * A handler that pushes the live message of each of its events to every node. The message id is the
 * event id, so a redelivered event (delivery is at least once) is dropped by clients as a duplicate.
 */
export function publishHandler(
  ctx: Pick<AppContext, 'db' | 'bus'>,
  name: string,
  events: readonly EventName[],
): EventHandler {
  return {
    name,
    events,
    async handle(event) {
      for (const message of await translateEvents(ctx.db, [event])) {
        ctx.bus.publish({ kind: 'live', message });
      }
    },
  };
}
