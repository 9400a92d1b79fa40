import type { Kysely } from 'kysely';
import type { Viewer } from '../../src/platform/access/people.ts';
import { canReadPost } from '../../src/platform/access/posts.ts';
import { canReadSpace } from '../../src/platform/access/spaces.ts';
import type { DB, SpacesTable } from '../../src/platform/db/schema.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';

/**
 * A brute-force reference of the feeds, computed in memory from every row of the database: the sources of
 * ADR 0008 spelled out one by one, the post access rule applied to every post (`canReadPost`), deleted and
 * hidden posts left out, newest first. The feeds must page through exactly these ids.
 */
export async function loadSnapshot(db: Kysely<DB>) {
  const [posts, postTopics, spaces, members, follows, feedFollows, feedMutes, shares] = await Promise.all([
    db.selectFrom('posts').selectAll().execute(),
    db.selectFrom('post_topics').selectAll().execute(),
    db.selectFrom('spaces').selectAll().execute(),
    db.selectFrom('space_members').selectAll().execute(),
    db.selectFrom('follows').selectAll().execute(),
    db.selectFrom('feed_follows').selectAll().execute(),
    db.selectFrom('feed_mutes').selectAll().execute(),
    db.selectFrom('record_shares').selectAll().execute(),
  ]);
  const topicsOf = new Map<string, string[]>();
  for (const row of postTopics) topicsOf.set(row.post_id, [...(topicsOf.get(row.post_id) ?? []), row.topic]);
  return {
    posts,
    topicsOf,
    spaces: new Map(spaces.map((s) => [s.id, s])),
    members,
    follows,
    feedFollows,
    feedMutes,
    shares,
  };
}

export type Snapshot = Awaited<ReturnType<typeof loadSnapshot>>;

function readable(snapshot: Snapshot, viewer: Viewer, post: PostsTable): boolean {
  if (post.hidden_at !== null) return false;
  const space: SpacesTable | undefined =
    post.space_id === null ? undefined : snapshot.spaces.get(post.space_id);
  const membership = snapshot.members.find((m) => m.space_id === post.space_id && m.person_id === viewer.id);
  return canReadPost(viewer, post, space, membership);
}

const newestFirst = (posts: PostsTable[]) => posts.map((p) => p.id).sort((a, b) => (a < b ? 1 : -1));

/** Ids of the posts of one feed: readable, live, not hidden, matching `belongs`, newest first. */
export function referenceFeed(snapshot: Snapshot, viewer: Viewer, belongs: (post: PostsTable) => boolean) {
  return newestFirst(snapshot.posts.filter((post) => belongs(post) && readable(snapshot, viewer, post)));
}

/** The home feed by its definition (ADR 0008). */
export function referenceHome(snapshot: Snapshot, viewer: Viewer): string[] {
  const mine = (rows: { person_id: string; target_type: string; target_id: string }[], type: string) =>
    new Set(rows.filter((r) => r.person_id === viewer.id && r.target_type === type).map((r) => r.target_id));
  const mutedSpaces = mine(snapshot.feedMutes, 'space');
  const mutedTopics = mine(snapshot.feedMutes, 'topic');
  const mutedPeople = mine(snapshot.feedMutes, 'person');
  const memberOf = new Set(snapshot.members.filter((m) => m.person_id === viewer.id).map((m) => m.space_id));
  const followedSpaces = [...mine(snapshot.feedFollows, 'space')].filter((id) => {
    const space = snapshot.spaces.get(id);
    const membership = snapshot.members.find((m) => m.space_id === id && m.person_id === viewer.id);
    return space !== undefined && canReadSpace(viewer, space, membership);
  });
  const spaceStreams = new Set(
    [...memberOf, ...followedSpaces].filter((id) => !mutedSpaces.has(id)).map((id) => `space:${id}`),
  );
  const live = { space_id: null, deleted_at: null };
  const wholeStreams =
    canReadPost(viewer, { ...live, target_type: 'company' }, undefined, undefined) &&
    canReadPost(viewer, { ...live, target_type: 'person' }, undefined, undefined);
  if (wholeStreams) {
    spaceStreams.add('company');
    spaceStreams.add(`person:${viewer.id}`);
  }
  const topics = mine(snapshot.feedFollows, 'topic');
  const records = mine(snapshot.feedFollows, 'record');
  const people = new Set(
    snapshot.follows.filter((f) => f.follower_id === viewer.id).map((f) => f.followee_id),
  );
  const sharedInto = (recordId: string) =>
    new Set(snapshot.shares.filter((s) => s.record_id === recordId).map((s) => s.space_id));
  return referenceFeed(snapshot, viewer, (post) => {
    const postTopics = snapshot.topicsOf.get(post.id) ?? [];
    if (mutedPeople.has(post.author_id)) return false;
    if (post.space_id !== null && mutedSpaces.has(post.space_id)) return false;
    if (postTopics.some((t) => mutedTopics.has(t))) return false;
    if (spaceStreams.has(post.stream)) return true;
    if (postTopics.some((t) => topics.has(t))) return true;
    if (people.has(post.author_id)) return true;
    if (post.record_id !== null && records.has(post.record_id)) {
      return (
        viewer.kind === 'member' || (post.space_id !== null && sharedInto(post.record_id).has(post.space_id))
      );
    }
    return false;
  });
}
