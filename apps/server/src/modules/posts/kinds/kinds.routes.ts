import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import { type Viewer, visiblePeopleFilter } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import { type App, defineRoute } from '../../../platform/http/define-route.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, page } from '../../../platform/http/pagination.ts';
import { perActor } from '../../../platform/http/rate-limit.ts';
import { presentSummary } from '../../people/people.presenter.ts';
import { actorOf } from '../../people/route-helpers.ts';
import { acknowledgeAnnouncement } from './commands/acknowledge-announcement.ts';
import { setAcceptedAnswer } from './commands/set-accepted-answer.ts';
import { voteInPoll } from './commands/vote-in-poll.ts';
import { mayListAcknowledgements } from './kind-rules.ts';
import { announcementViews, pollViews } from './kind-views.ts';
import { listAcknowledgements } from './kinds.repository.ts';
import {
  AcceptedAnswerBody,
  AcknowledgementPage,
  AcknowledgementsQuery,
  AnnouncementView,
  PollView,
  PostIdParams,
  QuestionView,
  VoteBody,
} from './kinds.schema.ts';
import { assertKind, loadReadablePost } from './load-post.ts';

const tags = ['posts'];

const writeRate = (name: string) => perActor(name, 120);

/** Routes of the post kinds: poll votes, accepted answers and announcement acknowledgements. */
export function registerPostKindRoutes(app: App, ctx: AppContext): void {
  const presentPoll = async (viewer: Viewer, postId: string) => {
    const view = (await pollViews(ctx.db, viewer, [{ id: postId }])).get(postId);
    if (!view) throw notFound('No such post.');
    return view;
  };

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/vote',
    auth: 'user',
    rateLimit: writeRate('poll-vote'),
    schema: {
      tags,
      summary: 'Vote in a poll, replacing my earlier vote (one option, or several in a multiple-choice poll)',
      params: PostIdParams,
      body: VoteBody,
      response: { 200: PollView },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const post = await voteInPoll(ctx, {
        actor,
        postId: request.params.id,
        optionIds: request.body.optionIds,
      });
      return presentPoll(actor, post.id);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id/vote',
    auth: 'user',
    rateLimit: writeRate('poll-vote'),
    schema: {
      tags,
      summary: 'Take back my vote while the poll is open',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await voteInPoll(ctx, { actor: actorOf(request), postId: request.params.id, optionIds: [] });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/accepted-answer',
    auth: 'user',
    schema: {
      tags,
      summary: 'Accept a comment as the answer to a question (the asker or a moderator)',
      params: PostIdParams,
      body: AcceptedAnswerBody,
      response: { 200: QuestionView },
    },
    handler: async (request) => ({
      acceptedCommentId: await setAcceptedAnswer(ctx, {
        actor: actorOf(request),
        postId: request.params.id,
        commentId: request.body.commentId,
      }),
    }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/posts/:id/accepted-answer',
    auth: 'user',
    schema: {
      tags,
      summary: 'Withdraw the accepted answer of a question (the asker or a moderator)',
      params: PostIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await setAcceptedAnswer(ctx, { actor: actorOf(request), postId: request.params.id, commentId: null });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/posts/:id/acknowledgement',
    auth: 'user',
    rateLimit: writeRate('announcement-ack'),
    schema: {
      tags,
      summary: 'Acknowledge an announcement that asks for it (idempotent)',
      params: PostIdParams,
      response: { 200: AnnouncementView },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const post = await acknowledgeAnnouncement(ctx, { actor, postId: request.params.id });
      const view = (await announcementViews(ctx.db, actor, [post])).get(post.id);
      if (!view) throw notFound('No such post.');
      return view;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/posts/:id/acknowledgements',
    auth: 'user',
    schema: {
      tags,
      summary: 'Who acknowledged an announcement, in order (its author, admins of its space, site admins)',
      params: PostIdParams,
      querystring: AcknowledgementsQuery,
      response: { 200: AcknowledgementPage },
    },
    handler: async (request) => {
      const viewer = actorOf(request);
      const { post, membership } = await loadReadablePost(ctx.db, viewer, request.params.id);
      assertKind(post, 'announcement');
      if (!mayListAcknowledgements(viewer, post, membership)) {
        throw forbidden('Only the author and admins see who acknowledged.');
      }
      const { cursor, limit = LIMITS.pageSize.default } = request.query;
      const key = decodeCursor(cursor, 2);
      const rows = await listAcknowledgements(ctx.db, post.id, visiblePeopleFilter(viewer), {
        after: key ? { at: String(key[0]), personId: String(key[1]) } : undefined,
        limit,
      });
      const result = page(rows, limit, (row) => [row.acknowledged_at, row.id]);
      return {
        items: result.items.map((row) => ({
          person: presentSummary(row),
          acknowledgedAt: row.acknowledged_at,
        })),
        nextCursor: result.nextCursor,
      };
    },
  });
}
