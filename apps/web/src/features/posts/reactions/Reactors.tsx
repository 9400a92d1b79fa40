import type { ReactionKind } from '@atrium/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Avatar, LoadMore, Spinner } from '../../../components/ui/index.ts';
import { api, enc, errorMessage } from '../../../lib/api.ts';
import type { Page, PersonSummary } from '../../../lib/types.ts';
import { postKeys } from '../api.ts';
import { REACTION_LABELS } from '../labels.ts';

export interface Reactor {
  person: PersonSummary;
  kind: ReactionKind;
}

interface ReactorsProps {
  subject: 'posts' | 'comments';
  id: string;
  /** Kinds present on the subject, for the filter. */
  kinds: ReactionKind[];
}

/** Who reacted (only people the viewer may see), filtered by kind. */
export function Reactors({ subject, id, kinds }: ReactorsProps) {
  const [kind, setKind] = useState<ReactionKind | ''>('');
  const selectId = useId();
  const query = useInfiniteQuery({
    queryKey: postKeys.reactors(subject, id, kind),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Reactor>>(
        `/api/v1/${subject}/${enc(id)}/reactions`,
        { kind: kind || null, cursor: pageParam, limit: 20 },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="reactors">
      {kinds.length > 1 ? (
        <div className="field">
          <label htmlFor={selectId} className="field-label">
            Reaction
          </label>
          <select
            id={selectId}
            className="input select"
            value={kind}
            onChange={(event) => setKind(event.target.value as ReactionKind | '')}
          >
            <option value="">All</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {REACTION_LABELS[k].emoji} {REACTION_LABELS[k].label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {query.isPending ? (
        <Spinner label="Loading who reacted…" />
      ) : query.isError ? (
        <Alert tone="danger">{errorMessage(query.error)}</Alert>
      ) : items.length === 0 ? (
        <p className="muted">No one you can see.</p>
      ) : (
        <ul className="reactor-list" aria-live="polite">
          {items.map((item) => (
            <li key={`${item.person.id}-${item.kind}`} className="reactor">
              <Avatar name={item.person.name} src={item.person.avatarUrl} size="sm" />
              <Link to={`/people/${item.person.handle}`}>{item.person.name}</Link>
              <span title={REACTION_LABELS[item.kind].label}>
                <span aria-hidden="true">{REACTION_LABELS[item.kind].emoji}</span>
                <span className="visually-hidden">{REACTION_LABELS[item.kind].label}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={query} />
    </div>
  );
}
