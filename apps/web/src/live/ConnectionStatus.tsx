import { useEffect, useState } from 'react';
import { useLiveStatus } from './hooks.ts';
import './live.css';

/** A short drop goes unnoticed; only a longer one is shown. */
const SHOW_AFTER_MS = 4_000;
const BACK_MESSAGE_MS = 3_000;

/** "Live updates paused, reconnecting…" after a few seconds without connection, "Back online" once it returns. */
export function ConnectionStatus() {
  const status = useLiveStatus();
  const down = status === 'disconnected' || status === 'connecting';
  const [shown, setShown] = useState<'down' | 'back' | null>(null);

  useEffect(() => {
    if (down) {
      const timer = window.setTimeout(() => setShown('down'), SHOW_AFTER_MS);
      return () => window.clearTimeout(timer);
    }
    if (status === 'open') {
      setShown((current) => (current === 'down' ? 'back' : current));
      const timer = window.setTimeout(() => setShown(null), BACK_MESSAGE_MS);
      return () => window.clearTimeout(timer);
    }
    setShown(null);
    return undefined;
  }, [down, status]);

  return (
    <div className="connection-status" role="status" aria-live="polite">
      {shown === 'down' ? (
        <p className="connection-status-message is-down">
          <span aria-hidden="true" className="connection-status-icon">
            ⟳
          </span>{' '}
          Live updates paused. Reconnecting…
        </p>
      ) : shown === 'back' ? (
        <p className="connection-status-message is-back">Live updates resumed.</p>
      ) : null}
    </div>
  );
}
