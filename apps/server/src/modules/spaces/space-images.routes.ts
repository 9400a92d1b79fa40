import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { badRequest, notFound, payloadTooLarge } from '../../platform/http/errors.ts';
import { actorOf } from '../people/route-helpers.ts';
import { removeSpaceImage } from './commands/remove-space-image.ts';
import { setSpaceImage } from './commands/set-space-image.ts';
import { loadVisibleSpace } from './load-space.ts';
import {
  imageObjectKey,
  maxBytesOf,
  maxSizeText,
  renderSpaceImage,
  SPACE_IMAGE_KINDS,
} from './space-images.ts';
import { presentSpace } from './spaces.presenter.ts';
import { findFileKey } from './spaces.repository.ts';
import { HandleParams, ImageQuery, SpaceSchema } from './spaces.schema.ts';

const editRate = {
  name: 'space-image-edit',
  max: 20,
  windowMs: 10 * 60_000,
  key: (r: { actor?: { id: string } | undefined; ip: string }) => r.actor?.id ?? r.ip,
};

/** PUT, DELETE and GET of a space's avatar and cover: the same steps for both. */
export function registerSpaceImageRoutes(app: App, ctx: AppContext): void {
  for (const kind of SPACE_IMAGE_KINDS) {
    const url = `/api/v1/spaces/:handle/${kind}`;

    defineRoute(app, {
      method: 'PUT',
      url,
      auth: 'user',
      rateLimit: editRate,
      schema: {
        tags: ['spaces'],
        summary: `Upload the space's ${kind} (multipart field "file": PNG, JPEG, WebP or GIF; owners and admins)`,
        consumes: ['multipart/form-data'],
        params: HandleParams,
        response: { 200: SpaceSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
        if (!request.isMultipart()) {
          throw badRequest('Send the image as multipart/form-data in the field "file".');
        }
        const part = await request.file({ limits: { fileSize: maxBytesOf(kind), files: 1 } });
        if (!part || part.fieldname !== 'file') {
          throw badRequest('Send the image in the multipart field "file".', [
            { path: 'body/file', message: 'is required' },
          ]);
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw payloadTooLarge(maxSizeText(kind));
          }
          throw error;
        }
        const renditions = await renderSpaceImage(kind, bytes);
        const row = await setSpaceImage(ctx, { actor, spaceId: space.id, kind, renditions });
        return presentSpace(ctx.db, actor, row);
      },
    });

    defineRoute(app, {
      method: 'DELETE',
      url,
      auth: 'user',
      rateLimit: editRate,
      schema: {
        tags: ['spaces'],
        summary: `Remove the space's ${kind} (owners and admins)`,
        params: HandleParams,
        response: { 204: Type.Null() },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
        await removeSpaceImage(ctx, { actor, spaceId: space.id, kind });
        return reply.status(204).send(null);
      },
    });

    defineRoute(app, {
      method: 'GET',
      url,
      auth: 'user',
      schema: {
        tags: ['spaces'],
        summary:
          kind === 'avatar'
            ? "The space's avatar as a square webp image (small 64 px, large 256 px)"
            : "The space's cover as a 3:1 webp image (small 600 px, large 1500 px wide)",
        params: HandleParams,
        querystring: ImageQuery,
        produces: ['image/webp'],
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { space } = await loadVisibleSpace(ctx.db, actor, request.params.handle);
        const fileId = kind === 'avatar' ? space.avatar_file_id : space.cover_file_id;
        const file = fileId ? await findFileKey(ctx.db, fileId) : undefined;
        const bytes = file
          ? await ctx.storage.get(imageObjectKey(file.storage_key, request.query.size ?? 'small'))
          : undefined;
        if (!bytes) throw notFound(`This space has no ${kind}.`);
        // Private: visibility can change, so shared caches must not keep it; the URL changes with the image.
        return reply.header('cache-control', 'private, max-age=3600').type('image/webp').send(bytes);
      },
    });
  }
}
