import { LIMITS } from '@atrium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FormError,
  PageSpinner,
  Select,
  TextArea,
  TextField,
} from '../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { CustomField, CustomFieldType, FieldVisibility } from '../../lib/types.ts';
import { useConfirmAction } from '../../lib/useConfirmAction.ts';
import { CustomFieldDialog } from './CustomFieldDialog.tsx';
import {
  keyFromLabel,
  parseOptions,
  TYPE_LABELS,
  TYPE_OPTIONS,
  VISIBILITY_OPTIONS,
} from './customFieldForm.ts';

/** The first few choices of a list; the rest are counted (the full list is in the tooltip). */
function optionsSummary(options: string[], shown = 5): string {
  if (options.length <= shown) return options.join(', ');
  return `${options.slice(0, shown).join(', ')} and ${options.length - shown} more`;
}

export function AdminCustomFields() {
  const queryClient = useQueryClient();
  const fields = useQuery({
    queryKey: queryKeys.admin.customFields,
    queryFn: () => api.get<{ items: CustomField[] }>('/api/v1/admin/custom-fields'),
  });
  const [editing, setEditing] = useState<CustomField | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.admin.customFields });
    void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
  };
  const remove = useConfirmAction({
    mutationFn: (item: CustomField) => api.delete(`/api/v1/admin/custom-fields/${enc(item.id)}`),
    onSuccess: () => {
      refresh();
    },
  });
  const deleting = remove.target;
  const sorted = [...(fields.data?.items ?? [])].sort((a, b) => a.position - b.position);

  return (
    <div className="stack">
      <NewFieldForm onCreated={refresh} />
      <Card title="Profile fields">
        {fields.isPending ? (
          <PageSpinner label="Loading fields…" />
        ) : fields.isError ? (
          <Alert tone="danger">{errorMessage(fields.error)}</Alert>
        ) : sorted.length === 0 ? (
          <EmptyState title="No custom fields yet">
            Add fields such as “Cost center” or “Pronouns”.
          </EmptyState>
        ) : (
          <DataTable
            label="Profile fields table"
            caption="Profile fields"
            columns={['Position', 'Label', 'Key', 'Type', 'Visible to']}
            actions
            className="fields-table"
            colgroup={
              <>
                <col className="col-position" />
                <col className="col-label" />
                <col className="col-key" />
                <col />
                <col className="col-visibility" />
                <col className="col-actions" />
              </>
            }
          >
            {sorted.map((field) => (
              <tr key={field.id}>
                <td>{field.position}</td>
                <td>{field.label}</td>
                <td>
                  <code>{field.key}</code>
                </td>
                <td>
                  {TYPE_LABELS[field.type]}
                  {field.type === 'select' ? (
                    <div className="muted field-options" title={field.options.join(', ')}>
                      {optionsSummary(field.options)}
                    </div>
                  ) : null}
                </td>
                <td className="nowrap">{field.visibility === 'members' ? 'Members only' : 'Everyone'}</td>
                <td className="cell-actions">
                  <div className="row">
                    <Button size="sm" onClick={() => setEditing(field)} aria-label={`Edit ${field.label}`}>
                      Edit
                    </Button>
                    <Button size="sm" onClick={() => remove.ask(field)} aria-label={`Delete ${field.label}`}>
                      Delete
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {editing ? <CustomFieldDialog field={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog {...remove.dialog} title="Delete field?" confirmLabel="Delete field" danger>
        <p>“{deleting?.label}” and every value people entered for it will be removed.</p>
      </ConfirmDialog>
    </div>
  );
}

function NewFieldForm({ onCreated }: { onCreated: () => void }) {
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<CustomFieldType>('text');
  const [options, setOptions] = useState('');
  const [visibility, setVisibility] = useState<FieldVisibility>('everyone');
  const create = useMutation({
    mutationFn: () =>
      api.post<CustomField>('/api/v1/admin/custom-fields', {
        key: key.trim(),
        label: label.trim(),
        type,
        visibility,
        ...(type === 'select' ? { options: parseOptions(options) } : {}),
      }),
    onSuccess: () => {
      setLabel('');
      setKey('');
      setKeyEdited(false);
      setOptions('');
      onCreated();
    },
  });
  const createErrors = useFormErrors(create, {
    label: 'Label',
    key: 'Key',
    type: 'Type',
    visibility: 'Visibility',
    options: 'Options',
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => createErrors.field(field);

  return (
    <Card title="New profile field">
      <form ref={createErrors.formRef} className="stack" onSubmit={onSubmit} noValidate>
        <FormError banner={createErrors.banner} announcement={createErrors.announcement} />
        {create.isSuccess ? <Alert tone="success">Field created.</Alert> : null}
        <div className="grid-2">
          <TextField
            label="Label"
            required
            maxLength={LIMITS.customFieldLabel}
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              if (!keyEdited) setKey(keyFromLabel(event.target.value));
            }}
            error={err('label')}
          />
          <TextField
            label="Key"
            required
            maxLength={LIMITS.customFieldKey}
            hint="Used by the API; cannot be changed later."
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
              setKeyEdited(true);
            }}
            error={err('key')}
          />
          <Select
            label="Type"
            value={type}
            onChange={(event) => setType(event.target.value as CustomFieldType)}
            options={TYPE_OPTIONS}
            error={err('type')}
          />
          <Select
            label="Visibility"
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as FieldVisibility)}
            options={VISIBILITY_OPTIONS}
            error={err('visibility')}
          />
        </div>
        {type === 'select' ? (
          <TextArea
            label="Options"
            hint="One option per line."
            rows={4}
            value={options}
            onChange={(event) => setOptions(event.target.value)}
            error={err('options')}
          />
        ) : null}
        <div>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create field
          </Button>
        </div>
      </form>
    </Card>
  );
}
