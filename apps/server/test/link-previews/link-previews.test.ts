import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { previewUrlHash } from '../../src/modules/link-previews/preview-urls.ts';
import { previewViews } from '../../src/modules/link-previews/preview-views.ts';
import type { StoredEvent } from '../../src/platform/events/outbox.ts';
import { type Session, signedIn } from '../support/factories.ts';
import {
  editPostBody,
  ogPage,
  type PreviewSite,
  startPreviewSite,
  usePreviewSite,
} from '../support/link-preview-site.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let site: PreviewSite;
let author: Session;

beforeAll(async () => {
  site = await startPreviewSite();
  app = await createTestApp();
  usePreviewSite(app, site);
  author = await signedIn(app);
});
afterAll(async () => {
  await app?.close();
  await site?.close();
});
beforeEach(() => {
  site.publicHits.length = 0;
});

const previewRow = (url: string) =>
  app.ctx.db
    .selectFrom('link_previews')
    .selectAll()
    .where('url_hash', '=', previewUrlHash(url))
    .executeTakeFirst();
const linksOf = (postId: string) =>
  app.ctx.db.selectFrom('post_links').selectAll().where('post_id', '=', postId).orderBy('position').execute();

async function postWith(body: string) {
  const post = await buildPost(app, author, { body });
  await app.drainEvents();
  return post;
}

describe('link previews of new and edited posts', () => {
  it('fetches OpenGraph metadata through the guard, caches it per URL and links it to the post', async () => {
    site.pages.set('/launch', {
      body: ogPage(
        'Launch day',
        '<meta property="og:description" content="We shipped."><meta property="og:site_name" content="News"><meta property="og:image" content="https://cdn.example/cover.png">',
      ),
    });
    const url = site.url('/launch');
    const post = await postWith(`Read [this](${url}#top) and \`${site.url('/in-code')}\``);

    expect(await previewRow(url)).toMatchObject({
      url,
      status: 'ok',
      title: 'Launch day',
      description: 'We shipped.',
      site_name: 'News',
      image_url: 'https://cdn.example/cover.png',
    });
    expect(await linksOf(post.id)).toEqual([
      { post_id: post.id, url_hash: previewUrlHash(url), position: 0 },
    ]);
    expect(site.publicHits).toEqual(['/launch']);
    expect((await previewViews(app.ctx.db, [post.id])).get(post.id)).toEqual([
      {
        url,
        title: 'Launch day',
        description: 'We shipped.',
        siteName: 'News',
        imageUrl: 'https://cdn.example/cover.png',
      },
    ]);

    // Another post with the same page uses the cache.
    const again = await postWith(`Also ${url}`);
    expect(site.publicHits).toEqual(['/launch']);
    expect((await previewViews(app.ctx.db, [again.id])).get(again.id)).toHaveLength(1);
  });

  it('refuses loopback, private, link-local and metadata addresses in every encoding, without connecting', async () => {
    const port = site.port;
    const refused = [
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/mapped-hex`,
      `http://127.0.0.1:${port}/`,
      `http://2130706433:${port}/decimal`,
      `http://0x7f000001:${port}/hex`,
      `http://127.1:${port}/short`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://10.0.0.1/',
      `http://secret.internal.example:${port}/dns`,
      `http://localhost:${port}/`,
      `http://news.example:6379/`,
    ];
    site.pages.set('/bounce', { status: 302, location: `http://127.0.0.1:${port}/after-redirect`, body: '' });
    refused.push(site.url('/bounce'));

    const posts = [];
    for (let i = 0; i < refused.length; i += 3)
      posts.push(await postWith(refused.slice(i, i + 3).join('\n\n')));
    for (const url of refused) {
      const row = await previewRow(new URL(url).href);
      expect(row, url).toMatchObject({
        status: 'refused',
        title: null,
        description: null,
        site_name: null,
        image_url: null,
      });
    }
    expect(site.privateHits).toEqual([]);
    expect(site.publicHits).toEqual(['/bounce']);
    const views = await previewViews(
      app.ctx.db,
      posts.map((p) => p.id),
    );
    expect([...views.values()].flat()).toEqual([]);
    // The post still records its links: an edit or a later post may find them fetchable.
    expect(await linksOf(posts[0]?.id ?? '')).toHaveLength(3);
  });

  it('records failures (missing page, not HTML, no metadata) and shows nothing for them', async () => {
    site.pages.set('/data.json', { type: 'application/json', body: '{"title":"x"}' });
    site.pages.set('/bare', { body: '<html><body>No head at all</body></html>' });
    const urls = [site.url('/gone'), site.url('/data.json'), site.url('/bare')];
    const post = await postWith(urls.join(' '));
    for (const url of urls) expect((await previewRow(url))?.status, url).toBe('failed');
    expect((await previewViews(app.ctx.db, [post.id])).get(post.id)).toEqual([]);
  });

  it('follows an edit: new links are fetched, removed ones unlinked', async () => {
    site.pages.set('/first', { body: ogPage('First') });
    site.pages.set('/second', { body: ogPage('Second') });
    const post = await postWith(`See ${site.url('/first')}`);
    await editPostBody(app, post.id, author.person.id, `Now see ${site.url('/second')}`);
    await app.drainEvents();
    const titles = async () =>
      ((await previewViews(app.ctx.db, [post.id])).get(post.id) ?? []).map((v) => v.title);
    expect(await titles()).toEqual(['Second']);

    // The post.created delivery runs again (at least once): it reads the current body, so nothing changes.
    await redeliver('post.created', post.id);
    expect(await titles()).toEqual(['Second']);

    await editPostBody(app, post.id, author.person.id, 'No links any more');
    await app.drainEvents();
    expect(await linksOf(post.id)).toEqual([]);
    expect(await titles()).toEqual([]);
  });

  it('does not let a delivery that read an older body overwrite the links of a newer edit', async () => {
    let open = () => {};
    site.pages.set('/slow', { body: ogPage('Slow'), gate: new Promise<void>((resolve) => (open = resolve)) });
    site.pages.set('/fast', { body: ogPage('Fast') });
    const handler = app.ctx.outbox.handler('link-previews.refresh');
    if (!handler) throw new Error('the link preview handler is not registered');
    const post = await buildPost(app, author, { body: `Slow ${site.url('/slow')}` });
    const created = await storedEvent('post.created', post.id);

    const hit = site.nextHit('/slow');
    const late = handler.handle(created);
    await hit;
    await editPostBody(app, post.id, author.person.id, `Fast ${site.url('/fast')}`);
    await handler.handle(await storedEvent('post.updated', post.id));
    open();
    await late;

    expect((await previewViews(app.ctx.db, [post.id])).get(post.id)?.map((v) => v.title)).toEqual(['Fast']);
    // The slow page is still cached for the next post that links it.
    expect((await previewRow(site.url('/slow')))?.title).toBe('Slow');
  });

  it('retries cleanly: a re-run writes the same rows, and a failed page is fetched again after its TTL', async () => {
    site.pages.set('/flaky', { status: 503, body: '<title>Busy</title>' });
    const url = site.url('/flaky');
    const post = await postWith(`Flaky ${url}`);
    expect((await previewRow(url))?.status).toBe('failed');

    site.pages.set('/flaky', { body: ogPage('Back again') });
    await redeliver('post.created', post.id);
    expect(site.publicHits).toEqual(['/flaky']);
    expect((await previewRow(url))?.status).toBe('failed');

    // An hour later the failure is stale: the next delivery fetches again.
    await app.ctx.db
      .updateTable('link_previews')
      .set({ fetched_at: new Date(Date.now() - 61 * 60_000).toISOString() })
      .where('url_hash', '=', previewUrlHash(url))
      .execute();
    await redeliver('post.created', post.id);
    expect(site.publicHits).toEqual(['/flaky', '/flaky']);
    expect(await previewRow(url)).toMatchObject({ status: 'ok', title: 'Back again' });
    expect(await linksOf(post.id)).toHaveLength(1);
    const previewRows = await app.ctx.db
      .selectFrom('link_previews')
      .select('url')
      .where('url', '=', url)
      .execute();
    expect(previewRows).toHaveLength(1);

    // An ok page is trusted for a day, then refreshed.
    await redeliver('post.created', post.id);
    expect(site.publicHits).toHaveLength(2);
    await app.ctx.db
      .updateTable('link_previews')
      .set({ fetched_at: new Date(Date.now() - 25 * 60 * 60_000).toISOString() })
      .where('url_hash', '=', previewUrlHash(url))
      .execute();
    site.pages.set('/flaky', { body: ogPage('Renamed') });
    await redeliver('post.created', post.id);
    expect(await previewRow(url)).toMatchObject({ status: 'ok', title: 'Renamed' });
  });
});

