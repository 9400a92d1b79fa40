import { Link } from 'react-router';
import { Badge } from '../../components/ui/index.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { AcceptInvitationForm, InvitationLinkPage } from '../auth/InvitationLink.tsx';
import type { SpaceInvitationPreview } from './types.ts';

export function AcceptSpaceInvitationPage() {
  return (
    <InvitationLinkPage<SpaceInvitationPreview>
      queryKey="space-invitation-preview"
      previewPath="/api/v1/space-invitations/preview"
    >
      {(token, preview) =>
        preview.personExists ? (
          <AuthLayout title="Accept invitation">
            <div className="stack">
              <p>
                You are invited to <strong>{preview.space.name}</strong>. You already have an account: sign in
                and accept the invitation on the Spaces page.
              </p>
              <Link to="/sign-in" state={{ from: '/spaces' }}>
                Sign in
              </Link>
            </div>
          </AuthLayout>
        ) : (
          <AcceptInvitationForm
            token={token}
            acceptPath="/api/v1/space-invitations/accept"
            email={preview.email}
            destination={() => `/spaces/${preview.space.handle}`}
            intro={
              <>
                {preview.invitedBy ? `${preview.invitedBy.name} invited you to ` : 'You are invited to '}
                <strong>{preview.space.name}</strong>.{' '}
                {preview.space.audience === 'external' ? (
                  <Badge tone="warning">External community</Badge>
                ) : null}
              </>
            }
          />
        )
      }
    </InvitationLinkPage>
  );
}
