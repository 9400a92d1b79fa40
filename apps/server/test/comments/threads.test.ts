import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadThreads,
  presentThreads,
  REPLIES_PER_LEVEL,
} from '../../src/modules/comments/comments.presenter.ts';
import { topLevelComments } from '../../src/modules/comments/comments.repository.ts';
import { loadReadablePost } from '../../src/modules/comments/post-context.ts';
import {
  type ConversationWorld,
  call,
  comment,
  conversationWorld,
  insertPost,
} from '../support/conversation-factories.ts';
import type { Session } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let w: ConversationWorld;

beforeAll(async () => {
  app = await createTestApp();
  w = await conversationWorld(app);
});
afterAll(async () => {
  await app.close();
});

interface View {
  id: string;
  body: string | null;
  bodyHtml: string | null;
  author: { id: string } | null;
  deleted: boolean;
  hidden: boolean;
  replyCount: number;
  repliesCursor: string | null;
  replies: View[];
  abilities: Record<string, boolean>;
}

const list = async (who: Session | undefined, postId: string, query = '') =>
  call(app, who, 'GET', `/api/v1/posts/${postId}/comments${query}`);
const replies = async (who: Session | undefined, commentId: string, query = '') =>
  call(app, who, 'GET', `/api/v1/comments/${commentId}/replies${query}`);
const texts = (views: View[]) => views.map((v) => v.bodyHtml?.replace(/<\/?p>/g, '') ?? null);

/** A post with a deep, wide thread: T1 has R1..R5; R1 has S1..S4; S1 has U1. */
async function buildThread() {
  const target = await insertPost(app, w.owner);
  const top = [];
  for (const n of [1, 2, 3, 4]) top.push(await comment(app, w.owner, target.id, `T${n}`));
  const t1 = top[0]?.id ?? '';
  const level1 = [];
  for (const n of [1, 2, 3, 4, 5]) level1.push(await comment(app, w.employee, target.id, `R${n}`, t1));
  const r1 = level1[0]?.id ?? '';
  const level2 = [];
  for (const n of [1, 2, 3, 4]) level2.push(await comment(app, w.owner, target.id, `S${n}`, r1));
  const s1 = level2[0]?.id ?? '';
  const u1 = await comment(app, w.employee, target.id, 'U1', s1);
  return { target, top, level1, level2, u1 };
}

