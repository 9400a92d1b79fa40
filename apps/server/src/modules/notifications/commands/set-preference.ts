import type { NotificationDelivery, NotificationType } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { canReadSpace, membershipOf } from '../../../platform/access/spaces.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { findSpaceById } from '../../spaces/spaces.repository.ts';
import { DEFAULT_SCOPE } from '../preferences.ts';

export interface PreferenceInput {
  type: NotificationType;
  /** null removes the setting (a space override, or my default for the type). */
  delivery: NotificationDelivery | null;
  spaceId?: string | undefined;
}

/**
 * Sets how one type reaches me, by default or in one space. A space override only for a space I may read
 * (404 otherwise, the same for a missing one).
 */
export async function setNotificationPreference(
  ctx: AppContext,
  actor: Viewer,
  input: PreferenceInput,
): Promise<void> {
  let scope = DEFAULT_SCOPE;
  if (input.spaceId !== undefined) {
    const space = await findSpaceById(ctx.db, input.spaceId);
    const membership = space ? await membershipOf(ctx.db, space.id, actor.id) : undefined;
    if (!space || !canReadSpace(actor, space, membership)) throw notFound('No such space.');
    scope = space.id;
  }
  await inTransaction(ctx, async (trx) => {
    const key = { person_id: actor.id, type: input.type, space_id: scope };
    if (input.delivery === null) {
      await trx
        .deleteFrom('notification_preferences')
        .where('person_id', '=', key.person_id)
        .where('type', '=', key.type)
        .where('space_id', '=', key.space_id)
        .execute();
    } else {
      const now = nowIso();
      await trx
        .insertInto('notification_preferences')
        .values({ ...key, delivery: input.delivery, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['person_id', 'type', 'space_id'])
            .doUpdateSet({ delivery: input.delivery ?? 'in_app', updated_at: now }),
        )
        .execute();
    }
    await ctx.outbox.record(trx, {
      name: 'person.notification_settings_changed',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: actor.id,
      payload: {
        changed: ['preferences'],
        type: input.type,
        spaceId: scope === DEFAULT_SCOPE ? null : scope,
      },
    });
  });
}
