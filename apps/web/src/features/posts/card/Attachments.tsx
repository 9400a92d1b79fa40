import { FileIcon } from '../icons.tsx';
import { formatBytes } from '../labels.ts';
import type { AttachmentView, LinkPreviewView } from '../types.ts';

const isImage = (file: AttachmentView) =>
  file.mimeType.startsWith('image/') && Boolean(file.thumbnailUrl || file.url);

/** Images as thumbnails linking to the full file; other files as download links. URLs are signed and short-lived. */
export function Attachments({ files }: { files: AttachmentView[] }) {
  if (files.length === 0) return null;
  const images = files.filter(isImage);
  const others = files.filter((file) => !isImage(file));
  return (
    <div className="attachments">
      {images.length > 0 ? (
        <ul className="attachment-images" aria-label="Images">
          {images.map((file) => (
            <li key={file.id}>
              <a href={file.url} target="_blank" rel="noopener noreferrer">
                <img
                  src={file.thumbnailUrl ?? file.url}
                  alt={file.name}
                  loading="lazy"
                  width={file.width ?? undefined}
                  height={file.height ?? undefined}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className="attachment-files" aria-label="Files">
          {others.map((file) => (
            <li key={file.id}>
              <FileIcon />{' '}
              <a href={file.url} download={file.name} target="_blank" rel="noopener noreferrer">
                {file.name}
              </a>{' '}
              <span className="muted">({formatBytes(file.byteSize)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Only images served by Atrium itself can load (the content security policy allows no other host). */
const ownImage = (url: string | null) => (url && url.startsWith('/') && !url.startsWith('//') ? url : null);

export function LinkPreviews({ previews }: { previews: LinkPreviewView[] }) {
  if (previews.length === 0) return null;
  return (
    <ul className="link-previews" aria-label="Link previews">
      {previews.map((preview) => {
        const image = ownImage(preview.imageUrl);
        let host = preview.siteName;
        try {
          host ??= new URL(preview.url).host;
        } catch {
          host ??= preview.url;
        }
        return (
          <li key={preview.url} className="link-preview">
            {image ? <img src={image} alt="" loading="lazy" /> : null}
            <div className="link-preview-text">
              <span className="muted link-preview-site">{host}</span>
              <a href={preview.url} target="_blank" rel="noopener noreferrer nofollow">
                {preview.title ?? preview.url}
              </a>
              {preview.description ? <p className="link-preview-description">{preview.description}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
