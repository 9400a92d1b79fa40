import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Badge,
  type BadgeTone,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FormError,
  ListStates,
  LoadMore,
  Select,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import type { Invitation, InvitationStatus, Page, SiteRole } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { KIND_LABELS, ROLE_LABELS, ROLE_OPTIONS } from './labels.ts';

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'danger',
  expired: 'neutral',
};
const STATUS_LABEL: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

export function AdminInvitations() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SiteRole>('user');
  const [status, setStatus] = useState('');
  const [sent, setSent] = useState<Invitation | null>(null);

  const list = useInfiniteQuery({
    queryKey: ['admin', 'invitations', status],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Invitation>>('/api/v1/admin/invitations', { status, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'invitations'] });

  const invite = useMutation({
    mutationFn: () => api.post<Invitation>('/api/v1/admin/invitations', { email: email.trim(), role }),
    onSuccess: (invitation) => {
      setSent(invitation);
      setEmail('');
      void refresh();
    },
  });
  const revoke = useConfirmAction({
    mutationFn: (item: Invitation) => api.delete(`/api/v1/admin/invitations/${enc(item.id)}`),
    onSuccess: () => {
      void refresh();
    },
  });
  const revoking = revoke.target;

  const inviteErrors = useFormErrors(invite, { email: 'Email', role: 'Role' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    invite.mutate();
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <Card title="Invite someone">
        <form ref={inviteErrors.formRef} className="stack" onSubmit={onSubmit} noValidate>
          <FormError banner={inviteErrors.banner} announcement={inviteErrors.announcement} />
          {sent ? (
            <Alert tone="success">
              Invitation sent to {sent.email} ({KIND_LABELS[sent.kind].toLowerCase()},{' '}
              {ROLE_LABELS[sent.role]}).
            </Alert>
          ) : null}
          <div className="row-end">
            <TextField
              label="Email"
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={inviteErrors.field('email')}
              className="grow"
            />
            <Select
              label="Role"
              value={role}
              onChange={(event) => setRole(event.target.value as SiteRole)}
              options={ROLE_OPTIONS}
              error={inviteErrors.field('role')}
            />
            <Button type="submit" variant="primary" loading={invite.isPending}>
              Invite
            </Button>
          </div>
          <p className="field-hint">
            Addresses on an internal domain join as members; everyone else joins as an external person.
          </p>
        </form>
      </Card>
      <Card title="Invitations">
        <div className="admin-filters">
          <Select
            label="Status"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            options={[
              { value: '', label: 'Any status' },
              ...Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
        <ListStates
          query={list}
          count={items.length}
          loadingLabel="Loading invitations…"
          empty={<EmptyState title="No invitations" />}
        >
          <DataTable
            label="Invitations table"
            caption="Invitations"
            columns={['Email', 'Kind', 'Role', 'Status', 'Invited by', 'Sent', 'Expires']}
            actions
          >
            {items.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{KIND_LABELS[invitation.kind]}</td>
                <td>{ROLE_LABELS[invitation.role]}</td>
                <td>
                  <Badge tone={STATUS_TONE[invitation.status]}>{STATUS_LABEL[invitation.status]}</Badge>
                </td>
                <td>{invitation.invitedBy?.name ?? '—'}</td>
                <td className="nowrap">{formatDate(invitation.createdAt)}</td>
                <td className="nowrap">{formatDate(invitation.expiresAt)}</td>
                <td className="cell-actions">
                  {invitation.status === 'pending' ? (
                    <Button
                      size="sm"
                      onClick={() => revoke.ask(invitation)}
                      aria-label={`Revoke invitation for ${invitation.email}`}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </ListStates>
        <LoadMore pages={list} />
      </Card>
      <ConfirmDialog {...revoke.dialog} title="Revoke invitation?" confirmLabel="Revoke invitation" danger>
        <p>The link sent to {revoking?.email} will stop working.</p>
      </ConfirmDialog>
    </div>
  );
}
