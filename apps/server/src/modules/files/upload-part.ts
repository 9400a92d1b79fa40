import type { FastifyRequest } from 'fastify';
import { AppError, badRequest, payloadTooLarge } from '../../platform/http/errors.ts';

export interface UploadedPart {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

/** Room for the multipart framing around the file in the declared request length. */
const FRAMING_BYTES = 64 * 1024;

const onePart = () =>
  badRequest('Send exactly one file, in the multipart field "file".', [
    { path: 'body/file', message: 'must be exactly one file' },
  ]);

const readableSize = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024
      ? `${Math.floor(bytes / 1024)} KB`
      : `${bytes} bytes`;

/**
 * Reads the one file part of a multipart upload into memory, at most `maxBytes`. A body declared
 * larger is refused before it is read (413); a second file, any other field, or a body cut off or
 * malformed is a 400 — a parser failure is the client's, never a 500.
 */
export async function readSingleFilePart(request: FastifyRequest, maxBytes: number): Promise<UploadedPart> {
  const tooLarge = () => payloadTooLarge(`An attachment is at most ${readableSize(maxBytes)}.`);
  if (!request.isMultipart()) throw badRequest('Send the file as multipart/form-data in the field "file".');
  const declaredLength = Number(request.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes + FRAMING_BYTES) throw tooLarge();

  let upload: UploadedPart | undefined;
  try {
    // Two files and one field are let through the parser so that they are refused here as a 400.
    const parts = request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 1, parts: 3 } });
    for await (const part of parts) {
      if (part.type !== 'file' || part.fieldname !== 'file' || upload !== undefined) {
        if (part.type === 'file') part.file.resume();
        throw onePart();
      }
      upload = { fileName: part.filename, declaredType: part.mimetype, bytes: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw onePart();
    throw badRequest('The upload is incomplete or malformed; send it again.');
  }
  if (upload === undefined) throw onePart();
  return upload;
}
