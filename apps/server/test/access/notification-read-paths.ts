import { call } from './probe.ts';
import { get, type ReadPath, show } from './read-support.ts';
import { possibleInvitations } from './reference-invitations.ts';
import { canSeePerson, canSeeSpace } from './reference-model.ts';
import { canReadPost } from './reference-posts.ts';

interface NotificationItem {
  id: string;
  type: string;
  readAt: string | null;
  actors: Array<{ handle: string }>;
  postId: string | null;
  space: { id: string; name: string } | null;
}

/**
 * The notification center (ACCESS-MODEL.md invariant 1 for notifications): everything listed is about
 * a post the viewer may read now, names only people they may see and spaces they may see, and the
 * unread count counts exactly the unread ones listed. `get` scans the page for any other leak.
 */
export const NOTIFICATION_READ_PATHS: ReadPath[] = [
  {
    name: 'notifications',
    route: { method: 'GET', url: '/api/v1/notifications' },
    async check(ctx) {
      const url = '/api/v1/notifications?status=all&limit=100';
      // An invitation names its space to the invitee, as their list of invitations does.
      const a = await get(ctx, url, 'invitations');
      if (a.status !== 200) return { mismatches: [`GET ${url}: ${show(a)}, model 200`], scenarios: 1 };
      const items = a.body.items as NotificationItem[];
      const out: string[] = [];
      const { world, built, viewer } = ctx;
      const invited = possibleInvitations(world, viewer);
      for (const item of items) {
        const where = `GET ${url}: ${item.type} ${item.id}`;
        if (item.postId !== null) {
          const post = world.posts.find((p) => built.postIds.get(p.key) === item.postId);
          if (!post) out.push(`${where}: about an unknown post`);
          else if (!canReadPost(world, viewer, post)) out.push(`${where}: about unreadable ${post.key}`);
        }
        for (const actor of item.actors) {
          const person = world.people.find((p) => p.handle === actor.handle);
          if (!person || !canSeePerson(world, viewer, person))
            out.push(`${where}: names ${actor.handle}, whom the viewer may not see`);
        }
        if (item.space !== null) {
          const space = world.spaces.find((s) => built.spaceIds.get(s.handle) === item.space?.id);
          const shown = space && (canSeeSpace(world, viewer, space) || invited.includes(space.handle));
          if (!shown) out.push(`${where}: names a space the viewer may not see (${item.space.id})`);
        }
      }
      if (a.body.nextCursor === null) {
        const count = await call(ctx.app, ctx.session, 'GET', '/api/v1/notifications/unread-count');
        const unread = items.filter((i) => i.readAt === null).length;
        if (count.status !== 200 || count.body.unread !== unread)
          out.push(`GET /api/v1/notifications/unread-count: ${show(count)}, listed unread ${unread}`);
      }
      return { mismatches: out, scenarios: 1 + items.length };
    },
  },
];
