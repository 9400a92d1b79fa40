import { AVAILABILITIES, NOTIFICATION_LIMITS, PRESENCE_STATES } from '@atrium/contracts';
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-parts.ts';

const Availability = Type.Enum(AVAILABILITIES);
/** 'HH:MM', 24-hour, in the person's time zone. */
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** A status as others see it (null in summaries when the person is simply available). */
export const StatusSchema = Type.Object({
  availability: Availability,
  message: Nullable(Type.String()),
  until: Nullable(Type.String()),
});

export const PresenceSchema = Type.Enum(PRESENCE_STATES);

export const WorkingHoursSchema = Type.Object({
  days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 })),
  start: Type.String(),
  end: Type.String(),
});

/** My own status, with my working hours. */
export const MyStatusSchema = Type.Object({
  availability: Availability,
  message: Nullable(Type.String()),
  until: Nullable(Type.String()),
  workingHours: Nullable(WorkingHoursSchema),
  updatedAt: Nullable(Type.String()),
});

export const StatusBody = Type.Object(
  {
    availability: Availability,
    /** Blank counts as none; whitespace runs (newlines included) fold into one space. */
    message: Type.Optional(Nullable(Type.String({ maxLength: NOTIFICATION_LIMITS.statusMessage }))),
    /** When the status lapses back to available; an ISO date-time in the future. */
    until: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  },
  { additionalProperties: false },
);

export const WorkingHoursBody = Nullable(
  Type.Object(
    {
      days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
      }),
      start: ClockTime,
      end: ClockTime,
    },
    { additionalProperties: false },
  ),
);
