import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, eventsNamed, multipartFile } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const png = (width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 4, background: '#3366ff' } })
    .png()
    .toBuffer();

function upload(
  session: Session | undefined,
  handle: string,
  data: Buffer,
  filename = 'me.png',
  type = 'image/png',
) {
  const body = multipartFile('file', filename, type, data);
  return app.app.inject({
    method: 'PUT',
    url: `/api/v1/people/${handle}/avatar`,
    headers: { ...(session?.headers ?? {}), 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Every object in storage, and every files row: "nothing stored" means neither grows. */
async function stored() {
  const dir = app.config.storageDir;
  const objects = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
  const rows = await app.ctx.db.selectFrom('files').select('id').execute();
  return { objects, rows: rows.length };
}

describe('PUT /api/v1/people/{handle}/avatar', () => {
  it('answers 401 without a session, 403 for someone else, 404 when invisible', async () => {
    const person = await buildPerson(app);
    const image = await png();
    expect((await upload(undefined, person.handle, image)).statusCode).toBe(401);
    const other = await signedIn(app);
    expect((await upload(other, person.handle, image)).statusCode).toBe(403);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await upload(guest, person.handle, image)).statusCode).toBe(404);
  });

  it('accepts a real PNG, stores 64 px and 256 px webp renditions without metadata, and serves them', async () => {
    const me = await signedIn(app);
    const jpegWithExif = await sharp(await png(600, 400))
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-camera-owner' } })
      .toBuffer();
    expect((await sharp(jpegWithExif).metadata()).exif).toBeDefined();
    const res = await upload(me, me.person.handle, jpegWithExif, 'photo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const avatarUrl: string = res.json().avatarUrl;
    expect(avatarUrl).toMatch(new RegExp(`^/api/v1/people/${me.person.handle}/avatar\\?size=small&v=`));
    for (const [size, px] of [
      ['small', 64],
      ['large', 256],
    ] as const) {
      const img = await call(app, me, 'GET', `/api/v1/people/${me.person.handle}/avatar?size=${size}`);
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/webp');
      const meta = await sharp(img.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: px, height: px });
      expect(meta.exif).toBeUndefined();
      expect(img.rawPayload.includes('secret-camera-owner')).toBe(false);
    }
    expect(await eventsNamed(app, 'person.updated', me.person.id)).toHaveLength(1);

    const firstId = new URL(avatarUrl, 'http://x').searchParams.get('v');
    const pngRes = await upload(me, me.person.handle, await png());
    expect(pngRes.statusCode).toBe(200);
    // Replacing the avatar removes the previous one's row and objects.
    const rows = await app.ctx.db
      .selectFrom('files')
      .selectAll()
      .where('owner_id', '=', me.person.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(new URL(pngRes.json().avatarUrl, 'http://x').searchParams.get('v'));
    expect(await app.ctx.storage.get(`avatars/${firstId}/small.webp`)).toBeUndefined();
    expect(await app.ctx.storage.get(`avatars/${rows[0]?.id}/large.webp`)).toBeDefined();
  });

  it('refuses a text file named .png (415), an oversize file (413) and a missing part (400), storing nothing', async () => {
    const me = await signedIn(app);
    const before = await stored();
    const text = await upload(me, me.person.handle, Buffer.from('just some text, not an image\n'.repeat(20)));
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_file');
    const header = await png(8, 8);
    const huge = Buffer.concat([header, Buffer.alloc(5 * 1024 * 1024 + 1 - header.length, 1)]);
    const big = await upload(me, me.person.handle, huge);
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const truncated = await upload(me, me.person.handle, header.subarray(0, 40));
    expect(truncated.statusCode).toBe(415);
    const body = multipartFile('other', 'me.png', 'image/png', header);
    const wrongField = await app.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${me.person.handle}/avatar`,
      headers: { ...me.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(wrongField.statusCode).toBe(400);
    const json = await call(app, me, 'PUT', `/api/v1/people/${me.person.handle}/avatar`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    const row = await app.ctx.db
      .selectFrom('people')
      .select('avatar_file_id')
      .where('id', '=', me.person.id)
      .executeTakeFirstOrThrow();
    expect(row.avatar_file_id).toBeNull();
    expect(await eventsNamed(app, 'person.updated', me.person.id)).toHaveLength(0);
  });

  it('removes the stored objects again when the database write fails', async () => {
    const me = await signedIn(app);
    const before = await stored();
    // The person disappears between the access check and the write: the command must clean up.
    const image = await png();
    const { setAvatar } = await import('../../src/modules/people/commands/set-avatar.ts');
    const { renderAvatar } = await import('../../src/modules/people/avatar-image.ts');
    await expect(
      setAvatar(app.ctx, {
        actor: me.person,
        personId: 'no-such-person',
        renditions: await renderAvatar(image),
        ip: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await stored()).toEqual(before);
  });
});

describe('DELETE and GET /api/v1/people/{handle}/avatar', () => {
  it('answers 401 without a session, 400 on a bad size, 404 without an avatar or when invisible', async () => {
    const person = await buildPerson(app);
    const url = `/api/v1/people/${person.handle}/avatar`;
    expect((await call(app, undefined, 'GET', url)).statusCode).toBe(401);
    expect((await call(app, undefined, 'DELETE', url)).statusCode).toBe(401);
    const me = await signedIn(app);
    expect((await call(app, me, 'GET', `${url}?size=huge`)).statusCode).toBe(400);
    expect((await call(app, me, 'GET', url)).statusCode).toBe(404);
    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(403);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await call(app, guest, 'GET', url)).statusCode).toBe(404);
  });

  it('removes the avatar (idempotently) and its stored objects', async () => {
    const me = await signedIn(app);
    const before = await stored();
    expect((await upload(me, me.person.handle, await png())).statusCode).toBe(200);
    const url = `/api/v1/people/${me.person.handle}/avatar`;
    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(app, me, 'GET', url)).statusCode).toBe(404);
    const profile = await call(app, me, 'GET', `/api/v1/people/${me.person.handle}`);
    expect(profile.json().avatarUrl).toBeNull();
    expect(await stored()).toEqual(before);
  });

  it('lets an admin replace someone else’s avatar, audited', async () => {
    const person = await buildPerson(app);
    const admin = await signedIn(app, { role: 'admin' });
    expect((await upload(admin, person.handle, await png())).statusCode).toBe(200);
    const audits = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', person.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['admin.person_avatar_changed']);
  });
});
