import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Button, FormError, PageSpinner, TextField } from '../../components/ui/index.ts';
import { api } from '../../lib/api.ts';
import { formErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Me } from '../../lib/types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordField, PersonNameField } from './NewAccountFields.tsx';
import { applySignedIn } from './session.ts';

/** First-run onboarding: creates the first administrator. Only reachable while the server says it is needed. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const setup = useQuery({
    queryKey: queryKeys.setup,
    queryFn: () => api.get<{ needed: boolean }>('/api/v1/setup'),
  });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const create = useMutation({
    mutationFn: () => api.post<Me>('/api/v1/setup', { name, email, password }),
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.setup, { needed: false });
      applySignedIn(queryClient, me);
      navigate(`/people/${me.person.handle}`, { replace: true });
    },
  });

  if (setup.isPending) return <PageSpinner />;
  if (!setup.data?.needed && !create.isPending && !create.isSuccess)
    return <Navigate to="/sign-in" replace />;

  const createErrors = formErrors(create.error, { name: 'Name', email: 'Email', password: 'Password' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <AuthLayout title="Welcome to Atrium">
      <form className="stack" onSubmit={onSubmit} noValidate>
        <p className="muted">
          Create the first administrator account to finish setting up this installation.
        </p>
        <FormError banner={createErrors.banner} announcement={createErrors.announcement} />
        <PersonNameField value={name} onChange={setName} error={createErrors.field('name')} />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={createErrors.field('email')}
        />
        <NewPasswordField value={password} onChange={setPassword} error={createErrors.field('password')} />
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create administrator
        </Button>
      </form>
    </AuthLayout>
  );
}
