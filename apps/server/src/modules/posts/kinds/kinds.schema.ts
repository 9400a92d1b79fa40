import { LIMITS, PRAISE_BADGES } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../../platform/http/pagination.ts';
import { NestedPersonSummary } from '../../admin/admin.schema.ts';

/** Request parts for the post kinds other than `update` (used by the create-post body). */
export const PollInput = Type.Object(
  {
    options: Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.pollOption }), {
      minItems: LIMITS.pollOptions.min,
      maxItems: LIMITS.pollOptions.max,
    }),
    multiple: Type.Optional(Type.Boolean()),
    closesAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const PraiseInput = Type.Object(
  {
    recipientIds: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      minItems: 1,
      maxItems: LIMITS.praiseRecipients,
    }),
    badge: Type.Enum(PRAISE_BADGES),
  },
  { additionalProperties: false },
);

export const AnnouncementInput = Type.Object(
  {
    pinnedUntil: Type.Optional(Type.String({ format: 'date-time' })),
    requiresAck: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const PersonRef = Type.Object({ id: Type.String(), handle: Type.String(), name: Type.String() });

/** Response parts: present only on posts of that kind. */
export const PollView = Type.Object({
  multiple: Type.Boolean(),
  closesAt: Type.Union([Type.String(), Type.Null()]),
  closed: Type.Boolean(),
  voterCount: Type.Integer(),
  /** Option ids the viewer voted for. */
  myVotes: Type.Array(Type.String()),
  /** Counts are null until the viewer has voted or the poll has closed. */
  options: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      votes: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});

export const PraiseView = Type.Object({
  badge: Type.Enum(PRAISE_BADGES),
  /** Only recipients the viewer may see. */
  recipients: Type.Array(PersonRef),
});

export const AnnouncementView = Type.Object({
  pinnedUntil: Type.Union([Type.String(), Type.Null()]),
  requiresAck: Type.Boolean(),
  acknowledgedByMe: Type.Boolean(),
  ackCount: Type.Integer(),
});

export const QuestionView = Type.Object({
  acceptedCommentId: Type.Union([Type.String(), Type.Null()]),
});

/** Route parts: voting, accepting an answer, acknowledging an announcement. */
export const PostIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const VoteBody = Type.Object(
  {
    optionIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: LIMITS.pollOptions.max,
    }),
  },
  { additionalProperties: false },
);

export const AcceptedAnswerBody = Type.Object(
  { commentId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const AcknowledgementsQuery = Type.Object(PageQuery, { additionalProperties: false });

export const AcknowledgementPage = pageSchema(
  Type.Object({ person: NestedPersonSummary, acknowledgedAt: Type.String() }),
);
