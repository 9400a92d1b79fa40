import { LIMITS } from '@atrium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  FormError,
  PageSpinner,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { InternalDomain } from '../../lib/types.ts';

export function AdminDomains() {
  const queryClient = useQueryClient();
  const [domain, setDomain] = useState('');
  const domains = useQuery({
    queryKey: queryKeys.admin.domains,
    queryFn: () => api.get<{ items: InternalDomain[] }>('/api/v1/admin/internal-domains'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.domains });
  const add = useMutation({
    mutationFn: () => api.post('/api/v1/admin/internal-domains', { domain: domain.trim().toLowerCase() }),
    onSuccess: () => {
      setDomain('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (value: string) => api.delete(`/api/v1/admin/internal-domains/${enc(value)}`),
    onSuccess: () => void refresh(),
  });
  const addErrors = useFormErrors(add, { domain: 'Domain' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <Card title="Internal domains">
      <p className="muted">
        People invited with an email address on one of these domains join as members. Everyone else joins as
        an external person and never sees internal content.
      </p>
      <form ref={addErrors.formRef} className="stack" onSubmit={onSubmit} noValidate>
        <FormError banner={addErrors.banner} announcement={addErrors.announcement} />
        <div className="row-end">
          <TextField
            label="Domain"
            placeholder="example.com"
            required
            maxLength={LIMITS.domain}
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            error={addErrors.field('domain')}
          />
          <Button type="submit" variant="primary" loading={add.isPending}>
            Add domain
          </Button>
        </div>
      </form>
      {remove.isError ? <Alert tone="danger">{errorMessage(remove.error)}</Alert> : null}
      <h3 className="section-heading">Domains</h3>
      {domains.isPending ? (
        <PageSpinner label="Loading domains…" />
      ) : domains.isError ? (
        <Alert tone="danger">{errorMessage(domains.error)}</Alert>
      ) : domains.data.items.length === 0 ? (
        <EmptyState title="No internal domains yet">
          Until you add one, every invited person joins as external.
        </EmptyState>
      ) : (
        <ul className="domain-list">
          {domains.data.items.map((item) => (
            <li key={item.domain} className="spread">
              <span>
                <strong>{item.domain}</strong>{' '}
                <span className="muted">added {formatDate(item.createdAt)}</span>
              </span>
              <Button
                size="sm"
                variant="danger"
                loading={remove.isPending && remove.variables === item.domain}
                onClick={() => remove.mutate(item.domain)}
                aria-label={`Remove ${item.domain}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
