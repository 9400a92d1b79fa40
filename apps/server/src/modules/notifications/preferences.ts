import {
  DEFAULT_NOTIFICATION_DELIVERY,
  NOTIFICATION_TYPES,
  type NotificationDelivery,
  type NotificationType,
} from '@atrium/contracts';
import type { Viewer } from '../../platform/access/people.ts';
import { readableSpacesFilter } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';

/** The `space_id` of a person's default for a type (a space id marks a per-space override). */
export const DEFAULT_SCOPE = '';

const CHUNK = 1000;

/**
 * How a notification of this type (in this space, if any) reaches each person: their override for the
 * space, else their default for the type, else DEFAULT_NOTIFICATION_DELIVERY. One query per chunk of
 * people; used when notifications are made and by the emails.
 */
export async function deliveriesFor(
  db: Executor,
  personIds: readonly string[],
  type: NotificationType,
  spaceId: string | null,
): Promise<Map<string, NotificationDelivery>> {
  const result = new Map<string, NotificationDelivery>();
  for (const id of personIds) result.set(id, DEFAULT_NOTIFICATION_DELIVERY[type]);
  const scopes = spaceId === null ? [DEFAULT_SCOPE] : [DEFAULT_SCOPE, spaceId];
  const ids = [...new Set(personIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['person_id', 'space_id', 'delivery'])
      .where('type', '=', type)
      .where('space_id', 'in', scopes)
      .where('person_id', 'in', ids.slice(start, start + CHUNK))
      .execute();
    // Defaults first, so a space override read later wins.
    rows.sort((a, b) => a.space_id.localeCompare(b.space_id));
    for (const row of rows) result.set(row.person_id, row.delivery);
  }
  return result;
}

/** The one person's delivery for a type in a space (or none). */
export async function deliveryFor(
  db: Executor,
  personId: string,
  type: NotificationType,
  spaceId: string | null,
): Promise<NotificationDelivery> {
  return (
    (await deliveriesFor(db, [personId], type, spaceId)).get(personId) ?? DEFAULT_NOTIFICATION_DELIVERY[type]
  );
}

export interface PreferencesView {
  defaults: Record<NotificationType, NotificationDelivery>;
  spaces: Array<{
    spaceId: string;
    spaceName: string;
    type: NotificationType;
    delivery: NotificationDelivery;
  }>;
}

/** My delivery per type, and my per-space overrides for spaces I may still read (by space name). */
export async function preferencesOf(db: Executor, viewer: Viewer): Promise<PreferencesView> {
  const defaults = { ...DEFAULT_NOTIFICATION_DELIVERY };
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['type', 'delivery'])
    .where('person_id', '=', viewer.id)
    .where('space_id', '=', DEFAULT_SCOPE)
    .execute();
  for (const row of rows) if (NOTIFICATION_TYPES.includes(row.type)) defaults[row.type] = row.delivery;
  const overrides = await db
    .selectFrom('notification_preferences')
    .innerJoin('spaces', 'spaces.id', 'notification_preferences.space_id')
    .select([
      'spaces.id as spaceId',
      'spaces.name as spaceName',
      'notification_preferences.type as type',
      'notification_preferences.delivery as delivery',
    ])
    .where('notification_preferences.person_id', '=', viewer.id)
    .where(readableSpacesFilter(db, viewer))
    .orderBy('spaces.name')
    .orderBy('spaces.id')
    .orderBy('notification_preferences.type')
    .execute();
  return { defaults, spaces: overrides };
}