describe('who sees a preview', () => {
  it('shows it inside the post, so only to people who may read the post', async () => {
    site.pages.set('/roadmap', { body: ogPage('Secret roadmap') });
    const reader = await signedIn(app);
    const outsider = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const space = await buildSpace(app, author, { visibility: 'private' });
    await addMember(app, space, reader);
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: author.headers,
      payload: { target: { type: 'space', id: space.id }, body: `Plan: ${site.url('/roadmap')}` },
    });
    expect(created.statusCode, created.body).toBe(201);
    const postId = created.json().id as string;
    await app.drainEvents();

    const read = (who: Session) =>
      app.app.inject({ method: 'GET', url: `/api/v1/posts/${postId}`, headers: who.headers });
    const seen = await read(reader);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().linkPreviews).toEqual([
      {
        url: site.url('/roadmap'),
        title: 'Secret roadmap',
        description: null,
        siteName: null,
        imageUrl: null,
      },
    ]);
    for (const who of [outsider, guest]) {
      const refused = await read(who);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('Secret roadmap');
    }
  });
});

async function storedEvent(name: 'post.created' | 'post.updated', postId: string): Promise<StoredEvent> {
  const row = await app.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('name', '=', name)
    .where('subject_id', '=', postId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name,
    actorId: row.actor_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    spaceId: row.space_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/** Makes the handler's delivery of an event about this post due again, as after a crash, and runs it. */
async function redeliver(name: 'post.created' | 'post.updated', postId: string): Promise<void> {
  const event = await app.ctx.db
    .selectFrom('events')
    .select('id')
    .where('name', '=', name)
    .where('subject_id', '=', postId)
    .executeTakeFirstOrThrow();
  await app.ctx.db
    .updateTable('event_deliveries')
    .set({ status: 'pending', next_attempt_at: new Date(0).toISOString(), locked_until: null })
    .where('event_id', '=', event.id)
    .where('handler', '=', 'link-previews.refresh')
    .execute();
  await app.drainEvents();
}
