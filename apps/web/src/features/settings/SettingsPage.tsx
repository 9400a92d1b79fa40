import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { DeliverySettingsForm } from '../notifications/settings/DeliverySettingsForm.tsx';
import { DeliveryTable } from '../notifications/settings/DeliveryTable.tsx';
import { SpaceOverrides } from '../notifications/settings/SpaceOverrides.tsx';
import { WorkingHoursCard } from '../presence/WorkingHoursForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { SessionsPanel } from './SessionsPanel.tsx';
import { TokensPanel } from './TokensPanel.tsx';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const { hash } = useLocation();
  // "/settings#notifications" (from the notification center): bring that part into view.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <div className="stack settings">
        <DeliveryTable />
        <SpaceOverrides />
        <DeliverySettingsForm />
        <WorkingHoursCard />
        <PasswordForm />
        <SessionsPanel />
        <TokensPanel />
      </div>
    </>
  );
}
