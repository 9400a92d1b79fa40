import { LIMITS } from '@atrium/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, FormError, TextField } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { formErrors, useFormErrors } from '../../lib/formErrors.ts';
import { useFragmentToken } from '../../lib/useFragmentToken.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function ResetPasswordPage() {
  const token = useFragmentToken();
  return token ? <ChooseNewPassword token={token} /> : <RequestReset />;
}

function RequestReset() {
  const [email, setEmail] = useState('');
  const requestReset = useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/password-reset', { email }),
  });
  const requestResetErrors = useFormErrors(requestReset, { email: 'Email' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    requestReset.mutate();
  };
  return (
    <AuthLayout title="Reset your password">
      {requestReset.isSuccess ? (
        <div className="stack">
          <Alert tone="success" title="Check your email">
            If an account exists for {email}, we sent a link to choose a new password.
          </Alert>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      ) : (
        <form ref={requestResetErrors.formRef} className="stack" onSubmit={onSubmit} noValidate>
          <p className="muted">
            Enter your email address and we will send you a link to choose a new password.
          </p>
          <FormError banner={requestResetErrors.banner} announcement={requestResetErrors.announcement} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={requestResetErrors.field('email')}
          />
          <div className="spread">
            <Button type="submit" variant="primary" loading={requestReset.isPending}>
              Send reset link
            </Button>
            <Link to="/sign-in">Back to sign in</Link>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/password-reset/confirm', { token, password }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const confirmErrors = formErrors(confirm.error, { password: 'New password' });
  const tokenInvalid = confirm.error && 'code' in confirm.error && confirm.error.code === 'token_invalid';
  return (
    <AuthLayout title="Choose a new password">
      {confirm.isSuccess ? (
        <div className="stack">
          <Alert tone="success" title="Password changed">
            Your password has been changed. Sign in with your new password.
          </Alert>
          <Link to="/sign-in">Go to sign in</Link>
        </div>
      ) : (
        <form className="stack" onSubmit={onSubmit} noValidate>
          {confirmErrors.banner ? (
            <Alert tone="danger">
              {confirmErrors.banner}{' '}
              {tokenInvalid ? <Link to="/reset-password">Request a new link.</Link> : null}
            </Alert>
          ) : (
            <FormError banner={null} announcement={confirmErrors.announcement} />
          )}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            minLength={LIMITS.password.min}
            maxLength={LIMITS.password.max}
            hint={`At least ${LIMITS.password.min} characters.`}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={confirmErrors.field('password')}
          />
          <Button type="submit" variant="primary" loading={confirm.isPending}>
            Set new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
