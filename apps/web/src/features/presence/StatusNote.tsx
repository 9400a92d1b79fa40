import type { CurrentStatus } from '../../lib/types.ts';
import { statusText } from './labels.ts';

const ICONS = { available: '', busy: '⏳', do_not_disturb: '⛔', out_of_office: '🌴' } as const;

/** A person's status as one line ("Out of office until … — Back on Monday"); nothing when plainly available. */
export function StatusNote({
  status,
  className,
}: {
  status: CurrentStatus | null | undefined;
  className?: string;
}) {
  if (!status) return null;
  const text = statusText(status);
  if (!text) return null;
  const away = status.availability === 'out_of_office' || status.availability === 'do_not_disturb';
  return (
    <p className={['status-note', away ? 'is-away' : '', className ?? ''].filter(Boolean).join(' ')}>
      {ICONS[status.availability] ? (
        <span className="availability-icon" aria-hidden="true">
          {ICONS[status.availability]}
        </span>
      ) : null}
      {text}
    </p>
  );
}
