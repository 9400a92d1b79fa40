import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, FormError, PageSpinner, TextField } from '../../components/ui/index.ts';
import { api, errorMessage } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import type { Me } from '../../lib/types.ts';
import { useFragmentToken } from '../../lib/useFragmentToken.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordField, PersonNameField } from './NewAccountFields.tsx';
import { applySignedIn } from './session.ts';

interface InvitationLinkPageProps<T> {
  queryKey: string;
  /** Where to check the token before showing anything. */
  previewPath: string;
  children: (token: string, preview: T) => ReactNode;
}

/** An invitation link (#token=…): checks the token first and explains when it cannot be used. */
export function InvitationLinkPage<T>({ queryKey, previewPath, children }: InvitationLinkPageProps<T>) {
  const token = useFragmentToken();
  const preview = useQuery({
    queryKey: [queryKey, token],
    queryFn: () => api.post<T>(previewPath, { token }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (!token) {
    return (
      <AuthLayout title="Accept invitation">
        <Alert tone="danger">This invitation link is incomplete. Open the link from your email again.</Alert>
      </AuthLayout>
    );
  }
  if (preview.isPending) return <PageSpinner label="Checking your invitation…" />;
  if (preview.isError) {
    return (
      <AuthLayout title="Accept invitation">
        <div className="stack">
          <Alert tone="danger" title="This invitation cannot be used">
            {errorMessage(preview.error)}
          </Alert>
          <p className="muted">Ask the person who invited you to send a new invitation.</p>
          <Link to="/sign-in">Go to sign in</Link>
        </div>
      </AuthLayout>
    );
  }
  return children(token, preview.data);
}

interface AcceptInvitationFormProps {
  token: string;
  /** Where the token, name and password are sent. */
  acceptPath: string;
  /** The invited address, shown read-only. */
  email: string;
  /** Who invited them, and to what. */
  intro: ReactNode;
  /** Where to go once the new account is signed in. */
  destination: (me: Me) => string;
}

/** Creates the invited person's account (name and password) and signs them in. */
export function AcceptInvitationForm({
  token,
  acceptPath,
  email,
  intro,
  destination,
}: AcceptInvitationFormProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () => api.post<Me>(acceptPath, { token, name, password }),
    onSuccess: (me) => {
      applySignedIn(queryClient, me);
      navigate(destination(me), { replace: true });
    },
  });
  const errors = useFormErrors(accept, { name: 'Name', password: 'Password' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };

  return (
    <AuthLayout title="Accept invitation">
      <form ref={errors.formRef} className="stack" onSubmit={onSubmit} noValidate>
        <p>{intro}</p>
        <TextField label="Email" type="email" value={email} readOnly autoComplete="username" />
        <FormError banner={errors.banner} announcement={errors.announcement} />
        <PersonNameField value={name} onChange={setName} error={errors.field('name')} />
        <NewPasswordField value={password} onChange={setPassword} error={errors.field('password')} />
        <Button type="submit" variant="primary" loading={accept.isPending}>
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}
