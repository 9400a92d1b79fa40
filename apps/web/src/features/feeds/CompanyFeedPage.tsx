import { Alert, EmptyState } from '../../components/ui/index.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { useMe } from '../auth/session.ts';
import { Composer } from '../posts/composer/Composer.tsx';
import { canAnnounceIn } from '../posts/useMySpaces.ts';
import { feeds } from './api.ts';
import { PostFeed } from './PostFeed.tsx';

/** The company-wide feed: employees only. */
export function CompanyFeedPage() {
  useDocumentTitle('Company');
  const me = useMe();
  if (me.person.kind !== 'member') {
    return (
      <Alert tone="info" title="Employees only">
        The company feed is for employees.
      </Alert>
    );
  }
  return (
    <div className="feed-page">
      <header className="page-header">
        <h1>Company</h1>
      </header>
      <Composer
        target={{
          input: { type: 'company' },
          label: 'the company feed',
          canAnnounce: canAnnounceIn(me, null),
        }}
      />
      <PostFeed
        source={feeds.company}
        label="Company feed"
        live={{ channels: ['company'] }}
        empty={
          <EmptyState title="No company posts yet">Be the first to share something with everyone.</EmptyState>
        }
      />
    </div>
  );
}
