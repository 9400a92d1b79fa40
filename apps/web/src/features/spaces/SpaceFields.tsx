import { LIMITS } from '@atrium/contracts';
import { TextArea, TextField } from '../../components/ui/index.ts';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The fields a space's creator and its settings share. */
export function SpaceNameField({ value, onChange, error }: FieldProps) {
  return (
    <TextField
      label="Name"
      required
      maxLength={LIMITS.spaceName}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

export function SpaceDescriptionField({ value, onChange, error }: FieldProps) {
  return (
    <TextArea
      label="Description"
      rows={3}
      maxLength={LIMITS.spaceDescription}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

export function SpaceCategoryField({ value, onChange, error, hint }: FieldProps & { hint?: string }) {
  return (
    <TextField
      label="Category"
      hint={hint}
      maxLength={LIMITS.spaceCategory}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
