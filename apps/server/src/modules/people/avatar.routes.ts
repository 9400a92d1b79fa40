import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { badRequest, forbidden, notFound, payloadTooLarge } from '../../platform/http/errors.ts';
import { renderAvatar } from './avatar-image.ts';
import { removeAvatar } from './commands/remove-avatar.ts';
import { avatarObjectKey, setAvatar } from './commands/set-avatar.ts';
import { findVisiblePerson, loadProfile } from './load-profile.ts';
import { canEditProfile } from './people.policy.ts';
import { findFileKey } from './people.repository.ts';
import { AvatarQuery, HandleParams, ProfileSchema } from './people.schema.ts';
import { actorOf } from './route-helpers.ts';

const editRate = { name: 'avatar-edit', max: 20, windowMs: 10 * 60_000 } as const;

export function registerAvatarRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/people/:handle/avatar',
    auth: 'user',
    rateLimit: { ...editRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['people'],
      summary: 'Upload an avatar (multipart field "file": PNG, JPEG, WebP or GIF, at most 5 MB)',
      consumes: ['multipart/form-data'],
      params: HandleParams,
      response: { 200: ProfileSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      if (!canEditProfile(actor, person))
        throw forbidden('Only this person or an administrator can edit it.');
      if (!request.isMultipart())
        throw badRequest('Send the image as multipart/form-data in the field "file".');
      const part = await request.file({ limits: { fileSize: LIMITS.avatarBytes, files: 1 } });
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
          throw payloadTooLarge('An avatar is at most 5 MB.');
        }
        throw error;
      }
      const renditions = await renderAvatar(bytes);
      const updated = await setAvatar(ctx, {
        actor,
        personId: person.id,
        renditions,
        ip: request.ip ?? null,
      });
      return loadProfile(ctx, actor, updated);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/people/:handle/avatar',
    auth: 'user',
    rateLimit: { ...editRate, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['people'],
      summary: 'Remove the avatar',
      params: HandleParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      if (!canEditProfile(actor, person))
        throw forbidden('Only this person or an administrator can edit it.');
      await removeAvatar(ctx, { actor, personId: person.id, ip: request.ip ?? null });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people/:handle/avatar',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'The avatar as a square webp image (small 64 px, large 256 px)',
      params: HandleParams,
      querystring: AvatarQuery,
      produces: ['image/webp'],
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      const file = person.avatar_file_id ? await findFileKey(ctx.db, person.avatar_file_id) : undefined;
      const bytes = file
        ? await ctx.storage.get(avatarObjectKey(file.storage_key, request.query.size ?? 'small'))
        : undefined;
      if (!bytes) throw notFound('This person has no avatar.');
      // Private: visibility can change, so shared caches must not keep it; the URL changes with the image.
      return reply.header('cache-control', 'private, max-age=3600').type('image/webp').send(bytes);
    },
  });
}
