import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { Alert, Button, Card } from '../../components/ui/index.ts';
import { ApiError, errorMessage, request } from '../../lib/api.ts';
import { refreshSpaces, spaceKeys, spacePath } from './api.ts';
import type { Space } from './types.ts';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

export function SpaceImages({ space }: { space: Space }) {
  return (
    <Card title="Images">
      <div className="image-editors">
        <ImageEditor space={space} kind="avatar" />
        <ImageEditor space={space} kind="cover" />
      </div>
    </Card>
  );
}

function ImageEditor({ space, kind }: { space: Space; kind: 'avatar' | 'cover' }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const limit = kind === 'avatar' ? LIMITS.avatarBytes : LIMITS.coverBytes;
  const limitText = `${limit / 1024 / 1024} MB`;
  const [tooLarge, setTooLarge] = useState(false);
  const path = spacePath(space.handle, `/${kind}`);
  const current = kind === 'avatar' ? space.avatarUrl : space.coverUrl;
  const label = kind === 'avatar' ? 'Avatar' : 'Cover image';

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return request<Space>('PUT', path, { body: form });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(spaceKeys.detail(space.handle), updated);
      refreshSpaces(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: () => request<void>('DELETE', path),
    onSuccess: () => refreshSpaces(queryClient),
  });
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    upload.reset();
    remove.reset();
    setTooLarge(file.size > limit);
    if (file.size <= limit) upload.mutate(file);
  };
  const failure = upload.isError ? upload.error : remove.isError ? remove.error : null;
  const error = tooLarge
    ? `That image is too large. Choose one under ${limitText}.`
    : failure instanceof ApiError && failure.status === 415
      ? 'That file is not a supported image. Use PNG, JPEG, WebP or GIF.'
      : failure
        ? errorMessage(failure)
        : null;

  return (
    <fieldset className="fieldset stack">
      <legend>{label}</legend>
      {current ? (
        <img className={`space-image-preview space-image-${kind}`} src={current} alt="" />
      ) : (
        <p className="muted">None yet.</p>
      )}
      <div className="row">
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="visually-hidden file-input"
          onChange={onFile}
          disabled={upload.isPending}
          aria-describedby={`${inputId}-hint`}
        />
        <label htmlFor={inputId} className="btn btn-secondary file-label">
          {upload.isPending ? 'Uploading…' : `Upload ${label.toLowerCase()}`}
        </label>
        {current ? (
          <Button variant="ghost" onClick={() => remove.mutate()} loading={remove.isPending}>
            Remove {label.toLowerCase()}
          </Button>
        ) : null}
      </div>
      <p id={`${inputId}-hint`} className="field-hint">
        PNG, JPEG, WebP or GIF, up to {limitText}.
      </p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </fieldset>
  );
}
