import { crc32, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { newId } from '../../src/platform/db/time.ts';
import type { Session } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface Part {
  field: string;
  /** Absent: a plain form field. */
  filename?: string;
  /** Absent or empty: no Content-Type header (the parser then reports text/plain). */
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body with any parts, in order. */
export function multipartBody(parts: readonly Part[]) {
  const boundary = `----atrium-files-${newId()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.field}"`
        : `form-data; name="${part.field}"; filename="${part.filename}"`;
    const type = !part.contentType ? '' : `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function postMultipart(
  app: TestApp,
  session: Session | undefined,
  body: { payload: Buffer; contentType: string },
) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...(session?.headers ?? {}), 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Uploads one file in the field "file", as a browser would. */
export function uploadFile(
  app: TestApp,
  session: Session | undefined,
  file: { name: string; type: string; data: Buffer | string },
) {
  return postMultipart(
    app,
    session,
    multipartBody([{ field: 'file', filename: file.name, contentType: file.type, data: file.data }]),
  );
}

/** Uploads and returns the new file's id (the upload must succeed). */
export async function uploadedId(
  app: TestApp,
  session: Session,
  file: { name: string; type: string; data: Buffer | string },
): Promise<string> {
  const response = await uploadFile(app, session, file);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

export const get = (app: TestApp, session: Session | undefined, url: string) =>
  app.app.inject({ method: 'GET', url, ...(session ? { headers: session.headers } : {}) });

export function pngImage(width = 640, height = 360): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#3366ff' } })
    .png()
    .toBuffer();
}

/** A JPEG that is stored landscape but tagged "rotate 90°", with a camera comment and an EXIF block. */
export function rotatedJpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#c03030' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'secret-location', Artist: 'camera-owner' } })
    .toBuffer();
}

export async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(
    ['#ff0000', '#00ff00', '#0000ff'].map((background) =>
      sharp({ create: { width: 40, height: 30, channels: 4, background } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** The smallest file a PDF sniffer recognises. */
export const pdfDocument = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A Windows executable header ("MZ" … "PE"). */
export const windowsExecutable = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
  Buffer.alloc(24),
  Buffer.from('80000000', 'hex'),
  Buffer.alloc(64),
  Buffer.from('50450000', 'hex'),
  Buffer.alloc(64),
]);

/** A zip archive of (name, content) entries, deflated; enough for the sniffers. */
export function zipArchive(entries: ReadonlyArray<readonly [string, string]>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [entryName, text] of entries) {
    const name = Buffer.from(entryName);
    const data = Buffer.from(text);
    const body = deflateRawSync(data);
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(checksum, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OOXML_MAIN = {
  docx: [
    'word/document.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  ],
  xlsx: ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  pptx: [
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  ],
} as const;

/** A minimal Office Open XML package whose content types name the main part of a docx, xlsx or pptx. */
export function officeDocument(kind: keyof typeof OOXML_MAIN): Buffer {
  const [part, type] = OOXML_MAIN[kind];
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${part}" ContentType="${type}"/></Types>`;
  return zipArchive([
    ['[Content_Types].xml', contentTypes],
    [part, '<?xml version="1.0"?><root/>'],
  ]);
}
