import type { Viewer } from '../../platform/access/people.ts';
import { canModeratePost } from '../../platform/access/posts.ts';
import type { Membership } from '../../platform/access/spaces.ts';
import type { AppContext } from '../../platform/context.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { type AttachmentView, attachmentViews } from '../files/attachment-views.ts';
import { type LinkPreviewView, previewViews } from '../link-previews/preview-views.ts';
import type { PersonRow } from '../people/people.repository.ts';
import { type ReactionSummary, reactionSummaries } from '../reactions/reaction-summaries.ts';
import type { SpaceRow } from '../spaces/spaces.repository.ts';
import { membershipsOf } from '../spaces/spaces.repository.ts';
import { type KindViews, kindViews } from './kinds/kind-details.ts';
import {
  bookmarkedAmong,
  peopleByIds,
  type RecordRef,
  readablePostsByIds,
  readableRecordsByIds,
  spacesByIds,
  topicsByPost,
  visiblePeopleIds,
} from './posts.repository.ts';

/** Everything a page of posts shows, loaded with a fixed number of queries whatever the page size. */
export interface PostPageData {
  /** Originals of shared posts that the viewer may read now, by id. */
  originals: Map<string, PostsTable>;
  people: Map<string, PersonRow>;
  /** For external viewers, the people among `people` they may see; undefined means everyone. */
  visiblePeople: Set<string> | undefined;
  spaces: Map<string, SpaceRow>;
  memberships: Map<string, Membership>;
  /** The posts' records the viewer may open: a post names its record only to them. */
  records: Map<string, RecordRef>;
  topics: Map<string, string[]>;
  reactions: Map<string, ReactionSummary>;
  bookmarked: Set<string>;
  attachments: Map<string, AttachmentView[]>;
  previews: Map<string, LinkPreviewView[]>;
  kinds: Map<string, KindViews>;
}

const unique = (values: Array<string | null>): string[] => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

export async function loadPostPageData(
  ctx: AppContext,
  viewer: Viewer,
  rows: readonly PostsTable[],
): Promise<PostPageData> {
  const { db } = ctx;
  // Access to an original is checked again at every read: a share never carries its original further.
  const readableOriginals = await readablePostsByIds(db, viewer, unique(rows.map((r) => r.shared_post_id)));
  const all = [...new Map([...rows, ...readableOriginals].map((p) => [p.id, p])).values()];
  const ids = all.map((p) => p.id);
  const personIds = unique(all.flatMap((p) => [p.author_id, p.profile_id]));
  const spaceIds = unique(all.map((p) => p.space_id));
  const [people, visiblePeople, spaces, roles, records, topics, reactions, bookmarked] = await Promise.all([
    peopleByIds(db, personIds),
    viewer.kind === 'member' ? undefined : visiblePeopleIds(db, viewer, personIds),
    spacesByIds(db, spaceIds),
    membershipsOf(db, viewer.id, spaceIds),
    readableRecordsByIds(db, viewer, unique(all.map((p) => p.record_id))),
    topicsByPost(db, ids),
    reactionSummaries(db, viewer.id, 'post', ids),
    bookmarkedAmong(db, viewer.id, ids),
  ]);
  const memberships = new Map([...roles].map(([spaceId, role]) => [spaceId, { role }]));
  // A hidden original is shown only to those who may see it hidden: its author and its moderators.
  const originals = new Map(
    readableOriginals
      .filter(
        (post) =>
          post.hidden_at === null ||
          post.author_id === viewer.id ||
          canModeratePost(viewer, post, post.space_id === null ? undefined : memberships.get(post.space_id)),
      )
      .map((post) => [post.id, post]),
  );
  const rowIds = new Set(rows.map((r) => r.id));
  const shown = all.filter((p) => rowIds.has(p.id) || originals.has(p.id));
  const shownIds = shown.map((p) => p.id);
  const [attachments, previews, kinds] = await Promise.all([
    attachmentViews(ctx, viewer.id, shownIds),
    previewViews(db, shownIds),
    kindViews(db, viewer, shown),
  ]);
  return {
    originals,
    people,
    visiblePeople,
    spaces,
    memberships,
    records,
    topics,
    reactions,
    bookmarked,
    attachments,
    previews,
    kinds,
  };
}
