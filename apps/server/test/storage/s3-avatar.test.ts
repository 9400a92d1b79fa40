import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createStorage, type Storage } from '../../src/platform/storage/index.ts';
import { call, multipartFile } from '../people/helpers.ts';
import { signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type S3Server, startS3Server } from './s3-server.ts';

let server: S3Server;
let app: TestApp;
/** The whole bucket, read directly, to see what the app stored there. */
let bucket: Storage;

beforeAll(async () => {
  server = await startS3Server();
  app = await createTestApp({ ...server.env, S3_PREFIX: 'atrium' });
  bucket = createStorage(loadConfig({ ATRIUM_DATA_DIR: app.config.dataDir, ...server.env }));
});
afterAll(async () => {
  await bucket?.close?.();
  await app?.close();
  await server?.close();
});

describe('avatars with STORAGE_DRIVER=s3', () => {
  it('stores the renditions in the bucket under the prefix, serves them back, and deletes them', async () => {
    expect(app.config.storageDriver).toBe('s3');
    const me = await signedIn(app);
    const image = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const body = multipartFile('file', 'me.png', 'image/png', image);
    const url = `/api/v1/people/${me.person.handle}/avatar`;
    const put = await app.app.inject({
      method: 'PUT',
      url,
      headers: { ...me.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(put.statusCode).toBe(200);
    const fileId = new URL(put.json().avatarUrl, 'http://x').searchParams.get('v');
    expect(fileId).toBeTruthy();

    for (const [size, px] of [
      ['small', 64],
      ['large', 256],
    ] as const) {
      const res = await call(app, me, 'GET', `${url}?size=${size}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(await sharp(res.rawPayload).metadata()).toMatchObject({ format: 'webp', width: px, height: px });
      const object = await bucket.get(`atrium/avatars/${fileId}/${size}.webp`);
      expect(object?.equals(res.rawPayload)).toBe(true);
    }
    // Nothing went to the local disk.
    const dir = app.config.storageDir;
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }) : []).toEqual([]);

    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(app, me, 'GET', url)).statusCode).toBe(404);
    expect(await bucket.get(`atrium/avatars/${fileId}/small.webp`)).toBeUndefined();
    expect(await bucket.get(`atrium/avatars/${fileId}/large.webp`)).toBeUndefined();
  });
});
