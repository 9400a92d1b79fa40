import { NOTIFICATION_TYPES, type NotificationType } from '@atrium/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, api, errorMessage } from '../../lib/api.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { TYPE_LABELS } from './labels.ts';

type UnsubscribeScope = NotificationType | 'digest' | 'all';

interface UnsubscribeCheck {
  scope: UnsubscribeScope | null;
  valid: boolean;
}

const isType = (scope: string): scope is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(scope);

/** What the link turns off, as a phrase: "emails about mentions", "the email digest", "all notification emails". */
function describe(scope: UnsubscribeScope): string {
  if (scope === 'digest') return 'the email digest';
  if (scope === 'all') return 'all notification emails';
  return isType(scope) ? `emails about ${TYPE_LABELS[scope].label.toLowerCase()}` : 'these emails';
}

/**
 * /unsubscribe?token=…: the signed link from an email, no sign-in needed. It shows what the link
 * turns off and does it only when the button is pressed (mail scanners open links too).
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const check = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: ({ signal }) => api.get<UnsubscribeCheck>('/api/v1/unsubscribe', { token }, signal),
    enabled: token !== '',
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ unsubscribed: UnsubscribeScope }>('/api/v1/unsubscribe', { token }),
  });

  const refused = check.error instanceof ApiError && check.error.status >= 400 && check.error.status < 500;
  const invalid = token === '' || refused || check.data?.valid === false || check.data?.scope === null;
  let body: ReactNode;
  if (invalid) {
    body = (
      <Alert tone="danger" title="This unsubscribe link is not valid">
        It may be incomplete or altered. Copy the whole link from the email, or{' '}
        <Link to="/settings#notifications">change your email settings in Atrium</Link>.
      </Alert>
    );
  } else if (check.isPending) {
    body = <PageSpinner label="Checking the link…" />;
  } else if (check.isError) {
    body = (
      <Alert
        tone="danger"
        title="Could not check this link"
        actions={<Button onClick={() => void check.refetch()}>Try again</Button>}
      >
        {errorMessage(check.error)}
      </Alert>
    );
  } else if (confirm.isSuccess) {
    body = (
      <div className="stack">
        <Alert tone="success" title="Unsubscribed">
          You will no longer receive {describe(confirm.data.unsubscribed)}. Notifications still appear in
          Atrium.
        </Alert>
        <p>
          <Link to="/settings#notifications">Review all your notification settings</Link>
        </p>
      </div>
    );
  } else {
    const scope = check.data.scope ?? 'all';
    body = (
      <div className="stack">
        <p>
          Stop receiving <strong>{describe(scope)}</strong> at the address this email was sent to? You can
          turn them back on in your settings at any time.
        </p>
        {confirm.isError ? <Alert tone="danger">{errorMessage(confirm.error)}</Alert> : null}
        <div className="spread">
          <Button variant="primary" loading={confirm.isPending} onClick={() => confirm.mutate()}>
            Unsubscribe
          </Button>
          <Link to="/settings#notifications">Notification settings</Link>
        </div>
      </div>
    );
  }
  return <AuthLayout title="Unsubscribe">{body}</AuthLayout>;
}
