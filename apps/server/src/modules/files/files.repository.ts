import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, FilesTable } from '../../platform/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export const ATTACHMENT_PURPOSE = 'attachment';

export type FileRow = Selectable<FilesTable>;
/** An attachment with the post it belongs to, if it has been attached. */
export type AttachmentRow = FileRow & { post_id: string | null };

const fileColumns = [
  'files.id',
  'files.owner_id',
  'files.purpose',
  'files.storage_key',
  'files.mime_type',
  'files.byte_size',
  'files.created_at',
  'files.name',
  'files.width',
  'files.height',
  'files.thumbnail_key',
] as const;

export async function findAttachment(db: Executor, fileId: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('files')
    .leftJoin('post_attachments', 'post_attachments.file_id', 'files.id')
    .select([...fileColumns, 'post_attachments.post_id'])
    .where('files.id', '=', fileId)
    .where('files.purpose', '=', ATTACHMENT_PURPOSE)
    .executeTakeFirst();
}

/** Attachments of these posts, grouped by post in position order. */
export async function attachmentsOfPosts(
  db: Executor,
  postIds: readonly string[],
): Promise<Array<FileRow & { post_id: string }>> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_attachments')
    .innerJoin('files', 'files.id', 'post_attachments.file_id')
    .select([...fileColumns, 'post_attachments.post_id'])
    .where('post_attachments.post_id', 'in', postIds)
    .orderBy('post_attachments.post_id')
    .orderBy('post_attachments.position')
    .execute();
}

/** The facts the access rule needs about the post a file is attached to. */
export async function findPostOfAttachment(db: Executor, postId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'author_id', 'target_type', 'space_id', 'deleted_at', 'hidden_at'])
    .where('id', '=', postId)
    .executeTakeFirst();
}

/** Of these ids, the files the owner may attach: their own attachments, with whether one is taken. */
export async function ownAttachments(db: Executor, ownerId: string, fileIds: readonly string[]) {
  if (fileIds.length === 0) return [];
  return db
    .selectFrom('files')
    .leftJoin('post_attachments', 'post_attachments.file_id', 'files.id')
    .select(['files.id', 'post_attachments.post_id'])
    .where('files.id', 'in', fileIds)
    .where('files.owner_id', '=', ownerId)
    .where('files.purpose', '=', ATTACHMENT_PURPOSE)
    .execute();
}

export async function lastAttachmentPosition(db: Executor, postId: string) {
  const row = await db
    .selectFrom('post_attachments')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('position').as('last')])
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return {
    count: Number(row?.count ?? 0),
    last: row?.last === null || row?.last === undefined ? -1 : Number(row.last),
  };
}
