import { Card } from '../../components/ui/index.ts';
import { formatDate } from '../../lib/format.ts';
import { PersonLine } from '../people/PersonLine.tsx';
import { AUDIENCE_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from './labels.ts';
import { useCurrentSpace } from './SpacePage.tsx';

export function SpaceAbout() {
  const space = useCurrentSpace();
  return (
    <div className="space-about">
      <Card title="About">
        {space.description ? (
          <p className="space-text">{space.description}</p>
        ) : (
          <p className="muted">No description yet.</p>
        )}
        <dl className="detail-list">
          <div>
            <dt>Category</dt>
            <dd>{space.category ?? '—'}</dd>
          </div>
          <div>
            <dt>Audience</dt>
            <dd>{AUDIENCE_LABELS[space.audience]}</dd>
          </div>
          <div>
            <dt>Visibility</dt>
            <dd>
              {VISIBILITY_LABELS[space.visibility]}
              <div className="field-hint">{VISIBILITY_HINTS[space.visibility]}</div>
            </dd>
          </div>
          {space.createdAt ? (
            <div>
              <dt>Created</dt>
              <dd>{formatDate(space.createdAt)}</dd>
            </div>
          ) : null}
        </dl>
      </Card>
      <div className="stack">
        {space.guidelines ? (
          <Card title="Guidelines">
            <p className="space-text">{space.guidelines}</p>
          </Card>
        ) : null}
        {space.createdBy ? (
          <Card title="Created by">
            <PersonLine person={space.createdBy} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
