import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, FormError, TextField } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';

export function PasswordForm() {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => api.put<void>('/api/v1/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });
  const changeErrors = useFormErrors(change, {
    currentPassword: 'Current password',
    newPassword: 'New password',
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <Card title="Change password">
      <form ref={changeErrors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
        <FormError banner={changeErrors.banner} announcement={changeErrors.announcement} />
        {change.isSuccess ? (
          <Alert tone="success">Password changed. Your other sessions have been signed out.</Alert>
        ) : null}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={changeErrors.field('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          hint={`At least ${LIMITS.password.min} characters.`}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={changeErrors.field('newPassword')}
        />
        <div>
          <Button type="submit" variant="primary" loading={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
