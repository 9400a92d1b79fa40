import { Link } from 'react-router';
import { Avatar, Badge } from '../../components/ui/index.ts';
import type { PersonSummary } from '../../lib/types.ts';
import { PRESENCE_LABELS } from '../presence/labels.ts';
import { WithPresence } from '../presence/PresenceBadge.tsx';
import { StatusNote } from '../presence/StatusNote.tsx';

/** "Title · Department · Location" with the blanks left out. */
export function personMeta(person: PersonSummary): string {
  return [person.title, person.department, person.location].filter(Boolean).join(' · ');
}

export function KindBadge({ person }: { person: Pick<PersonSummary, 'kind' | 'organization'> }) {
  if (person.kind !== 'external') return null;
  return (
    <Badge tone="warning">{person.organization ? `External · ${person.organization}` : 'External'}</Badge>
  );
}

interface PersonLineProps {
  person: PersonSummary;
  /** Where the name links to; the profile by default. */
  to?: string;
  size?: 'sm' | 'md' | 'lg';
  current?: boolean;
}

/** Avatar, linked name and one line of details: used in lists, the org chart and pickers. */
export function PersonLine({ person, to, size = 'md', current = false }: PersonLineProps) {
  const meta = personMeta(person);
  return (
    <div className="person-line">
      <WithPresence presence={person.presence} announce={false}>
        <Avatar name={person.name} src={person.avatarUrl} size={size} />
      </WithPresence>
      <div className="person-line-text">
        <div className="person-line-name">
          <Link to={to ?? `/people/${person.handle}`} aria-current={current ? 'page' : undefined}>
            {person.name}
          </Link>
          {person.presence ? (
            <span className="visually-hidden"> ({PRESENCE_LABELS[person.presence].toLowerCase()})</span>
          ) : null}{' '}
          <KindBadge person={person} />
          {person.status === 'deactivated' ? <Badge tone="danger">Deactivated</Badge> : null}
        </div>
        {meta ? <div className="person-line-meta">{meta}</div> : null}
        <StatusNote status={person.currentStatus} />
      </div>
    </div>
  );
}
