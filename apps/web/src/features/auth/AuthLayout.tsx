import type { ReactNode } from 'react';
import { Card } from '../../components/ui/index.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';

/** The frame of the public pages: product name and one centred card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main id="main" className="auth-page">
      <p className="auth-brand">Atrium</p>
      <Card as="div" className="auth-card">
        <h1>{title}</h1>
        {children}
      </Card>
    </main>
  );
}
