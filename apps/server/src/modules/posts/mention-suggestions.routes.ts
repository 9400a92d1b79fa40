import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { presentLiveSummary } from '../people/people.presenter.ts';
import { actorOf } from '../people/route-helpers.ts';
import { liveFieldsOf } from '../presence/person-live.ts';
import { mentionSuggestions } from './mention-suggestions.ts';
import { findReadableTarget } from './post-targets.ts';
import { MentionQuery, MentionSuggestionsSchema } from './posts.schema.ts';

export function registerMentionSuggestionRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mention-suggestions',
    auth: 'user',
    schema: {
      tags: ['posts'],
      summary:
        'Up to 10 active people matching q (name or handle) who may read a post in the target and whom I ' +
        'may see (404 when I may not read the target myself)',
      querystring: MentionQuery,
      response: { 200: MentionSuggestionsSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { targetType, targetId, q } = request.query;
      const target = await findReadableTarget(ctx.db, actor, targetType, targetId);
      if (!target) throw notFound('No such target.');
      const people = await mentionSuggestions(ctx.db, actor, target, q);
      const live = await liveFieldsOf(
        ctx,
        actor,
        people.map((person) => person.id),
      );
      return { items: people.map((person) => presentLiveSummary(person, live)) };
    },
  });
}
