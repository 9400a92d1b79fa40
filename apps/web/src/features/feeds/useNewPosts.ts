import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { dataString, type LiveEvent, useLiveChannels, useLiveEvents } from '../../live/index.ts';
import { postPath } from '../posts/api.ts';
import type { PostView } from '../posts/types.ts';

/** Which live posts may belong to a feed. */
export interface FeedLive {
  /** Channels whose post.created events may belong to the feed, e.g. ['space:<id>']. */
  channels: string[];
  /**
   * For a feed no channel describes exactly (a topic): whether the new post belongs, judged on the
   * post as the API shows it to this person.
   */
  accepts?: (post: PostView) => boolean;
}

/** The feed a post was written to, as a channel name, when the event says (company and space posts). */
function streamOf(data: Record<string, unknown>): string | null {
  const target = dataString(data, 'targetType');
  if (target === 'company') return 'company';
  const spaceId = dataString(data, 'spaceId');
  return target === 'space' && spaceId ? `space:${spaceId}` : null;
}

/**
 * An event reaches a tab once, labelled with the first of its channels the tab listens to; the post's
 * own stream, read from the data, catches those labelled with another one.
 */
function belongs(event: LiveEvent, channels: readonly string[]): boolean {
  const stream = streamOf(event.data);
  return channels.includes(event.channel) || (stream !== null && channels.includes(stream));
}

/**
 * Posts created on the feed's channels since it was loaded, leaving out those it already shows
 * (after a refetch, or a post of one's own which refreshes the feeds anyway).
 */
export function useNewPosts(feedKey: string, live: FeedLive | undefined, shown: ReadonlySet<string>) {
  // The ids belong to one feed: moving to another one starts from nothing.
  const [pending, setPending] = useState<{ feedKey: string; ids: string[] }>({ feedKey, ids: [] });
  const ids = pending.feedKey === feedKey ? pending.ids : [];

  const add = (postId: string) =>
    setPending((current) => {
      const list = current.feedKey === feedKey ? current.ids : [];
      return list.includes(postId) ? current : { feedKey, ids: [...list, postId] };
    });
  const remove = (postId: string) =>
    setPending((current) => ({ feedKey, ids: current.ids.filter((id) => id !== postId) }));

  useLiveChannels(live?.channels ?? []);
  useLiveEvents((event: LiveEvent) => {
    const postId = dataString(event.data, 'postId');
    if (!postId || !live) return;
    if (event.name === 'post.deleted') {
      remove(postId);
      return;
    }
    if (event.name !== 'post.created' || event.data.mine === true) return;
    if (!belongs(event, live.channels)) return;
    const accepts = live.accepts;
    if (!accepts) {
      add(postId);
      return;
    }
    api
      .get<PostView>(postPath(postId))
      .then((post) => {
        if (accepts(post)) add(postId);
      })
      .catch(() => {});
  });

  const fresh = ids.filter((id) => !shown.has(id));
  return { count: fresh.length, clear: () => setPending({ feedKey, ids: [] }) };
}
