import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-parts.ts';
import { PersonSummarySchema } from '../people/people.schema.ts';
import { PostPageSchema, PostViewSchema } from '../posts/posts.schema.ts';

/** Record, space and person ids are UUIDv7 text; anything else is a 400 before any lookup. */
export const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});

/** A raw topic as typed (`#Machine_Learning`); normalized by the handler, 400 when not a valid topic. */
export const TopicName = Type.String({ minLength: 1, maxLength: 100 });

export const FeedQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.feedPageSize.max, default: LIMITS.feedPageSize.default }),
    ),
  },
  { additionalProperties: false },
);

export const FeedPageSchema = PostPageSchema;

/** A space's feed: its pinned posts lead the first page (and also stand at their place in `items`). */
export const SpaceFeedSchema = Type.Object({
  items: Type.Array(PostViewSchema),
  nextCursor: Nullable(Type.String()),
  pinned: Type.Array(PostViewSchema),
});

export const AnnouncementsSchema = Type.Object({ items: Type.Array(PostViewSchema) });

export const TopicParams = Type.Object({ name: TopicName });
export const RecordIdParams = Type.Object({ id: Uuid });

export const TopicQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.topicSuggestions.max,
        default: LIMITS.topicSuggestions.default,
      }),
    ),
  },
  { additionalProperties: false },
);

/** `postCount` is the company-wide total for employees and null for external people (see ADR 0008). */
export const TopicSuggestionSchema = Type.Object({
  name: Type.String(),
  postCount: Nullable(Type.Integer()),
});
export const TopicSuggestionsSchema = Type.Object({ items: Type.Array(TopicSuggestionSchema) });

/** `postCount`: the company-wide total for employees; the posts they may read for external people. */
export const TopicSchema = Type.Object({
  name: Type.String(),
  postCount: Type.Integer(),
  followedByMe: Type.Boolean(),
  mutedByMe: Type.Boolean(),
});

export const MUTE_TYPES = ['space', 'topic', 'person'] as const;
export const MuteParams = Type.Object({
  type: Type.Enum(MUTE_TYPES),
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

const SpaceRef = Type.Object({ id: Type.String(), handle: Type.String(), name: Type.String() });
const RecordRef = Type.Object({ id: Type.String(), name: Type.String() });

export const MyFollowsSchema = Type.Object({
  topics: Type.Array(Type.String()),
  records: Type.Array(RecordRef),
  spaces: Type.Array(SpaceRef),
  mutes: Type.Object({
    spaces: Type.Array(SpaceRef),
    topics: Type.Array(Type.String()),
    people: Type.Array(PersonSummarySchema),
  }),
});
