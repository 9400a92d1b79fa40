import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-parts.ts';

export const FileIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const FileContentQuery = Type.Object({
  variant: Type.Union([Type.Literal('original'), Type.Literal('thumbnail')]),
  expires: Type.Integer({ minimum: 0, maximum: 1e12 }),
  signature: Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' }),
});

/** What the uploader gets back: the id to pass as one of a new post's `attachmentIds`. */
export const UploadedFileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
});

/** An attachment as a reader sees it: `url` and `thumbnailUrl` are signed for this reader and expire. */
export const AttachmentViewSchema = Type.Object({
  ...UploadedFileSchema.properties,
  url: Type.String(),
  thumbnailUrl: Nullable(Type.String()),
});

export const FileViewSchema = Type.Object({
  ...AttachmentViewSchema.properties,
  /** The post the file is attached to; null while only its uploader can see it. */
  postId: Nullable(Type.String()),
});
