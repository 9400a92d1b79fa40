import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { plantedBug } from '../../platform/access/planted-bugs.ts';
import { readablePostsFilter } from '../../platform/access/posts.ts';
import { visibleSpacesFilter } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/time.ts';

/** Space roles that moderate the posts of their space (as `canModeratePost`). */
const MODERATING_ROLES = ['owner', 'admin', 'moderator'] as const;

/**
 * The notifications a recipient may still be shown, as a where-clause over `notifications`, checked at
 * every read (list, counts, emails, live pushes) rather than when the notification was made:
 * - one about a post only while the recipient may read that post now (`readablePostsFilter`; a hidden
 *   post only for its author and its moderators, as `loadReadablePost`);
 * - one about a space (a join request, an approval) only while the recipient may see the space; an
 *   invitation also while it can still be taken up (pending, unexpired, the space not archived and
 *   admitting them), as their list of invitations shows it, and not once it lapsed in a space they
 *   cannot see.
 * Both are correlated lookups by primary key, so counting a person's unread notifications reads only theirs.
 */
export function shownNotificationsFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'notifications'>();
  if (plantedBug('notifications-skip-access')) return sql<SqlBool>`1 = 1`;
  let readablePost = eb
    .selectFrom('posts')
    .select(sql<number>`1`.as('one'))
    .whereRef('posts.id', '=', 'notifications.post_id')
    .where(readablePostsFilter(db, viewer));
  // Site moderators and admins moderate every post, hidden ones included.
  if (viewer.role !== 'admin' && viewer.role !== 'moderator') {
    readablePost = readablePost.where((p) =>
      p.or([
        p('posts.hidden_at', 'is', null),
        p('posts.author_id', '=', viewer.id),
        p(
          'posts.space_id',
          'in',
          db
            .selectFrom('space_members')
            .select('space_members.space_id')
            .where('space_members.person_id', '=', viewer.id)
            .where('space_members.role', 'in', MODERATING_ROLES),
        ),
      ]),
    );
  }
  const visibleSpace = eb
    .selectFrom('spaces')
    .select(sql<number>`1`.as('one'))
    .whereRef('spaces.id', '=', 'notifications.space_id')
    .where(visibleSpacesFilter(db, viewer));
  let pendingInvitation = eb
    .selectFrom('space_invitations')
    .innerJoin('spaces', 'spaces.id', 'space_invitations.space_id')
    .select(sql<number>`1`.as('one'))
    .whereRef('space_invitations.id', '=', 'notifications.subject_id')
    .where('space_invitations.accepted_at', 'is', null)
    .where('space_invitations.declined_at', 'is', null)
    .where('space_invitations.revoked_at', 'is', null)
    .where('space_invitations.expires_at', '>', nowIso())
    .where('spaces.archived_at', 'is', null);
  if (viewer.kind !== 'member')
    pendingInvitation = pendingInvitation.where('spaces.audience', '=', 'external');
  return eb.and([
    eb.or([eb('notifications.post_id', 'is', null), eb.exists(readablePost)]),
    eb.or([
      eb('notifications.post_id', 'is not', null),
      eb('notifications.space_id', 'is', null),
      eb.and([eb('notifications.type', '=', 'invitation'), eb.exists(pendingInvitation)]),
      eb.exists(visibleSpace),
    ]),
  ]);
}
