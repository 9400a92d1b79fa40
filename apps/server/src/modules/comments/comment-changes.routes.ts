import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { page } from '../../platform/http/pagination.ts';
import { avatarUrlOf } from '../people/people.presenter.ts';
import { actorOf } from '../people/route-helpers.ts';
import { deleteComment } from './commands/delete-comment.ts';
import { editComment } from './commands/edit-comment.ts';
import { setCommentHidden } from './commands/set-comment-hidden.ts';
import { renderRevision } from './comment-body.ts';
import { maySeeBody } from './comments.policy.ts';
import { presentComment } from './comments.presenter.ts';
import { authorsByIds, revisionsOf } from './comments.repository.ts';
import {
  CommentPageQuery,
  CommentSchema,
  EditCommentBody,
  HideBody,
  IdParams,
  RevisionPageSchema,
} from './comments.schema.ts';
import { loadLiveComment } from './load-comment.ts';
import { afterIdOf, commentWriteRate } from './route-helpers.ts';

const tags = ['comments'];

/** Edits, edit history, deletion and moderation of single comments. */
export function registerCommentChangeRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/comments/:id',
    auth: 'user',
    rateLimit: commentWriteRate,
    schema: {
      tags,
      summary: 'Edit my comment (the previous body is kept in its history)',
      params: IdParams,
      body: EditCommentBody,
      response: { 200: CommentSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { comment, context } = await editComment(ctx, {
        actor,
        commentId: request.params.id,
        body: request.body.body,
      });
      return presentComment(ctx.db, actor, context, comment);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/comments/:id/revisions',
    auth: 'user',
    schema: {
      tags,
      summary:
        "A comment's earlier bodies, newest first (withheld while hidden, except from its author and moderators)",
      params: IdParams,
      querystring: CommentPageQuery,
      response: { 200: RevisionPageSchema },
    },
    handler: async (request) => {
      const viewer = actorOf(request);
      const { comment, context } = await loadLiveComment(ctx.db, viewer, request.params.id);
      if (!maySeeBody(viewer, context, comment)) throw forbidden('This comment is hidden.');
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const rows = await revisionsOf(ctx.db, comment.id, afterIdOf(request.query.cursor), limit);
      const result = page(rows, limit, (row) => [row.id]);
      const editors = await authorsByIds(
        ctx.db,
        viewer,
        result.items.flatMap((row) => (row.editor_id ? [row.editor_id] : [])),
      );
      return {
        items: result.items.map((row) => {
          const editor = row.editor_id ? editors.get(row.editor_id) : undefined;
          return {
            id: row.id,
            body: row.body,
            bodyHtml: renderRevision(row.body),
            editor: editor
              ? { id: editor.id, handle: editor.handle, name: editor.name, avatarUrl: avatarUrlOf(editor) }
              : null,
            createdAt: row.created_at,
          };
        }),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/comments/:id',
    auth: 'user',
    rateLimit: commentWriteRate,
    schema: {
      tags,
      summary:
        'Delete a comment (its author, or a moderator of the post: audited); it stays as a placeholder while answered',
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await deleteComment(ctx, {
        actor: actorOf(request),
        commentId: request.params.id,
        ip: request.ip ?? null,
      });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/comments/:id/hidden',
    auth: 'user',
    rateLimit: commentWriteRate,
    schema: {
      tags,
      summary:
        'Hide a comment (moderators of the post; audited; idempotent); the reason goes to the audit log',
      params: IdParams,
      body: HideBody,
      response: { 200: CommentSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { comment, context } = await setCommentHidden(ctx, {
        actor,
        commentId: request.params.id,
        hidden: true,
        reason: request.body.reason,
        ip: request.ip ?? null,
      });
      return presentComment(ctx.db, actor, context, comment);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/comments/:id/hidden',
    auth: 'user',
    rateLimit: commentWriteRate,
    schema: {
      tags,
      summary: 'Show a hidden comment again (moderators of the post; audited; idempotent)',
      params: IdParams,
      response: { 200: CommentSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { comment, context } = await setCommentHidden(ctx, {
        actor,
        commentId: request.params.id,
        hidden: false,
        ip: request.ip ?? null,
      });
      return presentComment(ctx.db, actor, context, comment);
    },
  });
}
