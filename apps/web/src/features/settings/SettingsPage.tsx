import { useDocumentTitle } from '../../lib/hooks.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { SessionsPanel } from './SessionsPanel.tsx';
import { TokensPanel } from './TokensPanel.tsx';

export function SettingsPage() {
  useDocumentTitle('Settings');
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <div className="stack settings">
        <PasswordForm />
        <SessionsPanel />
        <TokensPanel />
      </div>
    </>
  );
}
