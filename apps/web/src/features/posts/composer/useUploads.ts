import { LIMITS } from '@atrium/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, enc, errorMessage } from '../../../lib/api.ts';
import { uploadFile } from './uploadFile.ts';

export interface Upload {
  key: string;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  /** The file's id once uploaded. */
  id: string | null;
  error: string | null;
  /** A local preview for images (blob: URL). */
  previewUrl: string | null;
}

let sequence = 0;

/** Files being attached to one post: each uploads at once, with its own progress, and can be removed. */
export function useUploads(csrfFallback: string | null) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const [notice, setNotice] = useState<string | null>(null);

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const room = LIMITS.attachmentsPerPost - uploads.length;
      const accepted = files.slice(0, Math.max(room, 0));
      setNotice(
        accepted.length < files.length
          ? `A post can have at most ${LIMITS.attachmentsPerPost} attachments; ${files.length - accepted.length} not added.`
          : null,
      );
      for (const file of accepted) {
        sequence += 1;
        const key = `upload-${sequence}`;
        const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
        const entry: Upload = {
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          status: 'uploading',
          id: null,
          error: null,
          previewUrl,
        };
        setUploads((list) => [...list, entry]);
        const handle = uploadFile(file, (progress) => update(key, { progress }), csrfFallback);
        aborts.current.set(key, handle.abort);
        handle.promise.then(
          (uploaded) => update(key, { status: 'done', id: uploaded.id, progress: 1 }),
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            update(key, { status: 'failed', error: errorMessage(error) });
          },
        );
        handle.promise.finally(() => aborts.current.delete(key)).catch(() => undefined);
      }
    },
    [uploads.length, csrfFallback, update],
  );

  const remove = useCallback(
    (key: string) => {
      aborts.current.get(key)?.();
      aborts.current.delete(key);
      const gone = uploads.find((item) => item.key === key);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      // An upload nobody will attach: delete it now rather than leave it for the clean-up.
      if (gone?.id) api.delete(`/api/v1/files/${enc(gone.id)}`).catch(() => undefined);
      setUploads((list) => list.filter((item) => item.key !== key));
    },
    [uploads],
  );

  const clear = useCallback(() => {
    for (const abort of aborts.current.values()) abort();
    aborts.current.clear();
    setUploads((list) => {
      for (const item of list) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      return [];
    });
    setNotice(null);
  }, []);

  // Leaving the page stops uploads nobody will use.
  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const abort of pending.values()) abort();
    };
  }, []);

  const ids = uploads.flatMap((item) => (item.status === 'done' && item.id ? [item.id] : []));
  const busy = uploads.some((item) => item.status === 'uploading');
  const failed = uploads.some((item) => item.status === 'failed');
  return { uploads, add, remove, clear, ids, busy, failed, notice };
}
