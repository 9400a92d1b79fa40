import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface LinkPreviewView {
  url: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
  imageUrl: string | null;
}

/**
 * Fetched previews of the links in posts the viewer may read (the caller has checked), keyed by post id.
 * Placeholder seam: the link-previews module fills it in.
 */
export async function previewViews(
  _db: Kysely<DB> | Transaction<DB>,
  _postIds: readonly string[],
): Promise<Map<string, LinkPreviewView[]>> {
  return new Map();
}
