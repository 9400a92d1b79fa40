import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { actorOf } from '../people/route-helpers.ts';
import { isImageMime } from './attachment-types.ts';
import { presentAttachment } from './attachment-views.ts';
import { deleteAttachment } from './commands/delete-attachment.ts';
import { uploadAttachment } from './commands/upload-attachment.ts';
import { findReadableAttachment } from './file-access.ts';
import { contentDisposition, withExtension } from './file-names.ts';
import { hasValidSignature } from './file-urls.ts';
import { FileContentQuery, FileIdParams, FileViewSchema, UploadedFileSchema } from './files.schema.ts';
import { readSingleFilePart } from './upload-part.ts';

const uploadRate = { name: 'file-upload', max: 60, windowMs: 10 * 60_000 } as const;
const deleteRate = { name: 'file-delete', max: 120, windowMs: 10 * 60_000 } as const;

const expired = () =>
  new AppError(
    410,
    'token_invalid',
    'Link expired',
    'This download link has expired; reload the page for a new one.',
  );

/** The files module: attachments: upload, thumbnails and signed downloads. */
export function registerFiles(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/files',
    auth: 'user',
    rateLimit: { ...uploadRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['files'],
      summary:
        'Upload an attachment (multipart field "file"): JPEG/PNG/GIF/WebP images, PDF, .docx/.xlsx/.pptx, plain text, CSV or Markdown; the type is sniffed from the content',
      consumes: ['multipart/form-data'],
      response: { 201: UploadedFileSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const part = await readSingleFilePart(request, ctx.config.attachmentMaxBytes);
      const file = await uploadAttachment(ctx, { ownerId: actor.id, ...part });
      return reply.status(201).send({
        id: file.id,
        name: file.name ?? 'file',
        mimeType: file.mime_type,
        byteSize: file.byte_size,
        width: file.width,
        height: file.height,
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/files/:id',
    auth: 'user',
    schema: {
      tags: ['files'],
      summary:
        'An attachment with fresh download URLs (404 unless I may read its post, or it is my unattached upload)',
      params: FileIdParams,
      response: { 200: FileViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const file = await findReadableAttachment(ctx.db, actor, request.params.id);
      if (!file) throw notFound('No such file.');
      return { ...presentAttachment(ctx.config.sessionSecret, actor.id, file), postId: file.post_id };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/files/:id',
    auth: 'user',
    rateLimit: { ...deleteRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['files'],
      summary: 'Delete my upload before it is attached to a post (409 once attached)',
      params: FileIdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await deleteAttachment(ctx, { actorId: actorOf(request).id, fileId: request.params.id });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/files/:id/content',
    auth: 'user',
    schema: {
      tags: ['files'],
      summary:
        'Download an attachment through a signed URL from a post or GET /files/:id (403 bad signature, 410 expired, 404 when I may no longer read it)',
      params: FileIdParams,
      querystring: FileContentQuery,
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { variant, expires, signature } = request.query;
      const claims = { fileId: request.params.id, variant, viewerId: actor.id, expires };
      // The signature first: a forged URL learns nothing, not even whether it would have expired.
      if (!hasValidSignature(ctx.config.sessionSecret, claims, signature)) {
        throw forbidden('This download link is not valid for you.');
      }
      const secondsLeft = expires - Math.floor(Date.now() / 1000);
      if (secondsLeft <= 0) throw expired();
      const file = await findReadableAttachment(ctx.db, actor, request.params.id);
      if (!file) throw notFound('No such file.');
      const key = variant === 'thumbnail' ? file.thumbnail_key : file.storage_key;
      const bytes = key === null ? undefined : await ctx.storage.get(key);
      if (!bytes) throw notFound('No such file.');

      const image = isImageMime(file.mime_type);
      const type = variant === 'thumbnail' ? 'image/webp' : file.mime_type;
      const name =
        variant === 'thumbnail' ? withExtension(file.name ?? 'file', 'webp') : (file.name ?? 'file');
      return reply
        .headers({
          'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
          'x-content-type-options': 'nosniff',
          'content-disposition': contentDisposition(image ? 'inline' : 'attachment', name),
          // Private: whether the viewer may read it can change; never beyond the link's life.
          'cache-control': `private, max-age=${Math.min(secondsLeft, 300)}`,
          // Even if a browser rendered it, the file can run nothing and reach nothing.
          'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        })
        .send(bytes);
    },
  });
}
