import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentViews } from '../../src/modules/files/attachment-views.ts';
import { type FileVariant, signedFileUrl } from '../../src/modules/files/file-urls.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { get, pdfDocument, pngImage, uploadedId } from '../support/files-factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const inFiveMinutes = () => Math.floor(Date.now() / 1000) + 300;
const urlFor = (
  fileId: string,
  viewer: Session,
  variant: FileVariant = 'original',
  expires = inFiveMinutes(),
) => signedFileUrl(app.config.sessionSecret, { fileId, variant, viewerId: viewer.person.id, expires });

async function viewOf(session: Session, fileId: string) {
  const response = await get(app, session, `/api/v1/files/${fileId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { url: string; thumbnailUrl: string | null; postId: string | null };
}

const removeMember = (spaceId: string, personId: string) =>
  app.ctx.db
    .deleteFrom('space_members')
    .where('space_id', '=', spaceId)
    .where('person_id', '=', personId)
    .execute();

describe('GET /api/v1/files/:id and the signed content URL', () => {
  it('answers 401 to anonymous requests and 404 to unknown ids', async () => {
    const me = await signedIn(app);
    const id = await uploadedId(app, me, { name: 'a.txt', type: 'text/plain', data: 'hi' });
    expect((await get(app, undefined, `/api/v1/files/${id}`)).statusCode).toBe(401);
    expect((await get(app, undefined, urlFor(id, me))).statusCode).toBe(401);
    expect((await get(app, me, '/api/v1/files/0190a000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const forged = urlFor('0190a000-0000-7000-8000-000000000000', me);
    expect((await get(app, me, forged)).statusCode).toBe(404);
  });

  it('serves an image inline and its thumbnail, with nosniff, a private cache and the safe name', async () => {
    const me = await signedIn(app);
    const id = await uploadedId(app, me, {
      name: 'Übersicht.png',
      type: 'image/png',
      data: await pngImage(800, 400),
    });
    const view = await viewOf(me, id);
    expect(view).toMatchObject({
      id,
      name: 'Übersicht.png',
      mimeType: 'image/png',
      width: 800,
      height: 400,
      postId: null,
    });
    expect(view.url).toMatch(
      new RegExp(`^/api/v1/files/${id}/content\\?variant=original&expires=\\d+&signature=[\\w-]{43}$`),
    );

    const original = await get(app, me, view.url);
    expect(original.statusCode).toBe(200);
    expect(
      original.rawPayload.equals(
        (await app.ctx.storage.get(`attachments/${id}/original`)) ?? Buffer.alloc(0),
      ),
    ).toBe(true);
    expect(original.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="_bersicht.png"; filename*=UTF-8''%C3%9Cbersicht.png`,
    });
    expect(original.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(original.headers['content-security-policy']).toContain('sandbox');

    const thumbnail = await get(app, me, view.thumbnailUrl ?? '');
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(thumbnail.headers['content-disposition']).toBe(
      `inline; filename="_bersicht.webp"; filename*=UTF-8''%C3%9Cbersicht.webp`,
    );
  });

  it('serves documents as attachments, text with its charset, and has no thumbnail for them', async () => {
    const me = await signedIn(app);
    const pdf = await viewOf(
      me,
      await uploadedId(app, me, { name: 'q3 report.pdf', type: 'application/pdf', data: pdfDocument }),
    );
    expect(pdf.thumbnailUrl).toBeNull();
    const download = await get(app, me, pdf.url);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="q3 report.pdf"; filename*=UTF-8''q3%20report.pdf`,
    );
    const textId = await uploadedId(app, me, { name: 'notes.md', type: 'text/markdown', data: '# hi' });
    const text = await get(app, me, (await viewOf(me, textId)).url);
    expect(text.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(text.headers['content-disposition']).toMatch(/^attachment;/);
    expect(text.body).toBe('# hi');
    expect((await get(app, me, urlFor(textId, me, 'thumbnail'))).statusCode).toBe(404);
  });

  it('refuses a tampered (403), someone else’s (403) or expired (410) URL, and malformed queries (400)', async () => {
    const me = await signedIn(app);
    const other = await signedIn(app);
    const id = await uploadedId(app, me, { name: 'a.png', type: 'image/png', data: await pngImage(20, 20) });
    const { url } = await viewOf(me, id);
    const signature = new URL(url, 'http://x').searchParams.get('signature') ?? '';
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const tampered = [
      url.replace(`signature=${signature}`, `signature=${flipped}`),
      url.replace('variant=original', 'variant=thumbnail'),
      url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 60}`),
      url.replace(id, '0190a000-0000-7000-8000-000000000000'),
    ];
    for (const bad of tampered) {
      const response = await get(app, me, bad);
      expect(response.statusCode, bad).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    expect((await get(app, other, url)).statusCode).toBe(403);

    const expired = await get(app, me, urlFor(id, me, 'original', Math.floor(Date.now() / 1000) - 1));
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired/);

    for (const query of [
      '',
      '?variant=original&expires=1',
      '?variant=big&expires=1&signature=abc',
      '?variant=original&expires=x&signature=abc',
    ]) {
      expect((await get(app, me, `/api/v1/files/${id}/content${query}`)).statusCode, query).toBe(400);
    }
  });

  it('keeps an unattached upload to its owner', async () => {
    const me = await signedIn(app);
    const other = await signedIn(app);
    const id = await uploadedId(app, me, { name: 'a.txt', type: 'text/plain', data: 'mine' });
    expect((await get(app, other, `/api/v1/files/${id}`)).statusCode).toBe(404);
    expect((await get(app, other, urlFor(id, other))).statusCode).toBe(404);
  });
});

