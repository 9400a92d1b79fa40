import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, expectSameAsMissing, multipartFile } from './helpers.ts';

let app: TestApp;
let owner: Session;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app);
});
afterAll(async () => {
  await app.close();
});

const png = (width = 900, height = 400) =>
  sharp({ create: { width, height, channels: 4, background: '#22aa66' } })
    .png()
    .toBuffer();

function upload(
  session: Session | undefined,
  handle: string,
  kind: string,
  data: Buffer,
  type = 'image/png',
) {
  const body = multipartFile('file', 'image.png', type, data);
  return app.app.inject({
    method: 'PUT',
    url: `/api/v1/spaces/${handle}/${kind}`,
    headers: { ...(session?.headers ?? {}), 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function stored() {
  const dir = app.config.storageDir;
  const objects = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
  const rows = await app.ctx.db.selectFrom('files').select('id').execute();
  return { objects, rows: rows.length };
}

describe.each(['avatar', 'cover'] as const)('space %s', (kind) => {
  it('answers 401, 403 to members, 404 to outsiders of a secret space (same as missing), 400 without a file', async () => {
    const image = await png();
    const space = await buildSpace(app, owner);
    expect((await upload(undefined, space.handle, kind, image)).statusCode).toBe(401);
    const member = await signedIn(app);
    await addMember(app, space, member);
    expect((await upload(member, space.handle, kind, image)).statusCode).toBe(403);
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    const outsider = await signedIn(app);
    expectSameAsMissing(
      await upload(outsider, secret.handle, kind, image),
      await upload(outsider, 'no-such-space', kind, image),
    );
    const notMultipart = await call(app, owner, 'PUT', `/api/v1/spaces/${space.handle}/${kind}`, {
      file: 'x',
    });
    expect(notMultipart.statusCode).toBe(400);
  });

  it('stores webp renditions, serves them to those who may see the space, and removes them', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const res = await upload(owner, space.handle, kind, await png());
    expect(res.statusCode).toBe(200);
    const url: string = res.json()[`${kind}Url`];
    expect(url).toMatch(new RegExp(`^/api/v1/spaces/${space.handle}/${kind}\\?v=`));
    const large = await call(app, owner, 'GET', `/api/v1/spaces/${space.handle}/${kind}?size=large`);
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-type']).toBe('image/webp');
    const meta = await sharp(large.rawPayload).metadata();
    expect(meta).toMatchObject(
      kind === 'avatar' ? { width: 256, height: 256 } : { width: 1500, height: 500 },
    );
    // A private space's name, description and images are visible to employees; not to externals.
    const employee = await signedIn(app);
    expect((await call(app, employee, 'GET', url)).statusCode).toBe(200);
    const customer = await signedIn(app, { kind: 'external' });
    expectSameAsMissing(
      await call(app, customer, 'GET', url),
      await call(app, customer, 'GET', `/api/v1/spaces/no-such-space/${kind}`),
    );
    // Replacing keeps one files row.
    const before = await stored();
    expect((await upload(owner, space.handle, kind, await png(500, 500))).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
    expect((await call(app, owner, 'DELETE', `/api/v1/spaces/${space.handle}/${kind}`)).statusCode).toBe(204);
    expect((await call(app, owner, 'GET', `/api/v1/spaces/${space.handle}/${kind}`)).statusCode).toBe(404);
    const after = await stored();
    expect(after.rows).toBe(before.rows - 1);
    expect((await call(app, owner, 'DELETE', `/api/v1/spaces/${space.handle}/${kind}`)).statusCode).toBe(204);
  });

  it('refuses what is not an image (sniffed, whatever the declared type) and stores nothing', async () => {
    const space = await buildSpace(app, owner);
    const before = await stored();
    const fake = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const res = await upload(owner, space.handle, kind, fake, 'image/png');
    expect(res.statusCode).toBe(415);
    expect(await stored()).toEqual(before);
    const row = await app.ctx.db
      .selectFrom('spaces')
      .selectAll()
      .where('id', '=', space.id)
      .executeTakeFirstOrThrow();
    expect(row.avatar_file_id).toBeNull();
    expect(row.cover_file_id).toBeNull();
  });
});
