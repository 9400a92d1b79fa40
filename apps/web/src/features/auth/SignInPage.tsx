import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Button, FormError, PageSpinner, TextField } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { formErrors } from '../../lib/formErrors.ts';
import type { Me } from '../../lib/types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { applySignedIn, returnPath, useMeQuery } from './session.ts';

export function SignInPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMeQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const signIn = useMutation({
    mutationFn: () => api.post<Me>('/api/v1/auth/sign-in', { email, password }),
    onSuccess: (result) => {
      applySignedIn(queryClient, result);
      navigate(returnPath(location.state), { replace: true });
    },
  });

  if (me.isPending) return <PageSpinner />;
  if (me.data && !signIn.isPending && !signIn.isSuccess)
    return <Navigate to={returnPath(location.state)} replace />;

  const signInErrors = formErrors(signIn.error, { email: 'Email', password: 'Password' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthLayout title="Sign in">
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormError banner={signInErrors.banner} announcement={signInErrors.announcement} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={signInErrors.field('email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={signInErrors.field('password')}
        />
        <div className="spread">
          <Button type="submit" variant="primary" loading={signIn.isPending}>
            Sign in
          </Button>
          <Link to="/reset-password">Forgot password?</Link>
        </div>
      </form>
    </AuthLayout>
  );
}
