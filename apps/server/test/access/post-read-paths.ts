import type { Answer } from './probe.ts';
import {
  get,
  hiddenLikeMissing,
  MISSING_PERSON,
  MISSING_SPACE,
  type ReadContext,
  type ReadPath,
  same,
  show,
} from './read-support.ts';
import { canSeeSpace } from './reference-model.ts';
import {
  bookmarks,
  canReadPost,
  canReadRecord,
  commentMarker,
  companyFeed,
  type FeedView,
  fileMarker,
  homeFeed,
  livePosts,
  mentionSuggestions,
  type Post,
  personFeed,
  postMarker,
  recordFeed,
  spaceFeed,
  TOPICS,
  topicFeed,
} from './reference-posts.ts';

/**
 * The read paths of posts and conversation (ACCESS-MODEL.md, "Where content lives"), each compared with
 * reference-posts.ts. Every answer also goes through `get`'s scan, which fails on any marker or id of a
 * post the viewer may not read, whatever the path.
 */

/** A well-formed id that no post has. */
export const MISSING_POST = '01890000-0000-7000-8000-000000000000';

const FEED_LIMIT = 50;

/** Post keys of a page of PostViews (unknown ids are reported by name). */
function keysOf(ctx: ReadContext, a: Answer): string[] {
  const byId = new Map([...ctx.built.postIds].map(([key, id]) => [id, key]));
  return ((a.body?.items ?? []) as Array<{ id: string }>)
    .map((item) => byId.get(item.id) ?? `unknown:${item.id}`)
    .sort();
}

async function checkFeed(
  ctx: ReadContext,
  url: string,
  expected: FeedView,
  missingUrl?: string,
): Promise<string[]> {
  const a = await get(ctx, url);
  if (expected.status === 'not-found')
    return missingUrl
      ? hiddenLikeMissing(ctx, a, missingUrl, `GET ${url}`)
      : a.status === 404
        ? []
        : [`GET ${url}: ${show(a)}, model 404`];
  if (expected.status === 'forbidden')
    return a.status === 403 || a.status === 404 ? [] : [`GET ${url}: ${show(a)}, model 403/404`];
  if (expected.status === 'empty-or-missing') {
    if (a.status === 404) return [];
    if (a.status !== 200) return [`GET ${url}: ${show(a)}, model 200 (empty) or 404`];
    const posts = keysOf(ctx, a);
    return posts.length === 0 ? [] : [`GET ${url}: posts ${JSON.stringify(posts)}, model none`];
  }
  if (a.status !== 200) return [`GET ${url}: ${show(a)}, model 200`];
  const got = keysOf(ctx, a);
  if (expected.status === 'ok')
    return same(got, expected.posts)
      ? []
      : [`GET ${url}: posts ${JSON.stringify(got)}, model ${JSON.stringify(expected.posts)}`];
  const fine =
    expected.required.every((k) => got.includes(k)) && got.every((k) => expected.allowed.includes(k));
  return fine
    ? []
    : [
        `GET ${url}: posts ${JSON.stringify(got)}, model ${JSON.stringify(expected.required)} (at most ${JSON.stringify(expected.allowed)})`,
      ];
}

/** One request per post of the world: readable posts answer 200 (holding `marker`), others like a missing post. */
function perPost(name: string, url: string, marker?: (post: Post) => string): ReadPath {
  return {
    name,
    route: { method: 'GET', url: `/api/v1/posts/:id${url}` },
    async check(ctx) {
      const out: string[] = [];
      const posts = livePosts(ctx.world);
      for (const post of posts) {
        const path = `/api/v1/posts/${ctx.built.postIds.get(post.key)}${url}`;
        const a = await get(ctx, path);
        if (!canReadPost(ctx.world, ctx.viewer, post)) {
          out.push(
            ...(await hiddenLikeMissing(
              ctx,
              a,
              `/api/v1/posts/${MISSING_POST}${url}`,
              `GET ${path} (${post.key})`,
            )),
          );
        } else if (a.status !== 200) out.push(`GET ${path} (${post.key}): ${show(a)}, model 200`);
        else if (marker && !JSON.stringify(a.body).includes(marker(post)))
          out.push(`GET ${path} (${post.key}): ${marker(post)} missing`);
      }
      return { mismatches: out, scenarios: posts.length };
    },
  };
}

