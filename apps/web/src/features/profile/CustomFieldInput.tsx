import { LIMITS } from '@atrium/contracts';
import { Select, TextField } from '../../components/ui/index.ts';
import type { CustomField } from '../../lib/types.ts';

interface CustomFieldInputProps {
  field: CustomField;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The right input for an admin-defined profile field. */
export function CustomFieldInput({ field, value, onChange, error }: CustomFieldInputProps) {
  const hint = field.visibility === 'members' ? 'Visible to members only.' : undefined;
  if (field.type === 'select') {
    const options = [
      { value: '', label: '—' },
      ...field.options.map((option) => ({ value: option, label: option })),
    ];
    if (value && !field.options.includes(value)) options.push({ value, label: value });
    return (
      <Select
        label={field.label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={options}
        hint={hint}
        error={error}
      />
    );
  }
  return (
    <TextField
      label={field.label}
      type={field.type === 'url' ? 'url' : field.type === 'date' ? 'date' : 'text'}
      placeholder={field.type === 'url' ? 'https://' : undefined}
      maxLength={LIMITS.customFieldValue}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={hint}
      error={error}
    />
  );
}