describe('access follows the post, on every download', () => {
  it('a removed member gets 404 with the URL issued while they were a member', async () => {
    const owner = await signedIn(app);
    const member = await signedIn(app);
    const space = await buildSpace(app, owner, { visibility: 'private' });
    await addMember(app, space, member);
    const id = await uploadedId(app, owner, { name: 'plan.pdf', type: 'application/pdf', data: pdfDocument });
    const post = await buildPost(app, owner, {
      target: { type: 'space', id: space.id },
      attachmentIds: [id],
    });

    const issued = await viewOf(member, id);
    expect(issued.postId).toBe(post.id);
    expect((await get(app, member, issued.url)).statusCode).toBe(200);

    await removeMember(space.id, member.person.id);
    const after = await get(app, member, issued.url);
    expect(after.statusCode).toBe(404);
    expect(after.json().code).toBe('not_found');
    expect((await get(app, member, `/api/v1/files/${id}`)).statusCode).toBe(404);
    // The owner of the file is unaffected.
    expect((await get(app, owner, (await viewOf(owner, id)).url)).statusCode).toBe(200);
  });

  it('an external person gets 404 for company posts and for a space after leaving it, even with signed URLs', async () => {
    const employee = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const companyFile = await uploadedId(app, employee, {
      name: 'a.png',
      type: 'image/png',
      data: await pngImage(10, 10),
    });
    await buildPost(app, employee, { attachmentIds: [companyFile] });
    expect((await viewOf(employee, companyFile)).postId).not.toBeNull();
    expect((await get(app, guest, `/api/v1/files/${companyFile}`)).statusCode).toBe(404);
    expect((await get(app, guest, urlFor(companyFile, guest))).statusCode).toBe(404);
    expect((await get(app, guest, urlFor(companyFile, guest, 'thumbnail'))).statusCode).toBe(404);

    const community = await buildSpace(app, employee, { audience: 'external', visibility: 'private' });
    await addMember(app, community, guest);
    const shared = await uploadedId(app, employee, {
      name: 'b.png',
      type: 'image/png',
      data: await pngImage(10, 10),
    });
    await buildPost(app, employee, { target: { type: 'space', id: community.id }, attachmentIds: [shared] });
    const issued = await viewOf(guest, shared);
    expect((await get(app, guest, issued.thumbnailUrl ?? '')).statusCode).toBe(200);
    await removeMember(community.id, guest.person.id);
    expect((await get(app, guest, issued.url)).statusCode).toBe(404);
    expect((await get(app, guest, issued.thumbnailUrl ?? '')).statusCode).toBe(404);
  });

  it('a deleted post takes its files with it; a hidden one leaves them to its author and moderators', async () => {
    const author = await signedIn(app);
    const reader = await signedIn(app);
    const moderator = await signedIn(app, { role: 'moderator' });
    const id = await uploadedId(app, author, { name: 'a.txt', type: 'text/plain', data: 'x' });
    const post = await buildPost(app, author, { attachmentIds: [id] });
    const readerUrl = (await viewOf(reader, id)).url;

    await app.ctx.db
      .updateTable('posts')
      .set({ hidden_at: nowIso(), hidden_by: moderator.person.id })
      .where('id', '=', post.id)
      .execute();
    expect((await get(app, reader, readerUrl)).statusCode).toBe(404);
    expect((await get(app, author, urlFor(id, author))).statusCode).toBe(200);
    expect((await get(app, moderator, urlFor(id, moderator))).statusCode).toBe(200);

    await app.ctx.db.updateTable('posts').set({ deleted_at: nowIso() }).where('id', '=', post.id).execute();
    for (const who of [reader, author, moderator]) {
      expect((await get(app, who, urlFor(id, who))).statusCode).toBe(404);
      expect((await get(app, who, `/api/v1/files/${id}`)).statusCode).toBe(404);
    }
  });

  it('attachmentViews gives each post its files in order, with URLs that work only for that viewer', async () => {
    const author = await signedIn(app);
    const reader = await signedIn(app);
    const ids = [
      await uploadedId(app, author, { name: 'one.txt', type: 'text/plain', data: '1' }),
      await uploadedId(app, author, { name: 'two.png', type: 'image/png', data: await pngImage(10, 10) }),
      await uploadedId(app, author, { name: 'three.pdf', type: 'application/pdf', data: pdfDocument }),
    ];
    const post = await buildPost(app, author, { attachmentIds: ids });
    const bare = await buildPost(app, author);
    const views = await attachmentViews(app.ctx, reader.person.id, [post.id, bare.id]);
    expect(views.get(bare.id)).toEqual([]);
    const list = views.get(post.id) ?? [];
    expect(list.map((v) => v.name)).toEqual(['one.txt', 'two.png', 'three.pdf']);
    expect(list.map((v) => v.thumbnailUrl === null)).toEqual([true, false, true]);
    for (const view of list) {
      expect((await get(app, reader, view.url)).statusCode).toBe(200);
      expect((await get(app, author, view.url)).statusCode).toBe(403);
    }
  });
});

