import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { call } from '../people/helpers.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

export { call };

export interface FeedPage {
  items: { id: string; body: string | null; bodyHtml: string; pinned: boolean }[];
  nextCursor: string | null;
  pinned?: { id: string }[];
}

/** GET a feed and return its body (asserting nothing: callers check the status). */
export async function getFeed(app: TestApp, session: Session | undefined, url: string) {
  const res = await call(app, session, 'GET', url);
  return { status: res.statusCode, body: res.json() as FeedPage };
}

/** The ids of a feed's first page (status 200 expected by the caller through `status`). */
export async function feedIds(app: TestApp, session: Session, url: string): Promise<string[]> {
  const res = await call(app, session, 'GET', url);
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
  return (res.json() as FeedPage).items.map((item) => item.id);
}

/** Marks a post deleted or hidden directly (the posts module's own routes have their tests). */
export async function setPostState(
  app: TestApp,
  post: Pick<PostsTable, 'id'>,
  state: { deleted?: boolean; hidden?: boolean },
) {
  await app.ctx.db
    .updateTable('posts')
    .set({
      ...(state.deleted ? { deleted_at: nowIso() } : {}),
      ...(state.hidden ? { hidden_at: nowIso() } : {}),
    })
    .where('id', '=', post.id)
    .execute();
}
