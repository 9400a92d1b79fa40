import type { Viewer } from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { nowIso } from '../../platform/db/time.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { page } from '../../platform/http/pagination.ts';
import { findVisiblePerson } from '../people/load-profile.ts';
import { HandleParams as PersonHandleParams } from '../people/people.schema.ts';
import { actorOf } from '../people/route-helpers.ts';
import { presentPosts } from '../posts/posts.presenter.ts';
import { HandleParams as SpaceHandleParams } from '../spaces/spaces.schema.ts';
import {
  companySource,
  feedWindow,
  personSources,
  readFeed,
  readHomeFeed,
  readsCompanyFeed,
  recordSource,
  spaceSource,
  topicSource,
} from './feed-reads.ts';
import { loadReadableRecord, loadReadableSpace, loadVisibleTopic } from './feed-targets.ts';
import { liveAnnouncements, pinnedPosts } from './feeds.repository.ts';
import {
  AnnouncementsSchema,
  FeedPageSchema,
  FeedQuery,
  RecordIdParams,
  SpaceFeedSchema,
  TopicParams,
} from './feeds.schema.ts';

const tags = ['feeds'];

/** One page of posts (rows hold one more than `limit` when another page follows), presented. */
async function presentPage(ctx: AppContext, viewer: Viewer, rows: PostsTable[], limit: number) {
  const result = page(rows, limit, (row) => [row.id]);
  return { items: await presentPosts(ctx, viewer, result.items), nextCursor: result.nextCursor };
}

/** The feeds, newest first, with keyset pages (`cursor` = the last post of the previous page). */
export function registerFeedRoutes(app: App, ctx: AppContext): void {
  const { db, dialect } = ctx;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/feeds/home',
    auth: 'user',
    schema: {
      tags,
      summary:
        'My home feed: my spaces, spaces, people, topics and records I follow, the company feed (employees), ' +
        'posts on my profile; minus what I muted',
      querystring: FeedQuery,
      response: { 200: FeedPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const window = feedWindow(request.query);
      return presentPage(ctx, actor, await readHomeFeed(db, dialect, actor, window), window.limit);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/feeds/company',
    auth: 'user',
    schema: {
      tags,
      summary: 'The company feed (employees only; 404 for external people)',
      querystring: FeedQuery,
      response: { 200: FeedPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      if (!readsCompanyFeed(actor)) throw notFound();
      const window = feedWindow(request.query);
      return presentPage(
        ctx,
        actor,
        await readFeed(db, dialect, actor, [companySource()], window),
        window.limit,
      );
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/feeds/announcements',
    auth: 'user',
    schema: {
      tags,
      summary: 'Live announcements I may read (pinned until a future date or without an end), newest first',
      response: { 200: AnnouncementsSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return { items: await presentPosts(ctx, actor, await liveAnnouncements(db, actor, nowIso())) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/spaces/:handle/feed',
    auth: 'user',
    schema: {
      tags,
      summary:
        "A space's posts (404 when I may not see the space, 403 when I see only its name); " +
        'the first page also lists its pinned posts',
      params: SpaceHandleParams,
      querystring: FeedQuery,
      response: { 200: SpaceFeedSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const space = await loadReadableSpace(db, actor, request.params.handle);
      const window = feedWindow(request.query);
      const [rows, pinned] = await Promise.all([
        readFeed(db, dialect, actor, [spaceSource(space.id)], window),
        window.before === undefined ? pinnedPosts(db, space.id) : [],
      ]);
      const result = await presentPage(ctx, actor, rows, window.limit);
      return { ...result, pinned: await presentPosts(ctx, actor, pinned) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/topics/:name/feed',
    auth: 'user',
    schema: {
      tags,
      summary: 'Posts carrying a topic that I may read (404 when I may read none)',
      params: TopicParams,
      querystring: FeedQuery,
      response: { 200: FeedPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const topic = await loadVisibleTopic(db, ctx.dialect, actor, request.params.name);
      const window = feedWindow(request.query);
      return presentPage(
        ctx,
        actor,
        await readFeed(db, dialect, actor, [topicSource(topic)], window),
        window.limit,
      );
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/records/:id/feed',
    auth: 'user',
    schema: {
      tags,
      summary:
        "A record's feed: posts about it that I may read (external people: only those in spaces it is shared into)",
      params: RecordIdParams,
      querystring: FeedQuery,
      response: { 200: FeedPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const record = await loadReadableRecord(db, actor, request.params.id);
      const window = feedWindow(request.query);
      const rows = await readFeed(db, dialect, actor, [recordSource(actor, record.id)], window);
      return presentPage(ctx, actor, rows, window.limit);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people/:handle/feed',
    auth: 'user',
    schema: {
      tags,
      summary: "A person's posts and the posts on their profile, those I may read",
      params: PersonHandleParams,
      querystring: FeedQuery,
      response: { 200: FeedPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(db, actor, request.params.handle);
      const window = feedWindow(request.query);
      return presentPage(
        ctx,
        actor,
        await readFeed(db, dialect, actor, personSources(person.id), window),
        window.limit,
      );
    },
  });
}
