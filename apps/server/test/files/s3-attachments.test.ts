import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createStorage, type Storage } from '../../src/platform/storage/index.ts';
import { type S3Server, startS3Server } from '../storage/s3-server.ts';
import { signedIn } from '../support/factories.ts';
import { get, pngImage, uploadFile } from '../support/files-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** s3rver runs in this process on a random loopback port, with the bucket created at start. */
let server: S3Server;
let app: TestApp;
/** The whole bucket, read directly, to see what the app stored there. */
let bucket: Storage;

beforeAll(async () => {
  server = await startS3Server('atrium-files');
  app = await createTestApp({ ...server.env, S3_PREFIX: 'tenant-a' });
  bucket = createStorage(loadConfig({ ATRIUM_DATA_DIR: app.config.dataDir, ...server.env }));
});
afterAll(async () => {
  await bucket?.close?.();
  await app?.close();
  await server?.close();
});

describe('attachments with STORAGE_DRIVER=s3', () => {
  it('uploads to the bucket, downloads through the signed URL, and deletes from the bucket', async () => {
    expect(app.config.storageDriver).toBe('s3');
    const me = await signedIn(app);
    const upload = await uploadFile(app, me, {
      name: 'map.png',
      type: 'image/png',
      data: await pngImage(960, 480),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { id } = upload.json() as { id: string };
    const original = await bucket.get(`tenant-a/attachments/${id}/original`);
    const thumbnail = await bucket.get(`tenant-a/attachments/${id}/thumbnail.webp`);
    expect(original?.length).toBe(upload.json().byteSize);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 480, height: 240 });

    const view = (await get(app, me, `/api/v1/files/${id}`)).json() as { url: string; thumbnailUrl: string };
    const download = await get(app, me, view.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(original && download.rawPayload.equals(original)).toBe(true);
    const small = await get(app, me, view.thumbnailUrl);
    expect(thumbnail && small.rawPayload.equals(thumbnail)).toBe(true);

    const removed = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${id}`,
      headers: me.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await bucket.get(`tenant-a/attachments/${id}/original`)).toBeUndefined();
    expect(await bucket.get(`tenant-a/attachments/${id}/thumbnail.webp`)).toBeUndefined();
    expect((await get(app, me, view.url)).statusCode).toBe(404);

    // Nothing went to the local disk.
    const dir = app.config.storageDir;
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }) : []).toEqual([]);
  });

  it('leaves nothing in the bucket when the upload fails after the objects were written', async () => {
    const me = await signedIn(app);
    const { outbox, storage } = app.ctx;
    const record = outbox.record;
    const put = storage.put;
    const written: string[] = [];
    storage.put = async (key, data) => {
      await put.call(storage, key, data);
      written.push(key);
    };
    outbox.record = async () => {
      throw new Error('database gone');
    };
    try {
      const response = await uploadFile(app, me, {
        name: 'a.png',
        type: 'image/png',
        data: await pngImage(30, 30),
      });
      expect(response.statusCode).toBe(500);
    } finally {
      outbox.record = record;
      storage.put = put;
    }
    expect(written).toHaveLength(2);
    for (const key of written) expect(await bucket.get(`tenant-a/${key}`), key).toBeUndefined();
    const rows = await app.ctx.db
      .selectFrom('files')
      .select('id')
      .where('owner_id', '=', me.person.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
