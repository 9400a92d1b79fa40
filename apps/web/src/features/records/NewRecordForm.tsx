import { LIMITS } from '@atrium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, FormError, Select, TextField } from '../../components/ui/index.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { createRecord, recordKeys, refreshRecordLists } from './api.ts';
import type { CreateRecordInput, RecordFieldDefinition, RecordType } from './types.ts';

interface NewRecordFormProps {
  types: RecordType[];
  onCancel: () => void;
}

/** Creates a record: its type, name, the type's field values and an optional link back. */
export function NewRecordForm({ types, onCancel }: NewRecordFormProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typeKey, setTypeKey] = useState(types.length === 1 ? (types[0]?.key ?? '') : '');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [externalUrl, setExternalUrl] = useState('');
  const type = types.find((item) => item.key === typeKey);
  const definitions = type?.fields ?? [];

  const create = useMutation({
    mutationFn: () => {
      const fields: Record<string, string> = {};
      for (const field of definitions) {
        const value = values[field.key]?.trim() ?? '';
        if (value !== '') fields[field.key] = value;
      }
      const input: CreateRecordInput = { type: typeKey, name: name.trim(), fields };
      if (externalUrl.trim()) input.externalUrl = externalUrl.trim();
      return createRecord(input);
    },
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.detail(record.id), record);
      refreshRecordLists(queryClient);
      navigate(`/records/${record.id}`);
    },
  });

  const labels: Record<string, string> = {
    type: 'Type',
    name: 'Name',
    externalUrl: 'External URL',
    ...Object.fromEntries(definitions.map((field) => [`fields.${field.key}`, field.label])),
  };
  const errors = useFormErrors(create, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const onTypeChange = (key: string) => {
    setTypeKey(key);
    setValues({});
    create.reset();
  };

  return (
    <form ref={errors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <Select
        label="Type"
        required
        aria-required="true"
        value={typeKey}
        onChange={(event) => onTypeChange(event.target.value)}
        error={errors.field('type')}
        options={[
          ...(types.length === 1 ? [] : [{ value: '', label: 'Choose a type…' }]),
          ...types.map((item) => ({ value: item.key, label: item.name })),
        ]}
      />
      <TextField
        label="Name"
        required
        aria-required="true"
        maxLength={LIMITS.recordName}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.field('name')}
      />
      {definitions.map((field) => (
        <FieldInput
          key={`${typeKey}:${field.key}`}
          field={field}
          value={values[field.key] ?? ''}
          onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          error={errors.field(`fields.${field.key}`)}
        />
      ))}
      <TextField
        label="External URL"
        hint="Optional. Where this record lives in its own system, e.g. https://…"
        type="url"
        inputMode="url"
        maxLength={LIMITS.url}
        value={externalUrl}
        onChange={(event) => setExternalUrl(event.target.value)}
        error={errors.field('externalUrl')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create record
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface FieldInputProps {
  field: RecordFieldDefinition;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** One input per field definition, by its type. */
function FieldInput({ field, value, onChange, error }: FieldInputProps) {
  const common = {
    label: field.label,
    required: field.required,
    'aria-required': field.required ? ('true' as const) : undefined,
    value,
    error,
  };
  switch (field.type) {
    case 'select':
      return (
        <Select
          {...common}
          onChange={(event) => onChange(event.target.value)}
          options={[
            { value: '', label: field.required ? 'Choose…' : 'None' },
            ...field.options.map((option) => ({ value: option, label: option })),
          ]}
        />
      );
    case 'number':
    case 'money':
      return (
        <TextField
          {...common}
          type="number"
          step="any"
          inputMode="decimal"
          hint={field.type === 'money' ? 'An amount, e.g. 1250.50' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'date':
      return <TextField {...common} type="date" onChange={(event) => onChange(event.target.value)} />;
    case 'url':
      return (
        <TextField
          {...common}
          type="url"
          inputMode="url"
          maxLength={LIMITS.url}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <TextField
          {...common}
          type="text"
          maxLength={LIMITS.recordFieldValue}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
