import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoOrganization } from '../../src/seed/demo.ts';
import { CONTENT_MARKER, ensureDemoContent } from '../../src/seed/demo-content.ts';
import { ensureDemoNotifications } from '../../src/seed/demo-notifications.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let seconds = 0;
beforeAll(async () => {
  app = await createTestApp({ ATRIUM_DEMO_PASSWORD: 'demo-password-for-tests' });
  const started = Date.now();
  await ensureDemoOrganization(app.ctx, { log: false });
  seconds = (Date.now() - started) / 1000;
}, 120_000);
afterAll(async () => {
  await app.close();
});

const count = async (table: 'posts' | 'comments' | 'reactions' | 'records' | 'record_shares' | 'polls') =>
  Number(
    (
      await app.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo content', () => {
  it('writes about 5,000 posts with comments, reactions, records and every post kind', async () => {
    console.log(`demo organization with content seeded in ${seconds.toFixed(1)} s`);
    const posts = await count('posts');
    expect(posts).toBeGreaterThan(4500);
    expect(posts).toBeLessThan(5600);
    expect(await count('comments')).toBeGreaterThan(posts);
    expect(await count('reactions')).toBeGreaterThan(posts);
    expect(await count('polls')).toBeGreaterThan(10);
    expect(await count('records')).toBeGreaterThan(40);
    expect(await count('record_shares')).toBeGreaterThan(0);
    const kinds = await app.ctx.db.selectFrom('posts').select(['kind', 'target_type']).distinct().execute();
    for (const kind of ['update', 'question', 'poll', 'praise', 'announcement'])
      expect(kinds.some((k) => k.kind === kind)).toBe(true);
    for (const target of ['company', 'space', 'record'])
      expect(kinds.some((k) => k.target_type === target)).toBe(true);
    const accepted = await app.ctx.db
      .selectFrom('posts')
      .select('id')
      .where('kind', '=', 'question')
      .where('accepted_comment_id', 'is not', null)
      .execute();
    expect(accepted.length).toBeGreaterThan(100);
  });

  it('keeps the counters the commands keep: comment counts, reaction totals, poll votes and feed heads', async () => {
    const db = app.ctx.db;
    const mismatches = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
    expect(
      await mismatches(sql`select p.id from posts p
        where p.comment_count != (select count(*) from comments c where c.post_id = p.id)`),
    ).toEqual([]);
    expect(
      await mismatches(sql`select t.subject_id from reaction_totals t
        where t.total != (select count(*) from reactions r where r.subject_type = t.subject_type
          and r.subject_id = t.subject_id and r.kind = t.kind)`),
    ).toEqual([]);
    expect(
      await mismatches(sql`select o.id from poll_options o
        where o.vote_count != (select count(*) from poll_votes v where v.option_id = o.id)`),
    ).toEqual([]);
    // Every space stream's head is its newest post.
    const heads = await sql<{ stream: string; head: string; newest: string }>`
      select h.stream, h.last_post_id as head, (select max(p.id) from posts p where p.stream = h.stream) as newest
      from stream_heads h where h.stream like 'space:%'`.execute(db);
    expect(heads.rows.length).toBeGreaterThan(10);
    expect(heads.rows.filter((r) => r.head !== r.newest)).toEqual([]);
  });

  it('posts about a shared record in a community are in spaces the record was shared into', async () => {
    const strays = await app.ctx.db
      .selectFrom('posts')
      .leftJoin('record_shares', (j) =>
        j
          .onRef('record_shares.record_id', '=', 'posts.record_id')
          .onRef('record_shares.space_id', '=', 'posts.space_id'),
      )
      .select('posts.id')
      .where('posts.target_type', '=', 'space')
      .where('posts.record_id', 'is not', null)
      .where('record_shares.record_id', 'is', null)
      .execute();
    expect(strays).toEqual([]);
  });

  it('runs once: a second call writes nothing', async () => {
    const before = await count('posts');
    expect(await ensureDemoContent(app.ctx)).toBeUndefined();
    expect(await count('posts')).toBe(before);
    const marker = await app.ctx.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', CONTENT_MARKER)
      .executeTakeFirst();
    expect(marker).toBeDefined();
  });
});

describe('demo notifications', () => {
  const signIn = async (email: string) => {
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'demo-password-for-tests' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return (url: string) => app.app.inject({ method: 'GET', url, headers: { cookie } });
  };

  it('gives each demo account a notification center with unread items about posts they can read', async () => {
    for (const email of ['member@demo.atrium.test', 'admin@demo.atrium.test', 'customer@demo.atrium.test']) {
      const get = await signIn(email);
      const list = await get('/api/v1/notifications?status=all&limit=100');
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json().items as Array<{ postId: string | null; text: string }>;
      expect(items.length, email).toBeGreaterThan(0);
      for (const item of items.slice(0, 5)) {
        expect(item.text).not.toBe('');
        if (item.postId) expect((await get(`/api/v1/posts/${item.postId}`)).statusCode).toBe(200);
      }
      expect((await get('/api/v1/notifications/unread-count')).json().unread).toBeGreaterThan(0);
    }
  });

  it('runs once: a second call writes nothing', async () => {
    expect(await ensureDemoNotifications(app.ctx, ['member@demo.atrium.test'])).toBe(0);
  });
});
