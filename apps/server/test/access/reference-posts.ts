import {
  canReadSpace,
  canSeePerson,
  isActive,
  isMemberOf,
  type Person,
  personByHandle,
  type Space,
  spaceByHandle,
  type World,
} from './reference-model.ts';

/**
 * The reference model of where content lives (ACCESS-MODEL.md): written from the document, independent
 * of `src/platform/access/posts.ts`.
 *
 * - a post in the company feed, on a profile or on a record is read by employees only;
 * - a post in a space is read by whoever may read the space;
 * - comments, reactions, revisions and attachments go with their post;
 * - a mention links (and reaches) only a person who could read the post when it was written;
 * - a record is seen by employees, and by an external person through a space it was shared into that
 *   they may read; its feed shows them only the posts made there.
 */

export type PostTarget =
  | { type: 'company' }
  | { type: 'space'; space: string }
  | { type: 'person'; person: string }
  /** The world's one record (`World.recordShares` says where it is shared). */
  | { type: 'record' };

export interface Post {
  /** `post0`, `post1`…: also the body's marker (see `postMarker`). */
  key: string;
  target: PostTarget;
  author: string;
  /** The one #topic of the post. */
  topic: string;
  /** A post in a space about the world's record (the record is shared into that space). */
  aboutRecord?: boolean;
  /** The person the body @mentions, if any. */
  mention: string | null;
  /** Whether the mention resolved (a link) when the post was written: filled in by the world builder. */
  mentionLinked?: boolean;
  /** Whether the API accepted the post (its routes may not exist yet). */
  created?: boolean;
  /** People who bookmarked it when they could read it. */
  bookmarkedBy?: string[];
}

/** A token that occurs only in this post's body (or its comment's): found anywhere, it leaked. */
export const postMarker = (post: Post): string => `mk${post.key}zq`;
export const commentMarker = (post: Post): string => `mc${post.key}zq`;
/** The text of the post's attachment. */
export const fileMarker = (post: Post): string => `mf${post.key}zq`;

export const TOPICS = ['ptopica', 'ptopicb'] as const;

export function canReadPost(world: World, viewer: Person, post: Post): boolean {
  if (!isActive(viewer) || !post.created) return false;
  if (post.target.type === 'space')
    return canReadSpace(world, viewer, spaceByHandle(world, post.target.space));
  return viewer.kind === 'member';
}

export const livePosts = (world: World): Post[] => world.posts.filter((p) => p.created);

export const readablePosts = (world: World, viewer: Person): Post[] =>
  livePosts(world).filter((p) => canReadPost(world, viewer, p));

export const keys = (posts: Post[]): string[] => posts.map((p) => p.key).sort();

export type FeedView =
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'ok'; posts: string[] }
  | { status: 'empty-or-missing' }
  /** Home: at least `required`, never anything outside `allowed`. */
  | { status: 'bounded'; required: string[]; allowed: string[] };

export function companyFeed(world: World, viewer: Person): FeedView {
  if (viewer.kind !== 'member') return { status: 'forbidden' };
  return {
    status: 'ok',
    posts: keys(readablePosts(world, viewer).filter((p) => p.target.type === 'company')),
  };
}

export function spaceFeed(world: World, viewer: Person, space: Space, see: boolean): FeedView {
  if (!see) return { status: 'not-found' };
  if (!canReadSpace(world, viewer, space)) return { status: 'forbidden' };
  const inSpace = (p: Post) => p.target.type === 'space' && p.target.space === space.handle;
  return { status: 'ok', posts: keys(readablePosts(world, viewer).filter(inSpace)) };
}

export function personFeed(world: World, viewer: Person, person: Person): FeedView {
  if (!canSeePerson(world, viewer, person)) return { status: 'not-found' };
  const about = (p: Post) =>
    p.author === person.handle || (p.target.type === 'person' && p.target.person === person.handle);
  return { status: 'ok', posts: keys(readablePosts(world, viewer).filter(about)) };
}

/** A topic nobody used where the viewer can read may be unknown (404) or empty. */
export function topicFeed(world: World, viewer: Person, topic: string): FeedView {
  const posts = keys(readablePosts(world, viewer).filter((p) => p.topic === topic));
  return posts.length === 0 ? { status: 'empty-or-missing' } : { status: 'ok', posts };
}

/**
 * Home: it must hold the posts of the viewer's own spaces and, for employees, the company feed; it may
 * hold other readable posts (followed people and topics), never an unreadable one.
 */
export function homeFeed(world: World, viewer: Person): FeedView {
  const readable = readablePosts(world, viewer);
  const required = readable.filter((p) =>
    p.target.type === 'space'
      ? isMemberOf(world, viewer, spaceByHandle(world, p.target.space))
      : p.target.type === 'company',
  );
  return { status: 'bounded', required: keys(required), allowed: keys(readable) };
}

/** Bookmarks: what the viewer bookmarked and may still read. */
export function bookmarks(world: World, viewer: Person): string[] {
  return keys(readablePosts(world, viewer).filter((p) => p.bookmarkedBy?.includes(viewer.handle)));
}

/**
 * Mention suggestions for a post in a space: active people who may read it, and who see the viewer and
 * are seen by them (invariant 4: a mention cannot reach someone who could not otherwise see the author).
 */
export function mentionSuggestions(world: World, viewer: Person, space: Space, see: boolean): FeedView {
  if (!see || !canReadSpace(world, viewer, space)) return { status: 'not-found' };
  const people = world.people.filter(
    (p) =>
      p.handle !== viewer.handle &&
      isActive(p) &&
      canReadSpace(world, p, space) &&
      canSeePerson(world, viewer, p) &&
      canSeePerson(world, p, viewer),
  );
  return { status: 'ok', posts: people.map((p) => p.handle).sort() };
}

/**
 * Whether a mention in this post links its person: they could read it when it was written, and they and
 * the author see each other (invariant 4).
 */
export function mentionResolves(world: World, post: Post): boolean {
  if (post.mention === null) return false;
  // Posts are written while everyone is still active (deactivations come after).
  const person = { ...personByHandle(world, post.mention), status: 'active' as const };
  const author = { ...personByHandle(world, post.author), status: 'active' as const };
  return (
    canReadPost(world, person, { ...post, created: true }) &&
    canSeePerson(world, person, author) &&
    canSeePerson(world, author, person)
  );
}

/** The world's record: employees see it; externals through a readable space it was shared into. */
export function canReadRecord(world: World, viewer: Person): boolean {
  if (!isActive(viewer) || !world.recordCreated) return false;
  if (viewer.kind === 'member') return true;
  return world.recordShares.some((handle) => canReadSpace(world, viewer, spaceByHandle(world, handle)));
}

export function recordFeed(world: World, viewer: Person): FeedView {
  if (!canReadRecord(world, viewer)) return { status: 'not-found' };
  const about = (p: Post) => p.target.type === 'record' || p.aboutRecord === true;
  return { status: 'ok', posts: keys(readablePosts(world, viewer).filter(about)) };
}
