import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';

/** Fields of a space that decide who reads it. */
const ACCESS_FIELDS = new Set(['visibility', 'audience']);

/**
 * A space became private, secret or internal: every socket listening through it is re-authorized and
 * told what it lost. (Archiving changes nobody's access: an archived space stays readable.)
 */
export function recheckOnSpaceChange(ctx: Pick<AppContext, 'bus'>): EventHandler {
  return {
    name: 'live.recheck_on_space_change',
    events: ['space.updated'],
    async handle(event) {
      const fields = Array.isArray(event.payload.fields) ? event.payload.fields : [];
      if (event.subjectId === null || !fields.some((field) => ACCESS_FIELDS.has(String(field)))) return;
      ctx.bus.publish({ kind: 'control', control: { type: 'recheck-space', spaceId: event.subjectId } });
    },
  };
}
