import { LIMITS } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { fileUrlExpiry, signedFileUrl } from './file-urls.ts';
import {
  attachmentsOfPosts,
  type FileRow,
  lastAttachmentPosition,
  ownAttachments,
} from './files.repository.ts';

/** An attachment as a reader of its post sees it; URLs are short-lived and signed for that reader. */
export interface AttachmentView {
  id: string;
  name: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
}

/** The view of one attachment with fresh download URLs signed for this viewer. */
export function presentAttachment(
  secret: string,
  viewerId: string,
  file: FileRow,
  expires: number = fileUrlExpiry(),
): AttachmentView {
  const url = (variant: 'original' | 'thumbnail') =>
    signedFileUrl(secret, { fileId: file.id, variant, viewerId, expires });
  return {
    id: file.id,
    name: file.name ?? 'file',
    mimeType: file.mime_type,
    byteSize: file.byte_size,
    width: file.width,
    height: file.height,
    url: url('original'),
    thumbnailUrl: file.thumbnail_key === null ? null : url('thumbnail'),
  };
}

/**
 * Attachments of posts the viewer may read (the caller has checked), keyed by post id (every asked
 * post has an entry), in position order. The URLs still re-check access when they are used.
 */
export async function attachmentViews(
  ctx: AppContext,
  viewerId: string,
  postIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const views = new Map<string, AttachmentView[]>(postIds.map((id) => [id, []]));
  const rows = await attachmentsOfPosts(ctx.db, [...new Set(postIds)]);
  const expires = fileUrlExpiry();
  for (const row of rows) {
    views.get(row.post_id)?.push(presentAttachment(ctx.config.sessionSecret, viewerId, row, expires));
  }
  return views;
}

const cannotAttach = (fileId: string, index: number, reason: string) =>
  badRequest(`File ${fileId} ${reason}`, [{ path: `body/attachmentIds/${index}`, message: reason }]);

/**
 * Links uploaded files to a post inside the caller's transaction: each must be the actor's own,
 * unattached attachment (a missing file and someone else's get the same answer); at most
 * LIMITS.attachmentsPerPost per post. Anything else is a 400 naming the id, and the caller's
 * transaction rolls back.
 */
export async function attachFiles(
  trx: Transaction<DB>,
  actorId: string,
  postId: string,
  fileIds: readonly string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  fileIds.forEach((id, index) => {
    if (fileIds.indexOf(id) !== index) throw cannotAttach(id, index, 'is listed twice.');
  });
  const existing = await lastAttachmentPosition(trx, postId);
  if (existing.count + fileIds.length > LIMITS.attachmentsPerPost) {
    throw badRequest(`A post has at most ${LIMITS.attachmentsPerPost} attachments.`, [
      { path: 'body/attachmentIds', message: `must have at most ${LIMITS.attachmentsPerPost} items` },
    ]);
  }
  const owned = new Map((await ownAttachments(trx, actorId, fileIds)).map((f) => [f.id, f.post_id]));
  fileIds.forEach((id, index) => {
    const postOfFile = owned.get(id);
    if (postOfFile === undefined) throw cannotAttach(id, index, 'is not one of your uploaded files.');
    if (postOfFile !== null) throw cannotAttach(id, index, 'is already attached to a post.');
  });
  try {
    await trx
      .insertInto('post_attachments')
      .values(
        fileIds.map((id, index) => ({ file_id: id, post_id: postId, position: existing.last + 1 + index })),
      )
      .execute();
  } catch (error) {
    // Another post took one of the files between the check and the insert.
    if (isUniqueViolation(error)) {
      throw badRequest('One of the files was attached to another post meanwhile.', [
        { path: 'body/attachmentIds', message: 'already attached' },
      ]);
    }
    throw error;
  }
}
