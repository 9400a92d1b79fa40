import { LIMITS } from '@atrium/contracts';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { canReadPost } from '../../platform/access/posts.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import { mergeSources, withHeads } from './feed-merge.ts';
import type { FeedExclusions, FeedSource } from './feed-sources.ts';
import { homeSources } from './home-feed.ts';
import { streamOf } from './stream-heads.ts';

/** Which page: posts older than the cursor's post, `limit` of them. */
export interface FeedWindow {
  before: string | undefined;
  limit: number;
}

const POST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The page a feed query asks for; a cursor that is not one of ours is a 400. */
export function feedWindow(query: { cursor?: string | undefined; limit?: number | undefined }): FeedWindow {
  const limit = query.limit ?? LIMITS.feedPageSize.default;
  const [before] = decodeCursor(query.cursor, 1) ?? [];
  if (before === undefined) return { before: undefined, limit };
  if (typeof before !== 'string' || !POST_ID.test(before)) {
    throw badRequest('The cursor is invalid.', [
      { path: 'query/cursor', message: 'is not a cursor from this API' },
    ]);
  }
  return { before, limit };
}

/** Reads a feed of these sources: `limit + 1` rows, newest first, so the caller knows if a page follows. */
export async function readFeed(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  sources: readonly FeedSource[],
  window: FeedWindow,
  exclusions?: FeedExclusions,
): Promise<PostsTable[]> {
  const request = { before: window.before, take: window.limit + 1, exclusions };
  // A single source is read directly, without looking up its head.
  const headed =
    sources.length === 1 && sources[0] ? [{ source: sources[0], head: '' }] : await withHeads(db, sources);
  return mergeSources(db, dialect, viewer, headed, request);
}

export async function readHomeFeed(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  window: FeedWindow,
): Promise<PostsTable[]> {
  const { sources, exclusions } = await homeSources(db, viewer);
  const request = { before: window.before, take: window.limit + 1, exclusions };
  return mergeSources(db, dialect, viewer, sources, request);
}

/** Whether the viewer reads the company feed (`canReadPost` for a company post): employees only. */
export const readsCompanyFeed = (viewer: Viewer): boolean =>
  canReadPost(viewer, { target_type: 'company', space_id: null, deleted_at: null }, undefined, undefined);

export const companySource = (): FeedSource => ({
  kind: 'stream',
  stream: streamOf({ type: 'company' }),
  verified: true,
});

/** A space the caller checked the viewer may read: its stream needs no per-post check. */
export const spaceSource = (spaceId: string): FeedSource => ({
  kind: 'stream',
  stream: streamOf({ type: 'space', id: spaceId }),
  verified: true,
});

/** A person's page: what they wrote anywhere and what was posted on their profile, each post checked. */
export const personSources = (personId: string): FeedSource[] => [
  { kind: 'author', personId },
  { kind: 'stream', stream: streamOf({ type: 'person', id: personId }), verified: false },
];

/**
 * A record's feed. Employees read every post about it they may read; an external person only the posts
 * made in spaces it is shared into (record-access.ts), still checked post by post.
 */
export const recordSource = (viewer: Viewer, recordId: string): FeedSource => ({
  kind: 'record',
  recordId,
  sharedSpacesOnly: viewer.kind !== 'member',
});

export const topicSource = (topic: string): FeedSource => ({ kind: 'topic', topic });
