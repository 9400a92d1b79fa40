import { LIMITS } from '@atrium/contracts';
import { visiblePeopleFilter } from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ReactionSubject } from '../../platform/db/schema-conversation.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { decodeCursor, page } from '../../platform/http/pagination.ts';
import { perActor } from '../../platform/http/rate-limit.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { actorOf } from '../people/route-helpers.ts';
import { addReaction } from './commands/add-reaction.ts';
import { removeReaction } from './commands/remove-reaction.ts';
import { type ReactionSummary, reactionSummaries } from './reaction-summaries.ts';
import { loadReactionTarget } from './reaction-target.ts';
import { reactorsOf } from './reactions.repository.ts';
import {
  ReactionParams,
  ReactionSummarySchema,
  ReactorPageSchema,
  ReactorsQuery,
  SubjectParams,
} from './reactions.schema.ts';

const tags = ['reactions'];

const reactionRate = perActor('reaction-write', 300);

const SUBJECTS: ReadonlyArray<{ type: ReactionSubject; path: string }> = [
  { type: 'post', path: 'posts' },
  { type: 'comment', path: 'comments' },
];

/** Keyset position from a (kind, personId) cursor. */
const afterOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, 2);
  return key ? { kind: String(key[0]), personId: String(key[1]) } : undefined;
};

/**
 * The reactions module: a fixed set of kinds (REACTION_KINDS), one of each per person per post or
 * comment. PUT and DELETE are idempotent and both answer 200 with the subject's reaction summary, whether
 * or not they changed anything (reacting twice keeps one reaction). Who reacted is listed only to readers
 * of the post, and only the people the viewer may see.
 */
export function registerReactions(app: App, ctx: AppContext): void {
  const summaryOf = async (viewerId: string, type: ReactionSubject, id: string): Promise<ReactionSummary> =>
    (await reactionSummaries(ctx.db, viewerId, type, [id])).get(id) ?? { counts: [], mine: [] };

  for (const { type, path } of SUBJECTS) {
    defineRoute(app, {
      method: 'PUT',
      url: `/api/v1/${path}/:id/reactions/:kind`,
      auth: 'user',
      rateLimit: reactionRate,
      schema: {
        tags,
        summary: `React to a ${type} I may read (idempotent: reacting twice keeps one reaction)`,
        params: ReactionParams,
        response: { 200: ReactionSummarySchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const subject = { type, id: request.params.id };
        await addReaction(ctx, { actor, subject, kind: request.params.kind });
        return summaryOf(actor.id, type, subject.id);
      },
    });

    defineRoute(app, {
      method: 'DELETE',
      url: `/api/v1/${path}/:id/reactions/:kind`,
      auth: 'user',
      rateLimit: reactionRate,
      schema: {
        tags,
        summary: `Take back my reaction to a ${type} (idempotent)`,
        params: ReactionParams,
        response: { 200: ReactionSummarySchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const subject = { type, id: request.params.id };
        await removeReaction(ctx, { actor, subject, kind: request.params.kind });
        return summaryOf(actor.id, type, subject.id);
      },
    });

    defineRoute(app, {
      method: 'GET',
      url: `/api/v1/${path}/:id/reactions`,
      auth: 'user',
      schema: {
        tags,
        summary: `Who reacted to a ${type} I may read (only people I may see), by kind then person`,
        params: SubjectParams,
        querystring: ReactorsQuery,
        response: { 200: ReactorPageSchema },
      },
      handler: async (request) => {
        const viewer = actorOf(request);
        const subject = { type, id: request.params.id };
        await loadReactionTarget(ctx.db, viewer, subject);
        const { kind, cursor } = request.query;
        const limit = request.query.limit ?? LIMITS.pageSize.default;
        const rows = await reactorsOf(ctx.db, subject, visiblePeopleFilter(viewer), {
          kind,
          after: afterOf(cursor),
          limit,
        });
        const result = page(rows, limit, (row) => [row.reaction_kind, row.id]);
        return {
          items: result.items.map((row) => ({
            person: presentSummary(row),
            kind: row.reaction_kind,
            createdAt: row.reacted_at,
          })),
          nextCursor: result.nextCursor,
        };
      },
    });
  }
}
