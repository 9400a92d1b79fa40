import { ApiError, type ProblemBody } from '../../../lib/api.ts';
import type { UploadedFile } from '../types.ts';

export interface UploadHandle {
  promise: Promise<UploadedFile>;
  abort: () => void;
}

function csrfToken(fallback: string | null): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith('atrium_csrf='));
  return match ? decodeURIComponent(match.slice('atrium_csrf='.length)) : fallback;
}

function problemOf(xhr: XMLHttpRequest): ProblemBody {
  try {
    const parsed: unknown = JSON.parse(xhr.responseText);
    if (parsed && typeof parsed === 'object') return parsed as ProblemBody;
  } catch {
    // not JSON: a proxy or the network answered
  }
  if (xhr.status === 413) return { title: 'Too large', detail: 'The file is too large.' };
  if (xhr.status === 415) return { title: 'Unsupported', detail: 'That file type is not supported.' };
  return { title: 'Upload failed', detail: `The upload failed (${xhr.status || 'network error'}).` };
}

/**
 * POST /api/v1/files with one file. XMLHttpRequest rather than fetch: only it reports upload progress.
 * `onProgress` gets a fraction between 0 and 1.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  fallbackCsrf: string | null,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', '/api/v1/files');
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken(fallbackCsrf);
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(
            new ApiError(xhr.status, { title: 'Upload failed', detail: 'The server answer was unreadable.' }),
          );
        }
      } else {
        reject(new ApiError(xhr.status, problemOf(xhr)));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { title: 'Network error', detail: 'Could not reach the server. Try again.' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
