import { LIMITS } from '@atrium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert, Badge, Button, FormError, PageSpinner, TextField } from '../../components/ui/index.ts';
import { api, errorMessage } from '../../lib/api.ts';
import { fragmentParam } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { applySignedIn } from '../auth/session.ts';
import type { Me, SpaceInvitationPreview } from './types.ts';

export function AcceptSpaceInvitationPage() {
  const location = useLocation();
  const token = fragmentParam(location.hash, 'token');
  const preview = useQuery({
    queryKey: ['space-invitation-preview', token],
    queryFn: () => api.post<SpaceInvitationPreview>('/api/v1/space-invitations/preview', { token }),
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
  if (preview.data.personExists) {
    return (
      <AuthLayout title="Accept invitation">
        <div className="stack">
          <p>
            You are invited to <strong>{preview.data.space.name}</strong>. You already have an account: sign
            in and accept the invitation on the Spaces page.
          </p>
          <Link to="/sign-in" state={{ from: '/spaces' }}>
            Sign in
          </Link>
        </div>
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} preview={preview.data} />;
}

function AcceptForm({ token, preview }: { token: string; preview: SpaceInvitationPreview }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () => api.post<Me>('/api/v1/space-invitations/accept', { token, name, password }),
    onSuccess: (me) => {
      applySignedIn(queryClient, me);
      navigate(`/spaces/${preview.space.handle}`, { replace: true });
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
        <p>
          {preview.invitedBy ? `${preview.invitedBy.name} invited you to ` : 'You are invited to '}
          <strong>{preview.space.name}</strong>.{' '}
          {preview.space.audience === 'external' ? <Badge tone="warning">External community</Badge> : null}
        </p>
        <TextField label="Email" type="email" value={preview.email} readOnly autoComplete="username" />
        <FormError banner={errors.banner} announcement={errors.announcement} />
        <TextField
          label="Name"
          autoComplete="name"
          required
          maxLength={LIMITS.personName}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.field('name')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          hint={`At least ${LIMITS.password.min} characters.`}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.field('password')}
        />
        <Button type="submit" variant="primary" loading={accept.isPending}>
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}