describe('GET /posts/{id}/comments', () => {
  it('401 anonymous; 400 for a bad cursor or limit; 404 for missing and unreadable posts', async () => {
    expect((await list(undefined, w.posts.company.id)).statusCode).toBe(401);
    for (const query of ['?cursor=nope', '?limit=0', '?limit=101', '?extra=1']) {
      expect((await list(w.owner, w.posts.company.id, query)).statusCode, query).toBe(400);
    }
    expect((await list(w.owner, 'no-such-post')).statusCode).toBe(404);
    expect((await list(w.external, w.posts.company.id)).statusCode).toBe(404);
    expect((await list(w.external, w.posts.internalOpen.id)).statusCode).toBe(404);
    expect((await list(w.employee, w.posts.internalPrivate.id)).statusCode).toBe(404);
    expect((await list(w.external, w.posts.community.id)).statusCode).toBe(200);
  });

  it('shows two levels of replies (the first few each), then "continue thread"', async () => {
    const { target, level1, level2 } = await buildThread();
    const first = await list(w.employee, target.id, '?limit=3');
    expect(first.statusCode).toBe(200);
    const page: { items: View[]; nextCursor: string | null } = first.json();
    expect(texts(page.items)).toEqual(['T1', 'T2', 'T3']);
    const [t1, t2] = page.items;
    expect(t2?.replies).toEqual([]);
    expect(t2?.replyCount).toBe(0);
    expect(t1?.replyCount).toBe(5);
    expect(texts(t1?.replies ?? [])).toEqual(['R1', 'R2', 'R3']);
    expect(t1?.repliesCursor).toEqual(expect.any(String));
    const r1 = t1?.replies[0];
    expect(r1?.replyCount).toBe(4);
    expect(texts(r1?.replies ?? [])).toEqual(['S1', 'S2', 'S3']);
    const s1 = r1?.replies[0];
    // The third level is not loaded: replyCount says there is more, the client continues the thread.
    expect(s1).toMatchObject({ replyCount: 1, replies: [], repliesCursor: null });
    expect(r1?.replies[1]).toMatchObject({ replyCount: 0, replies: [], repliesCursor: null });

    const second = await list(w.employee, target.id, `?limit=3&cursor=${page.nextCursor}`);
    expect(texts(second.json().items)).toEqual(['T4']);
    expect(second.json().nextCursor).toBeNull();

    // Continue after the replies shown, at each level.
    const moreR = await replies(w.employee, t1?.id ?? '', `?cursor=${t1?.repliesCursor}`);
    expect(moreR.statusCode).toBe(200);
    expect(texts(moreR.json().items)).toEqual(['R4', 'R5']);
    const moreS = await replies(w.employee, level1[0]?.id ?? '', `?cursor=${r1?.repliesCursor}`);
    expect(texts(moreS.json().items)).toEqual(['S4']);
    // Continue the thread below the second level: replies with their own one level.
    const deeper = await replies(w.employee, level2[0]?.id ?? '');
    expect(texts(deeper.json().items)).toEqual(['U1']);
    expect(deeper.json().items[0]).toMatchObject({ depth: 3, replies: [] });
    const fromR1 = await replies(w.employee, level1[0]?.id ?? '');
    expect(texts(fromR1.json().items)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(texts(fromR1.json().items[0].replies)).toEqual(['U1']);
  });

  it('GET /comments/{id}/replies pages with a keyset cursor; 401, 400 and 404 like the list', async () => {
    const { top } = await buildThread();
    const t1 = top[0]?.id ?? '';
    const a = await replies(w.owner, t1, '?limit=2');
    expect(texts(a.json().items)).toEqual(['R1', 'R2']);
    const b = await replies(w.owner, t1, `?limit=2&cursor=${a.json().nextCursor}`);
    const c = await replies(w.owner, t1, `?limit=2&cursor=${b.json().nextCursor}`);
    expect(texts(b.json().items)).toEqual(['R3', 'R4']);
    expect(texts(c.json().items)).toEqual(['R5']);
    expect(c.json().nextCursor).toBeNull();
    expect((await replies(undefined, t1)).statusCode).toBe(401);
    expect((await replies(w.owner, t1, '?cursor=%%%')).statusCode).toBe(400);
    expect((await replies(w.owner, 'no-such-comment')).statusCode).toBe(404);
  });

  it('an external person cannot see comments or replies under a post they cannot read (404)', async () => {
    const c = await comment(app, w.owner, w.posts.internalOpen.id, 'internal talk');
    const reply = await comment(app, w.owner, w.posts.internalOpen.id, 'more internal talk', c.id);
    expect((await list(w.external, w.posts.internalOpen.id)).statusCode).toBe(404);
    const probe = await replies(w.external, c.id);
    const missing = await replies(w.external, '0190a0a0-0000-7000-8000-000000000000');
    expect(probe.statusCode).toBe(404);
    expect(probe.json().detail).toBe(missing.json().detail);
    expect((await replies(w.external, reply.id)).statusCode).toBe(404);
    expect((await call(app, w.external, 'GET', `/api/v1/comments/${c.id}/revisions`)).statusCode).toBe(404);
  });

  it('a hidden comment keeps its place; its body is for its author and moderators only', async () => {
    const target = await insertPost(app, w.owner);
    const c = await comment(app, w.employee, target.id, 'rude remark');
    expect((await call(app, w.moderator, 'PUT', `/api/v1/comments/${c.id}/hidden`, {})).statusCode).toBe(200);
    const asOwner: View | undefined = (await list(w.owner, target.id)).json().items[0];
    expect(asOwner).toMatchObject({ id: c.id, hidden: true, body: null, bodyHtml: null });
    expect(asOwner?.abilities).toMatchObject({ react: false, reply: false, edit: false, hide: false });
    const asAuthor: View | undefined = (await list(w.employee, target.id)).json().items[0];
    expect(asAuthor).toMatchObject({ hidden: true, body: 'rude remark' });
    expect(asAuthor?.bodyHtml).toContain('rude remark');
    expect(asAuthor?.abilities).toMatchObject({ edit: false, delete: true });
    const asModerator: View | undefined = (await list(w.moderator, target.id)).json().items[0];
    expect(asModerator?.bodyHtml).toContain('rude remark');
    expect(asModerator?.body).toBeNull();
    expect(asModerator?.abilities).toMatchObject({ hide: true, delete: true });
  });

  it('reads a page with a fixed number of queries, whatever the number of comments and replies', async () => {
    const bigThread = async (topLevel: number) => {
      const target = await insertPost(app, w.owner);
      for (let i = 0; i < topLevel; i++) {
        const top = await comment(app, w.owner, target.id, `top ${i}`);
        for (let j = 0; j < REPLIES_PER_LEVEL + 1; j++) {
          const reply = await comment(app, w.employee, target.id, `reply ${i}.${j}`, top.id);
          await comment(app, w.owner, target.id, `deep ${i}.${j}`, reply.id);
        }
      }
      return target;
    };
    const small = await bigThread(1);
    const big = await bigThread(6);
    const queriesFor = async (postId: string) => {
      let count = 0;
      // Counted per result: transformQuery also sees every composed subquery.
      const counting: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          count += 1;
          return args.result;
        },
      };
      const db = app.ctx.db.withPlugin(counting);
      const context = await loadReadablePost(db, w.employee.person, postId);
      const rows = await topLevelComments(db, postId, undefined, 25);
      const views = await presentThreads(db, w.employee.person, context, await loadThreads(db, rows, 2));
      return { count, views };
    };
    const one = await queriesFor(small.id);
    const many = await queriesFor(big.id);
    expect(many.views).toHaveLength(6);
    expect(many.views[5]?.replies).toHaveLength(REPLIES_PER_LEVEL);
    expect(many.views[5]?.replies[2]?.replies).toHaveLength(1);
    // The post, the page, one query per reply level, authors, and the reaction totals and mine.
    expect(one.count).toBe(7);
    expect(many.count).toBe(one.count);
  });
});
