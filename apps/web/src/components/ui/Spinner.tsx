interface SpinnerProps {
  size?: 'sm' | 'md';
  /** Text for screen readers; pass "" when the surrounding element already says what is loading. */
  label?: string;
}

export function Spinner({ size = 'md', label = 'Loading…' }: SpinnerProps) {
  return (
    <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined}>
      <span className="spinner-circle" aria-hidden="true" />
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}

/** A centred spinner for a whole page or panel. */
export function PageSpinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-spinner">
      <Spinner label={label} />
    </div>
  );
}
