import { LIMITS } from '@atrium/contracts';
import { type Static, Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Id, Nullable } from '../../platform/http/schema-parts.ts';
import { ReactionSummarySchema } from '../reactions/reactions.schema.ts';

export { Id, IdParams } from '../../platform/http/schema-parts.ts';

export const CommentBody = Type.String({ minLength: 1, maxLength: LIMITS.commentBody });

export const CreateCommentBody = Type.Object(
  { body: CommentBody, parentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const EditCommentBody = Type.Object({ body: CommentBody }, { additionalProperties: false });
export const HideBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: LIMITS.hideReason })) },
  { additionalProperties: false },
);
export const CommentPageQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const AuthorSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  name: Type.String(),
  avatarUrl: Nullable(Type.String()),
});

const commentFields = {
  id: Type.String(),
  postId: Type.String(),
  parentId: Nullable(Type.String()),
  depth: Type.Integer(),
  /** Null for a deleted comment (it keeps its place while it has replies). */
  author: Nullable(AuthorSchema),
  /** The markdown source, for its author only (to edit it). */
  body: Nullable(Type.String()),
  /** Null when deleted, or hidden from this viewer. */
  bodyHtml: Nullable(Type.String()),
  createdAt: Type.String(),
  editedAt: Nullable(Type.String()),
  deleted: Type.Boolean(),
  hidden: Type.Boolean(),
  reactions: ReactionSummarySchema,
  /** Direct replies shown in the thread (live ones, and deleted ones that still have replies). */
  replyCount: Type.Integer(),
  /**
   * After the first replies included here, where `GET /comments/{id}/replies?cursor=` continues; null
   * when every reply is included, or when none were loaded at this depth ("continue thread" then starts
   * that list from the beginning).
   */
  repliesCursor: Nullable(Type.String()),
  abilities: Type.Object({
    edit: Type.Boolean(),
    delete: Type.Boolean(),
    hide: Type.Boolean(),
    react: Type.Boolean(),
    reply: Type.Boolean(),
  }),
};

/** A comment without its replies loaded (`replies` is empty). */
export const CommentSchema = Type.Object({ ...commentFields, replies: Type.Array(Type.Unknown()) });
/** A comment with one level of replies. */
export const CommentWithRepliesSchema = Type.Object({ ...commentFields, replies: Type.Array(CommentSchema) });
/** A top-level comment with two levels of replies. */
export const ThreadSchema = Type.Object({ ...commentFields, replies: Type.Array(CommentWithRepliesSchema) });

export const ThreadPageSchema = pageSchema(ThreadSchema);
export const RepliesPageSchema = pageSchema(CommentWithRepliesSchema);

export const RevisionSchema = Type.Object({
  id: Type.String(),
  /** The body as it was before the edit (markdown source), and rendered without mention links. */
  body: Type.String(),
  bodyHtml: Type.String(),
  editor: Nullable(AuthorSchema),
  createdAt: Type.String(),
});
export const RevisionPageSchema = pageSchema(RevisionSchema);

export type CommentView = Static<typeof CommentSchema> & { replies: CommentView[] };
export type AuthorView = Static<typeof AuthorSchema>;
