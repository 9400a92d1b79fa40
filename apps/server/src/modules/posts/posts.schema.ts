import { LIMITS, POST_KINDS, POST_TARGET_TYPES, REACTION_KINDS } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Id, Nullable } from '../../platform/http/schema-parts.ts';
import { PersonSummaryFields } from '../admin/admin.schema.ts';
import {
  AnnouncementInput,
  AnnouncementView,
  PollInput,
  PollView,
  PraiseInput,
  PraiseView,
  QuestionView,
} from './kinds/kinds.schema.ts';

export { Id } from '../../platform/http/schema-parts.ts';

const NestedPerson = Type.Object(PersonSummaryFields);

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  url: Type.String(),
  thumbnailUrl: Nullable(Type.String()),
});

export const LinkPreviewSchema = Type.Object({
  url: Type.String(),
  title: Nullable(Type.String()),
  description: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  imageUrl: Nullable(Type.String()),
});

export const PostAbilitiesSchema = Type.Object({
  edit: Type.Boolean(),
  delete: Type.Boolean(),
  hide: Type.Boolean(),
  pin: Type.Boolean(),
  share: Type.Boolean(),
  comment: Type.Boolean(),
  react: Type.Boolean(),
  bookmark: Type.Boolean(),
});

/** Everything a post shows except the post it shares (a shared post never nests further). */
const postProperties = {
  id: Type.String(),
  kind: Type.Enum(POST_KINDS),
  /** Null when the viewer may not see the author (an open community's reader who shares no space with them). */
  author: Nullable(NestedPerson),
  /** Where the post was made; `id` and `handle` are null for the company feed (and `handle` for records). */
  target: Type.Object({
    type: Type.Enum(POST_TARGET_TYPES),
    id: Nullable(Type.String()),
    name: Type.String(),
    handle: Nullable(Type.String()),
  }),
  bodyHtml: Type.String(),
  /** The markdown source, for editing: only its author receives it. */
  body: Nullable(Type.String()),
  createdAt: Type.String(),
  editedAt: Nullable(Type.String()),
  topics: Type.Array(Type.String()),
  reactions: Type.Object({
    counts: Type.Array(Type.Object({ kind: Type.Enum(REACTION_KINDS), count: Type.Integer() })),
    mine: Type.Array(Type.Enum(REACTION_KINDS)),
  }),
  commentCount: Type.Integer(),
  attachments: Type.Array(AttachmentSchema),
  linkPreviews: Type.Array(LinkPreviewSchema),
  /** The record the post is about (its own feed, or a space the record was shared into). */
  record: Nullable(Type.Object({ id: Type.String(), name: Type.String(), typeKey: Type.String() })),
  pinned: Type.Boolean(),
  pinnedAt: Nullable(Type.String()),
  bookmarked: Type.Boolean(),
  /** On the post detail only: whether I muted its thread. */
  threadMuted: Type.Optional(Type.Boolean()),
  /** Only the author and moderators ever receive a hidden post; everyone else gets null here. */
  hidden: Nullable(Type.Object({ at: Type.String(), reason: Nullable(Type.String()) })),
  abilities: PostAbilitiesSchema,
  poll: Type.Optional(PollView),
  praise: Type.Optional(PraiseView),
  announcement: Type.Optional(AnnouncementView),
  question: Type.Optional(QuestionView),
};

export const SharedPostViewSchema = Type.Object(postProperties);
/** Shown instead of a shared post the viewer may not read (any more), or that was deleted. */
export const UnavailablePostSchema = Type.Object({ unavailable: Type.Literal(true) });

export const PostViewSchema = Type.Object({
  ...postProperties,
  sharedPost: Type.Union([SharedPostViewSchema, UnavailablePostSchema, Type.Null()]),
});

export const PostPageSchema = pageSchema(PostViewSchema);

// Requests.

export const PostIdParams = Type.Object({ id: Id });

/** Exactly one target: the company feed, a space, a person's profile or a record. */
export const TargetInput = Type.Union([
  Type.Object({ type: Type.Literal('company') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('space'), id: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('person'), id: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('record'), id: Id }, { additionalProperties: false }),
]);

const Body = Type.String({ maxLength: LIMITS.postBody });

export const CreatePostBody = Type.Object(
  {
    target: TargetInput,
    kind: Type.Optional(Type.Enum(POST_KINDS)),
    body: Body,
    /** A record shared into the target space, that the post is about. */
    recordId: Type.Optional(Id),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: LIMITS.attachmentsPerPost, uniqueItems: true })),
    poll: Type.Optional(PollInput),
    praise: Type.Optional(PraiseInput),
    announcement: Type.Optional(AnnouncementInput),
  },
  { additionalProperties: false },
);

export const UpdatePostBody = Type.Object({ body: Body }, { additionalProperties: false });

export const SharePostBody = Type.Object(
  { target: TargetInput, body: Type.Optional(Body) },
  { additionalProperties: false },
);

export const HideBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: LIMITS.hideReason }) },
  { additionalProperties: false },
);

export const PageOnlyQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const RevisionSchema = Type.Object({
  id: Type.String(),
  /** The body as it was before this edit, rendered (mentions as plain text). */
  bodyHtml: Type.String(),
  editor: Nullable(NestedPerson),
  /** When the edit that replaced this body was made. */
  createdAt: Type.String(),
});
export const RevisionPageSchema = pageSchema(RevisionSchema);

export const MentionQuery = Type.Object(
  {
    targetType: Type.Enum(POST_TARGET_TYPES),
    targetId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: LIMITS.searchQuery })),
  },
  { additionalProperties: false },
);
export const MentionSuggestionsSchema = Type.Object({ items: Type.Array(NestedPerson) });
