import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UNATTACHED_UPLOADS } from '../../src/modules/files/unattached-uploads.ts';
import { isoIn, newId, nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { pngImage, uploadedId, uploadFile } from '../support/files-factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Uploads no post took: cleared after a day by their owner's next upload, and bounded in number. */

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const DAY_AND_AN_HOUR = 25 * 60 * 60_000;
const note = { name: 'note.txt', type: 'text/plain', data: 'hello' };

const fileRow = (id: string) =>
  app.ctx.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
const age = (ids: string[]) =>
  app.ctx.db
    .updateTable('files')
    .set({ created_at: isoIn(-DAY_AND_AN_HOUR) })
    .where('id', 'in', ids)
    .execute();
const countFiles = async (ownerId: string) =>
  Number(
    (
      await app.ctx.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', ownerId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Unattached upload rows made directly, `count` of them (the upload route has its own tests). */
async function insertUploads(owner: Session, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  await app.ctx.db
    .insertInto('files')
    .values(
      ids.map((id) => ({
        id,
        owner_id: owner.person.id,
        purpose: 'attachment',
        storage_key: `attachments/${id}/original`,
        mime_type: 'text/plain',
        byte_size: 5,
        created_at: nowIso(),
        name: 'note.txt',
        width: null,
        height: null,
        thumbnail_key: null,
      })),
    )
    .execute();
  return ids;
}

describe('unattached uploads', () => {
  it('an upload first clears its owner’s unattached uploads older than a day: rows and objects', async () => {
    const me = await signedIn(app);
    const someoneElse = await signedIn(app);
    const staleImage = await uploadedId(app, me, {
      name: 'a.png',
      type: 'image/png',
      data: await pngImage(),
    });
    const staleNote = await uploadedId(app, me, note);
    const attached = await uploadedId(app, me, note);
    await buildPost(app, me, { attachmentIds: [attached] });
    const fresh = await uploadedId(app, me, note);
    const theirs = await uploadedId(app, someoneElse, note);
    await age([staleImage, staleNote, attached, theirs]);
    const staleKeys = [
      `attachments/${staleImage}/original`,
      `attachments/${staleImage}/thumbnail.webp`,
      `attachments/${staleNote}/original`,
    ];
    for (const key of staleKeys) expect(await app.ctx.storage.get(key)).toBeDefined();

    const response = await uploadFile(app, me, note);
    expect(response.statusCode).toBe(201);
    expect(await fileRow(staleImage)).toBeUndefined();
    expect(await fileRow(staleNote)).toBeUndefined();
    for (const key of staleKeys) expect(await app.ctx.storage.get(key)).toBeUndefined();
    // Attached, younger than a day, someone else's: all kept.
    for (const id of [attached, fresh, theirs]) {
      expect(await fileRow(id)).toBeDefined();
      expect(await app.ctx.storage.get(`attachments/${id}/original`)).toBeDefined();
    }
  });

  it(`refuses (429) an upload while ${MAX_UNATTACHED_UPLOADS} younger unattached ones wait; stores nothing`, async () => {
    const me = await signedIn(app);
    const waiting = await insertUploads(me, MAX_UNATTACHED_UPLOADS - 1);
    // An attached upload does not count.
    const [taken = ''] = await insertUploads(me, 1);
    const post = await buildPost(app, me);
    await app.ctx.db
      .insertInto('post_attachments')
      .values({ file_id: taken, post_id: post.id, position: 0 })
      .execute();
    expect((await uploadFile(app, me, note)).statusCode).toBe(201);

    const before = await countFiles(me.person.id);
    const refused = await uploadFile(app, me, note);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'rate_limited',
      detail: `You have ${MAX_UNATTACHED_UPLOADS} uploads that are not attached to a post yet: post them or remove some first.`,
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countFiles(me.person.id)).toBe(before);

    // Once one of them is a day old, the next upload clears it and is accepted.
    await age(waiting.slice(0, 1));
    expect((await uploadFile(app, me, note)).statusCode).toBe(201);
    expect(await countFiles(me.person.id)).toBe(before);
    expect((await uploadFile(app, me, note)).statusCode).toBe(429);
  });

  it('counts concurrent uploads one after the other', async () => {
    const me = await signedIn(app);
    await insertUploads(me, MAX_UNATTACHED_UPLOADS - 2);
    const answers = await Promise.all(Array.from({ length: 5 }, () => uploadFile(app, me, note)));
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 201, 429, 429, 429]);
    expect(await countFiles(me.person.id)).toBe(MAX_UNATTACHED_UPLOADS);
  });
});
