import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

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

/**
 * Attachments of posts the viewer may read (the caller has checked), keyed by post id, in position order.
 * Placeholder seam: the files module fills it in.
 */
export async function attachmentViews(
  _ctx: AppContext,
  _viewerId: string,
  _postIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  return new Map();
}

/**
 * Links uploaded files to a new post inside its transaction: each must be the actor's own, unattached
 * attachment; anything else is a 400 naming the id. Placeholder seam: the files module fills it in.
 */
export async function attachFiles(
  _trx: Transaction<DB>,
  _actorId: string,
  _postId: string,
  _fileIds: readonly string[],
): Promise<void> {}
