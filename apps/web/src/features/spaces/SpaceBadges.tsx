import { Badge } from '../../components/ui/index.ts';
import type { SpaceSummary } from './types.ts';

/** Private / Secret / External community / Archived / Default, only those that apply. */
export function SpaceBadges({ space }: { space: SpaceSummary }) {
  return (
    <span className="space-badges">
      {space.visibility === 'private' ? <Badge>Private</Badge> : null}
      {space.visibility === 'secret' ? <Badge tone="danger">Secret</Badge> : null}
      {space.audience === 'external' ? <Badge tone="warning">External community</Badge> : null}
      {space.archived ? <Badge tone="neutral">Archived</Badge> : null}
      {space.isDefault ? <Badge tone="info">Default</Badge> : null}
    </span>
  );
}