export const POST_READ_PATHS: ReadPath[] = [
  perPost('post detail', '', postMarker),
  perPost('post comments', '/comments', commentMarker),
  perPost('post reactions', '/reactions'),
  perPost('post revisions', '/revisions'),
  {
    name: 'company feed',
    route: { method: 'GET', url: '/api/v1/feeds/company' },
    async check(ctx) {
      const url = `/api/v1/feeds/company?limit=${FEED_LIMIT}`;
      return { mismatches: await checkFeed(ctx, url, companyFeed(ctx.world, ctx.viewer)), scenarios: 1 };
    },
  },
  {
    name: 'home feed',
    route: { method: 'GET', url: '/api/v1/feeds/home' },
    async check(ctx) {
      const url = `/api/v1/feeds/home?limit=${FEED_LIMIT}`;
      return { mismatches: await checkFeed(ctx, url, homeFeed(ctx.world, ctx.viewer)), scenarios: 1 };
    },
  },
  {
    name: 'space feed',
    route: { method: 'GET', url: '/api/v1/spaces/:handle/feed' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) {
        const see = canSeeSpace(ctx.world, ctx.viewer, space);
        const url = `/api/v1/spaces/${space.handle}/feed?limit=${FEED_LIMIT}`;
        const missing = `/api/v1/spaces/${MISSING_SPACE}/feed?limit=${FEED_LIMIT}`;
        out.push(...(await checkFeed(ctx, url, spaceFeed(ctx.world, ctx.viewer, space, see), missing)));
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'person feed',
    route: { method: 'GET', url: '/api/v1/people/:handle/feed' },
    async check(ctx) {
      const out: string[] = [];
      for (const person of ctx.world.people) {
        const url = `/api/v1/people/${person.handle}/feed?limit=${FEED_LIMIT}`;
        const missing = `/api/v1/people/${MISSING_PERSON}/feed?limit=${FEED_LIMIT}`;
        out.push(...(await checkFeed(ctx, url, personFeed(ctx.world, ctx.viewer, person), missing)));
      }
      return { mismatches: out, scenarios: ctx.world.people.length };
    },
  },
  {
    name: 'topic feed',
    route: { method: 'GET', url: '/api/v1/topics/:name/feed' },
    async check(ctx) {
      const out: string[] = [];
      for (const topic of TOPICS) {
        const url = `/api/v1/topics/${topic}/feed?limit=${FEED_LIMIT}`;
        out.push(...(await checkFeed(ctx, url, topicFeed(ctx.world, ctx.viewer, topic))));
      }
      return { mismatches: out, scenarios: TOPICS.length };
    },
  },
  {
    name: 'bookmarks',
    route: { method: 'GET', url: '/api/v1/bookmarks' },
    async check(ctx) {
      const url = `/api/v1/bookmarks?limit=${FEED_LIMIT}`;
      const expected: FeedView = { status: 'ok', posts: bookmarks(ctx.world, ctx.viewer) };
      return { mismatches: await checkFeed(ctx, url, expected), scenarios: 1 };
    },
  },
  {
    // Invariant 3: a file URL handed out earlier stops working the moment its post is no longer readable.
    name: 'attachment (link issued before the changes)',
    route: { method: 'GET', url: '/api/v1/files/:id/content' },
    async check(ctx) {
      const out: string[] = [];
      const urls = ctx.built.fileUrls.get(ctx.viewer.handle) ?? new Map<string, string>();
      for (const [key, url] of urls) {
        const post = livePosts(ctx.world).find((p) => p.key === key);
        if (!post) continue;
        const a = await get(ctx, url);
        if (canReadPost(ctx.world, ctx.viewer, post)) {
          if (a.status !== 200 || !String(a.body).includes(fileMarker(post)))
            out.push(`GET the attachment of ${key}: ${show(a)}, model 200 with its text`);
        } else if (a.status !== 404) out.push(`GET the attachment of ${key}: ${show(a)}, model 404`);
      }
      return { mismatches: out, scenarios: urls.size };
    },
  },
  {
    name: 'record page',
    route: { method: 'GET', url: '/api/v1/records/:id' },
    async check(ctx) {
      const id = ctx.built.recordId;
      if (!id) return { mismatches: [], scenarios: 0 };
      const url = `/api/v1/records/${id}`;
      const a = await get(ctx, url);
      const out = canReadRecord(ctx.world, ctx.viewer)
        ? a.status === 200
          ? []
          : [`GET ${url}: ${show(a)}, model 200`]
        : await hiddenLikeMissing(ctx, a, `/api/v1/records/${MISSING_POST}`, `GET ${url}`);
      return { mismatches: out, scenarios: 1 };
    },
  },
  {
    name: 'record feed',
    route: { method: 'GET', url: '/api/v1/records/:id/feed' },
    async check(ctx) {
      const id = ctx.built.recordId;
      if (!id) return { mismatches: [], scenarios: 0 };
      const url = `/api/v1/records/${id}/feed?limit=${FEED_LIMIT}`;
      const missing = `/api/v1/records/${MISSING_POST}/feed?limit=${FEED_LIMIT}`;
      return {
        mismatches: await checkFeed(ctx, url, recordFeed(ctx.world, ctx.viewer), missing),
        scenarios: 1,
      };
    },
  },
  {
    name: 'mention suggestions',
    route: { method: 'GET', url: '/api/v1/mention-suggestions' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) {
        const id = ctx.built.spaceIds.get(space.handle);
        const url = `/api/v1/mention-suggestions?targetType=space&targetId=${id}&q=p`;
        const expected = mentionSuggestions(
          ctx.world,
          ctx.viewer,
          space,
          canSeeSpace(ctx.world, ctx.viewer, space),
        );
        const a = await get(ctx, url);
        if (expected.status !== 'ok') {
          if (a.status !== 404) out.push(`GET ${url} (${space.handle}): ${show(a)}, model 404`);
          continue;
        }
        if (a.status !== 200) {
          out.push(`GET ${url} (${space.handle}): ${show(a)}, model 200`);
          continue;
        }
        const got = ((a.body.items ?? []) as Array<{ handle: string }>)
          .map((p) => p.handle)
          .filter((h) => h !== ctx.viewer.handle)
          .sort();
        if (!same(got, expected.posts))
          out.push(
            `GET ${url} (${space.handle}): ${JSON.stringify(got)}, model ${JSON.stringify(expected.posts)}`,
          );
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
];
