import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * HTML rendered by the server from markdown. The server sanitizes it with an allow-list (no scripts, no
 * attributes beyond links' href/title/rel/target and a few classes), and this component is only ever given
 * that server field. Links to our own pages (mentions, topics) navigate inside the app.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || !href.startsWith('/') || href.startsWith('//') || link.target) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only delegates clicks on the links inside, which are keyboard operable themselves
    <div
      className={['rich-text', className ?? ''].filter(Boolean).join(' ')}
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, allow-list sanitized markdown
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