describe('attachments through the posts API', () => {
  it('attaches uploads to a new post and gives every reader URLs signed for them', async () => {
    const author = await signedIn(app);
    const reader = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const image = await uploadedId(app, author, {
      name: 'chart.png',
      type: 'image/png',
      data: await pngImage(100, 50),
    });
    const doc = await uploadedId(app, author, {
      name: 'notes.pdf',
      type: 'application/pdf',
      data: pdfDocument,
    });
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: author.headers,
      payload: { target: { type: 'company' }, body: 'Figures attached', attachmentIds: [image, doc] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const postId = created.json().id as string;
    expect(created.json().attachments.map((a: { id: string }) => a.id)).toEqual([image, doc]);

    const seen = await get(app, reader, `/api/v1/posts/${postId}`);
    const [chart, notes] = seen.json().attachments as Array<{
      url: string;
      thumbnailUrl: string | null;
      width: number;
    }>;
    expect(chart).toMatchObject({ name: 'chart.png', width: 100, height: 50 });
    expect(notes?.thumbnailUrl).toBeNull();
    expect((await get(app, reader, chart?.thumbnailUrl ?? '')).statusCode).toBe(200);
    expect((await get(app, reader, notes?.url ?? '')).statusCode).toBe(200);
    expect((await get(app, author, notes?.url ?? '')).statusCode).toBe(403);
    expect((await get(app, guest, `/api/v1/posts/${postId}`)).statusCode).toBe(404);
    expect((await get(app, guest, urlFor(doc, guest))).statusCode).toBe(404);

    const foreign = await app.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: reader.headers,
      payload: { target: { type: 'company' }, body: 'Not mine', attachmentIds: [doc] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().detail).toBe(`File ${doc} is not one of your uploaded files.`);
  });
});

describe('attachFiles (through post creation)', () => {
  const postsBy = (authorId: string) =>
    app.ctx.db.selectFrom('posts').select('id').where('author_id', '=', authorId).execute();

  it('refuses missing, foreign, taken, repeated and too many files with a 400 naming the id, storing no post', async () => {
    const me = await signedIn(app);
    const other = await signedIn(app);
    const mine = await uploadedId(app, me, { name: 'a.txt', type: 'text/plain', data: 'a' });
    const theirs = await uploadedId(app, other, { name: 'b.txt', type: 'text/plain', data: 'b' });
    const missing = '0190a000-0000-7000-8000-000000000000';

    const refusal = async (attachmentIds: string[]) => {
      const error = await buildPost(app, me, { attachmentIds }).then(
        () => new Error('the post was created'),
        (e: unknown) => e as { status: number; detail: string },
      );
      expect(error).toMatchObject({ status: 400 });
      return (error as { detail: string }).detail;
    };
    expect(await refusal([mine, missing])).toBe(`File ${missing} is not one of your uploaded files.`);
    expect(await refusal([theirs])).toBe(`File ${theirs} is not one of your uploaded files.`);
    expect(await refusal([mine, mine])).toBe(`File ${mine} is listed twice.`);
    const many = await Promise.all(
      Array.from({ length: LIMITS.attachmentsPerPost + 1 }, (_, i) =>
        uploadedId(app, me, { name: `f${i}.txt`, type: 'text/plain', data: String(i) }),
      ),
    );
    expect(await refusal(many)).toBe(`A post has at most ${LIMITS.attachmentsPerPost} attachments.`);
    expect(await postsBy(me.person.id)).toEqual([]);
    expect(
      await app.ctx.db
        .selectFrom('post_attachments')
        .select('file_id')
        .where('file_id', 'in', [mine, ...many])
        .execute(),
    ).toEqual([]);

    const post = await buildPost(app, me, { attachmentIds: many.slice(0, LIMITS.attachmentsPerPost) });
    const rows = await app.ctx.db
      .selectFrom('post_attachments')
      .selectAll()
      .where('post_id', '=', post.id)
      .orderBy('position')
      .execute();
    expect(rows.map((r) => [r.file_id, r.position])).toEqual(
      many.slice(0, LIMITS.attachmentsPerPost).map((id, i) => [id, i]),
    );
    expect(await refusal([many[0] ?? ''])).toBe(`File ${many[0]} is already attached to a post.`);
    expect(await postsBy(me.person.id)).toHaveLength(1);
  });
});

describe('DELETE /api/v1/files/:id', () => {
  it('lets the owner delete an unattached upload, and nobody delete an attached one', async () => {
    const me = await signedIn(app);
    const other = await signedIn(app);
    const id = await uploadedId(app, me, { name: 'a.png', type: 'image/png', data: await pngImage(10, 10) });
    const del = (session: Session | undefined, fileId: string) =>
      app.app.inject({
        method: 'DELETE',
        url: `/api/v1/files/${fileId}`,
        ...(session ? { headers: session.headers } : {}),
      });
    expect((await del(undefined, id)).statusCode).toBe(401);
    expect((await del(other, id)).statusCode).toBe(404);
    expect((await del(me, id)).statusCode).toBe(204);
    expect(await app.ctx.storage.get(`attachments/${id}/original`)).toBeUndefined();
    expect(await app.ctx.storage.get(`attachments/${id}/thumbnail.webp`)).toBeUndefined();
    expect((await del(me, id)).statusCode).toBe(404);
    expect((await get(app, me, `/api/v1/files/${id}`)).statusCode).toBe(404);

    const attached = await uploadedId(app, me, { name: 'b.txt', type: 'text/plain', data: 'b' });
    await buildPost(app, me, { attachmentIds: [attached] });
    expect((await del(me, attached)).statusCode).toBe(409);
    expect(await app.ctx.storage.get(`attachments/${attached}/original`)).toBeDefined();
  });
});
