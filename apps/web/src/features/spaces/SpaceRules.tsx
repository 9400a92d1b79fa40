import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, FormError, Select, TextField } from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { refreshSpaces, spaceKeys, spacePath } from './api.ts';
import type { Space, SpaceRule, SpaceRuleField } from './types.ts';

const FIELD_LABELS: Record<SpaceRuleField, string> = { department: 'Department', location: 'Location' };

/** Membership rules: people whose profile matches join automatically and leave when it stops matching. */
export function SpaceRules({ space }: { space: Space }) {
  const queryClient = useQueryClient();
  const key = [...spaceKeys.detail(space.handle), 'rules'];
  const rules = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: SpaceRule[] }>(spacePath(space.handle, '/rules')),
    initialData: { items: space.rules },
  });
  const [field, setField] = useState<SpaceRuleField>('department');
  const [value, setValue] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    refreshSpaces(queryClient);
  };
  const add = useMutation({
    mutationFn: () => api.post<SpaceRule>(spacePath(space.handle, '/rules'), { field, value: value.trim() }),
    onSuccess: () => {
      setValue('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(spacePath(space.handle, `/rules/${enc(id)}`)),
    onSuccess: refresh,
  });
  const errors = useFormErrors(add, { field: 'Field', value: 'Value' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const items = rules.data?.items ?? [];

  return (
    <Card title="Membership rules">
      <p className="muted">
        Employees whose profile matches a rule join automatically, and leave when it stops matching.
      </p>
      {items.length > 0 ? (
        <ul className="member-list">
          {items.map((rule) => (
            <li key={rule.id} className="member-row">
              <span>
                {FIELD_LABELS[rule.field]} is <strong>{rule.value}</strong>
              </span>
              <Button
                size="sm"
                variant="ghost"
                loading={remove.isPending && remove.variables === rule.id}
                onClick={() => remove.mutate(rule.id)}
                aria-label={`Remove rule ${FIELD_LABELS[rule.field]} is ${rule.value}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No rules yet.</p>
      )}
      {remove.isError ? <Alert tone="danger">{errorMessage(remove.error)}</Alert> : null}
      <form ref={errors.formRef} className="stack" onSubmit={onSubmit} noValidate>
        <FormError banner={errors.banner} announcement={errors.announcement} />
        <div className="row-end">
          <Select
            label="Field"
            value={field}
            onChange={(event) => setField(event.target.value as SpaceRuleField)}
            options={[
              { value: 'department', label: 'Department' },
              { value: 'location', label: 'Location' },
            ]}
            error={errors.field('field')}
          />
          <TextField
            label="Value"
            required
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={errors.field('value')}
            className="grow"
          />
          <Button type="submit" loading={add.isPending}>
            Add rule
          </Button>
        </div>
      </form>
    </Card>
  );
}
