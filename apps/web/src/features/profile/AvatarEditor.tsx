import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { Alert, Avatar, Button } from '../../components/ui/index.ts';
import { ApiError, enc, errorMessage, request } from '../../lib/api.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Profile } from '../../lib/types.ts';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

function uploadMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) {
    return 'That image is too large. Choose one under 5 MB.';
  }
  if (error instanceof ApiError && (error.status === 415 || error.code === 'unsupported_file')) {
    return 'That file is not a supported image. Use PNG, JPEG, WebP or GIF.';
  }
  return errorMessage(error);
}

export function AvatarEditor({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [tooLarge, setTooLarge] = useState(false);
  const path = `/api/v1/people/${enc(profile.handle)}/avatar`;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  };

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return request<Profile>('PUT', path, { body: form });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.people.profile(profile.handle), updated);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => request<void>('DELETE', path), onSuccess: refresh });

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    upload.reset();
    remove.reset();
    setTooLarge(file.size > LIMITS.avatarBytes);
    if (file.size > LIMITS.avatarBytes) return;
    upload.mutate(file);
  };

  const error = tooLarge
    ? 'That image is too large. Choose one under 5 MB.'
    : upload.isError
      ? uploadMessage(upload.error)
      : remove.isError
        ? errorMessage(remove.error)
        : null;

  return (
    <fieldset className="fieldset avatar-editor">
      <legend>Photo</legend>
      <Avatar name={profile.name} src={profile.avatarUrl} size="lg" />
      <div className="stack">
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
            {upload.isPending ? 'Uploading…' : 'Upload photo'}
          </label>
          {profile.avatarUrl ? (
            <Button variant="ghost" onClick={() => remove.mutate()} loading={remove.isPending}>
              Remove photo
            </Button>
          ) : null}
        </div>
        <p id={`${inputId}-hint`} className="field-hint">
          PNG, JPEG, WebP or GIF, up to 5 MB.
        </p>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {upload.isSuccess && !error ? <Alert tone="success">Photo updated.</Alert> : null}
      </div>
    </fieldset>
  );
}
