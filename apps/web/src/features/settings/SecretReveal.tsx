import { useId, useState } from 'react';
import { Alert, Button } from '../../components/ui/index.ts';

/** Shows a new token's secret once, with a copy button. */
export function SecretReveal({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('failed');
    }
  };

  return (
    <Alert tone="success" title={`Token “${name}” created`}>
      <div className="stack secret-reveal">
        <p>Copy the secret now. It will not be shown again.</p>
        <label htmlFor={id} className="field-label">
          Token secret
        </label>
        <div className="row">
          <input
            id={id}
            className="input secret-input"
            readOnly
            value={secret}
            onFocus={(event) => event.target.select()}
          />
          <Button variant="primary" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
        <span aria-live="polite" className="muted">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Press Ctrl+C to copy the selected secret.'
              : ''}
        </span>
      </div>
    </Alert>
  );
}
