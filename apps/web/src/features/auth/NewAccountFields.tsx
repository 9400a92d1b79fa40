import { LIMITS } from '@atrium/contracts';
import { TextField } from '../../components/ui/index.ts';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The person's display name on a sign-up form. */
export function PersonNameField({ value, onChange, error }: FieldProps) {
  return (
    <TextField
      label="Name"
      autoComplete="name"
      required
      maxLength={LIMITS.personName}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

/** A password being chosen (not typed to sign in), with the length rule as its hint. */
export function NewPasswordField({ value, onChange, error }: FieldProps) {
  return (
    <TextField
      label="Password"
      type="password"
      autoComplete="new-password"
      required
      minLength={LIMITS.password.min}
      hint={`At least ${LIMITS.password.min} characters.`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
