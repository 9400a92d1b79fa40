import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/factories.ts';
import {
  animatedGif,
  multipartBody,
  officeDocument,
  pdfDocument,
  pngImage,
  postMultipart,
  rotatedJpegWithExif,
  uploadFile,
  windowsExecutable,
  zipArchive,
} from '../support/files-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const filesOf = (ownerId: string) =>
  app.ctx.db.selectFrom('files').selectAll().where('owner_id', '=', ownerId).execute();

describe('POST /api/v1/files', () => {
  it('answers 401 to an anonymous upload, before reading it', async () => {
    const response = await uploadFile(app, undefined, { name: 'a.txt', type: 'text/plain', data: 'hello' });
    expect(response.statusCode).toBe(401);
  });

  it('stores an image re-encoded without metadata, with a webp thumbnail, a files row and file.uploaded', async () => {
    const me = await signedIn(app);
    const response = await uploadFile(app, me, {
      name: 'holiday.png',
      type: 'image/png',
      data: await pngImage(1200, 600),
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ name: 'holiday.png', mimeType: 'image/png', width: 1200, height: 600 });
    expect(Object.keys(body).sort()).toEqual(['byteSize', 'height', 'id', 'mimeType', 'name', 'width']);

    const [row] = await filesOf(me.person.id);
    expect(row).toMatchObject({
      id: body.id,
      purpose: 'attachment',
      owner_id: me.person.id,
      storage_key: `attachments/${body.id}/original`,
      thumbnail_key: `attachments/${body.id}/thumbnail.webp`,
      byte_size: body.byteSize,
    });
    const original = await app.ctx.storage.get(`attachments/${body.id}/original`);
    expect(original?.length).toBe(body.byteSize);
    const thumbnail = await app.ctx.storage.get(`attachments/${body.id}/thumbnail.webp`);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 480, height: 240 });

    const events = await app.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('name', '=', 'file.uploaded')
      .where('subject_id', '=', body.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBe(me.person.id);
  });

  it('applies the EXIF orientation, then drops EXIF; keeps small images at their size; keeps animation', async () => {
    const me = await signedIn(app);
    const jpeg = await uploadFile(app, me, {
      name: 'IMG_0001.JPG',
      type: 'image/jpeg',
      data: await rotatedJpegWithExif(),
    });
    expect(jpeg.statusCode).toBe(201);
    expect(jpeg.json()).toMatchObject({ mimeType: 'image/jpeg', width: 400, height: 600 });
    const stored = await app.ctx.storage.get(`attachments/${jpeg.json().id}/original`);
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored?.includes('secret-location')).toBe(false);

    const small = await uploadFile(app, me, {
      name: 'icon.png',
      type: 'image/png',
      data: await pngImage(64, 32),
    });
    const thumbnail = await app.ctx.storage.get(`attachments/${small.json().id}/thumbnail.webp`);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ width: 64, height: 32 });

    const gif = await uploadFile(app, me, { name: 'wave.gif', type: 'image/gif', data: await animatedGif() });
    expect(gif.json()).toMatchObject({ mimeType: 'image/gif', width: 40, height: 30 });
    const frames = await app.ctx.storage.get(`attachments/${gif.json().id}/original`);
    expect((await sharp(frames, { animated: true }).metadata()).pages).toBe(3);
  });

  it.each([
    ['report.pdf', 'application/pdf', () => pdfDocument, 'application/pdf'],
    [
      'plan.docx',
      '',
      () => officeDocument('docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'budget.xlsx',
      'application/octet-stream',
      () => officeDocument('xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'deck.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      () => officeDocument('pptx'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['notes.txt', 'text/plain', () => Buffer.from('Plain notes\n'), 'text/plain'],
    ['data.csv', 'application/vnd.ms-excel', () => Buffer.from('a,b\n1,2\n'), 'text/csv'],
    [
      'README.md',
      'text/markdown',
      () => Buffer.from('# Title\n\nSome *text* with <br> inside.\n'),
      'text/markdown',
    ],
    ['CHANGES', 'text/plain', () => Buffer.from('\ufeffÜnïcödé lines\r\n\ttabbed\n'), 'text/plain'],
  ])('accepts %s as a document (%s declared)', async (name, declared, data, mimeType) => {
    const me = await signedIn(app);
    const response = await uploadFile(app, me, { name, type: declared, data: data() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ name, mimeType, width: null, height: null });
    const [row] = await filesOf(me.person.id);
    expect(row?.thumbnail_key).toBeNull();
    expect((await app.ctx.storage.get(`attachments/${response.json().id}/original`))?.equals(data())).toBe(
      true,
    );
  });

  it('sanitizes the file name: no path, no invisible or reserved characters, bounded length', async () => {
    const me = await signedIn(app);
    const cases: Array<[string, string]> = [
      ['C:\\Users\\me\\report.pdf', 'report.pdf'],
      ['../../etc/report.pdf', 'report.pdf'],
      ['invoice\u202Efdp.pdf', 'invoicefdp.pdf'],
      ['what?now<1>|.pdf', 'what_now_1__.pdf'],
      ['  ..hidden.pdf  ', 'hidden.pdf'],
      [`${'é'.repeat(300)}.pdf`, `${'é'.repeat(251)}.pdf`],
    ];
    for (const [given, expected] of cases) {
      const response = await uploadFile(app, me, { name: given, type: 'application/pdf', data: pdfDocument });
      expect(response.statusCode, given).toBe(201);
      expect(response.json().name).toBe(expected);
    }
  });
});

describe('refused uploads store nothing', () => {
  const refusals: Array<
    [string, { name: string; type: string; data: () => Promise<Buffer> | Buffer }, number, RegExp]
  > = [
    [
      'an executable declared as a PNG',
      { name: 'cat.png', type: 'image/png', data: () => windowsExecutable },
      415,
      /not accepted/,
    ],
    [
      'an executable with its own name',
      { name: 'setup.exe', type: 'application/octet-stream', data: () => windowsExecutable },
      415,
      /not accepted/,
    ],
    [
      'HTML declared as a PNG',
      {
        name: 'cat.png',
        type: 'image/png',
        data: () => Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      },
      415,
      /not accepted/,
    ],
    [
      'HTML declared as text',
      { name: 'page.txt', type: 'text/plain', data: () => Buffer.from('  <html><body onload=alert(1)>') },
      415,
      /not accepted/,
    ],
    [
      'SVG (active content)',
      {
        name: 'logo.svg',
        type: 'image/svg+xml',
        data: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      },
      415,
      /not accepted/,
    ],
    [
      'plain text named .png',
      { name: 'cat.png', type: 'application/octet-stream', data: () => Buffer.from('just text') },
      415,
      /\.png, but the content is plain text/,
    ],
    [
      'plain text declared as a PNG',
      { name: 'cat', type: 'image/png', data: () => Buffer.from('just text') },
      415,
      /sent as image\/png/,
    ],
    [
      'a PNG named .pdf',
      { name: 'scan.pdf', type: 'application/octet-stream', data: () => pngImage(10, 10) },
      415,
      /\.pdf, but the content is a PNG image/,
    ],
    [
      'a PNG declared as a JPEG',
      { name: 'photo', type: 'image/jpeg', data: () => pngImage(10, 10) },
      415,
      /sent as image\/jpeg, but its content is a PNG/,
    ],
    [
      'a plain zip named .docx',
      {
        name: 'plan.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        data: () => zipArchive([['a.txt', 'x']]),
      },
      415,
      /not accepted/,
    ],
    [
      'a Word file named .xlsx',
      { name: 'plan.xlsx', type: 'application/octet-stream', data: () => officeDocument('docx') },
      415,
      /\.xlsx, but the content is a Word document/,
    ],
    [
      'a truncated PNG',
      { name: 'half.png', type: 'image/png', data: async () => (await pngImage(200, 200)).subarray(0, 60) },
      415,
      /could not be read/,
    ],
    [
      'binary bytes without a known type',
      { name: 'blob.bin', type: 'application/octet-stream', data: () => Buffer.from([1, 2, 3, 0, 4, 5]) },
      415,
      /not accepted/,
    ],
    [
      'invalid UTF-8 text',
      { name: 'latin1.txt', type: 'text/plain', data: () => Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) },
      415,
      /not accepted/,
    ],
    ['an empty file', { name: 'empty.txt', type: 'text/plain', data: () => Buffer.alloc(0) }, 400, /empty/],
  ];

  it.each(refusals)('refuses %s', async (_label, file, status, detail) => {
    const me = await signedIn(app);
    const response = await uploadFile(app, me, { name: file.name, type: file.type, data: await file.data() });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toMatch(detail);
    expect(await filesOf(me.person.id)).toEqual([]);
  });

  it('refuses multipart bodies that are not exactly one file part with 400', async () => {
    const me = await signedIn(app);
    const file = { field: 'file', filename: 'a.txt', contentType: 'text/plain', data: 'hello' };
    const bodies = [
      multipartBody([]),
      multipartBody([{ ...file, field: 'upload' }]),
      multipartBody([file, { ...file, filename: 'b.txt' }]),
      multipartBody([{ field: 'note', data: 'hi' }, file]),
      multipartBody([file, { field: 'note', data: 'hi' }]),
      multipartBody([{ field: 'file', data: 'not a file part' }]),
    ];
    for (const body of bodies) {
      const response = await postMultipart(app, me, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    const json = await app.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: me.headers,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(await filesOf(me.person.id)).toEqual([]);
  });

  it('answers 400 to a truncated multipart body, never 500', async () => {
    const me = await signedIn(app);
    const whole = multipartBody([
      { field: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: pdfDocument },
    ]);
    for (const cut of [whole.payload.length - 10, whole.payload.length - 40, 60, 20]) {
      const response = await postMultipart(app, me, { ...whole, payload: whole.payload.subarray(0, cut) });
      expect(response.statusCode, `cut at ${cut}: ${response.body}`).toBe(400);
      expect(response.json().detail).toBe('The upload is incomplete or malformed; send it again.');
    }
    const garbage = await postMultipart(app, me, {
      contentType: whole.contentType,
      payload: Buffer.from('garbage'),
    });
    expect(garbage.statusCode).toBe(400);
    expect(await filesOf(me.person.id)).toEqual([]);
  });

  it('removes the objects already written when storing or recording fails midway', async () => {
    const me = await signedIn(app);
    const { storage, outbox } = app.ctx;
    const put = storage.put;
    const record = outbox.record;
    const written: string[] = [];
    storage.put = async (key, data) => {
      written.push(key);
      if (key.endsWith('thumbnail.webp')) throw new Error('disk full');
      return put.call(storage, key, data);
    };
    try {
      const response = await uploadFile(app, me, {
        name: 'a.png',
        type: 'image/png',
        data: await pngImage(50, 50),
      });
      expect(response.statusCode).toBe(500);
      storage.put = async (key, data) => {
        written.push(key);
        return put.call(storage, key, data);
      };
      outbox.record = async () => {
        throw new Error('database gone');
      };
      const late = await uploadFile(app, me, {
        name: 'b.png',
        type: 'image/png',
        data: await pngImage(50, 50),
      });
      expect(late.statusCode).toBe(500);
    } finally {
      storage.put = put;
      outbox.record = record;
    }
    expect(written).toHaveLength(4);
    for (const key of written) expect(await storage.get(key), key).toBeUndefined();
    expect(await filesOf(me.person.id)).toEqual([]);
  });
});

describe('size limit', () => {
  it('accepts files above the multipart plugin default up to ATTACHMENT_MAX_BYTES (25 MB by default)', async () => {
    const me = await signedIn(app);
    const big = Buffer.alloc(12 * 1024 * 1024, 'abc,def\n');
    const response = await uploadFile(app, me, { name: 'big.csv', type: 'text/csv', data: big });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ mimeType: 'text/csv', byteSize: big.length });
  });

  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ ATTACHMENT_MAX_BYTES: '2048' });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('answers 413 with the limit in the message, whether the body declares it or the stream reveals it', async () => {
    const me = await signedIn(small);
    const justOver = await uploadFile(small, me, {
      name: 'a.txt',
      type: 'text/plain',
      data: 'a'.repeat(2049),
    });
    expect(justOver.statusCode, justOver.body).toBe(413);
    expect(justOver.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'An attachment is at most 2 KB.',
    });
    const farOver = await uploadFile(small, me, {
      name: 'a.txt',
      type: 'text/plain',
      data: 'a'.repeat(200_000),
    });
    expect(farOver.statusCode).toBe(413);
    const exact = await uploadFile(small, me, { name: 'a.txt', type: 'text/plain', data: 'a'.repeat(2048) });
    expect(exact.statusCode).toBe(201);
    const rows = await small.ctx.db
      .selectFrom('files')
      .select('byte_size')
      .where('owner_id', '=', me.person.id)
      .execute();
    expect(rows).toEqual([{ byte_size: 2048 }]);
  });
});
