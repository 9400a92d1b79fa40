import {
  DIGEST_FREQUENCIES,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_LIMITS,
  NOTIFICATION_TYPES,
} from '@atrium/contracts';
import { Type } from 'typebox';
import { pageSchema } from '../../platform/http/pagination.ts';
import { Id, Nullable } from '../../platform/http/schema-parts.ts';
import { NestedPersonSummary } from '../admin/admin.schema.ts';

const NotificationTypeSchema = Type.Enum(NOTIFICATION_TYPES);
const Delivery = Type.Enum(NOTIFICATION_DELIVERIES);
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const NotificationsQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('unread')])),
    type: Type.Optional(NotificationTypeSchema),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: NOTIFICATION_LIMITS.pageSize.max,
        default: NOTIFICATION_LIMITS.pageSize.default,
      }),
    ),
  },
  { additionalProperties: false },
);

export const NotificationSchema = Type.Object({
  id: Type.String(),
  type: NotificationTypeSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  readAt: Nullable(Type.String()),
  actors: Type.Array(NestedPersonSummary),
  actorCount: Type.Integer(),
  text: Type.String(),
  url: Type.String(),
  excerpt: Nullable(Type.String()),
  space: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  postId: Nullable(Type.String()),
});
export const NotificationPageSchema = pageSchema(NotificationSchema);

export const UnreadCountSchema = Type.Object({ unread: Type.Integer() });

export const PreferencesSchema = Type.Object({
  defaults: Type.Record(Type.String(), Delivery),
  spaces: Type.Array(
    Type.Object({
      spaceId: Type.String(),
      spaceName: Type.String(),
      type: NotificationTypeSchema,
      delivery: Delivery,
    }),
  ),
});

export const PreferenceBody = Type.Object(
  {
    type: NotificationTypeSchema,
    /** null clears the setting (a space override, or back to the type's default). */
    delivery: Nullable(Delivery),
    spaceId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const SettingsSchema = Type.Object({
  digest: Type.Enum(DIGEST_FREQUENCIES),
  digestHour: Type.Integer({ minimum: 0, maximum: 23 }),
  digestWeekday: Type.Integer({ minimum: 1, maximum: 7 }),
  quietStart: Nullable(Type.String()),
  quietEnd: Nullable(Type.String()),
  timeZone: Nullable(Type.String()),
});

export const SettingsBody = Type.Object(
  {
    digest: Type.Optional(Type.Enum(DIGEST_FREQUENCIES)),
    digestHour: Type.Optional(Type.Integer({ minimum: 0, maximum: 23 })),
    digestWeekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    quietStart: Type.Optional(Nullable(TimeOfDay)),
    quietEnd: Type.Optional(Nullable(TimeOfDay)),
    timeZone: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);

export const MutedSchema = Type.Object({ muted: Type.Boolean() });
