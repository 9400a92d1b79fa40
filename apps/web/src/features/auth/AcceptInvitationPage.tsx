import { Badge } from '../../components/ui/index.ts';
import type { InvitationPreview } from '../../lib/types.ts';
import { AcceptInvitationForm, InvitationLinkPage } from './InvitationLink.tsx';

export function AcceptInvitationPage() {
  return (
    <InvitationLinkPage<InvitationPreview>
      queryKey="invitation-preview"
      previewPath="/api/v1/invitations/preview"
    >
      {(token, preview) => (
        <AcceptInvitationForm
          token={token}
          acceptPath="/api/v1/invitations/accept"
          email={preview.email}
          destination={(me) => `/people/${me.person.handle}`}
          intro={
            <>
              {preview.invitedBy
                ? `${preview.invitedBy.name} invited you to Atrium.`
                : 'You are invited to Atrium.'}{' '}
              {preview.kind === 'external' ? <Badge tone="warning">External</Badge> : null}
            </>
          }
        />
      )}
    </InvitationLinkPage>
  );
}
