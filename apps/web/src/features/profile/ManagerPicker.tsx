import type { PersonSummary } from '../../lib/types.ts';
import { PersonPicker } from '../people/PersonPicker.tsx';

interface ManagerPickerProps {
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** The person being edited: they cannot be their own manager. */
  excludeId: string;
  error?: string | undefined;
}

/** Choose someone's manager from the directory. */
export function ManagerPicker({ value, onChange, excludeId, error }: ManagerPickerProps) {
  return (
    <PersonPicker
      label="Manager"
      value={value}
      onChange={onChange}
      excludeId={excludeId}
      removeLabel="Remove manager"
      changePlaceholder="Search to change manager"
      error={error}
    />
  );
}
