import { FileIcon } from '../icons.tsx';
import { formatBytes } from '../labels.ts';
import type { Upload } from './useUploads.ts';

interface UploadListProps {
  uploads: Upload[];
  onRemove: (key: string) => void;
}

/** The files attached to the draft, each with its progress or its error, and a remove button. */
export function UploadList({ uploads, onRemove }: UploadListProps) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-list" aria-label="Attachments">
      {uploads.map((upload) => {
        const percent = Math.round(upload.progress * 100);
        return (
          <li key={upload.key} className={`upload upload-${upload.status}`}>
            {upload.previewUrl ? (
              <img className="upload-thumb" src={upload.previewUrl} alt="" />
            ) : (
              <span className="upload-thumb upload-icon" aria-hidden="true">
                <FileIcon />
              </span>
            )}
            <div className="upload-text">
              <span className="upload-name">{upload.name}</span>
              <span className="muted">{formatBytes(upload.size)}</span>
              {upload.status === 'uploading' ? (
                <progress max={100} value={percent} aria-label={`Uploading ${upload.name}`}>
                  {percent}%
                </progress>
              ) : null}
              <span className="upload-status" role={upload.status === 'failed' ? 'alert' : undefined}>
                {upload.status === 'uploading'
                  ? `${percent}%`
                  : upload.status === 'done'
                    ? 'Uploaded'
                    : `Failed: ${upload.error ?? 'unknown error'}`}
              </span>
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label={`${upload.status === 'uploading' ? 'Cancel' : 'Remove'} ${upload.name}`}
              onClick={() => onRemove(upload.key)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
