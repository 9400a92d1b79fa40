import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { defaultSpacesWithout } from '../spaces.repository.ts';

/**
 * Every new employee joins the company-wide default spaces. External people never do: default spaces
 * are internal. Idempotent: a retry skips the spaces already joined.
 */
export function joinDefaultSpaces(ctx: AppContext): EventHandler {
  return {
    name: 'spaces.join_default_spaces',
    events: ['person.joined'],
    async handle(event) {
      if (!event.subjectId) return;
      const person = await findPersonById(ctx.db, event.subjectId);
      if (!person || person.kind !== 'member' || person.status !== 'active') return;
      await ctx.db.transaction().execute(async (trx) => {
        const spaces = await defaultSpacesWithout(trx, person.id);
        if (spaces.length === 0) return;
        const now = nowIso();
        await trx
          .insertInto('space_members')
          .values(
            spaces.map((s) => ({
              space_id: s.id,
              person_id: person.id,
              role: 'member' as const,
              source: 'default' as const,
              joined_at: now,
            })),
          )
          .execute();
      });
    },
  };
}
