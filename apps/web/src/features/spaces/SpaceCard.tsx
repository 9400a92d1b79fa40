import { Link } from 'react-router';
import { Avatar } from '../../components/ui/index.ts';
import { plural } from '../../lib/format.ts';
import { SpaceActions } from './SpaceActions.tsx';
import { SpaceBadges } from './SpaceBadges.tsx';
import type { SpaceSummary } from './types.ts';

export function SpaceCard({ space }: { space: SpaceSummary }) {
  return (
    <article className="space-card">
      <div className="space-card-head">
        <Avatar name={space.name} src={space.avatarUrl} size="md" />
        <div className="space-card-title">
          <h2 className="space-card-name">
            <Link to={`/spaces/${space.handle}`}>{space.name}</Link>
          </h2>
          <SpaceBadges space={space} />
        </div>
      </div>
      {space.description ? <p className="space-card-description">{space.description}</p> : null}
      <div className="space-card-foot">
        <span className="muted">
          {[space.category, space.memberCount !== null ? plural(space.memberCount, 'member') : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <SpaceActions space={space} />
      </div>
    </article>
  );
}
