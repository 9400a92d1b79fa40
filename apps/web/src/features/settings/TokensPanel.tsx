import { LIMITS } from '@atrium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FormError,
  PageSpinner,
  Select,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { ApiToken, TokenScope } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { SecretReveal } from './SecretReveal.tsx';

const EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function tokenStatus(token: ApiToken) {
  if (token.revokedAt) return <Badge tone="danger">Revoked</Badge>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now())
    return <Badge tone="warning">Expired</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export function TokensPanel() {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: queryKeys.tokens,
    queryFn: () => api.get<{ items: ApiToken[] }>('/api/v1/me/tokens'),
  });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiry, setExpiry] = useState('30');
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);

  const create = useMutation({
    mutationFn: () =>
      api.post<{ token: ApiToken; secret: string }>('/api/v1/me/tokens', {
        name: name.trim(),
        scopes,
        expiresInDays: expiry === 'never' ? null : Number(expiry),
      }),
    onSuccess: (result) => {
      setSecret({ name: result.token.name, value: result.secret });
      setName('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
  const revoke = useConfirmAction({
    mutationFn: (item: ApiToken) => api.delete(`/api/v1/me/tokens/${enc(item.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
  const revoking = revoke.target;

  const createErrors = useFormErrors(create, {
    name: 'Token name',
    scopes: 'Scopes',
    expiresInDays: 'Expires',
  });
  const toggleScope = (scope: TokenScope, on: boolean) =>
    setScopes((old) => (on ? [...new Set([...old, scope])] : old.filter((item) => item !== scope)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    create.mutate();
  };

  return (
    <Card title="API tokens">
      <p className="muted">Personal tokens let scripts use the API as you. Treat them like passwords.</p>
      {secret ? (
        <SecretReveal name={secret.name} secret={secret.value} onDone={() => setSecret(null)} />
      ) : null}
      <form ref={createErrors.formRef} className="stack token-form" onSubmit={onSubmit} noValidate>
        <FormError banner={createErrors.banner} announcement={createErrors.announcement} />
        <div className="form-row">
          <TextField
            label="Token name"
            required
            maxLength={LIMITS.tokenName}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={createErrors.field('name')}
          />
          <Select
            label="Expires"
            className="field-compact"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            options={EXPIRY_OPTIONS}
            error={createErrors.field('expiresInDays')}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Scopes</legend>
          <Checkbox
            label="Read"
            checked={scopes.includes('read')}
            onChange={(event) => toggleScope('read', event.target.checked)}
          />
          <Checkbox
            label="Write"
            checked={scopes.includes('write')}
            onChange={(event) => toggleScope('write', event.target.checked)}
          />
        </fieldset>
        {createErrors.field('scopes') ? <p className="field-error">{createErrors.field('scopes')}</p> : null}
        <div>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={scopes.length === 0}>
            Create token
          </Button>
        </div>
      </form>

      <h3 className="section-heading">Your tokens</h3>
      {tokens.isPending ? (
        <PageSpinner label="Loading tokens…" />
      ) : tokens.isError ? (
        <Alert tone="danger">{errorMessage(tokens.error)}</Alert>
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title="No API tokens yet" />
      ) : (
        <DataTable
          label="API tokens table"
          caption="API tokens"
          columns={['Name', 'Scopes', 'Status', 'Created', 'Expires', 'Last used']}
          actions
        >
          {tokens.data.items.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{token.scopes.join(', ')}</td>
              <td>{tokenStatus(token)}</td>
              <td className="nowrap">{formatDate(token.createdAt)}</td>
              <td className="nowrap">{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</td>
              <td className="nowrap">{formatDateTime(token.lastUsedAt)}</td>
              <td className="cell-actions">
                {token.revokedAt ? null : (
                  <Button
                    size="sm"
                    onClick={() => revoke.ask(token)}
                    aria-label={`Revoke token ${token.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ConfirmDialog {...revoke.dialog} title="Revoke token?" confirmLabel="Revoke token" danger>
        <p>
          Scripts using <strong>{revoking?.name}</strong> will stop working at once. This cannot be undone.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
